package main

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
)

// A slow Telegram at the start (each setMyCommands answered late) does not
// hold back what the outbox holds: the replies left queued by the last run go
// while the menus are still being registered.
func TestSlowMenusDoNotHoldTheOutbox(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	cfg := testConfig{tg: tg}.String()
	dir := t.TempDir()
	cfg = strings.ReplaceAll(cfg, "{{db}}", dir+"/keep.db")

	// First run: the reply to /start cannot be sent (Telegram answers 502),
	// so it stays queued when the bot stops.
	var mu sync.Mutex
	down := true
	tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		mu.Lock()
		defer mu.Unlock()
		if down && c.Method == "sendMessage" {
			return &telegramtest.Reply{Code: 502, Description: "Bad Gateway"}
		}
		return nil
	})
	a := startApp(t, cfg, time.Now)
	tg.SendText(5, "private", 5, "/start")
	testkit.WaitFor(t, "an attempt to answer /start", func() bool { return len(tg.Calls("sendMessage")) > 0 })
	a.stop()

	// Second run: setMyCommands answers only once a message went out, or
	// after 3 s; with the sender waiting for the menus (twelve calls, 36 s)
	// the start would not finish within startApp's 10 s.
	released := make(chan struct{})
	var once sync.Once
	tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		switch c.Method {
		case "sendMessage":
			once.Do(func() { close(released) })
		case "setMyCommands", "setMyDescription", "setMyShortDescription":
			select {
			case <-released:
			case <-time.After(3 * time.Second):
			}
		}
		return nil
	})
	startApp(t, cfg, time.Now)
	if got := tg.WaitSent(t, 5, 1, 5*time.Second); !strings.Contains(got[0].Text(), "/subscribe") {
		t.Errorf("the queued reply to /start = %q", got[0].Text())
	}
}
