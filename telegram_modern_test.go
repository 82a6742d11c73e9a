package main

import (
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/locale"
)

// The binary, wired as it runs: paid broadcasts from the config reach every
// message, and the menus and descriptions are registered at start.
func TestPaidBroadcastAndMenusFromTheConfig(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	startApp(t, testConfig{tg: tg, telegram: "paid_broadcast = true\nadmins = [42]\n"}.String(), time.Now)
	tg.SendText(5, "private", 5, "/help")
	got := tg.WaitSent(t, 5, 1, 5*time.Second)[0]
	if got.Params.Get("allow_paid_broadcast") != "true" {
		t.Errorf("allow_paid_broadcast = %q, want true", got.Params.Get("allow_paid_broadcast"))
	}
	scopes := map[string]bool{}
	for _, c := range tg.Calls("setMyCommands") {
		if c.Params.Get("_accepted") != "1" {
			t.Fatalf("setMyCommands refused: %v", c.Params)
		}
		scopes[c.Params.Get("scope")] = true
	}
	for _, want := range []string{`{"type":"default"}`, `{"type":"all_private_chats"}`, `{"type":"all_chat_administrators"}`, `{"chat_id":42,"type":"chat"}`} {
		if !scopes[want] {
			t.Errorf("no menu for scope %s; got %v", want, scopes)
		}
	}
	d := tg.Calls("setMyDescription")
	if len(d) != len(locale.Languages) {
		t.Errorf("setMyDescription calls = %v, want one per language", d)
	}
	for _, c := range d {
		if !strings.Contains(c.Params.Get("description"), "/subscribe") {
			t.Errorf("setMyDescription %s = %q", c.Params.Get("language_code"), c.Params.Get("description"))
		}
	}
}
