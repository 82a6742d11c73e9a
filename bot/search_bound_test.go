package bot

import (
	"context"
	"strings"
	"testing"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/search"
)

// boundedSearcher answers as its Searcher, with every search stopped by the
// store's bound after the newest searched articles.
type boundedSearcher struct {
	Searcher
	searched int
}

func (b boundedSearcher) Search(ctx context.Context, chatID int64, query string) (search.Page, error) {
	p, err := b.Searcher.Search(ctx, chatID, query)
	p.Searched = b.searched
	return p, err
}

// A search that its bound on cost stopped before the oldest article says
// so, found or not: "nothing matches" would otherwise read as nothing
// stored matching at all.
func TestSearchCutShortSaysHowFarBack(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.Search = boundedSearcher{Searcher: o.Search, searched: 100000} })
	h.mustArticles("Wire", news.Article{GUID: "1", URL: "https://wire.example/1", Title: "Kursk deminers at work", Text: "Deminers near Kursk.", PublishedAt: h.clock.Now()})
	const chat = 41
	for _, q := range []string{"kursk", "volcano"} {
		if got := h.reply(chat, "private", chat, "/search "+q).Text(); !strings.Contains(got, "Only the newest 100000 articles were searched.") {
			t.Errorf("/search %s cut short:\n%s", q, got)
		}
	}
	h2 := newHarness(t)
	h2.mustArticles("Wire", news.Article{GUID: "1", URL: "https://wire.example/1", Title: "Kursk deminers at work", Text: "Deminers near Kursk.", PublishedAt: h2.clock.Now()})
	if got := h2.reply(chat, "private", chat, "/search kursk").Text(); strings.Contains(got, "newest") {
		t.Errorf("/search read whole says it was cut short:\n%s", got)
	}
}
