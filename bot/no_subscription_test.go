package bot

import (
	"strings"
	"testing"
)

// "/unsubscribe курск" answered "В этом чате нет подписки курск. См.
// /list.": the name the user typed ran into the sentence. It is quoted as
// each language quotes; an id stays #ID.
func TestNoSubscriptionQuotesTheNameAsTheLanguageQuotes(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	for _, tt := range []struct{ lang, cmd, want string }{
		{"ru", "/unsubscribe курск", "В этом чате нет подписки «курск». См. /list."},
		{"de", "/mute kursk", "Dieser Chat hat kein Abo „kursk“. Siehe /list."},
		{"es", "/latest kursk", "Este chat no tiene la suscripción «kursk». Mira /list."},
		{"en", "/share kursk", `This chat has no subscription "kursk". See /list.`},
		{"ru", "/unsubscribe 999", "В этом чате нет подписки #999. См. /list."},
		{"ru", "/unmute #999", "В этом чате нет подписки #999. См. /list."},
		{"de", "/unsubscribe <b>", "Dieser Chat hat kein Abo „&lt;b&gt;“. Siehe /list."},
	} {
		if got := h.replyAs(71, "private", 71, tt.lang, tt.cmd); !strings.Contains(got, tt.want) {
			t.Errorf("%s %s = %q, want %q", tt.lang, tt.cmd, got, tt.want)
		}
	}
}
