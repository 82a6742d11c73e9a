package search_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
	"github.com/newshound/newshound/search"
	"github.com/newshound/newshound/store"
)

// rig is a Service over a real store whose clock the test moves.
type rig struct {
	t   *testing.T
	st  *store.Store
	svc *search.Service
	now time.Time
}

func newRig(t *testing.T) *rig {
	t.Helper()
	r := &rig{t: t, now: time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)}
	clock := func() time.Time { return r.now }
	st := testkit.OpenStore(t, clock)
	r.st = st
	r.svc = search.NewService(search.Options{Store: st, Now: clock, Logger: slog.New(slog.DiscardHandler)})
	for _, id := range []int64{1, 7, 8} {
		r.chat(id)
	}
	return r
}

// chat makes the chat exist: a search belongs to one.
func (r *rig) chat(id int64) {
	r.t.Helper()
	if _, err := r.st.EnsureChat(context.Background(), id, "private", "", news.ChatDefaults{Timezone: "UTC", DigestTime: "08:00"}); err != nil {
		r.t.Fatal(err)
	}
}

// articles stores arts under a new source and returns them with their ids.
func (r *rig) articles(source string, arts ...news.Article) []news.Article {
	r.t.Helper()
	ctx := context.Background()
	src, err := r.st.UpsertSource(ctx, source, "https://"+strings.ToLower(source)+".example/rss", news.OriginConfig)
	if err != nil {
		r.t.Fatal(err)
	}
	added, err := r.st.InsertArticles(ctx, src.ID, arts)
	if err != nil {
		r.t.Fatal(err)
	}
	if len(added) != len(arts) {
		r.t.Fatalf("stored %d of %d articles", len(added), len(arts))
	}
	return added
}

func titles(p search.Page) []string {
	var out []string
	for _, res := range p.Results {
		out = append(out, res.Article.Title)
	}
	return out
}

func TestSearchRanksAndConfirms(t *testing.T) {
	r := newRig(t)
	r.articles("Wire",
		news.Article{GUID: "1", Title: "Report from the region", Text: "Deminers near Kursk cleared a field.", PublishedAt: r.now.Add(-time.Hour)},
		news.Article{GUID: "2", Title: "Older report", Text: "Kursk farmers wait for the harvest.", PublishedAt: r.now.Add(-5 * 24 * time.Hour)},
		news.Article{GUID: "3", Title: "Kursk fields reopen", Text: "Farmers return.", PublishedAt: r.now.Add(-3 * 24 * time.Hour)},
		news.Article{GUID: "4", Title: "Tariffication explained", Text: "A tariffication primer.", PublishedAt: r.now.Add(-90 * time.Minute)},
		news.Article{GUID: "5", Title: "Steel tariffs rise", Text: "New tariffs on steel.", PublishedAt: r.now.Add(-2 * time.Hour)},
		news.Article{GUID: "6", Title: "Belgorod", Text: "Nothing about it.", PublishedAt: r.now},
		news.Article{GUID: "7", Title: "Month-old wire story", Text: "Routine.", PublishedAt: r.now.Add(-40 * 24 * time.Hour)},
	)
	r.articles("Beta", news.Article{GUID: "b", Title: "Beta bulletin", Text: "Routine.", PublishedAt: r.now.Add(-2 * time.Hour)})

	tests := []struct {
		name  string
		query string
		want  []string // titles, in this order
	}{
		{"a title match ranks first, then recency", "kursk", []string{"Kursk fields reopen", "Report from the region", "Older report"}},
		{"title: is checked by the matcher", "title:kursk", []string{"Kursk fields reopen"}},
		{"stems are checked by the matcher", "tariffs", []string{"Steel tariffs rise"}},
		{"source: alone scans the last month, newest first", "source:wire", []string{"Belgorod", "Report from the region", "Tariffication explained", "Steel tariffs rise", "Kursk fields reopen", "Older report"}},
		{"a phrase", `"deminers near kursk"`, []string{"Report from the region"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := r.svc.Search(context.Background(), 1, tt.query)
			if err != nil {
				t.Fatal(err)
			}
			n := min(len(tt.want), search.PageSize)
			if got := titles(p); fmt.Sprint(got) != fmt.Sprint(tt.want[:n]) {
				t.Errorf("%s → %q, want %q", tt.query, got, tt.want[:n])
			}
			if p.Total != len(tt.want) || p.SearchID == 0 || p.Number != 0 || p.First != 1 || p.Query != tt.query {
				t.Errorf("%s → page %+v, want %d results in all", tt.query, p, len(tt.want))
			}
		})
	}
}

func TestSearchRefusesAndFindsNothing(t *testing.T) {
	r := newRig(t)
	r.articles("Wire", news.Article{GUID: "1", Title: "Kursk", PublishedAt: r.now})
	_, err := r.svc.Search(context.Background(), 1, `"unclosed`)
	var perr *query.ParseError
	if !errors.As(err, &perr) {
		t.Errorf("a bad query → %v, want a *query.ParseError", err)
	}
	p, err := r.svc.Search(context.Background(), 1, "pyongyang")
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != 0 || p.SearchID != 0 || len(p.Results) != 0 || p.More {
		t.Errorf("nothing matching → %+v", p)
	}
}

func TestSearchKeepsAtMostMaxResults(t *testing.T) {
	r := newRig(t)
	var arts []news.Article
	for i := range search.MaxResults + 10 {
		arts = append(arts, news.Article{GUID: fmt.Sprint(i), Title: fmt.Sprintf("Kursk report %d", i), PublishedAt: r.now.Add(-time.Duration(i) * time.Minute)})
	}
	r.articles("Wire", arts...)
	p, err := r.svc.Search(context.Background(), 1, "kursk")
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != search.MaxResults || !p.More {
		t.Errorf("total %d (more %v), want %d", p.Total, p.More, search.MaxResults)
	}
	last := search.MaxResults/search.PageSize - 1
	if _, err := r.svc.Page(context.Background(), 1, p.SearchID, last); err != nil {
		t.Errorf("page %d: %v", last, err)
	}
	if _, err := r.svc.Page(context.Background(), 1, p.SearchID, last+1); !errors.Is(err, search.ErrNoPage) {
		t.Errorf("page %d → %v, want ErrNoPage", last+1, err)
	}
}

func TestSearchPages(t *testing.T) {
	r := newRig(t)
	var arts []news.Article
	for i := range 12 {
		arts = append(arts, news.Article{GUID: fmt.Sprint(i), Title: fmt.Sprintf("Report %d", i),
			Text: fmt.Sprintf("Deminers near Kursk cleared field %d today.", i), PublishedAt: r.now.Add(-time.Duration(i) * time.Hour)})
	}
	r.articles("Wire", arts...)
	ctx := context.Background()
	const chat = 7
	first, err := r.svc.Search(ctx, chat, "kursk")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		n           int
		first, size int
		more        bool
		title       string
	}{
		{0, 1, 5, true, "Report 0"},
		{1, 6, 5, true, "Report 5"},
		{2, 11, 2, false, "Report 10"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint("page ", tt.n), func(t *testing.T) {
			p, err := r.svc.Page(ctx, chat, first.SearchID, tt.n)
			if err != nil {
				t.Fatal(err)
			}
			if p.Number != tt.n || p.First != tt.first || len(p.Results) != tt.size || p.More != tt.more || p.Total != 12 || p.Query != "kursk" {
				t.Fatalf("page %d = %+v", tt.n, p)
			}
			if got := p.Results[0].Article.Title; got != tt.title {
				t.Errorf("page %d starts with %q, want %q", tt.n, got, tt.title)
			}
			for _, res := range p.Results {
				if !strings.Contains(res.Snippet, news.SnippetStart+"Kursk"+news.SnippetEnd) {
					t.Errorf("snippet %q lacks the marked match", res.Snippet)
				}
			}
		})
	}
	if fmt.Sprint(titles(first)) != fmt.Sprint(titles(mustPage(t, r, chat, first.SearchID, 0))) {
		t.Errorf("the first page of Search differs from Page 0")
	}

	for _, tt := range []struct {
		name   string
		chat   int64
		n      int
		target error
	}{
		{"past the last page", chat, 3, search.ErrNoPage},
		{"a negative page", chat, -1, search.ErrNoPage},
		{"another chat's search", chat + 1, 1, news.ErrNotFound},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := r.svc.Page(ctx, tt.chat, first.SearchID, tt.n); !errors.Is(err, tt.target) {
				t.Errorf("Page → %v, want %v", err, tt.target)
			}
		})
	}
	r.now = r.now.Add(25 * time.Hour)
	if _, err := r.svc.Page(ctx, chat, first.SearchID, 1); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("a day-old search → %v, want ErrNotFound", err)
	}
}

func mustPage(t *testing.T, r *rig, chat, id int64, n int) search.Page {
	t.Helper()
	p, err := r.svc.Page(context.Background(), chat, id, n)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSearchPageOfDeletedArticles(t *testing.T) {
	r := newRig(t)
	now := r.now
	r.now = now.Add(-40 * 24 * time.Hour) // fetched long ago, so that Prune may delete it
	r.articles("Wire", news.Article{GUID: "1", Title: "Kursk", PublishedAt: r.now})
	r.now = now
	p, err := r.svc.Search(context.Background(), 1, "kursk")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.st.Prune(context.Background(), r.now.Add(-30*24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	got, err := r.svc.Page(context.Background(), 1, p.SearchID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got.Total != 1 || len(got.Results) != 0 {
		t.Errorf("a page of pruned articles = %+v", got)
	}
}

// countingStore counts the full-text searches a Service makes.
type countingStore struct {
	*store.Store
	searches int
}

func (c *countingStore) SearchNewest(ctx context.Context, match string, scope *query.Scope, limit int) (news.Found, error) {
	c.searches++
	return c.Store.SearchNewest(ctx, match, scope, limit)
}

// TestSearchConfirmsPastTheFirstCandidatesInOneSearch: when the matcher
// drops the best candidates (FTS5 reads the NOT of a word of two stems
// loosely, so every "police" article is a candidate of kursk -police), the
// rest of the ranked candidates are read from the same search of the store,
// not a second one that walks the same ids again.
func TestSearchConfirmsPastTheFirstCandidatesInOneSearch(t *testing.T) {
	r := newRig(t)
	var arts []news.Article
	for i := range 80 {
		text := "Kursk police report on the day."
		if i >= 70 {
			text = "Kursk fields report on the day."
		}
		arts = append(arts, news.Article{GUID: fmt.Sprint(i), Title: fmt.Sprintf("Report %d", i), Text: text, PublishedAt: r.now.Add(-time.Duration(i) * time.Minute)})
	}
	r.articles("Wire", arts...)
	counted := &countingStore{Store: r.st}
	svc := search.NewService(search.Options{Store: counted, Now: func() time.Time { return r.now }, Logger: slog.New(slog.DiscardHandler)})
	p, err := svc.Search(context.Background(), 1, "kursk -police")
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != 10 || counted.searches != 1 {
		t.Errorf("%d results in %d searches of the store; want the 10 fields reports, in one", p.Total, counted.searches)
	}
}

// boundStore is a store whose searches all stop at its bound on cost.
type boundStore struct{ *store.Store }

func (b boundStore) SearchNewest(ctx context.Context, match string, scope *query.Scope, limit int) (news.Found, error) {
	f, err := b.Store.SearchNewest(ctx, match, scope, limit)
	f.Searched = 777
	return f, err
}

// TestSearchSaysHowFarBackOnEveryPage: how far back a search read when its
// bound stopped it is stored with it, so a later page says it too.
func TestSearchSaysHowFarBackOnEveryPage(t *testing.T) {
	r := newRig(t)
	var arts []news.Article
	for i := range search.PageSize + 2 {
		arts = append(arts, news.Article{GUID: fmt.Sprint(i), Title: fmt.Sprintf("Kursk report %d", i), PublishedAt: r.now.Add(-time.Duration(i) * time.Minute)})
	}
	r.articles("Wire", arts...)
	svc := search.NewService(search.Options{Store: boundStore{r.st}, Now: func() time.Time { return r.now }, Logger: slog.New(slog.DiscardHandler)})
	p, err := svc.Search(context.Background(), 1, "kursk")
	if err != nil {
		t.Fatal(err)
	}
	next, err := svc.Page(context.Background(), 1, p.SearchID, 1)
	if err != nil || p.Searched != 777 || next.Searched != 777 {
		t.Errorf("first page Searched %d, second %d (%v); want 777 on both", p.Searched, next.Searched, err)
	}
}

// "source:reuters tariffs" found one result where Reuters had 12: the
// newest 200 tariff articles of every source were the candidates, and the
// matcher kept the Reuters ones among them. The sources are read with the
// words: /search and /latest find all 12.
func TestSearchConfinedToASourceFindsItsOlderMatches(t *testing.T) {
	r := newRig(t)
	var theirs, wire []news.Article
	for i := range 12 {
		theirs = append(theirs, news.Article{GUID: fmt.Sprint("r", i), Title: fmt.Sprintf("Steel tariffs, round %d", i), Text: "Tariffs on steel rise again.", PublishedAt: r.now.Add(-time.Duration(400+i) * time.Minute)})
	}
	for i := range 300 {
		wire = append(wire, news.Article{GUID: fmt.Sprint("w", i), Title: fmt.Sprintf("Tariffs update %d", i), Text: "Tariffs on steel rise again.", PublishedAt: r.now.Add(-time.Duration(i) * time.Minute)})
	}
	r.articles("Reuters", theirs...)
	r.articles("Wire", wire...)
	p, err := r.svc.Search(context.Background(), 1, "source:reuters tariffs")
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != 12 {
		t.Errorf("/search source:reuters tariffs: %d results, want Reuters' 12", p.Total)
	}
	for _, res := range p.Results {
		if res.Article.SourceName != "Reuters" {
			t.Errorf("result %q of %s", res.Article.Title, res.Article.SourceName)
		}
	}
	if p, err = r.svc.Search(context.Background(), 1, "source:nosuchsource tariffs"); err != nil || p.Total != 0 {
		t.Errorf("a source that does not exist: %d results, %v; want none", p.Total, err)
	}
	got, err := r.svc.Latest(context.Background(), []news.Subscription{{ID: 1, Query: "source:reuters tariffs"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != search.LatestCount || got[0].Article.SourceName != "Reuters" {
		t.Errorf("/latest source:reuters tariffs: %d articles, want %d of Reuters' 12", len(got), search.LatestCount)
	}
}

// "site:steel.example tariffs" found none where an aggregator's feed held
// 12 of that site's tariff articles under 300 newer ones of other sites:
// the candidates were the newest tariff articles of every site. The site's
// hosts are read with the words: /search and /latest find all 12, and a
// dotted source: (source:steel.example) as well.
func TestSearchConfinedToASiteFindsItsOlderMatches(t *testing.T) {
	r := newRig(t)
	var arts []news.Article
	for i := range 12 {
		arts = append(arts, news.Article{GUID: fmt.Sprint("s", i), URL: fmt.Sprintf("https://www.steel.example/%d", i), Title: fmt.Sprintf("Steel tariffs, round %d", i), Text: "Tariffs on steel rise again.", PublishedAt: r.now.Add(-time.Duration(400+i) * time.Minute)})
	}
	for i := range 300 {
		arts = append(arts, news.Article{GUID: fmt.Sprint("w", i), URL: fmt.Sprintf("https://news%d.example/%d", i%40, i), Title: fmt.Sprintf("Tariffs update %d", i), Text: "Tariffs on steel rise again.", PublishedAt: r.now.Add(-time.Duration(i) * time.Minute)})
	}
	r.articles("Aggregator", arts...)
	for _, q := range []string{"site:steel.example tariffs", "source:steel.example tariffs", "site:www.steel.example tariffs"} {
		p, err := r.svc.Search(context.Background(), 1, q)
		if err != nil {
			t.Fatal(err)
		}
		if p.Total != 12 {
			t.Errorf("/search %s: %d results, want the site's 12", q, p.Total)
		}
		for _, res := range p.Results {
			if !strings.HasPrefix(res.Article.URL, "https://www.steel.example/") {
				t.Errorf("/search %s: result %q at %s", q, res.Article.Title, res.Article.URL)
			}
		}
	}
	if p, err := r.svc.Search(context.Background(), 1, "site:nosuch.example tariffs"); err != nil || p.Total != 0 {
		t.Errorf("a site no article is at: %d results, %v; want none", p.Total, err)
	}
	got, err := r.svc.Latest(context.Background(), []news.Subscription{{ID: 1, Query: "site:steel.example tariffs"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != search.LatestCount || !strings.HasPrefix(got[0].Article.URL, "https://www.steel.example/") {
		t.Errorf("/latest site:steel.example tariffs: %d articles, want %d of the site's 12", len(got), search.LatestCount)
	}
}

// A query of a site alone, or of a site and a NOT FTS5 cannot narrow with
// (site:steel.example -quota), read the newest 1,000 articles of every site
// and matched them: a site whose articles were older than another site's
// newest 1,000 had none found. It reads the site's articles, through each
// host's index entries: /search, and /latest.
func TestSearchOfASiteAloneReadsItsArticles(t *testing.T) {
	r := newRig(t)
	var arts []news.Article
	for i := range 12 {
		title := fmt.Sprintf("Steel tariffs, round %d", i)
		if i%2 == 0 {
			title += ": quota"
		}
		arts = append(arts, news.Article{GUID: fmt.Sprint("s", i), URL: fmt.Sprintf("https://www.steel.example/%d", i), Title: title, Text: "Tariffs on steel rise again.", PublishedAt: r.now.Add(-time.Duration(2000-i) * time.Minute)})
	}
	for i := range 1100 {
		arts = append(arts, news.Article{GUID: fmt.Sprint("w", i), URL: fmt.Sprintf("https://news%d.example/%d", i%40, i), Title: fmt.Sprintf("Update %d", i), Text: "Markets rise.", PublishedAt: r.now.Add(-time.Duration(i) * time.Minute)})
	}
	r.articles("Aggregator", arts...)
	for q, want := range map[string]int{"site:steel.example": 12, "site:steel.example -quota": 6, "source:www.steel.example": 12, "site:nosuch.example": 0} {
		p, err := r.svc.Search(context.Background(), 1, q)
		if err != nil {
			t.Fatal(err)
		}
		if p.Total != want {
			t.Errorf("/search %s: %d results, want %d", q, p.Total, want)
		}
		for _, res := range p.Results {
			if !strings.HasPrefix(res.Article.URL, "https://www.steel.example/") {
				t.Errorf("/search %s: result %q at %s", q, res.Article.Title, res.Article.URL)
			}
		}
	}
	got, err := r.svc.Latest(context.Background(), []news.Subscription{{ID: 1, Query: "site:steel.example"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != search.LatestCount || got[0].Article.Title != "Steel tariffs, round 11" {
		t.Errorf("/latest site:steel.example: %d articles, want the site's newest %d", len(got), search.LatestCount)
	}
}

// A query FTS5 cannot narrow ("site:… -word") read the newest 5,000
// articles, each inflated and matched: 230 ms at 1M articles. It reads
// scanLimit and, when older articles were left, says how far back it read.
func TestSearchFTS5CannotNarrowSaysHowFarBack(t *testing.T) {
	r := newRig(t)
	var arts []news.Article
	for i := range 1100 {
		title := "Harbour report"
		if i%100 == 0 {
			title = "Kursk report"
		}
		arts = append(arts, news.Article{GUID: fmt.Sprint(i), Title: fmt.Sprintf("%s %d", title, i), URL: fmt.Sprintf("https://wire.example/%d", i), PublishedAt: r.now.Add(-time.Duration(i) * time.Minute)})
	}
	r.articles("Wire", arts...)
	p, err := r.svc.Search(context.Background(), 1, "site:wire.example -harbour")
	if err != nil {
		t.Fatal(err)
	}
	// The newest 1,000 hold ten Kursk reports; the eleventh is older.
	if p.Total != 10 || p.Searched != 1000 {
		t.Errorf("%d results, searched %d; want 10 of the newest 1000, and the bound said", p.Total, p.Searched)
	}
	// One that finds its MaxResults among the newest reads no further and says nothing.
	if p, err = r.svc.Search(context.Background(), 1, "site:wire.example -kursk"); err != nil || p.Total != search.MaxResults || p.Searched != 0 {
		t.Errorf("%d results, searched %d, %v; want %d, no bound", p.Total, p.Searched, err, search.MaxResults)
	}
}
