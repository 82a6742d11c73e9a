package bot

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

// runSender runs a sender of the rig until the returned stop is called
// (or the test ends).
func (r *senderRig) runSender(t *testing.T, obs Observer) (*Sender, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	tr, err := NewTelegram(ctx, TelegramOptions{Token: rigToken, Endpoint: r.tg.Endpoint(), PollTimeout: time.Second, Logger: r.opts.Logger})
	if err != nil {
		t.Fatal(err)
	}
	opts := r.opts
	opts.Transport, opts.Observer = tr, obs
	s := NewSender(opts)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := s.Run(ctx); err != nil {
			t.Errorf("sender: %v", err)
		}
	}()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			testkit.Receive(t, "the sender's stop", done)
		})
	}
	t.Cleanup(stop)
	return s, stop
}

// countingObserver counts what the sender tells it.
type countingObserver struct {
	sent, failed atomic.Int64
}

func (c *countingObserver) Sent(string)    { c.sent.Add(1) }
func (c *countingObserver) SendFailed(int) { c.failed.Add(1) }

// Telegram down for an hour (every call refused with 502 or cut), the bot
// restarted in the middle of it: when Telegram is back, every queued message
// goes, each chat's in order, none twice, none lost.
func TestTelegramDownForAnHourThenBack(t *testing.T) {
	r := newSenderRig(t)
	chats := []int64{10, 20, 30}
	subs := map[int64]int64{}
	for _, c := range chats {
		subs[c] = r.chat(t, c, "private")
	}
	var down atomic.Bool
	down.Store(true)
	var refusals atomic.Int64
	r.tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if !down.Load() || c.Method == "getMe" {
			return nil
		}
		if refusals.Add(1)%2 == 0 {
			return &telegramtest.Reply{Hangup: true}
		}
		return &telegramtest.Reply{Code: 502, Description: "Bad Gateway"}
	})
	want := map[int64][]string{}
	queue := func(round int) {
		for _, c := range chats {
			var titles []string
			for i := range 3 {
				titles = append(titles, fmt.Sprintf("chat %d round %d alert %d", c, round, i))
			}
			r.alerts(t, c, subs[c], titles...)
			want[c] = append(want[c], titles...)
			reply := fmt.Sprintf("chat %d round %d reply", c, round)
			r.reply(t, c, reply)
			want[c] = append(want[c], reply)
		}
	}
	obs := &countingObserver{}
	queue(1)
	s, stop := r.runSender(t, obs)
	for minute := 0; minute < 30; minute += 2 {
		waitLooks(t, s)
		r.clock.Advance(2 * time.Minute)
		s.Notify() // look now, not at the next tick
	}
	stop() // a restart in the middle of the outage
	queue(2)
	s, _ = r.runSender(t, obs)
	for minute := 30; minute < 60; minute += 2 {
		waitLooks(t, s)
		r.clock.Advance(2 * time.Minute)
		s.Notify() // look now, not at the next tick
	}
	waitLooks(t, s)
	if n := len(r.tg.Sent(0)); n != 0 {
		t.Fatalf("%d messages accepted while Telegram was down", n)
	}
	if obs.failed.Load() == 0 {
		t.Fatal("no failure observed during the outage")
	}
	tried := refusals.Load()
	down.Store(false)
	r.clock.Advance(maxRetryWait + time.Second) // every backoff over
	total := 0
	for _, c := range chats {
		total += len(want[c])
	}
	r.tg.WaitSent(t, 0, total, 10*time.Second)
	waitLooks(t, s)
	for _, c := range chats {
		got := r.tg.Sent(c)
		if len(got) != len(want[c]) {
			t.Errorf("chat %d got %d messages, want %d: %q", c, len(got), len(want[c]), texts(got))
			continue
		}
		// Replies go before the alerts queued with them; alerts keep their order.
		var alerts, replies []string
		for _, g := range got {
			if strings.Contains(g.Text(), "reply") {
				replies = append(replies, g.Text())
			} else {
				alerts = append(alerts, g.Text())
			}
		}
		var wantAlerts, wantReplies []string
		for _, w := range want[c] {
			if strings.Contains(w, "reply") {
				wantReplies = append(wantReplies, w)
			} else {
				wantAlerts = append(wantAlerts, w)
			}
		}
		for i, w := range wantAlerts {
			if !strings.Contains(alerts[i], w) {
				t.Errorf("chat %d alert %d = %q, want %q (order)", c, i, alerts[i], w)
			}
		}
		for i, w := range wantReplies {
			if replies[i] != w {
				t.Errorf("chat %d reply %d = %q, want %q", c, i, replies[i], w)
			}
		}
	}
	st := r.statuses(t)
	if st[news.StatusSent] != total || st[news.StatusPending] != 0 || st[news.StatusDropped] != 0 {
		t.Errorf("outbox after the outage: %v, want %d sent", st, total)
	}
	t.Logf("calls refused during the hour: %d; sent after: %d", tried, obs.sent.Load())
}
