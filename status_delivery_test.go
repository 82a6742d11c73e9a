package main

import (
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
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
