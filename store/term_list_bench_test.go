package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// BenchmarkNoteTerms measures what listing an article's terms adds to
// storing it (noteTerms, in the article's transaction), in steady state:
// after 20,000 articles of a Zipf vocabulary of 200,000 words (about 200
// distinct terms an article, of which a few new). ns/op is per article.
//
//	go test -tags sqlite_fts5 -run '^$' -bench NoteTerms -cpu 1 ./store/
func BenchmarkNoteTerms(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "terms.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	rnd := rand.New(rand.NewPCG(5, 6))
	zipf := rand.NewZipf(rnd, 1.07, 2, 200_000)
	article := func() query.Columns {
		var text strings.Builder
		for range 300 {
			fmt.Fprintf(&text, "w%d ", zipf.Uint64())
		}
		return query.IndexColumns(news.Article{Title: fmt.Sprintf("w%d w%d w%d", zipf.Uint64(), zipf.Uint64(), zipf.Uint64()), Text: text.String()})
	}
	note := func(cols []query.Columns) {
		err := s.tx(ctx, func(tx *wtx) error {
			// What a transaction of the insert path writes anyway: a row.
			if _, err := tx.ExecContext(ctx, `UPDATE sources SET items_seen_at = items_seen_at + 1 WHERE id = 0`); err != nil {
				return err
			}
			for _, c := range cols {
				if err := s.noteTerms(ctx, tx, c.Title, c.Body); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	for range 200 { // 20,000 articles before
		cols := make([]query.Columns, 100)
		for i := range cols {
			cols[i] = article()
		}
		note(cols)
	}
	// "listed": a fetch's 5 new articles a transaction; "none": the same
	// transactions without the articles' terms. The difference is the cost.
	// "again": articles already listed (every term known: the look-ups
	// alone).
	var warm []query.Columns
	for _, run := range []string{"listed", "none", "again"} {
		listed := run != "none"
		b.Run(run, func(b *testing.B) {
			cols := make([]query.Columns, b.N)
			for i := range cols {
				if run == "again" && len(warm) > 0 {
					cols[i] = warm[i%len(warm)]
				} else {
					cols[i] = article()
				}
			}
			if run == "listed" {
				warm = cols
			}
			var before int
			if err := s.w.QueryRowContext(ctx, `SELECT count(*) FROM terms_list`).Scan(&before); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			cpu := cpuTime()
			for i := 0; i < len(cols); i += 5 {
				batch := cols[i:min(i+5, len(cols))]
				if !listed {
					batch = batch[:0]
				}
				note(batch)
			}
			b.ReportMetric(float64(cpuTime()-cpu)/1e3/float64(b.N), "cpu-µs/op")
			b.StopTimer()
			var after int
			if err := s.w.QueryRowContext(ctx, `SELECT count(*) FROM terms_list`).Scan(&after); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(after-before)/float64(b.N), "new-terms/op")
		})
	}
}

// BenchmarkBroadPrefixTerms measures choosing a broad prefix's terms: a
// prefix of 20,000 terms (of which scanTerms are read) in a list of
// 200,000, previewTerms chosen.
//
//	go test -tags sqlite_fts5 -run '^$' -bench BroadPrefixTerms -cpu 1 ./store/
func BenchmarkBroadPrefixTerms(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "terms.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	rnd := rand.New(rand.NewPCG(7, 8))
	err = s.tx(ctx, func(tx *wtx) error {
		for i := range 200_000 {
			prefix := "aaa"
			if i%10 == 0 {
				prefix = "con"
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO terms_list (term, docs) VALUES (?, ?)`, fmt.Sprintf("%s%06d", prefix, i), rnd.IntN(1000)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	cpu := cpuTime()
	for b.Loop() {
		if _, err := s.prefixTerms(ctx, "con", previewTerms, scanTerms); err != nil {
			b.Fatal(err)
		}
		if _, err := s.prefixDocs(ctx, "con", scanTerms); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/1e3/float64(b.N), "cpu-µs/op")
}
