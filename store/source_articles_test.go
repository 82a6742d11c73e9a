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
	arts, err := s.SourceArticles(ctx, keep, now.Add(-3*24*time.Hour-time.Minute), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 3 || arts[0].GUID != "9-0" || arts[2].GUID != "7-0" {
		t.Errorf("SourceArticles = %v, want 9-0, 8-0, 7-0", news.ArticleIDs(arts))
	}
	sample, examined, total, err := s.RecentMatches(ctx, "", &query.Scope{Name: keep}, now.Add(-5*24*time.Hour-time.Minute), 2)
	if err != nil {
		t.Fatal(err)
	}
	if total != 5 || examined != 2 || len(sample) != 2 || sample[0].SourceID != wire.ID {
		t.Errorf("RecentMatches of Wire: total %d, examined %d, sample %d; want 5, 2, 2 of Wire", total, examined, len(sample))
	}
	if arts, err := s.SourceArticles(ctx, func(string) bool { return false }, now.Add(-time.Hour), 10); err != nil || len(arts) != 0 {
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
