package bot

import (
	"strings"
	"testing"
)

// TestAShortenedCommandIsNamed: a stranger typed "/lang" for /language and
// was only sent to /help; a shortening that one command begins with is
// named, one that several begin with ("/un") or none is not.
func TestAShortenedCommandIsNamed(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	for _, tc := range []struct{ in, want, not string }{
		{"/lang", "I don't know /lang. Did you mean /language?", ""},
		{"/unsub kursk", "Did you mean /unsubscribe?", ""},
		{"/un", "I don't know /un. Send /help", "Did you mean"},
		{"/frobnicate", "I don't know /frobnicate. Send /help", "Did you mean"},
	} {
		got := h.reply(90, "private", 90, tc.in).Text()
		if !strings.Contains(got, tc.want) || tc.not != "" && strings.Contains(got, tc.not) {
			t.Errorf("%s → %q, want %q", tc.in, got, tc.want)
		}
	}
}
