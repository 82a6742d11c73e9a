package bot

import (
	"strings"
	"testing"
)

// TestAQueryOfDigitsIsNamedByItsText: "/subscribe 737" was accepted as
// #1, then "/unsubscribe 737" said "no subscription 737": digits were read
// as an id alone. Digits that are no id of the chat name the query.
func TestAQueryOfDigitsIsNamedByItsText(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	const chat = 95
	h.reply(chat, "private", chat, "/subscribe boeing")
	h.reply(chat, "private", chat, "/subscribe 737")
	if got := h.reply(chat, "private", chat, "/mute 737").Text(); !strings.Contains(got, "Muted #2") {
		t.Errorf("/mute 737 = %q, want #2 muted", got)
	}
	if got := h.reply(chat, "private", chat, "/unsubscribe 1").Text(); !strings.Contains(got, "Removed #1") {
		t.Errorf("/unsubscribe 1 = %q, want #1 (an id goes first)", got)
	}
	if got := h.reply(chat, "private", chat, "/unsubscribe 737").Text(); !strings.Contains(got, "Removed #2") {
		t.Errorf("/unsubscribe 737 = %q, want #2 removed", got)
	}
	if got := h.reply(chat, "private", chat, "/unsubscribe 99").Text(); !strings.Contains(got, "no subscription #99") {
		t.Errorf("/unsubscribe 99 = %q", got)
	}
}

// TestShareNamesAQueryOfDigits: "/share 737" said "no subscription #737"
// for the chat's subscription to 737, which /mute and /unsubscribe find.
func TestShareNamesAQueryOfDigits(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	const chat = 96
	h.reply(chat, "private", chat, "/subscribe 737")
	got := h.reply(chat, "private", chat, "/share 737").Text()
	if !strings.Contains(got, "<code>737</code>") || !strings.Contains(got, "?start=s") {
		t.Errorf("/share 737 = %q, want a link to the query 737", got)
	}
	if got := h.reply(chat, "private", chat, "/share 1").Text(); !strings.Contains(got, "?start=s") {
		t.Errorf("/share 1 = %q, want a link (an id goes first)", got)
	}
	if got := h.reply(chat, "private", chat, "/share 99").Text(); !strings.Contains(got, "no subscription #99") {
		t.Errorf("/share 99 = %q", got)
	}
}
