package store

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/newshound/newshound/query"
)

// BenchmarkRecentMatchesStages splits the cost of the /subscribe preview
// (subscriptions.Service.Preview) on a stored store, stage by stage, for a
// phrase, broad prefixes and a common word of cmd/fill's corpus: expand (a
// prefix's terms and their share, expandPrefixes), count (RecentMatches
// with a sample of 1: the FTS5 count of the newest countCap matches),
// sample (and the 20 articles read), document (and query.NewDocument of
// each) and match (and the query's Match: the whole preview as it was but
// the stories' titles), or, in the place of the last two, confirm (and
// Query.MatchArticle, which the preview uses since session 32: the same
// answers). cpu-ms/op is the process's CPU time a preview (the machine is
// shared: wall time counts the others' work). The window is the 7 days before the newest article,
// as the fill's -queries mode has it. It needs a store built by cmd/fill
// (a copy: Open migrates and the index may be written), named by
// NEWSHOUND_BENCH_DB, and is skipped without it:
//
//	cp /work/data/b1m.db /tmp/b1m.db
//	NEWSHOUND_BENCH_DB=/tmp/b1m.db go test -tags sqlite_fts5 -run '^$' -bench RecentMatchesStages -benchtime 40x -cpu 1 ./store/
func BenchmarkRecentMatchesStages(b *testing.B) {
	path := os.Getenv("NEWSHOUND_BENCH_DB")
	if path == "" {
		b.Skip("NEWSHOUND_BENCH_DB names no store")
	}
	ctx := context.Background()
	s, err := Open(ctx, path, time.Now)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	newest, err := s.ListArticlesSince(ctx, time.Time{}, 1)
	if err != nil || len(newest) == 0 {
		b.Fatalf("no articles in %s: %v", path, err)
	}
	since := newest[0].FetchedAt.Add(-7 * 24 * time.Hour)
	for _, text := range []string{`"officials market"`, `ber* OR sen* OR mar*`, `government`} {
		q, err := query.Parse(text)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(text+"/expand", func(b *testing.B) {
			cpu := cpuTime()
			for b.Loop() {
				if _, _, err := s.expandPrefixes(ctx, q.TermsMatch(), previewTerms); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu)/1e6/float64(b.N), "cpu-ms/op")
		})
		for _, stage := range []string{"count", "sample", "document", "match", "confirm"} {
			b.Run(text+"/"+stage, func(b *testing.B) {
				n := 20
				if stage == "count" {
					n = 0
				}
				cpu := cpuTime()
				for b.Loop() {
					sample, _, _, err := s.RecentMatches(ctx, q.TermsMatch(), q.Scope(), since, n)
					if err != nil {
						b.Fatal(err)
					}
					for _, a := range sample {
						switch stage {
						case "document":
							query.NewDocument(a)
						case "match":
							q.Match(query.NewDocument(a))
						case "confirm":
							q.MatchArticle(a)
						}
					}
				}
				b.ReportMetric(float64(cpuTime()-cpu)/1e6/float64(b.N), "cpu-ms/op")
			})
		}
	}
}
