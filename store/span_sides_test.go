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

// TestSpanSidesSplitsOnlyAPlainNot: a NOT is read as its sides only when
// neither holds a NOT of its own.
func TestSpanSidesSplitsOnlyAPlainNot(t *testing.T) {
	for query, split := range map[string]bool{
		`"officials" -"government"`:     true,
		`gov* -pol*`:                    true,
		`"kursk" -title:storm`:          true,
		`"kursk" -("storm" -"tides")`:   false,
		`"kursk" OR ("storm" -"tides")`: false,
		`"kursk" "storm"`:               false,
	} {
		sd := newSpanSides(mustParse(t, query).TermsMatch())
		if (sd.neg != "") != split {
			t.Errorf("%s: sides %q and %q; want split %v", query, sd.pos, sd.neg, split)
		}
	}
}

// TestSearchNotSidesFindWhatFTS5Finds: a NOT read as its sides' difference,
// span by span, finds the text and title matches (and /latest's matches)
// FTS5's NOT finds in one read, over a store of random words, for NOTs of words, phrases, column
// filters and prefixes, in spans of 7 ids and of the whole store.
func TestSearchNotSidesFindWhatFTS5Finds(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	rng := rand.New(rand.NewPCG(36, 1))
	words := []string{"storm", "tides", "harbour", "kursk", "deminers", "council", "strike", "stormy", "harvest"}
	pick := func(n int) string {
		var w []string
		for range n {
			w = append(w, words[rng.IntN(len(words))])
		}
		return strings.Join(w, " ")
	}
	var arts []news.Article
	for i := range 600 {
		arts = append(arts, news.Article{GUID: fmt.Sprint(i), Title: pick(2), Text: pick(4) + ".", PublishedAt: now.Add(time.Duration(i-600) * time.Minute)})
	}
	mustInsert(t, s, src.ID, arts...)
	for _, query := range []string{
		`storm -"tides"`, `"storm" -"tides"`, `"storm tides" -"harbour"`, `storm -"tides harbour"`, `title:storm -"kursk"`,
		`storm -title:"kursk"`, `stor* -har*`, `(storm OR council) -("tides" OR "strike")`, `storm tides -"kursk" -"council"`, `"storm" -"stormy"`,
	} {
		match, _, err := s.expandPrefixes(ctx, mustParse(t, query).TermsMatch(), searchTerms)
		if err != nil {
			t.Fatal(err)
		}
		if newSpanSides(match).neg == "" {
			t.Fatalf("%s: %q is not read as two sides", query, match)
		}
		want := ftsIDs(t, s, match)
		wantTitles := ftsIDs(t, s, titleMatch(match))
		if len(want) == 0 || len(wantTitles) == 0 || len(want) == len(ftsIDs(t, s, newSpanSides(match).pos)) {
			t.Errorf("%s: %d matches, %d titles: the test wants some of each, and some left out by the NOT", query, len(want), len(wantTitles))
		}
		for _, first := range []int64{7, 1 << 20} {
			text, titles, _, err := s.rankCandidates(ctx, match, spanLimits{first: first, total: 1 << 20})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(text, want) || !slices.Equal(titles, wantTitles) {
				t.Errorf("%s in spans from %d: %d text, %d titles; FTS5's NOT: %d, %d", query, first, len(text), len(titles), len(want), len(wantTitles))
			}
		}
		// /latest's read (published newest first: here, as fetched).
		recent, err := s.SearchRecent(ctx, match, time.Time{}, len(arts))
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, a := range recent {
			ids = append(ids, a.ID)
		}
		if !slices.Equal(ids, want) {
			t.Errorf("%s: SearchRecent found %d, FTS5's NOT %d", query, len(ids), len(want))
		}
	}
}

// ftsIDs reads the matches of an FTS5 expression newest first, in one read.
func ftsIDs(t *testing.T, s *Store, match string) []int64 {
	t.Helper()
	rows, err := s.r.Query(`SELECT rowid FROM articles_terms WHERE articles_terms MATCH ? ORDER BY rowid DESC`, match)
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
