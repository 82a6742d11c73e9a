package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/news"
)

// /status says what waits in the outbox and, while Telegram's calls fail,
// since when (it said nothing of delivery).
func TestStatusTellsTheOutboxAndTheOutage(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "sendMessage" && c.Params.Get("chat_id") == "7" {
			return &telegramtest.Reply{Code: 502, Description: "Bad Gateway"}
		}
		return nil
	})
	a := startApp(t, testConfig{tg: tg, telegram: "admins = [42]\n"}.String(), time.Now)
	tg.SendText(42, "private", 42, "/status")
	if got := tg.WaitSent(t, 42, 1, testkit.WaitTimeout)[0].Text(); !strings.Contains(got, "Outbox: 0 messages waiting to be sent.") {
		t.Errorf("/status with nothing queued and Telegram fine:\n%s", got)
	}
	tg.SendText(7, "private", 7, "/start")
	testkit.WaitFor(t, "the sender holding the reply to chat 7 for Telegram's failure", func() bool { return !a.parts.Sender.FailingSince().IsZero() })
	tg.SendText(42, "private", 42, "/status")
	got := tg.WaitSent(t, 42, 2, testkit.WaitTimeout)[1].Text()
	if !strings.Contains(got, "Outbox: 1 message waiting to be sent; Telegram calls have failed since ") {
		t.Errorf("/status while a message waits for a failing Telegram:\n%s", got)
	}
}

// An operator's trial: /status said "Outbox: 1 message waiting" almost every
// time, counting the reply to the command before it, on its way to Telegram
// at that moment. A message in flight is not waiting while Telegram's calls
// go well; while they fail, it is (the try most likely fails again).
func TestStatusOutboxLeavesOutTheMessageInFlight(t *testing.T) {
	w := newWatch(&fakeWatchStore{}, nopObs{}, nopObs{}, time.Now)
	var failing time.Time
	pending, inFlight := 1, 1
	w.setDelivery(func(context.Context) (int, error) { return pending, nil }, func() time.Time { return failing }, func() int { return inFlight })
	p := locale.FromContext(context.Background())
	if got := w.delivery(context.Background(), p); got != "Outbox: 0 messages waiting to be sent." {
		t.Errorf("the one pending message is on its way: %q", got)
	}
	pending = 3
	if got := w.delivery(context.Background(), p); got != "Outbox: 2 messages waiting to be sent." {
		t.Errorf("three pending, one on its way: %q", got)
	}
	failing = time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	if got := w.delivery(context.Background(), p); !strings.HasPrefix(got, "Outbox: 3 messages waiting to be sent; Telegram calls have failed since") {
		t.Errorf("while Telegram fails, the try in flight waits too: %q", got)
	}
}

// Right after the demo's alerts the console's /status said "Outbox: 1
// message waiting to be sent" and nothing more: the message was an alert
// held to gather a burst of alerts into one list (alerts.burst_max), not a
// stuck one. /status says what is held, why, and when it goes; a retry
// after a failed send is told apart.
func TestStatusSaysWhyOutboxMessagesAreHeld(t *testing.T) {
	now := time.Date(2026, 11, 30, 21, 40, 0, 0, time.UTC)
	w := newWatch(&fakeWatchStore{}, nopObs{}, nopObs{}, func() time.Time { return now })
	pending := 4
	w.setDelivery(func(context.Context) (int, error) { return pending, nil }, func() time.Time { return time.Time{} }, func() int { return 0 })
	hold := news.OutboxHold{Burst: 3, BurstUntil: now.Add(40 * time.Second)}
	var asked time.Time
	w.setHeld(func(_ context.Context, at time.Time) (news.OutboxHold, error) { asked = at; return hold, nil })
	p := locale.FromContext(context.Background())
	got := w.delivery(context.Background(), p)
	if want := "Outbox: 4 messages waiting to be sent. Of them, 3 messages: held until 21:40:40 UTC to go as one list of alerts (more than alerts.burst_max alerts for a chat within a minute)."; got != want {
		t.Errorf("a burst being gathered:\n got %q\nwant %q", got, want)
	}
	if !asked.Equal(now) {
		t.Errorf("held asked as of %v, want the watch's now %v", asked, now)
	}
	hold = news.OutboxHold{Retry: 1, RetryUntil: now.Add(2 * time.Minute)}
	if got := w.delivery(context.Background(), p); !strings.HasSuffix(got, ". Of them, 1 message: held until 21:42:00 UTC for a retry after a failed send (the log says why).") {
		t.Errorf("a retry:\n%q", got)
	}
	hold = news.OutboxHold{}
	if got := w.delivery(context.Background(), p); got != "Outbox: 4 messages waiting to be sent." {
		t.Errorf("nothing held: %q", got)
	}
	ru := locale.For("ru")
	hold = news.OutboxHold{Burst: 3, BurstUntil: now.Add(40 * time.Second)}
	if got := w.delivery(context.Background(), ru); !strings.Contains(got, "одним списком оповещений") {
		t.Errorf("in Russian: %q", got)
	}
}
