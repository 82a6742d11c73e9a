package subscriptions

import (
	"context"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/querytest"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
	"github.com/newshound/newshound/store"
)

// BenchmarkLoadFromStore measures what a start costs with 100k stored
// subscriptions: reading them from SQLite, parsing and indexing them, with
// the frequency sample of 1,000 stored articles.
func BenchmarkLoadFromStore(b *testing.B) {
	ctx := context.Background()
	const chats, perChat = 2000, 50
	texts := benchQueries(chats * perChat)
	now := func() time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC) }
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "load.db"), now)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	for c := int64(1); c <= chats; c++ {
		if _, err := st.EnsureChat(ctx, c, "private", "", news.ChatDefaults{}); err != nil {
			b.Fatal(err)
		}
	}
	for i, text := range texts {
		q, err := query.Parse(text)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := st.CreateSubscription(ctx, int64(i%chats)+1, q.Text(), q.Key(), perChat); err != nil {
			b.Fatal(err)
		}
	}
	src, err := st.UpsertSource(ctx, "Bench", "https://bench.example/feed", "config")
	if err != nil {
		b.Fatal(err)
	}
	g := querytest.NewGenerator(4)
	arts := make([]news.Article, frequencySample)
	for i := range arts {
		a := g.Article()
		arts[i] = news.Article{GUID: string(rune(i)) + a.Title, Title: a.Title, Text: a.Text, PublishedAt: now().Add(-time.Hour)}
	}
	if _, err := st.InsertArticles(ctx, src.ID, arts); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var n int
	for i := 0; i < b.N; i++ {
		svc := NewService(Options{Store: st, MaxPerChat: perChat, Now: now, Logger: slog.New(slog.DiscardHandler)})
		if n, err = svc.Load(ctx); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/load")
	b.ReportMetric(float64(n), "queries")
}

// benchQueries returns the first n query texts of the query package's benchmark world (seed 1, drawn after its 64
// measured articles), so that this benchmark loads the queries that the index benchmarks measure.
func benchQueries(n int) []string {
	g := querytest.NewGenerator(1)
	for i := 0; i < 64; i++ {
		g.Article()
	}
	texts := make([]string, n)
	for i := range texts {
		texts[i] = g.Query()
	}
	return texts
}
