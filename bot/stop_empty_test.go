package bot

import (
	"strings"
	"testing"
)

// TestStopInAChatWithoutSubscriptions: /stop's prompt in a chat without
// subscriptions said it deletes "0 subscriptions"; it says the chat has
// none, in the chat's language.
func TestStopInAChatWithoutSubscriptions(t *testing.T) {
	h := newHarness(t, withLanguages)
	for i, c := range []struct{ lang, want string }{
		{"en", "it has no subscriptions"}, {"ru", "подписок у него нет"}, {"de", "Abos hat er keine"}, {"es", "no tiene suscripciones"},
	} {
		chat := int64(700 + i)
		got := h.replyAs(chat, "private", chat, c.lang, "/stop")
		if !strings.Contains(got, c.want) || strings.Contains(got, "0 ") {
			t.Errorf("%s: /stop = %q, want %q and no count", c.lang, got, c.want)
		}
	}
	const chat = 710
	h.replyAs(chat, "private", chat, "en", "/subscribe kursk")
	if got := h.replyAs(chat, "private", chat, "en", "/stop"); !strings.Contains(got, "1 subscription,") {
		t.Errorf("/stop with one subscription = %q, want it counted", got)
	}
}
