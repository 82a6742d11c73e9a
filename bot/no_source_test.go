package bot

import (
	"strings"
	"testing"
)

// "/removesource https://x.example/rss" answered "Источника
// https://x.example/rss нет.": the text the operator typed ran into the
// sentence, as "no subscription X" did. It is quoted as each language
// quotes; an id is #ID.
func TestNoSourceQuotesWhatWasTypedAsTheLanguageQuotes(t *testing.T) {
	srv := newSiteServer(t)
	h := newHarness(t, withSites(srv, false, nil), func(o *RouterOptions) { o.CommandBurst = 50 })
	for _, tt := range []struct{ lang, cmd, want string }{
		{"ru", "/removesource https://x.example/rss", "Источника «https://x.example/rss» нет. См. /sources."},
		{"de", "/removesource https://x.example/<b>", "Es gibt keine Quelle „https://x.example/&lt;b&gt;“. Siehe /sources."},
		{"es", "/removesource https://x.example/rss", "No existe la fuente «https://x.example/rss». Mira /sources."},
		{"en", "/removesource https://x.example/rss", `There is no source "https://x.example/rss". See /sources.`},
		{"ru", "/removesource 99", "Источника #99 нет. См. /sources."},
		{"de", "/removesource #99", "Es gibt keine Quelle #99. Siehe /sources."},
		{"es", "/fetch 99", "No existe la fuente #99. Mira /sources."},
	} {
		if got := h.replyAs(operator, "private", operator, tt.lang, tt.cmd); !strings.Contains(got, tt.want) {
			t.Errorf("%s %s = %q, want %q", tt.lang, tt.cmd, got, tt.want)
		}
	}
}
