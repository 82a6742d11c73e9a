package subscriptions

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
	"github.com/newshound/newshound/store"
)

// BenchmarkPreview100k measures the /subscribe preview (issue 17 point 1:
// under 10 ms of CPU) with 100,000 stored articles of about 1.5 KB of text,
// over 90 days, for a common word (in most articles of the window), a
// mid-frequency word, both, a phrase, a source-only query and two broad
// prefixes: w30* stands for 111 terms, w12* for 1,111, both read as their 6
// most frequent terms (store/prefix.go). cpu-ms/op is the process's CPU time
// per preview (wall time suffers from a shared machine). Building the store
// takes a few minutes; NEWSHOUND_PREVIEW_DB=FILE keeps it in FILE and uses
// it again when it exists:
//
//	go test -tags sqlite_fts5 -run '^$' -bench Preview100k -benchtime 100x -cpu 1 ./subscriptions/
func BenchmarkPreview100k(b *testing.B) {
	ctx := context.Background()
	end := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	clock := end.Add(-90 * 24 * time.Hour)
	now := func() time.Time { return clock }
	path, kept := os.Getenv("NEWSHOUND_PREVIEW_DB"), false
	if path == "" {
		path = filepath.Join(b.TempDir(), "preview.db")
	} else if _, err := os.Stat(path); err == nil {
		kept = true
	}
	st, err := store.Open(ctx, path, now)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	rnd := rand.New(rand.NewPCG(1, 2))
	zipf := rand.NewZipf(rnd, 1.07, 2, 20000)
	word := func() string {
		n := zipf.Uint64()
		if n == 0 {
			return "government"
		}
		return fmt.Sprintf("w%d", n)
	}
	const total, batch = 100_000, 500
	var sources []news.Source
	for i := range 20 {
		src, err := st.UpsertSource(ctx, fmt.Sprintf("wire%d", i), fmt.Sprintf("https://wire%d.example/rss", i), "config")
		if err != nil {
			b.Fatal(err)
		}
		sources = append(sources, src)
	}
	step := 90 * 24 * time.Hour / total
	for n := 0; n < total && !kept; n += batch {
		var arts []news.Article
		for i := range batch {
			clock = clock.Add(step)
			var text strings.Builder
			for text.Len() < 1500 {
				text.WriteString(word() + " ")
			}
			arts = append(arts, news.Article{GUID: fmt.Sprint(n + i), Title: word() + " " + word() + " " + word(), Text: text.String(), PublishedAt: clock})
		}
		if _, err := st.InsertArticles(ctx, sources[(n/batch)%len(sources)].ID, arts); err != nil {
			b.Fatal(err)
		}
	}
	clock = end
	// The store's daily prune counts the articles of each term (the broad
	// prefixes' most frequent terms are chosen by these counts).
	if _, err := st.RefreshTerms(ctx); err != nil {
		b.Fatal(err)
	}
	svc := NewService(Options{Store: st, Now: now, Logger: slog.New(slog.DiscardHandler)})
	for _, text := range []string{"government", "w300", "w300 government", `"government w2"`, "source:wire7", "w30*", "w12*"} {
		q, err := query.Parse(text)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(text, func(b *testing.B) {
			var p Preview
			cpu0 := cpuTime()
			for b.Loop() {
				if p, err = svc.Preview(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(p.Count), "matches")
			b.ReportMetric(float64(cpuTime()-cpu0)/1e6/float64(b.N), "cpu-ms/op")
		})
	}
}
