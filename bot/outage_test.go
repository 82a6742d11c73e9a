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

// When Telegram comes back after an outage (every call failing for more
// than outageMin), the first message it accepts releases the chats' heads
// held for the outage at once, instead of each waiting out its backoff (up
// to maxRetryWait): the news queued during the outage goes as soon as it
// can.
func TestTelegramBackReleasesTheHeldChats(t *testing.T) {
	r := newSenderRig(t)
	chats := []int64{10, 20, 30}
	for _, c := range chats {
		r.alerts(t, c, r.chat(t, c, "private"), fmt.Sprintf("alert for %d", c))
	}
	r.chat(t, 40, "private")
	var down atomic.Bool
	down.Store(true)
	r.tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if down.Load() && c.Method == "sendMessage" {
			return &telegramtest.Reply{Code: 502, Description: "Bad Gateway"}
		}
		return nil
	})
	s, _ := r.runSender(t, nil)
	for range 10 { // ten minutes down: the heads' backoff grows to minutes
		waitLooks(t, s)
		r.clock.Advance(time.Minute)
		s.Notify()
	}
	waitLooks(t, s)
	down.Store(false)
	r.reply(t, 40, "a reply queued as Telegram comes back")
	s.Notify()
	r.tg.WaitSent(t, 40, 1, 5*time.Second)
	for _, c := range chats {
		r.tg.WaitSent(t, c, 1, 5*time.Second) // no clock moved: released, not due by their backoff
	}
}

// A message that fails alone while others go (Telegram is fine: a 5xx for
// that message only) keeps its backoff: successes do not release it.
func TestOneFailingMessageKeepsItsBackoff(t *testing.T) {
	r := newSenderRig(t)
	sub := r.chat(t, 10, "private")
	r.alerts(t, 10, sub, "poison")
	r.chat(t, 40, "private")
	r.tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "sendMessage" && c.ChatID() == 10 {
			return &telegramtest.Reply{Code: 500, Description: "Internal Server Error"}
		}
		return nil
	})
	s, _ := r.runSender(t, nil)
	testkit.WaitFor(t, "the first failure", func() bool { return len(r.tg.Calls("sendMessage")) == 1 })
	for i := range 5 {
		r.reply(t, 40, fmt.Sprintf("reply %d", i))
		s.Notify()
		r.tg.WaitSent(t, 40, i+1, 5*time.Second)
	}
	waitLooks(t, s)
	if n := len(r.tg.Calls("sendMessage")) - 5; n != 1 {
		t.Errorf("the failing message was tried %d times while its backoff ran, want once", n)
	}
}
