package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// TestSourceArticlesReadsOnlyTheNamedSources: a query that names sources
// (source:wire) reads their newest articles of the window, and the preview
// counts them, without the other sources' articles.
func TestSourceArticlesReadsOnlyTheNamedSources(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	clock := now.Add(-10 * 24 * time.Hour)
	s := newSearchStore(t, &clock)
	wire, err := s.UpsertSource(ctx, "Wire World", "https://wire.example/rss", "config")
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.UpsertSource(ctx, "Other", "https://other.example/rss", "config")
	if err != nil {
		t.Fatal(err)
	}
	for day := range 10 {
		for i, src := range []news.Source{wire, other, other} {
			mustInsert(t, s, src.ID, news.Article{GUID: fmt.Sprintf("%d-%d", day, i), Title: "Day", Text: "text", PublishedAt: clock})
		}
		clock = clock.Add(24 * time.Hour)
	}
	keep := func(name string) bool { return strings.HasPrefix(name, "Wire") }
	arts, err := s.ScopeArticles(ctx, &query.Scope{Name: keep}, now.Add(-3*24*time.Hour-time.Minute), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 3 || arts[0].GUID != "9-0" || arts[2].GUID != "7-0" {
		t.Errorf("ScopeArticles = %v, want 9-0, 8-0, 7-0", news.ArticleIDs(arts))
	}
	sample, examined, total, err := s.RecentMatches(ctx, "", &query.Scope{Name: keep}, now.Add(-5*24*time.Hour-time.Minute), 2)
	if err != nil {
		t.Fatal(err)
	}
	if total != 5 || examined != 2 || len(sample) != 2 || sample[0].SourceID != wire.ID {
		t.Errorf("RecentMatches of Wire: total %d, examined %d, sample %d; want 5, 2, 2 of Wire", total, examined, len(sample))
	}
	if arts, err := s.ScopeArticles(ctx, &query.Scope{Name: func(string) bool { return false }}, now.Add(-time.Hour), 10); err != nil || len(arts) != 0 {
		t.Errorf("no source passes: %d articles, %v", len(arts), err)
	}
}

// TestRecentMatchesEstimatesBeyondTheCap: the preview counts up to countCap
// matches and scales beyond it by the span of ids they cover, so a common
// word's count costs countCap steps of the index, not one per match.
func TestRecentMatchesEstimatesBeyondTheCap(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	const n = 3 * countCap
	var arts []news.Article
	for i := range n {
		text := "weather report"
		if i%2 == 0 {
			text = "harvest report"
		}
		if i%100 == 0 {
			text += " storm"
		}
		arts = append(arts, news.Article{GUID: fmt.Sprint(i), Title: "Day", Text: text, PublishedAt: now})
	}
	mustInsert(t, s, src.ID, arts...)
	for _, tt := range []struct {
		match string
		want  int
	}{{`"harvest"`, n / 2}, {`"report"`, n}} {
		sample, examined, total, err := s.RecentMatches(ctx, tt.match, nil, now.Add(-time.Hour), 10)
		if err != nil {
			t.Fatal(err)
		}
		if total < tt.want*95/100 || total > tt.want*105/100 || examined != 10 || len(sample) != 10 {
			t.Errorf("%s: total %d (want about %d), examined %d, sample %d", tt.match, total, tt.want, examined, len(sample))
		}
	}
	if _, _, total, err := s.RecentMatches(ctx, `"storm"`, nil, now.Add(-time.Hour), 10); err != nil || total != n/100 {
		t.Errorf("below the cap the count is exact: %d, %v; want %d", total, err, n/100)
	}
}

// TestScopeArticlesOfSites: a scope that names web addresses reads the
// articles at them (and under them), newest fetched first, published in
// the window, at most limit; its preview counts them all and samples the
// newest.
func TestScopeArticlesOfSites(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	clock := now.Add(-10 * time.Hour)
	s := newSearchStore(t, &clock)
	src := wireSource(t, s)
	hosts := []string{"www.steel.example", "news.example", "steel.example.org", "steel.example"}
	for i := range 40 {
		// The first article is published before the window, fetched in it.
		pub := clock
		if i == 0 {
			pub = now.Add(-30 * 24 * time.Hour)
		}
		mustInsert(t, s, src.ID, news.Article{GUID: fmt.Sprint(i), URL: fmt.Sprintf("https://%s/%d", hosts[i%4], i), Title: fmt.Sprint("Day ", i), Text: "text", PublishedAt: pub})
		clock = clock.Add(time.Minute)
	}
	since := now.Add(-24 * time.Hour)
	scope := func(q string) *query.Scope {
		parsed, err := query.Parse(q)
		if err != nil {
			t.Fatal(err)
		}
		return parsed.Scope()
	}
	for _, tt := range []struct {
		query string
		limit int
		want  []string
	}{
		{"site:steel.example", 5, []string{"Day 39", "Day 36", "Day 35", "Day 32", "Day 31"}},
		{"site:steel.example", 100, nil}, // checked by count below: 19 (Day 0 published before the window)
		{"site:news.example OR site:steel.example.org", 3, []string{"Day 38", "Day 37", "Day 34"}},
		{"site:nosuch.example", 5, []string{}},
	} {
		arts, err := s.ScopeArticles(ctx, scope(tt.query), since, tt.limit)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, a := range arts {
			got = append(got, a.Title)
		}
		if tt.want == nil {
			if len(got) != 19 {
				t.Errorf("%s: %d articles, want the 19 of 20 at steel.example published in the window", tt.query, len(got))
			}
			continue
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%s, %d: %v, want %v", tt.query, tt.limit, got, tt.want)
		}
	}
	sample, examined, total, err := s.RecentMatches(ctx, "", scope("site:steel.example"), since, 4)
	if err != nil {
		t.Fatal(err)
	}
	if total != 20 || examined != 4 || len(sample) != 4 || sample[0].Title != "Day 39" || sample[0].Text == "" {
		t.Errorf("preview of site:steel.example: total %d, examined %d, sample %d (%v); want 20, 4, 4 from Day 39 with text", total, examined, len(sample), sample)
	}
	// A scope that holds many: only the newest spans of ids are read, and
	// the count is scaled from them (site:.example held 78,000 ids a week).
	var more []news.Article
	for i := 40; i < 2040; i++ {
		more = append(more, news.Article{GUID: fmt.Sprint(i), URL: fmt.Sprintf("https://%s/%d", hosts[i%4], i), Title: fmt.Sprint("Day ", i), Text: "text", PublishedAt: clock})
	}
	mustInsert(t, s, src.ID, more...)
	sample, examined, total, err = s.RecentMatches(ctx, "", scope("site:steel.example"), since, 4)
	if err != nil {
		t.Fatal(err)
	}
	if total < 918 || total > 1122 || examined != 4 || sample[0].Title != "Day 2039" {
		t.Errorf("preview of site:steel.example among 2,040: total %d, examined %d, first %q; want about 1,020, 4, Day 2039", total, examined, sample[0].Title)
	}
	if arts, err := s.ScopeArticles(ctx, scope("site:steel.example"), since, 600); err != nil || len(arts) != 600 || arts[599].Title != "Day 840" {
		t.Errorf("ScopeArticles of 600 among 2,040: %d, %v; want 600, down to Day 840", len(arts), err)
	}
}

// TestWideHostRangeConfinesNothing: a range of more than wideHosts hosts,
// most of them (site:.example over 70 sites of 71), is not read host by
// host (1,000 seeks a span at 1,000,000 articles): the scope confines
// nothing there, and its reads are the newest articles of every source,
// for the matcher; a narrower term beside it in an AND still confines.
func TestWideHostRangeConfinesNothing(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	clock := now.Add(-time.Hour)
	s := newSearchStore(t, &clock)
	src := wireSource(t, s)
	for i := range wideHosts + 6 {
		mustInsert(t, s, src.ID, news.Article{GUID: fmt.Sprint(i), URL: fmt.Sprintf("https://a%d.example/%d", i, i), Title: fmt.Sprint("Day ", i), Text: "text", PublishedAt: clock})
	}
	mustInsert(t, s, src.ID, news.Article{GUID: "org", URL: "https://other.org/1", Title: "Org", Text: "text", PublishedAt: clock})
	scope := func(q string) *query.Scope {
		parsed, err := query.Parse(q)
		if err != nil {
			t.Fatal(err)
		}
		return parsed.Scope()
	}
	for q, wide := range map[string]bool{"site:.example": true, "site:.example OR site:other.org": true, "site:other.org": false, "site:a1.example": false, "site:.example site:other.org": false} {
		sc, err := s.sourceScope(ctx, scope(q))
		if err != nil {
			t.Fatal(err)
		}
		if (sc == nil) != wide {
			t.Errorf("%s: confines %v, want %v", q, sc != nil, !wide)
		}
	}
	arts, err := s.ScopeArticles(ctx, scope("site:.example"), now.Add(-24*time.Hour), 5)
	if err != nil || len(arts) != 5 || arts[0].Title != "Org" {
		t.Errorf("ScopeArticles of a wide range: %d, %v; want the newest 5 of every source, for the matcher", len(arts), err)
	}
	if arts, err := s.ScopeArticles(ctx, scope("site:.example site:other.org"), now.Add(-24*time.Hour), 5); err != nil || len(arts) != 1 || arts[0].Title != "Org" {
		t.Errorf("ScopeArticles of a wide range and a narrow one: %d, %v; want other.org's one", len(arts), err)
	}
	if _, examined, total, err := s.RecentMatches(ctx, "", scope("site:.example"), now.Add(-24*time.Hour), 20); err != nil || examined != 20 || total != wideHosts+7 {
		t.Errorf("preview of a wide range: examined %d, total %d, %v; want the newest 20 of %d", examined, total, err, wideHosts+7)
	}
}

// TestWideSourceNameConfinesNothing: a name that more than wideHosts
// sources hold, most of them (source:wire of 70 "Wire N" feeds of 80),
// confines nothing, as a wide range of hosts; one source's name still
// does, and so does the same name where those sources are fewer than half.
func TestWideSourceNameConfinesNothing(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	for i := range wideHosts + 6 {
		if _, err := s.UpsertSource(ctx, fmt.Sprintf("Wire %d", i), fmt.Sprintf("https://wire%d.example/rss", i), "config"); err != nil {
			t.Fatal(err)
		}
	}
	others := func(n int) {
		for i := range n {
			if _, err := s.UpsertSource(ctx, fmt.Sprintf("Post %d", i), fmt.Sprintf("https://post%d.example/rss", i), "config"); err != nil {
				t.Fatal(err)
			}
		}
	}
	others(10)
	check := func(cases map[string]bool) {
		for q, wide := range cases {
			parsed, err := query.Parse(q)
			if err != nil {
				t.Fatal(err)
			}
			sc, err := s.sourceScope(ctx, parsed.Scope())
			if err != nil {
				t.Fatal(err)
			}
			if (sc == nil) != wide {
				t.Errorf("%s: confines %v, want %v", q, sc != nil, !wide)
			}
		}
	}
	check(map[string]bool{"source:wire": true, `source:"wire 3"`: false, "source:wire site:wire3.example": false, "source:wire OR source:reuters": true})
	others(70) // the 70 Wire feeds are fewer than half of 150 now
	check(map[string]bool{"source:wire": false})
}
