package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// The matches of an expression confined to some sources are FTS5's matches
// of those sources' articles, whatever the spans: in /search's walk (text
// and title candidates), /latest's and the preview's. Spans of 7 ids cut
// the sources' id list at every boundary.
func TestSourceScopeKeepsTheSourcesMatches(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	names := []string{"Reuters", "Wire", "Harbour Gazette", "Kursk Daily"}
	var ids []int64
	for _, name := range names {
		src, err := s.UpsertSource(ctx, name, "https://"+strings.ReplaceAll(strings.ToLower(name), " ", "")+".example/rss", "config")
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, src.ID)
	}
	rng := rand.New(rand.NewPCG(37, 1))
	words := []string{"storm", "tides", "harbour", "kursk", "deminers", "council", "strike"}
	pick := func(n int) string {
		var w []string
		for range n {
			w = append(w, words[rng.IntN(len(words))])
		}
		return strings.Join(w, " ")
	}
	for i := range 600 {
		// Reuters is one article in 20, Harbour Gazette the oldest 100 only.
		src := ids[1]
		switch {
		case i%20 == 0:
			src = ids[0]
		case i < 100 && i%2 == 0:
			src = ids[2]
		case i%3 == 0:
			src = ids[3]
		}
		mustInsert(t, s, src, news.Article{GUID: fmt.Sprint(i), Title: pick(2), Text: pick(4) + ".", PublishedAt: now.Add(time.Duration(i-600) * time.Minute)})
	}
	if err := s.indexBeforeRead(ctx); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ query, source string }{
		{"storm", "reuters"}, {"storm -tides", "reuters"}, {`"storm tides"`, "reuters"}, {"title:kursk", "reuters"},
		{"storm", "harbour gazette"}, {"(storm -tides) OR council", "kursk daily"}, {"stor* -har*", "wire"},
	} {
		q := mustParse(t, "source:\""+tt.source+"\" ("+tt.query+")")
		keep := q.Scope()
		if keep == nil {
			t.Fatalf("%s: no source filter", tt.query)
		}
		match, _, err := s.expandPrefixes(ctx, q.TermsMatch(), searchTerms)
		if err != nil {
			t.Fatal(err)
		}
		scope, err := s.sourceScope(ctx, keep)
		if err != nil {
			t.Fatal(err)
		}
		theirs := fmt.Sprintf(" AND rowid IN (SELECT id FROM articles WHERE source_id IN (SELECT id FROM sources WHERE lower(name) = '%s'))", tt.source)
		want := ftsIDsWhere(t, s, match, theirs)
		wantTitles := ftsIDsWhere(t, s, titleMatch(match), theirs)
		if len(want) == 0 || len(want) == len(ftsIDs(t, s, match)) {
			t.Fatalf("%s of %s: %d of %d matches: the test wants some, and fewer than all sources'", tt.query, tt.source, len(want), len(ftsIDs(t, s, match)))
		}
		for _, first := range []int64{7, 1 << 20} {
			text, titles, _, err := s.rankCandidates(ctx, match, scope, spanLimits{first: first, total: 1 << 20}, indexAlone())
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(text, want) || !slices.Equal(titles, wantTitles) {
				t.Errorf("%s of %s in spans from %d: %d text, %d titles; want %d, %d", tt.query, tt.source, first, len(text), len(titles), len(want), len(wantTitles))
			}
		}
		recent, err := s.SearchRecent(ctx, match, keep, time.Time{}, 600)
		if err != nil {
			t.Fatal(err)
		}
		if got := news.ArticleIDs(recent); !slices.Equal(got, want) {
			t.Errorf("%s of %s: SearchRecent found %d, want %d", tt.query, tt.source, len(got), len(want))
		}
		sample, _, total, err := s.RecentMatches(ctx, match, keep, now.Add(-24*time.Hour), 600)
		if err != nil {
			t.Fatal(err)
		}
		if got := news.ArticleIDs(sample); !slices.Equal(got, want) || total != len(want) {
			t.Errorf("%s of %s: the preview found %d (total %d), want %d", tt.query, tt.source, len(got), total, len(want))
		}
	}
	// A source no name passes: nothing, without reading the index.
	none := mustParse(t, "source:nosuch storm").Scope()
	if f, err := s.SearchNewest(ctx, `"storm"`, none, 50); err != nil || len(f.IDs) != 0 {
		t.Errorf("source:nosuch storm: %v, %v; want none", f.IDs, err)
	}
	if sample, examined, total, err := s.RecentMatches(ctx, `"storm"`, none, now.Add(-24*time.Hour), 20); err != nil || len(sample)+examined+total != 0 {
		t.Errorf("source:nosuch storm preview: %d, %d, %d, %v; want nothing", len(sample), examined, total, err)
	}
}

// ftsIDsWhere reads the matches of an FTS5 expression newest first, in one
// read, with a further condition on the rowid ("": none).
func ftsIDsWhere(t *testing.T, s *Store, match, where string) []int64 {
	t.Helper()
	rows, err := s.r.Query(`SELECT rowid FROM articles_terms WHERE articles_terms MATCH ?`+where+` ORDER BY rowid DESC`, match)
	if err != nil {
		t.Fatal(err)
	}
	ids, err := collect(rows, func(r scanner) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// TestRecentMatchesOfAFewSourcesReadsTheirNewest: when the sources of a
// query are so few of the store's articles that the walk's span holds fewer
// of theirs than the sample (src7 of 1,000 sources: 4 of 4,000 ids, and
// "source:src7 tariffs" previewed "at least 0"), the sample is the sources'
// newest articles, with their text for the caller's matcher, and the total
// their articles of the window; when the span holds enough, the walk reads
// the matches.
func TestRecentMatchesOfAFewSourcesReadsTheirNewest(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	reuters, err := s.UpsertSource(ctx, "Reuters", "https://reuters.example/rss", "config")
	if err != nil {
		t.Fatal(err)
	}
	wire := wireSource(t, s)
	for i := range 400 {
		src, text := wire.ID, "Tariffs rise."
		if i%10 == 0 {
			src = reuters.ID // 40 of 400
			if i%40 == 0 {
				text = "Ports reopen." // 10 of Reuters' 40 without tariffs
			}
		}
		mustInsert(t, s, src, news.Article{GUID: fmt.Sprint(i), Title: fmt.Sprint("Day ", i), Text: text, PublishedAt: now.Add(time.Duration(i-400) * time.Minute)})
	}
	q := mustParse(t, "source:reuters tariffs")
	since := now.Add(-24 * time.Hour)
	// Spans of 40 ids hold 4 of Reuters' articles: their newest 20 are read.
	s.phraseSpans = spanLimits{first: 2, total: 40}
	sample, examined, total, err := s.RecentMatches(ctx, q.TermsMatch(), q.Scope(), since, 20)
	if err != nil {
		t.Fatal(err)
	}
	if examined != 20 || total != 40 || len(sample) != 20 {
		t.Fatalf("a few sources: %d sampled, %d examined, total %d; want Reuters' newest 20 of 40", len(sample), examined, total)
	}
	for i, a := range sample {
		if a.SourceID != reuters.ID || a.Text == "" || a.Title != fmt.Sprint("Day ", 390-10*i) {
			t.Errorf("sample %d = %q of source %d (text %q), want Reuters' \"Day %d\" with its text", i, a.Title, a.SourceID, a.Text, 390-10*i)
		}
	}
	// Spans of 300 ids hold 30 of them: the walk finds the matches.
	s.phraseSpans = spanLimits{first: 300, total: 300}
	sample, examined, total, err = s.RecentMatches(ctx, q.TermsMatch(), q.Scope(), since, 20)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range sample {
		if a.SourceID != reuters.ID || !strings.Contains(a.Text, "Tariffs") {
			t.Errorf("walk: sampled %q of source %d (%q), want Reuters' tariff articles only", a.Title, a.SourceID, a.Text)
		}
	}
	if len(sample) != 20 || examined != 20 || total < 25 || total > 35 {
		t.Errorf("walk: %d sampled, %d examined, total %d; want 20, 20, about 30", len(sample), examined, total)
	}
}

// A preview of a site that holds a few of the ids a walk reads samples the
// site's newest articles, as one of a few sources does: its walk found
// none of the site's articles among the newest and said "at least 0" where
// the site held 40 (site:src7.example police at 1,000,000 articles, after
// a running bot's writes of other sources).
func TestRecentMatchesOfASiteReadsItsNewest(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	wire := wireSource(t, s)
	for i := range 400 {
		host, text := "wire.example", "Tariffs rise."
		if i%10 == 0 && i < 360 {
			host = "www.reuters.example" // 36 of 400, none of the newest 40
			if i%40 == 0 {
				text = "Ports reopen." // 9 of them without tariffs
			}
		}
		mustInsert(t, s, wire.ID, news.Article{GUID: fmt.Sprint(i), URL: fmt.Sprintf("https://%s/%d", host, i), Title: fmt.Sprint("Day ", i), Text: text, PublishedAt: now.Add(time.Duration(i-400) * time.Minute)})
	}
	q := mustParse(t, "site:reuters.example tariffs")
	since := now.Add(-24 * time.Hour)
	// Spans of 40 ids hold 4 of the site's articles at most: its newest 20
	// are read, with their text, for the caller's matcher.
	s.phraseSpans = spanLimits{first: 2, total: 40}
	sample, examined, total, err := s.RecentMatches(ctx, q.TermsMatch(), q.Scope(), since, 20)
	if err != nil {
		t.Fatal(err)
	}
	if examined != 20 || total < 30 || total > 40 || len(sample) != 20 {
		t.Fatalf("a site: %d sampled, %d examined, total %d; want the site's newest 20 of about 36", len(sample), examined, total)
	}
	for i, a := range sample {
		if a.Text == "" || a.Title != fmt.Sprint("Day ", 350-10*i) {
			t.Errorf("sample %d = %q (text %q), want the site's \"Day %d\" with its text", i, a.Title, a.Text, 350-10*i)
		}
	}
	// Spans of 300 ids hold 26 of them: the walk finds the matches.
	s.phraseSpans = spanLimits{first: 300, total: 300}
	sample, examined, total, err = s.RecentMatches(ctx, q.TermsMatch(), q.Scope(), since, 20)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range sample {
		if !strings.Contains(a.URL, "reuters.example") || !strings.Contains(a.Text, "Tariffs") {
			t.Errorf("walk: sampled %q at %s (%q), want the site's tariff articles only", a.Title, a.URL, a.Text)
		}
	}
	if len(sample) != 20 || examined != 20 {
		t.Errorf("walk: %d sampled, %d examined, total %d; want 20, 20", len(sample), examined, total)
	}
	// A site with no article in the window matches none, exactly.
	q = mustParse(t, "site:nosuch.example tariffs")
	s.phraseSpans = spanLimits{first: 2, total: 40}
	if sample, examined, total, err = s.RecentMatches(ctx, q.TermsMatch(), q.Scope(), since, 20); err != nil || len(sample) != 0 || total != 0 {
		t.Errorf("a site with no article: %d sampled, %d examined, total %d, %v; want none", len(sample), examined, total, err)
	}
}
