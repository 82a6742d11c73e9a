package main

import (
	"os"
	"path/filepath"
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

// A 429 while the menus are registered is waited out (SetMenus), and the
// commands do not wait behind it: /start is answered while the menus wait.
func TestCommandsDoNotWaitBehindAMenus429(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	var mu sync.Mutex
	refused := false
	tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		mu.Lock()
		defer mu.Unlock()
		if c.Method != "setMyCommands" || refused {
			return nil
		}
		refused = true
		return &telegramtest.Reply{Code: 429, Description: "Too Many Requests: retry after 60", RetryAfter: 60}
	})
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "newshound.toml")
	if err := os.WriteFile(cfgPath, []byte(strings.ReplaceAll(testConfig{tg: tg}.String(), "{{db}}", filepath.Join(dir, "n.db"))), 0o600); err != nil {
		t.Fatal(err)
	}
	runMain(t, cfgPath)
	testkit.WaitFor(t, "the menus refused with a 429", func() bool { return len(tg.Calls("setMyCommands")) > 0 })
	tg.SendText(5, "private", 5, "/start")
	if got := tg.WaitSent(t, 5, 1, 10*time.Second); !strings.Contains(got[0].Text(), "/subscribe") {
		t.Errorf("the reply to /start = %q", got[0].Text())
	}
	if n := len(tg.Calls("setMyCommands")); n != 1 {
		t.Errorf("setMyCommands calls = %d while its retry_after runs, want 1", n)
	}
}
