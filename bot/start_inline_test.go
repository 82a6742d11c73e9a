package bot

import (
	"strings"
	"testing"
)

// The inline answer's "Open Newshound" button opens the private chat with
// /start inline; a stranger got the generic welcome and never learnt how
// inline search is used. The welcome, and the one of a chat that kept its
// subscriptions, end with how to search from any chat with @bot QUERY; a
// plain /start does not.
func TestStartInlineSaysHowInlineSearchIsUsed(t *testing.T) {
	h := newHarness(t)
	bot := h.opts.BotName
	if bot == "" {
		t.Fatal("the harness's bot has no user name")
	}
	want := "<code>@" + bot + " kursk</code>"
	got := h.reply(501, "private", 501, "/start inline").Text()
	if !strings.Contains(got, "/subscribe kursk deminers") || !strings.Contains(got, want) || !strings.Contains(got, "any chat") {
		t.Errorf("/start inline = %q; want the welcome and %q", got, want)
	}
	if strings.Index(got, want) < strings.Index(got, "/help") {
		t.Errorf("/start inline = %q; the inline word comes after the welcome", got)
	}
	if got := h.reply(502, "private", 502, "/start").Text(); strings.Contains(got, "@"+bot) {
		t.Errorf("plain /start = %q; it speaks of inline search", got)
	}
	h.mustSubscribe(503, "private", "kursk")
	if got := h.reply(503, "private", 503, "/start inline").Text(); !strings.Contains(got, "still here") || !strings.Contains(got, want) {
		t.Errorf("/start inline in a chat with subscriptions = %q; want %q", got, want)
	}
	if got := h.replyAs(504, "private", 504, "ru", "/start inline"); !strings.Contains(got, "любого чата") {
		t.Errorf("/start inline in Russian = %q", got)
	}
}

// /start inline sent in a group got the group welcome without the line on
// inline search a private chat gets.
func TestStartInlineInAGroupSaysHowInlineSearchIsUsed(t *testing.T) {
	h := newHarness(t)
	want := "<code>@" + h.opts.BotName + " kursk</code>"
	for _, c := range []struct {
		id  int64
		typ string
	}{{-601, "group"}, {-100601, "supergroup"}} {
		got := h.reply(c.id, c.typ, 9, "/start inline").Text()
		if !strings.Contains(got, "is here") || !strings.Contains(got, want) {
			t.Errorf("/start inline in a %s = %q; want the group welcome and %q", c.typ, got, want)
		}
	}
	if got := h.reply(-602, "group", 9, "/start").Text(); strings.Contains(got, "@"+h.opts.BotName) {
		t.Errorf("plain /start in a group = %q; it speaks of inline search", got)
	}
}
