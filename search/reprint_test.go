package search_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// TestSearchListsARepublishedArticleOnce: a source that publishes an article
// again under a new GUID and a new URL (same title, same text) shows it once,
// in the ranked search, in the scan of a source: query and in Latest; a
// different text under the same title, and the same article from another
// source, stay.
func TestSearchListsARepublishedArticleOnce(t *testing.T) {
	r := newRig(t)
	text := "Flood barriers along the Oder held overnight, officials in Wroclaw said, as the river crested a metre above its summer level."
	r.articles("Wire",
		news.Article{GUID: "a1", URL: "https://wire.example/a1", Title: "Oder flood barriers hold", Text: text, PublishedAt: r.now.Add(-2 * time.Hour)},
		news.Article{GUID: "a2", URL: "https://wire.example/a2?rev=2", Title: "Oder flood  barriers hold", Text: text + " Updated at 10:00 with the mayor's statement.", PublishedAt: r.now.Add(-time.Hour)},
		news.Article{GUID: "b1", URL: "https://wire.example/b1", Title: "Oder briefing", Text: "Monday: the river rose by a metre.", PublishedAt: r.now.Add(-26 * time.Hour)},
		news.Article{GUID: "b2", URL: "https://wire.example/b2", Title: "Oder briefing", Text: "Tuesday: the river fell again.", PublishedAt: r.now.Add(-3 * time.Hour)},
	)
	r.articles("Beta", news.Article{GUID: "c", URL: "https://beta.example/c", Title: "Oder flood barriers hold", Text: text, PublishedAt: r.now.Add(-90 * time.Minute)})

	for _, tt := range []struct {
		query string
		want  string
		total int
	}{
		{"oder", "[Oder flood  barriers hold Oder flood barriers hold Oder briefing Oder briefing]", 4},
		{"source:wire", "[Oder flood  barriers hold Oder briefing Oder briefing]", 3},
	} {
		p, err := r.svc.Search(context.Background(), 1, tt.query)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(titles(p)); got != tt.want || p.Total != tt.total {
			t.Errorf("%s → %d results %s, want %s", tt.query, p.Total, got, tt.want)
		}
	}

	got, err := r.svc.Latest(context.Background(), []news.Subscription{{ID: 1, Query: "flood"}})
	if err != nil {
		t.Fatal(err)
	}
	var sources []int64
	for _, m := range got {
		sources = append(sources, m.Article.SourceID)
	}
	if len(got) != 2 || sources[0] == sources[1] {
		t.Errorf("Latest(flood) → %d articles from sources %v, want one from each source", len(got), sources)
	}
}
