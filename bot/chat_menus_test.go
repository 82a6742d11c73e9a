package bot

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

// A stranger set /language ru in a group and /language de in a private
// chat: the replies changed, but the command menus stayed in each person's
// app language (English), under Russian and German replies. A chat that
// chooses a language now gets menus of its own in it, which Telegram shows
// before the menus for all chats, for every app language; other chats keep
// theirs.
func TestLanguageSetsTheChatsOwnMenus(t *testing.T) {
	h := newHarness(t, withLanguages, func(o *RouterOptions) {
		o.Menus, o.Operators, o.Migrator = o.Interactor.(*Telegram), []int64{42}, o.Store.(*store.Store)
	})
	if err := h.router.RegisterMenus(context.Background()); err != nil {
		t.Fatal(err)
	}
	const group = -100321
	h.tg.SetMember(group, 5, "administrator")
	describes := func(menu []telegramtest.MenuCommand, cmd, words string) bool {
		for _, c := range menu {
			if c.Command == cmd {
				return strings.Contains(c.Description, words)
			}
		}
		return false
	}
	h.replyAs(group, "supergroup", 5, "en", "/language ru")
	h.replyAs(11, "private", 11, "en", "/language de")
	h.replyAs(42, "private", 42, "en", "/language es")
	// A restart registers the menus again: the operator's stays in theirs.
	if err := h.router.RegisterMenus(context.Background()); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, chatType string
		chat           int64
		admin          bool
		cmd, words     string
		absent         string
	}{
		{"group member", "supergroup", group, false, "search", "Поиск по сохранённым новостям", "subscribe"},
		{"group admin", "supergroup", group, true, "subscribe", "", "addsource"},
		{"group admin", "supergroup", group, true, "search", "Поиск по сохранённым новостям", ""},
		{"private chat", "private", 11, false, "search", "gespeicherten Nachrichten durchsuchen", "addsource"},
		{"operator", "private", 42, false, "search", "Buscar en las noticias guardadas", ""},
		{"operator", "private", 42, false, "addsource", "", ""},
		{"another private chat", "private", 12, false, "search", "Search the news stored so far", "addsource"},
		{"another group", "supergroup", -100999, false, "search", "Search the news stored so far", "subscribe"},
	}
	// A group that becomes a supergroup keeps its language, and its menus.
	const small, big = -555, -100555
	h.tg.SetMember(small, 5, "administrator")
	h.replyAs(small, "group", 5, "en", "/language ru")
	h.tg.MigrateGroup(small, big)
	testkit.WaitFor(t, "the supergroup's own menu in Russian", func() bool {
		return describes(h.tg.MenuFor(big, "supergroup", false, "en"), "search", "Поиск по сохранённым новостям")
	})
	for _, tt := range tests {
		for _, app := range []string{"en", "ru", ""} {
			if app == "ru" && strings.HasPrefix(tt.name, "another") {
				continue // a chat that chose nothing speaks the app's language
			}
			menu := h.tg.MenuFor(tt.chat, tt.chatType, tt.admin, app)
			if !describes(menu, tt.cmd, tt.words) {
				t.Errorf("%s, app in %q: /%s not described with %q in %v", tt.name, app, tt.cmd, tt.words, menu)
			}
			if tt.absent != "" && describes(menu, tt.absent, "") {
				t.Errorf("%s, app in %q: the menu has /%s", tt.name, app, tt.absent)
			}
		}
	}
}

// /stop deletes everything the bot keeps about a chat: the menus it got in
// its language too, so that it sees the menus for all chats again.
func TestStopRemovesTheChatsOwnMenus(t *testing.T) {
	h := newHarness(t, withLanguages, func(o *RouterOptions) { o.Menus, o.Operators = o.Interactor.(*Telegram), []int64{42} })
	if err := h.router.RegisterMenus(context.Background()); err != nil {
		t.Fatal(err)
	}
	const group = -100321
	h.tg.SetMember(group, 5, "administrator")
	search := func(chat int64, typ string, admin bool) string {
		for _, c := range h.tg.MenuFor(chat, typ, admin, "en") {
			if c.Command == "search" {
				return c.Description
			}
		}
		return ""
	}
	for _, c := range []struct {
		chat int64
		typ  string
		user int64
	}{{11, "private", 11}, {group, "supergroup", 5}, {42, "private", 42}} {
		h.replyAs(c.chat, c.typ, c.user, "en", "/language de")
		if got := search(c.chat, c.typ, true); !strings.Contains(got, "durchsuchen") {
			t.Fatalf("chat %d after /language de: /search is %q", c.chat, got)
		}
		h.clock.Advance(20 * time.Second)
		ask := h.reply(c.chat, c.typ, c.user, "/stop")
		if got := h.press(c.chat, c.typ, c.user, 700, buttons(t, ask)[0][0].Data); got != "Gelöscht." && got != "Deleted." {
			t.Fatalf("chat %d: /stop confirmed → %q", c.chat, got)
		}
		for _, admin := range []bool{false, true} {
			if got := search(c.chat, c.typ, admin); got != "Search the news stored so far" {
				t.Errorf("chat %d (admin %v) after /stop: /search is %q, want the menu for all chats", c.chat, admin, got)
			}
		}
	}
	if menu := h.tg.MenuFor(42, "private", false, "en"); !strings.Contains(fmt.Sprint(menu), "addsource") {
		t.Errorf("the operator's menu after /stop = %v, want theirs", menu)
	}
}

// Chats that chose a language before chat menus existed kept the menus of
// their members' apps until they sent /language again: their first
// message now sets their own menus, once.
func TestAChatThatChoseItsLanguageEarlierGetsItsMenusAtItsNextMessage(t *testing.T) {
	h := newHarness(t, withLanguages, func(o *RouterOptions) { o.Menus = o.Interactor.(*Telegram) })
	if err := h.router.RegisterMenus(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	const chat = 77
	// As an earlier version stored it: the language, and no menu.
	if _, err := h.st.EnsureChat(ctx, chat, "private", "", news.ChatDefaults{}); err != nil {
		t.Fatal(err)
	}
	if err := h.st.SetChatLanguage(ctx, chat, "ru"); err != nil {
		t.Fatal(err)
	}
	before := len(h.tg.Calls("setMyCommands"))
	h.replyAs(chat, "private", chat, "en", "/help")
	testkit.WaitFor(t, "the chat's own menu in Russian", func() bool {
		for _, c := range h.tg.MenuFor(chat, "private", false, "en") {
			if c.Command == "search" {
				return strings.Contains(c.Description, "Поиск по сохранённым новостям")
			}
		}
		return false
	})
	h.replyAs(chat, "private", chat, "en", "/help")
	if n := len(h.tg.Calls("setMyCommands")) - before; n != 1 {
		t.Errorf("%d setMyCommands for the chat's two messages, want 1", n)
	}
}
