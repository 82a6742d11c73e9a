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
	tg.KnowChat(42) // the operator wrote to the bot before: Telegram takes a menu of their own
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

// An operator who had never written to the bot got no operator commands
// until the next restart: Telegram refuses a menu for a chat it has not
// seen, and the bot tried only at start.
func TestOperatorMenuSetWhenTheyFirstWrite(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	startApp(t, testConfig{tg: tg, telegram: "admins = [42]\ncommand_burst = 50\n"}.String(), time.Now)
	const op = `{"chat_id":42,"type":"chat"}`
	// mine counts the operator's menus Telegram took and refused.
	mine := func() (took, refused int) {
		for _, c := range tg.Calls("setMyCommands") {
			if c.Params.Get("scope") != op {
				continue
			}
			if c.Params.Get("_accepted") == "1" {
				took++
			} else {
				refused++
			}
		}
		return took, refused
	}
	if took, refused := mine(); took != 0 || refused == 0 {
		t.Fatalf("at start the operator's menu was taken %d, refused %d times; want refused", took, refused)
	}
	tg.SendText(7, "private", 7, "/help") // not an operator: no menu of their own
	tg.WaitSent(t, 7, 1, 5*time.Second)
	if took, _ := mine(); took != 0 {
		t.Fatalf("a non-operator's message set the operator's menu")
	}
	tg.SendText(42, "private", 42, "/help")
	tg.WaitSent(t, 42, 1, 5*time.Second)
	if took, _ := mine(); took != len(locale.Languages) {
		t.Fatalf("after the operator's first message their menu was taken %d times, want once per language (%d)", took, len(locale.Languages))
	}
	for _, c := range tg.Calls("setMyCommands") {
		if c.Params.Get("scope") == op && c.Params.Get("_accepted") == "1" && !strings.Contains(c.Params.Get("commands"), `"command":"addsource"`) {
			t.Errorf("the operator's menu lacks /addsource: %s", c.Params.Get("commands"))
		}
	}
	tg.SendText(42, "private", 42, "/id")
	tg.WaitSent(t, 42, 2, 5*time.Second)
	if took, _ := mine(); took != len(locale.Languages) {
		t.Errorf("the operator's menu was set again (%d): once a process is enough", took)
	}
}
