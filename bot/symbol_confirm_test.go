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
	// A query without such a name is confirmed as written too, with no
	// word on how it reads.
	if got := h.reply(80, "private", 80, "/subscribe Kursk -weather").Text(); !strings.Contains(got, "<code>Kursk -weather</code>") || strings.Contains(got, "It reads as") {
		t.Errorf("a plain query:\n%s", got)
	}
}

// TestSubscribeToAWebAddressWarns: "/subscribe https://example.com/news"
// became the phrase "https example com news", which no article spells, and
// never alerted without a word: it is refused, naming site: for the site's
// articles (the query package); in quotes it is that phrase, and the
// confirmation says what it matches and how a site is followed.
func TestSubscribeToAWebAddressWarns(t *testing.T) {
	h := newHarness(t)
	got := h.reply(81, "private", 81, "/subscribe https://example.com/news").Text()
	if !strings.Contains(got, "write site:example.com") {
		t.Errorf("reply lacks site:example.com:\n%s", got)
	}
	got = h.reply(81, "private", 81, `/subscribe "https://example.com/news"`).Text()
	if !strings.Contains(got, "⚠️ That is a web address") || !strings.Contains(got, "/addsource") {
		t.Errorf("reply lacks the warning:\n%s", got)
	}
	if got := h.reply(81, "private", 81, "/subscribe example.com").Text(); strings.Contains(got, "web address") {
		t.Errorf("a domain named in articles is warned of:\n%s", got)
	}
}

// "/subscribe kursk or belgorod" was confirmed as "kursk AND or AND
// belgorod" and nothing more: a stranger expecting either word got
// neither alone. The confirmation (the query as written) says "or" is a
// word there and what to send for the operator, in the chat's language.
func TestSubscribeWithALowerCaseOperatorSaysHowToWriteIt(t *testing.T) {
	h := newHarness(t, withLanguages)
	got := html.UnescapeString(h.reply(82, "private", 82, "/subscribe kursk or belgorod").Text())
	if !strings.Contains(got, "<code>kursk or belgorod</code>") || !strings.Contains(got, "“or” in small letters is a word to find") ||
		!strings.Contains(got, "<code>/subscribe kursk OR belgorod</code>, then <code>/unsubscribe 1</code>") {
		t.Errorf("/subscribe kursk or belgorod:\n%s", got)
	}
	if got := h.reply(82, "private", 82, "/subscribe kursk OR belgorod").Text(); strings.Contains(got, "small letters") {
		t.Errorf("/subscribe kursk OR belgorod:\n%s", got)
	}
	if got := html.UnescapeString(h.replyAs(83, "private", 83, "ru", "/subscribe россия not спорт")); !strings.Contains(got, "«not» строчными буквами") ||
		!strings.Contains(got, "<code>/subscribe россия NOT спорт</code>") {
		t.Errorf("/subscribe россия not спорт in Russian:\n%s", got)
	}
}
