package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// BenchmarkSearchArticles measures one /search's candidate query on 20,000
// stored articles, of which about one in twenty matches.
func BenchmarkSearchArticles(b *testing.B) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s, err := Open(ctx, b.TempDir()+"/bench.db", func() time.Time { return now })
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	src, err := s.UpsertSource(ctx, "Wire", "https://wire.example/rss", "config")
	if err != nil {
		b.Fatal(err)
	}
	words := []string{"ceasefire", "tariffs", "election", "harvest", "storm", "markets", "summit", "border", "court", "vaccine"}
	for batch := 0; batch < 20; batch++ {
		var arts []news.Article
		for i := 0; i < 1000; i++ {
			n := batch*1000 + i
			w := words[n%len(words)]
			extra := ""
			if n%20 == 0 {
				extra = " near Kursk"
			}
			arts = append(arts, news.Article{GUID: fmt.Sprint(n), Title: fmt.Sprintf("Report %d on the %s%s", n, w, extra),
				Text:        fmt.Sprintf("Officials spoke about the %s on day %d. More %s news follows in later reports.", w, n, words[(n/7)%len(words)]),
				PublishedAt: now.Add(-time.Duration(n) * time.Minute)})
		}
		if _, err := s.InsertArticles(ctx, src.ID, arts); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		hits, err := s.SearchArticles(ctx, `"kursk"`, 500)
		if err != nil || len(hits) != 500 {
			b.Fatalf("%d hits, %v", len(hits), err)
		}
	}
}
