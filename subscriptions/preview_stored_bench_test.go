package subscriptions

import (
	"context"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/newshound/newshound/query"
	"github.com/newshound/newshound/store"
)

// BenchmarkPreviewStored measures Service.Preview on a stored store, built
// by cmd/fill and named by NEWSHOUND_BENCH_DB (a copy: Open migrates and
// the index may be written; skipped without it), with the clock at its
// newest article as the fill's -queries mode has it, for queries of the
// fill's corpus: a phrase, a prefix, broad prefixes, a negation of phrases
// (all decided by FTS5: counted untexted) and a word (confirmed). Each runs
// as the service does (untexted) and with every candidate confirmed by the
// matcher (confirmed: the preview before untexted reads). cpu-ms/op is the
// process's CPU time a preview (the machine is shared: wall time counts
// the others' work).
//
//	cp /work/data/b1m.db* /tmp/preview/
//	NEWSHOUND_BENCH_DB=/tmp/preview/b1m.db go test -tags sqlite_fts5 -run '^$' -bench PreviewStored -benchtime 40x -cpu 1 ./subscriptions/
func BenchmarkPreviewStored(b *testing.B) {
	path := os.Getenv("NEWSHOUND_BENCH_DB")
	if path == "" {
		b.Skip("NEWSHOUND_BENCH_DB names no store built by cmd/fill")
	}
	ctx := context.Background()
	st, err := store.Open(ctx, path, time.Now)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	newest, err := st.ListArticlesSince(ctx, time.Time{}, 1)
	if err != nil || len(newest) == 0 {
		b.Fatalf("no articles in %s: %v", path, err)
	}
	now := func() time.Time { return newest[0].FetchedAt }
	opts := func(s Store) Options {
		return Options{Store: s, MaxPerChat: 10, Now: now, Logger: slog.New(slog.DiscardHandler)}
	}
	services := []struct {
		name string
		svc  *Service
	}{{"untexted", NewService(opts(st))}, {"confirmed", NewService(opts(confirmingStore{st}))}}
	for _, text := range []string{`"officials market"`, "presid*", "ber*", "ber* OR sen* OR mar*", `"police" -"report"`, "government"} {
		q, err := query.Parse(text)
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range services {
			b.Run(text+"/"+s.name, func(b *testing.B) {
				var p Preview
				cpu := cpuTime()
				for b.Loop() {
					if p, err = s.svc.Preview(ctx, q); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(cpuTime()-cpu)/1e6/float64(b.N), "cpu-ms/op")
				b.ReportMetric(float64(p.Count), "count")
			})
		}
	}
}
