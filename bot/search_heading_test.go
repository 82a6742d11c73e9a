package bot

import (
	"strings"
	"testing"

	"github.com/newshound/newshound/news"
)

// A stranger sent /search with the query on lines of its own (a phone's
// Enter key): the heading named it with its line breaks inside the code
// span, splitting the heading over three lines. It names the words on one
// line, found or not.
func TestSearchHeadingNamesAQueryOnOneLine(t *testing.T) {
	h := newHarness(t)
	h.mustArticles("Wire", news.Article{GUID: "1", URL: "https://wire.example/1", Title: "Kursk deminers at work", Text: "Deminers near Kursk.", PublishedAt: h.clock.Now()})
	const chat = 41
	if got := h.reply(chat, "private", chat, "/search kursk\n\n  deminers").Text(); !strings.Contains(got, "for <code>kursk deminers</code>") {
		t.Errorf("heading of a query on several lines:\n%s", got)
	}
	if got := h.reply(chat, "private", chat, "/search volcano\nash").Text(); !strings.Contains(got, "matches <code>volcano ash</code>") {
		t.Errorf("nothing found for a query on two lines: %q", got)
	}
}
