package bot

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/news"
)

// memOutbox is an outbox of replies in memory, so that a test of the rates
// is not bound by the database: each chat's messages in order, one head per
// chat due at a time, as the store's DueMessages gives them. Methods replies
// never need are left to the embedded nil interface.
type memOutbox struct {
	Outbox
	AlertBook
	ChatBook
	mu      sync.Mutex
	queues  map[int64][]news.Message
	pending int
	done    chan struct{} // closed once every message is sent
}

func newMemOutbox() *memOutbox {
	return &memOutbox{queues: map[int64][]news.Message{}, done: make(chan struct{})}
}

func (o *memOutbox) add(chatID int64, chatType, text string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.pending++
	id := int64(o.pending)
	o.queues[chatID] = append(o.queues[chatID], news.Message{ID: id, ChatID: chatID, ChatType: chatType, Kind: news.KindReply,
		Priority: news.PriorityReply, Text: text})
}

func (o *memOutbox) DueMessages(_ context.Context, now time.Time, limit int) ([]news.Message, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	var out []news.Message
	for _, q := range o.queues {
		if len(q) > 0 && !q[0].NotBefore.After(now) {
			out = append(out, q[0])
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out[:min(len(out), limit)], nil
}

func (o *memOutbox) settle(id int64) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	for chat, q := range o.queues {
		if len(q) > 0 && q[0].ID == id {
			o.queues[chat] = q[1:]
			if o.pending--; o.pending == 0 {
				close(o.done)
			}
			return nil
		}
	}
	return fmt.Errorf("message %d is not a head", id)
}

func (o *memOutbox) MarkSent(_ context.Context, id int64, _ int) error { return o.settle(id) }
func (o *memOutbox) MarkDropped(_ context.Context, id int64, _ string) error {
	return fmt.Errorf("message %d dropped", id)
}
func (o *memOutbox) MarkRetry(_ context.Context, id int64, notBefore time.Time, _ string) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, q := range o.queues {
		if len(q) > 0 && q[0].ID == id {
			q[0].NotBefore = notBefore
			q[0].Attempts++
		}
	}
	return nil
}

// maxInWindow is the most of times (sorted) within any window of length w.
func maxInWindow(times []time.Time, w time.Duration) int {
	most, j := 0, 0
	for i := range times {
		for times[i].Sub(times[j]) >= w {
			j++
		}
		most = max(most, i-j+1)
	}
	return most
}

// TestLimitsHoldInEverySlidingWindow sends thousands of messages to many
// private chats and groups through the fake Telegram and checks, on the
// times they arrived there, every sliding window: the global rate in any
// second, a private chat's in any second (a burst of at most 3) and over
// longer windows, and a group's per minute (scaled to a second, so that a
// short run shows it).
func TestLimitsHoldInEverySlidingWindow(t *testing.T) {
	if testing.Short() {
		t.Skip("sends for several seconds")
	}
	rates := Rates{GlobalPerSecond: 500, ChatPerSecond: 1, GroupPerMinute: 120}
	const privates, perPrivate, groups, perGroup = 500, 4, 40, 5
	out := newMemOutbox()
	for i := range max(perPrivate, perGroup) {
		for c := range privates {
			if i < perPrivate {
				out.add(int64(1000+c), "private", fmt.Sprintf("private %d #%d", c, i))
			}
		}
		for g := range groups {
			if i < perGroup {
				out.add(int64(-1000-g), "group", fmt.Sprintf("group %d #%d", g, i))
			}
		}
	}
	tg := telegramtest.New(t, rigToken)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	logs := &rigLogBuffer{}
	tr, err := NewTelegram(ctx, TelegramOptions{Token: rigToken, Endpoint: tg.Endpoint(), PollTimeout: time.Second,
		Logger: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	s := NewSender(SenderOptions{Outbox: out, Alerts: out, Chats: out, Transport: tr, Rates: rates, Logger: slog.New(slog.NewTextHandler(logs, nil))})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		if err := s.Run(ctx); err != nil && ctx.Err() == nil {
			t.Errorf("sender: %v", err)
		}
	}()
	select {
	case <-out.done:
	case <-time.After(60 * time.Second):
		t.Fatalf("%d messages still unsent after 60 s; log:\n%s", out.pending, logs)
	}
	cancel()
	<-stopped

	var all []time.Time
	byChat := map[int64][]time.Time{}
	for _, c := range tg.Sent(0) {
		all = append(all, c.At)
		byChat[c.ChatID()] = append(byChat[c.ChatID()], c.At)
	}
	if want := privates*perPrivate + groups*perGroup; len(all) != want {
		t.Fatalf("%d messages arrived, want %d", len(all), want)
	}
	sortTimes := func(ts []time.Time) { sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) }) }
	sortTimes(all)
	t.Logf("%d messages in %s", len(all), all[len(all)-1].Sub(all[0]).Round(time.Millisecond))
	t.Logf("at most %d in any second", maxInWindow(all, time.Second))
	if n := maxInWindow(all, time.Second); n > int(rates.GlobalPerSecond) {
		t.Errorf("%d messages arrived within one second, want at most %v", n, rates.GlobalPerSecond)
	}
	for chat, ts := range byChat {
		sortTimes(ts)
		if chat > 0 {
			if n := maxInWindow(ts, time.Second); n > 3 {
				t.Errorf("private chat %d: %d messages within one second, want at most 3", chat, n)
			}
			if n := maxInWindow(ts, 2*time.Second); n > 2+2 {
				t.Errorf("private chat %d: %d messages within two seconds, want at most 4 (one a second after a burst of 2)", chat, n)
			}
			continue
		}
		if n := maxInWindow(ts, time.Minute); n > int(rates.GroupPerMinute) {
			t.Errorf("group %d: %d messages within a minute, want at most %v", chat, n, rates.GroupPerMinute)
		}
		if n := maxInWindow(ts, time.Second); n > int(rates.GroupPerMinute/60) {
			t.Errorf("group %d: %d messages within a second, want at most %v", chat, n, rates.GroupPerMinute/60)
		}
	}
}
