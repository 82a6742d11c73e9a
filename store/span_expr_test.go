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

// TestParseSpanExprCutsAtNots: an expression is cut at its NOTs, as FTS5
// binds them (NOT before AND before OR), and one without a NOT is one part.
func TestParseSpanExprCutsAtNots(t *testing.T) {
	tests := []struct{ query, match, want string }{
		{query: `"officials" -"government"`, want: `NOT(P, P)`},
		{query: `("officials" -"government") OR quozeltigor`, want: `OR(NOT(P, P), P)`},
		{query: `"kursk" -("storm" -"tides")`, want: `NOT(P, NOT(P, P))`},
		{query: `"kursk" "storm"`, want: `P`},
		{query: `council ("storm" -"tides")`, want: `NOT(P, P)`}, // TermsMatch writes (council AND storm) NOT tides
		{match: `("a") NOT ("b") NOT ("c")`, want: `NOT(NOT(P, P), P)`},
		{match: `("a") OR ("b") AND ("c") NOT ("d")`, want: `OR(P, AND(P, NOT(P, P)))`},
		{match: `{title tstems} : (("a") NOT ("b"))`, want: `NOT(P, P)`},
		{match: `("a NOT b") OR ("c")`, want: `P`},
		{match: `"a" ("b") NOT ("c")`, want: `NOT(P, P)`},
	}
	for _, tt := range tests {
		match := tt.match
		if tt.query != "" {
			match = mustParse(t, tt.query).TermsMatch()
		}
		if got := shape(parseSpanExpr(match)); got != tt.want {
			t.Errorf("parseSpanExpr(%s) = %s, want %s", match, got, tt.want)
		}
	}
	e := parseSpanExpr(`{title tstems} : (("a") NOT ("b"))`)
	if !strings.HasPrefix(e.kids[0].part, `{title tstems} : (`) || !strings.Contains(e.kids[0].part, `"a"`) ||
		!strings.HasPrefix(e.kids[1].part, `{title tstems} : (`) || !strings.Contains(e.kids[1].part, `"b"`) {
		t.Errorf("a column filter on a NOT: parts %q and %q, want the filter on each", e.kids[0].part, e.kids[1].part)
	}
}

// shape writes e's tree: P for a part.
func shape(e *spanExpr) string {
	if e.op == "" {
		return "P"
	}
	var kids []string
	for _, k := range e.kids {
		kids = append(kids, shape(k))
	}
	return e.op + "(" + strings.Join(kids, ", ") + ")"
}

// TestSearchNotSidesFindWhatFTS5Finds: a NOT read as its sides' difference,
// span by span, finds the text and title matches (and /latest's matches)
// FTS5's NOT finds in one read, over a store of random words, for NOTs of words, phrases, column
// filters and prefixes, in spans of 7 ids and of the whole store.
func TestSearchNotsFindWhatFTS5Finds(t *testing.T) {
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
		`(storm -"tides") OR council`, `storm -("tides" -"harbour")`, `council (storm -"tides")`, `(storm -"tides") OR (council -"strike")`,
		`(title:storm -"tides") OR harvest`, `(storm OR council) -("tides" -"harbour")`,
	} {
		match, _, err := s.expandPrefixes(ctx, mustParse(t, query).TermsMatch(), searchTerms)
		if err != nil {
			t.Fatal(err)
		}
		e := parseSpanExpr(match)
		if !e.hasNot() {
			t.Fatalf("%s: %q is not cut at its NOTs", query, match)
		}
		want := ftsIDs(t, s, match)
		wantTitles := ftsIDs(t, s, titleMatch(match))
		if len(want) == 0 || len(wantTitles) == 0 || len(want) == len(ftsIDs(t, s, strings.ReplaceAll(match, " NOT ", " OR "))) {
			t.Errorf("%s: %d matches, %d titles: the test wants some of each, and some left out by the NOT", query, len(want), len(wantTitles))
		}
		for _, first := range []int64{7, 1 << 20} {
			text, titles, _, err := s.rankCandidates(ctx, match, nil, spanLimits{first: first, total: 1 << 20}, indexAlone())
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(text, want) || !slices.Equal(titles, wantTitles) {
				t.Errorf("%s in spans from %d: %d text, %d titles; FTS5's NOT: %d, %d", query, first, len(text), len(titles), len(want), len(wantTitles))
			}
		}
		// /latest's read (published newest first: here, as fetched).
		recent, err := s.SearchRecent(ctx, match, nil, time.Time{}, len(arts))
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
		// The preview's read: every id in one span.
		sample, _, total, err := s.RecentMatches(ctx, match, nil, now.Add(-24*time.Hour), len(arts))
		if err != nil {
			t.Fatal(err)
		}
		ids = ids[:0]
		for _, a := range sample {
			ids = append(ids, a.ID)
		}
		if !slices.Equal(ids, want) || total != len(want) {
			t.Errorf("%s: the preview found %d (total %d), FTS5's NOT %d", query, len(ids), total, len(want))
		}
	}
}

// ftsIDs reads the matches of an FTS5 expression newest first, in one read.
func ftsIDs(t *testing.T, s *Store, match string) []int64 {
	t.Helper()
	return ftsIDsWhere(t, s, match, "")
}

// TestSpanExprReachShrinksWithItsWeight: a walk reads all the ids its bound
// allows for an expression of a few terms, and fewer in proportion for one
// costlier to read (ORs of many terms), and says so (Found.Searched).
func TestSpanExprReachShrinksWithItsWeight(t *testing.T) {
	or16 := func(prefix string) string {
		var terms []string
		for i := range 16 {
			terms = append(terms, fmt.Sprintf(`"%s%02d"`, prefix, i))
		}
		return "({title body} : (" + strings.Join(terms, " OR ") + "))"
	}
	heavy := or16("ber") + " NOT " + or16("sen")
	tests := []struct {
		match  string
		weight float64
		reach  int64
	}{
		{mustParse(t, `"kursk"`).TermsMatch(), 2.25, 50000},
		{mustParse(t, `"kursk" -"storm"`).TermsMatch(), 3.375, 50000},
		{mustParse(t, `"police city report"`).TermsMatch(), 2.25, 50000}, // a phrase is one quoted string
		{heavy, 9, 22222},
	}
	for _, tt := range tests {
		e := parseSpanExpr(tt.match)
		if w, r := e.weight(true), e.reach(50000, 4000, true); w != tt.weight || r != tt.reach {
			t.Errorf("%s: weight %v, reach %d; want %v, %d", tt.match, w, r, tt.weight, tt.reach)
		}
	}
	ctx := context.Background()
	s, _ := spanStore(t, 200, func(i int) bool { return false })
	f, err := s.searchNewest(ctx, heavy, nil, 10, spanLimits{first: 4, total: 90})
	if err != nil {
		t.Fatal(err)
	}
	if f.Searched != 40 {
		t.Errorf("a walk of weight 9 bounded to 90 ids: Searched %d, want 40", f.Searched)
	}
	if f, err = s.searchNewest(ctx, `"kursk deminers"`, nil, 10, spanLimits{first: 4, total: 90}); err != nil || f.Searched != 90 {
		t.Errorf("a phrase bounded to 90 ids: Searched %d, %v; want 90", f.Searched, err)
	}
}

// titleMatch returns the FTS5 expression of the title matches of match, as
// the search read them before it cut expressions at their NOTs: match in
// the title columns, and, when match holds a NOT, match AND that (the
// column filter alone would confine the NOT to the title too: "police -city"
// would take articles with city in the text).
func titleMatch(match string) string {
	title := titleColumns + " : (" + match + ")"
	if strings.Contains(match, "NOT") {
		return "(" + match + ") AND " + title
	}
	return title
}
