package bot

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

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

func (b boundedSearcher) Page(ctx context.Context, chatID, id int64, n int) (search.Page, error) {
	p, err := b.Searcher.Page(ctx, chatID, id, n)
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
	// Every page says so, not only the first.
	var arts []news.Article
	for i := range 7 {
		arts = append(arts, news.Article{GUID: fmt.Sprint("p", i), URL: fmt.Sprintf("https://wire.example/p%d", i), Title: fmt.Sprintf("Volcano report %d", i), Text: "Ash over the valley.", PublishedAt: h.clock.Now()})
	}
	h.mustArticles("Wire", arts...)
	const paged = 42
	first := h.reply(paged, "private", paged, "/search volcano")
	h.press(paged, "private", paged, 1, buttons(t, first)[0][0].Data)
	if second := h.tg.WaitSent(t, paged, 2, 5*time.Second)[1].Text(); !strings.Contains(second, "Only the newest 100000 articles were searched.") {
		t.Errorf("the second page of a search cut short:\n%s", second)
	}
	h2 := newHarness(t)
	h2.mustArticles("Wire", news.Article{GUID: "1", URL: "https://wire.example/1", Title: "Kursk deminers at work", Text: "Deminers near Kursk.", PublishedAt: h2.clock.Now()})
	if got := h2.reply(chat, "private", chat, "/search kursk").Text(); strings.Contains(got, "newest") {
		t.Errorf("/search read whole says it was cut short:\n%s", got)
	}
}
