package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/locale"
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
