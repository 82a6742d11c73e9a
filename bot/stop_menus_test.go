package bot

import (
	"context"
	"testing"
	"time"
)

// /stop in a chat that never chose a language called deleteMyCommands for
// menus it never had (and an operator's chat had its menu set again for
// nothing). Only a chat that got menus of its own has them removed.
func TestStopLeavesMenusAloneInAChatWithoutItsOwn(t *testing.T) {
	h := newHarness(t, withLanguages, func(o *RouterOptions) { o.Menus, o.Operators = o.Interactor.(*Telegram), []int64{42} })
	if err := h.router.RegisterMenus(context.Background()); err != nil {
		t.Fatal(err)
	}
	const group = -100322
	h.tg.SetMember(group, 5, "administrator")
	stop := func(chat int64, typ string, user int64) {
		t.Helper()
		h.clock.Advance(20 * time.Second)
		ask := h.reply(chat, typ, user, "/stop")
		if got := h.press(chat, typ, user, 700, buttons(t, ask)[0][0].Data); got != "Deleted." && got != "Gelöscht." {
			t.Fatalf("chat %d: /stop confirmed → %q", chat, got)
		}
	}
	for _, c := range []struct {
		chat int64
		typ  string
		user int64
	}{{11, "private", 11}, {group, "supergroup", 5}, {42, "private", 42}} {
		h.reply(c.chat, c.typ, c.user, "/subscribe kursk")
		h.settle()
		deletes, sets := len(h.tg.Calls("deleteMyCommands")), len(h.tg.Calls("setMyCommands"))
		stop(c.chat, c.typ, c.user)
		h.settle()
		if n := len(h.tg.Calls("deleteMyCommands")) - deletes; n != 0 {
			t.Errorf("chat %d (%s) without menus of its own: /stop called deleteMyCommands %d times", c.chat, c.typ, n)
		}
		if n := len(h.tg.Calls("setMyCommands")) - sets; n != 0 {
			t.Errorf("chat %d (%s) without menus of its own: /stop called setMyCommands %d times", c.chat, c.typ, n)
		}
	}
	// A chat that chose a language has its menus removed, as before.
	h.replyAs(12, "private", 12, "en", "/language de")
	deletes := len(h.tg.Calls("deleteMyCommands"))
	stop(12, "private", 12)
	h.settle()
	if n := len(h.tg.Calls("deleteMyCommands")) - deletes; n == 0 {
		t.Errorf("a chat with menus of its own: /stop removed none")
	}
}
