package bot

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
)

// A 429 while the menus are registered is waited out (its retry_after) and
// the registration goes on: the calls after it were refused too, and the
// bot was left without most of its menus and descriptions.
func TestSetMenusWaitsOutA429(t *testing.T) {
	srv := telegramtest.New(t, token)
	var mu sync.Mutex
	refused := false
	srv.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		mu.Lock()
		defer mu.Unlock()
		if c.Method != "setMyCommands" || refused {
			return nil
		}
		refused = true
		return &telegramtest.Reply{Code: 429, Description: "Too Many Requests: retry after 7", RetryAfter: 7}
	})
	var logs strings.Builder
	tg := newTestTelegram(t, srv, &logs, time.Second)
	var slept []time.Duration
	tg.sleep = func(_ context.Context, d time.Duration) { slept = append(slept, d) }
	menus := []Menu{
		{Scope: MenuScope{Type: "default"}, Commands: []Command{{Name: "start", Description: "Start"}}},
		{Scope: MenuScope{Type: "all_private_chats"}, Commands: []Command{{Name: "start", Description: "Start"}}},
	}
	profiles := []Profile{{Description: "d", ShortDescription: "s"}}
	if err := tg.SetMenus(context.Background(), menus, profiles); err != nil {
		t.Fatalf("SetMenus after a 429 of 7 s = %v, want it waited out", err)
	}
	if len(slept) != 1 || slept[0] != 7*time.Second {
		t.Errorf("waits %v, want one of 7s", slept)
	}
	if n := len(srv.Calls("setMyCommands")); n != 3 {
		t.Errorf("setMyCommands calls = %d, want 3 (the refused one again, then the next)", n)
	}
	if d, s := len(srv.Calls("setMyDescription")), len(srv.Calls("setMyShortDescription")); d != 1 || s != 1 {
		t.Errorf("descriptions set %d, %d times; want 1, 1", d, s)
	}
}

// A retry_after longer than menuWaitMax is not waited: the registration
// stops there (what follows would be refused too) and says so.
func TestSetMenusStopsAtALong429(t *testing.T) {
	srv := telegramtest.New(t, token)
	srv.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "setMyCommands" {
			return &telegramtest.Reply{Code: 429, Description: "Too Many Requests: retry after 3600", RetryAfter: 3600}
		}
		return nil
	})
	var logs strings.Builder
	tg := newTestTelegram(t, srv, &logs, time.Second)
	var slept []time.Duration
	tg.sleep = func(_ context.Context, d time.Duration) { slept = append(slept, d) }
	menus := []Menu{{Scope: MenuScope{Type: "default"}}, {Scope: MenuScope{Type: "all_private_chats"}}}
	err := tg.SetMenus(context.Background(), menus, []Profile{{Description: "d", ShortDescription: "s"}})
	var se *SendError
	if !errors.As(err, &se) || se.Code != 429 {
		t.Errorf("SetMenus = %v, want the 429", err)
	}
	if len(slept) != 0 {
		t.Errorf("waits %v, want none", slept)
	}
	if n := len(srv.Calls("setMyCommands")) + len(srv.Calls("setMyDescription")) + len(srv.Calls("setMyShortDescription")); n != 1 {
		t.Errorf("%d calls, want the one refused", n)
	}
}
