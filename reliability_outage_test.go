package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
)

// newestFeed is an RSS feed of the last two titles only, as a busy site's
// feed keeps only its newest items: what it dropped is gone for a poller.
func newestFeed(titles []string) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Outage Wire</title>`)
	for _, title := range titles[max(0, len(titles)-2):] {
		slug := strings.ReplaceAll(strings.ToLower(title), " ", "-")
		fmt.Fprintf(&b, `<item><title>%s</title><link>https://outage.example/%s</link><guid>%s</guid><pubDate>%s</pubDate><description>%s</description></item>`,
			title, slug, slug, time.Now().UTC().Format(time.RFC1123Z), distinctText(slug))
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

// Telegram is unreachable when the bot starts (the network comes up after
// the machine, or Telegram is down): the bot polls its sources all the
// same, so that the news published meanwhile is stored before it drops off
// the feed, and alerted once each when Telegram answers. (It waited for
// Telegram before starting anything: news that left the feed meanwhile was
// never seen, and never alerted.)
func TestTelegramDownAtStartLosesNoNewsThatLeavesTheFeed(t *testing.T) {
	const chat = 7400
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "outage.db")
	seedSubscribers(t, dbPath, []int64{chat}, "quake")

	tg := telegramtest.New(t, testToken)
	var down atomic.Bool
	down.Store(true)
	tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if down.Load() {
			return &telegramtest.Reply{Hangup: true} // the network is down
		}
		return nil
	})
	titles := []string{"Quake backlog near " + placeName(9, 1)}
	feed := feedtest.New(t, "testdata/feeds/world-v1.xml", "application/rss+xml")
	feed.Set(newestFeed(titles), "application/rss+xml")
	cfgPath := filepath.Join(dir, "newshound.toml")
	cfg := fmt.Sprintf("[telegram]\ntoken = %q\napi_endpoint = %q\npoll_timeout = \"1s\"\n[storage]\npath = %q\n[poller]\nschedule = \"@every 1s\"\n[[sources]]\nname = \"Outage Wire\"\nurl = %q\n",
		testToken, tg.Endpoint(), dbPath, feed.URL+"/outage.xml")
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	m := NewMain(strings.NewReader(""), &bytes.Buffer{}, logs, func(string) string { return "" })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx, cfgPath) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Error("Run did not stop within 20 s of cancel")
		}
	})
	stored := func(title string) bool {
		return countRows(t, dbPath, fmt.Sprintf(`SELECT count(*) FROM articles WHERE title = '%s'`, title)) == 1
	}
	// The backlog, then three reports, each gone from the feed two reports
	// later: each must be fetched while Telegram is still down.
	for i := 1; i <= 4; i++ {
		testkit.WaitWithin(t, fmt.Sprintf("%q stored while Telegram is down", titles[len(titles)-1]), 30*time.Second, func() bool {
			select {
			case err := <-done:
				t.Fatalf("Run ended: %v\n%s", err, logs)
			default:
			}
			return stored(titles[len(titles)-1])
		})
		if i < 4 {
			titles = append(titles, fmt.Sprintf("Quake report %d near %s", i, placeName(9, i+1)))
			feed.Set(newestFeed(titles), "application/rss+xml")
		}
	}

	down.Store(false)
	for _, title := range titles[1:] {
		tg.WaitSent(t, chat, 3, 90*time.Second) // getMe backs off up to a minute
		testkit.WaitWithin(t, "no alert pending", 30*time.Second, func() bool {
			return countRows(t, dbPath, `SELECT count(*) FROM outbox WHERE status = 'pending'`) == 0
		})
		n := 0
		for _, c := range tg.Sent(chat) {
			n += strings.Count(c.Text(), title)
		}
		if n != 1 {
			t.Errorf("%q alerted %d times, want 1", title, n)
		}
	}
	for _, c := range tg.Sent(chat) {
		if strings.Contains(c.Text(), "Quake backlog") {
			t.Errorf("the backlog was alerted: %s", c.Text())
		}
	}
}

// A stop (SIGTERM from systemd, Ctrl-C) while Telegram is still unreachable
// at start is a clean stop, as one while waiting for a locked database is:
// Run returns nil, so the process exits 0 and systemd's Restart=on-failure
// does not count a `systemctl stop` as a failure. (It returned "connect to
// telegram: ...: context canceled" and the process exited 1.)
func TestStopWhileTelegramIsUnreachableIsClean(t *testing.T) {
	dir := t.TempDir()
	tg := telegramtest.New(t, testToken)
	tg.Inject(func(telegramtest.Call) *telegramtest.Reply { return &telegramtest.Reply{Hangup: true} })
	cfgPath := filepath.Join(dir, "newshound.toml")
	cfg := fmt.Sprintf("[telegram]\ntoken = %q\napi_endpoint = %q\n[storage]\npath = %q\n", testToken, tg.Endpoint(), filepath.Join(dir, "n.db"))
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	m := NewMain(strings.NewReader(""), &bytes.Buffer{}, logs, func(string) string { return "" })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx, cfgPath) }()
	testkit.WaitWithin(t, "the bot says Telegram is unreachable", 30*time.Second, func() bool {
		return strings.Contains(logs.String(), "telegram unreachable")
	})
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run after a stop while Telegram was unreachable = %v, want nil (a clean stop)", err)
		}
		// Every stop says so with the outbox's backlog, whatever step of
		// the start it interrupted (this one said nothing of it).
		if !strings.Contains(logs.String(), "msg=stopped outbox_pending=0") {
			t.Errorf("no stop line with the outbox's backlog in the log:\n%s", logs.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Run did not stop within 20 s of cancel")
	}
}

// A stop that comes while the start is under way (here: as Telegram answers
// getMe) is a clean stop, whichever step of the start it interrupts. (One
// during the router's setup returned "secret callback_data: context
// canceled", and the process exited 1.)
func TestStopDuringTheStartIsClean(t *testing.T) {
	for i := range 3 {
		dir := t.TempDir()
		tg := telegramtest.New(t, testToken)
		ctx, cancel := context.WithCancel(context.Background())
		tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
			if c.Method == "getMe" {
				cancel()
			}
			return nil
		})
		cfgPath := filepath.Join(dir, "newshound.toml")
		cfg := fmt.Sprintf("[telegram]\ntoken = %q\napi_endpoint = %q\n[storage]\npath = %q\n", testToken, tg.Endpoint(), filepath.Join(dir, "n.db"))
		if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
			t.Fatal(err)
		}
		logs := &syncBuffer{}
		m := NewMain(strings.NewReader(""), &bytes.Buffer{}, logs, func(string) string { return "" })
		if err := m.Run(ctx, cfgPath); err != nil {
			t.Errorf("start %d: Run stopped during the start = %v, want nil (a clean stop)\n%s", i, err, logs)
		}
		cancel()
	}
}
