package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
)

// rssOf is a feed of the titles, each published at its time.
func rssOf(items map[string]time.Time) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Step Wire</title>`)
	for title, pub := range items {
		slug := strings.ReplaceAll(strings.ToLower(title), " ", "-")
		fmt.Fprintf(&b, `<item><title>%s</title><link>https://step.example/%s</link><guid>%s</guid><pubDate>%s</pubDate><description>%s</description></item>`,
			title, slug, slug, pub.UTC().Format(time.RFC1123Z), distinctText(slug))
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

// The clock steps (NTP) 2 h forward, then 1 h back, while the bot runs:
// every report is alerted once, none twice, the digest due in the jump is
// sent once and not again when the clock passes its time a second time.
func TestClockStepsLoseNoAlertAndSendTheDigestOnce(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	clk := testkit.NewClock(time.Date(2026, 11, 27, 7, 0, 0, 0, time.UTC))
	items := map[string]time.Time{"Quake backlog near " + placeName(0, 1): clk.Now()}
	feed := feedtest.New(t, "testdata/feeds/world-v1.xml", "application/rss+xml")
	feed.Set(rssOf(items), "application/rss+xml")
	a := startApp(t, testConfig{tg: tg, sources: []testSource{{"Step Wire", feed.URL + "/step.xml"}}, rest: "[digest]\nsend_empty = true\n"}.String(), clk.Now)
	a.waitFetched(t, 1)
	ctx := context.Background()
	const chat = 7300
	tg.SendText(chat, "private", chat, "/subscribe quake")
	tg.SendText(chat, "private", chat, "/digest 08:30")
	tg.WaitSent(t, chat, 2, 10*time.Second)

	poll := func(title string) {
		t.Helper()
		items[title] = clk.Now()
		feed.Set(rssOf(items), "application/rss+xml")
		if err := a.parts.Poller.PollOnce(ctx); err != nil {
			t.Fatal(err)
		}
	}
	// count counts sub in the alerts (not the replies, not the digest).
	count := func(sub string) int {
		n := 0
		for _, c := range tg.Sent(chat) {
			if strings.HasSuffix(c.Text(), "🔔 quake") {
				n += strings.Count(c.Text(), sub)
			}
		}
		return n
	}
	digests := func() int {
		n := 0
		for _, c := range tg.Sent(chat) {
			if strings.HasPrefix(c.Text(), "📰 <b>") {
				n++
			}
		}
		return n
	}
	settle := func() {
		t.Helper()
		a.waitOutboxEmpty(t, 10*time.Second)
		waitSenderLooks(t, a.parts.Sender)
	}

	poll("Quake report one near " + placeName(1, 1))
	testkit.WaitWithin(t, "the first alert", 10*time.Second, func() bool { return count("Quake report one") == 1 })

	clk.Advance(2 * time.Hour) // 09:00: the 08:30 digest fell in the jump
	if _, err := a.parts.Digest.Tick(ctx, clk.Now()); err != nil {
		t.Fatal(err)
	}
	testkit.WaitWithin(t, "the digest due in the jump", 10*time.Second, func() bool { return digests() == 1 })
	poll("Quake report two near " + placeName(2, 1))
	testkit.WaitWithin(t, "the alert after the jump forward", 10*time.Second, func() bool { return count("Quake report two") == 1 })

	clk.Advance(-time.Hour) // 08:00: report two now lies an hour ahead of the clock
	poll("Quake report three near " + placeName(3, 1))
	testkit.WaitWithin(t, "the alert after the step back", 10*time.Second, func() bool { return count("Quake report three") == 1 })

	clk.Set(time.Date(2026, 11, 27, 8, 31, 0, 0, time.UTC)) // 08:30 passes a second time
	if _, err := a.parts.Digest.Tick(ctx, clk.Now()); err != nil {
		t.Fatal(err)
	}
	poll("Quake report four near " + placeName(4, 1))
	testkit.WaitWithin(t, "the alert after 08:30 came again", 10*time.Second, func() bool { return count("Quake report four") == 1 })
	a.pollOnce(t)
	settle()

	for _, r := range []string{"one", "two", "three", "four"} {
		if n := count("Quake report " + r); n != 1 {
			t.Errorf("report %s alerted %d times, want 1", r, n)
		}
	}
	if n := count("Quake backlog"); n != 0 {
		t.Errorf("the backlog was alerted %d times", n)
	}
	if n := digests(); n != 1 {
		t.Errorf("%d digests on 27 November, want 1", n)
	}
}
