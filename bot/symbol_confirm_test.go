package bot

import (
	"html"
	"strings"
	"testing"
)

// TestSubscribeConfirmsASymbolNameHonestly: `/subscribe "C++ programming"`
// was confirmed as "c programming", as if the bot had changed the query;
// the confirmation shows it as written and says how it reads and why
// (docs/QUERY.md: it matches "C programming" too).
func TestSubscribeConfirmsASymbolNameHonestly(t *testing.T) {
	h := newHarness(t)
	got := html.UnescapeString(h.reply(80, "private", 80, `/subscribe "C++ programming"`).Text())
	for _, want := range []string{
		`✅ Subscribed (#1): <code>"C++ programming"</code>`,
		`It reads as <code>"c programming"</code>: symbols are not part of words, in articles as in queries (“C++” counts as “c”).`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("reply lacks %q:\n%s", want, got)
		}
	}
	if got := html.UnescapeString(h.reply(80, "private", 80, `/subscribe "c++ PROGRAMMING"`).Text()); !strings.Contains(got, `You already have this subscription (#1): <code>"C++ programming"</code>`) ||
		!strings.Contains(got, `It reads as <code>"c programming"</code>`) {
		t.Errorf("again:\n%s", got)
	}
	// A query without such a name is confirmed as it reads, as before.
	if got := h.reply(80, "private", 80, "/subscribe Kursk -weather").Text(); !strings.Contains(got, "<code>kursk AND NOT weather</code>") || strings.Contains(got, "It reads as") {
		t.Errorf("a plain query:\n%s", got)
	}
}
