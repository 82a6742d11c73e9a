package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
	"github.com/newshound/newshound/summarize"
)

// bulkBatch is how many articles of one source bulk stores in a transaction.
const bulkBatch = 20

// bulk stores o.n articles of the corpus through Store.InsertArticles,
// finished (indexed for search at once), with the summarizer's summaries,
// bulkBatch of one source at a time, over the same simulated 90 days as the
// full fill. It skips story linking, matching and alerts: a database for
// measuring search, the preview and the articles' storage at sizes the full
// write path takes hours to reach (1M articles).
func bulk(ctx context.Context, o options, st *store.Store, sum *summarize.Summarizer, clk *clock, c *corpus, w io.Writer) error {
	step := span / time.Duration(o.n)
	srcs := make([]news.Source, o.sources)
	for i := range srcs {
		src, err := st.UpsertSource(ctx, fmt.Sprintf("src%d", i), fmt.Sprintf("https://src%d.example/rss", i), "config")
		if err != nil {
			return err
		}
		srcs[i] = src
	}
	started, cpu0 := time.Now(), cpuTime()
	for stored, k := 0, 0; stored < o.n; k++ {
		src := srcs[k%len(srcs)]
		var batch []news.Article
		for range min(bulkBatch, o.n-stored) {
			a := c.next(src.Name, clk.add(step))
			if o.leadSummary {
				a.Summary = summarize.Clip(a.Text, 400) // the lead, about the summarizer's length
			} else {
				a.Summary = sum.Summarize(ctx, summarize.Input{Title: a.Title, Text: a.Text, Source: src.Name})
			}
			batch = append(batch, a)
		}
		if _, err := st.InsertArticles(ctx, src.ID, batch); err != nil {
			return err
		}
		stored += len(batch)
		if stored%(max(1, o.n/10)) < len(batch) {
			fmt.Fprintf(w, "  %d articles stored in bulk, %s, CPU %s an article\n", stored, time.Since(started).Round(time.Second), per(cpuTime()-cpu0, stored))
		}
	}
	fmt.Fprintf(w, "\n%d articles stored in bulk, %d sources, %s\n", o.n, o.sources, time.Since(started).Round(time.Second))
	return nil
}

// printSize prints the database's size and its bytes per article (n).
// sqlite3's dbstat tells the parts: see BENCHMARKS.md.
func printSize(ctx context.Context, st *store.Store, n int, w io.Writer) error {
	size, _, err := st.Footprint(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "| database size | %.1f MB, %d bytes per article |\n", float64(size)/1e6, size/int64(max(1, n)))
	return nil
}
