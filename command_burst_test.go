package main

import (
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
)

// A new user trying the bot sent /start, /help, /subscribe, /list,
// /settings and a few more in quick succession, and from the sixth on got
// "🐢 That is a lot of commands at once" instead of answers: the default
// burst of 5 held back an ordinary first minute. With the default
// configuration ten commands at once are all answered.
func TestTenQuickCommandsAreAllAnswered(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	clk := testkit.NewClock(time.Date(2026, 6, 10, 12, 0, 0, 0, time.UTC))
	// The fake has no per-chat send limit, and this clock stands still.
	startApp(t, testConfig{tg: tg, telegram: "chat_per_second = 100.0\n"}.String(), clk.Now)
	const chat = 6161
	cmds := []string{"/start", "/help", "/subscribe kursk", "/list", "/settings", "/id", "/timezone Europe/Berlin", "/sources", "/latest", "/trending"}
	for _, c := range cmds {
		tg.SendText(chat, "private", 9, c)
	}
	got := tg.WaitSent(t, chat, len(cmds), 10*time.Second)
	for i, m := range got {
		t.Logf("%d: %.80q", i, m.Text())
	}
	for i, m := range got {
		if strings.Contains(m.Text(), "lot of commands") {
			t.Errorf("reply %d was the flood notice: %s", i+1, m.Text())
		}
	}
}
