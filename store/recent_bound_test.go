package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// TestSplitNot finds the two sides of the NOTs query.TermsMatch writes for
// an AND, and nothing in any other expression.
func TestSplitNot(t *testing.T) {
	tests := []struct {
		query, match, want string
	}{
		{query: `"kursk" -"storm"`, want: `{title body} : "kursk"`},
		{query: `"kursk" "report" -"storm" -presid*`, want: `({title body} : "kursk") AND ({title body} : "report")`},
		{query: `"kursk" -police`, want: `{title body} : "kursk"`}, // the NOT of a word of two stems: its primary stem's entries
		{query: `"kursk"`},
		{query: `"kursk" OR ("a" -"b")`},
		{match: `("a"")(" OR "b") NOT ("c")`, want: `"a"")(" OR "b"`}, // parentheses in quotes
		{match: `({title} : "a") NOT ({tstems} : "b)")`, want: `{title} : "a"`},
		{match: `(("a") NOT ("b")) OR ("c")`},  // a NOT inside an OR
		{match: `("a") NOT (("b") NOT ("c"))`}, // a NOT inside a side
		{match: `("a") NOT ("b") OR ("c")`},
		{match: `(("a") NOT ("b")`},
		{match: `("a") AND ("b")`},
		{match: ""},
	}
	for _, tt := range tests {
		match := tt.match
		if tt.query != "" {
			match = mustParse(t, tt.query).TermsMatch()
		}
		pos, neg := splitNot(match)
		if pos != tt.want || (pos == "") != (neg == "") {
			t.Errorf("splitNot(%q) = %q, %q; want %q and its NOT", match, pos, neg, tt.want)
		}
		if pos != "" && (!strings.Contains(match, pos) || !strings.Contains(match, neg) || strings.Index(match, pos) > strings.Index(match, neg)) {
			t.Errorf("splitNot(%q) = %q, %q: not its sides, in order", match, pos, neg)
		}
	}
}

// TestRecentMatchesBoundsANot: a NOT is read only over the ids of the
// newest candidateCap articles its left side matches, so that its cost does
// not grow with the window (nor beyond it, as FTS5's NOT does) when few
// articles pass it. The window's older articles (2·candidateCap of "kursk"
// without "storm") are not read: none of the newest candidateCap passes, and
// no exact 0 is claimed: the preview learns that the newest candidateCap ids
// it read held none (examined) of a window of 3·candidateCap (total), as a
// span read that found none says it. A NOT whose candidates are fewer is
// read whole and counted exactly.
func TestRecentMatchesBoundsANot(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	var arts []news.Article
	for i := range 3 * candidateCap {
		text := "kursk report"
		if i >= 2*candidateCap {
			text += " storm"
		}
		if i >= 5*candidateCap/2 {
			text += " tides"
		}
		arts = append(arts, news.Article{GUID: fmt.Sprint(i), Title: "Day", Text: text, PublishedAt: now})
	}
	mustInsert(t, s, src.ID, arts...)
	match := mustParse(t, `"kursk" -"storm"`).TermsMatch()
	sample, examined, total, err := s.RecentMatches(ctx, match, nil, now.Add(-time.Hour), 10)
	if err != nil {
		t.Fatal(err)
	}
	if total != 3*candidateCap || examined != candidateCap || len(sample) != 0 {
		t.Errorf("RecentMatches(%s) = total %d, examined %d, sample %d; want none of the newest %d read, of %d",
			match, total, examined, len(sample), candidateCap, 3*candidateCap)
	}
	_, examined, total, _, err = s.RecentMatchesExact(ctx, match, now.Add(-time.Hour), 10)
	if err != nil || total != 3*candidateCap || examined != candidateCap {
		t.Errorf("RecentMatchesExact(%s) = total %d, examined %d, %v; want %d of %d", match, total, examined, err, candidateCap, 3*candidateCap)
	}
	// "tides" -"storm": fewer candidates than candidateCap, read whole, none
	// passing: an exact 0.
	match = mustParse(t, `"tides" -"storm"`).TermsMatch()
	if _, examined, total, err := s.RecentMatches(ctx, match, nil, now.Add(-time.Hour), 10); err != nil || total != 0 || examined != 0 {
		t.Errorf("RecentMatches(%s) = total %d, examined %d, %v; want an exact 0", match, total, examined, err)
	}
	// "tides" -"harvest": fewer candidates than candidateCap, read whole.
	match = mustParse(t, `"tides" -"harvest"`).TermsMatch()
	if _, _, total, err := s.RecentMatches(ctx, match, nil, now.Add(-time.Hour), 10); err != nil || total != candidateCap/2 {
		t.Errorf("RecentMatches(%s) = total %d, %v; want all %d", match, total, err, candidateCap/2)
	}
}

// TestRecentMatchesBoundsANotsRightSide: when a NOT's left side has fewer
// candidates than candidateCap in the window (read whole), its right side is
// read no further than its newest negatedCap articles: the matches are
// counted over the ids from the lowest of those up and scaled to the window.
// Of the 30 articles that pass ("kursk" without "storm", all older than the
// newest negatedCap of "storm"'s), the older are not read and the estimate
// is short of 30; read whole, it was 30.
func TestRecentMatchesBoundsANotsRightSide(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	const n = negatedCap * 3 / 2
	var arts []news.Article
	for i := range n {
		text := "report storm"
		if i%100 == 0 {
			text = "report kursk"
			if i >= n/2 {
				text += " storm"
			}
		}
		arts = append(arts, news.Article{GUID: fmt.Sprint(i), Title: "Day", Text: text, PublishedAt: now})
	}
	mustInsert(t, s, src.ID, arts...)
	match := mustParse(t, `"kursk" -"storm"`).TermsMatch()
	_, _, total, err := s.RecentMatches(ctx, match, nil, now.Add(-time.Hour), 10)
	if err != nil {
		t.Fatal(err)
	}
	if total >= n/200 {
		t.Errorf("RecentMatches(%s) = total %d; want fewer than the %d of the whole window, from the newest %d of \"storm\" only", match, total, n/200, negatedCap)
	}
}

// TestStopsAtBound: a NOT is read bounded only when its right side has no
// column filter narrower than the title and the body.
func TestStopsAtBound(t *testing.T) {
	for query, want := range map[string]bool{
		`"kursk" -"storm"`:                    true,
		`"kursk" -("storm" "tides")`:          true,
		`"kursk" -stor*`:                      true,
		`"kursk" -police`:                     false, // {tstems bstems} : "polic"
		`"kursk" -title:"storm"`:              false,
		`"kursk" -("storm" OR title:"tides")`: false,
	} {
		_, neg := splitNot(mustParse(t, query).TermsMatch())
		if neg == "" {
			t.Fatalf("%s: no NOT in %q", query, mustParse(t, query).TermsMatch())
		}
		if got := stopsAtBound(neg); got != want {
			t.Errorf("stopsAtBound(%q) = %v, want %v", neg, got, want)
		}
	}
}

// TestRecentMatchesCountsFewerOfManyTerms: an expression of more than
// countTerms terms has fewer of its newest matches counted (each costs each
// term a read, and each term of an AND thins them), and the count of the
// rest is estimated from them.
func TestRecentMatchesCountsFewerOfManyTerms(t *testing.T) {
	for _, tt := range []struct {
		terms, want int
	}{{1, countCap}, {countTerms, countCap}, {2 * countTerms, countCap / 4}, {3 * countTerms, countCap / 9}, {100, countCap / 10}} {
		match := strings.Repeat(`"w" AND `, tt.terms-1) + `"w"`
		if got := countLimit(match); got != tt.want {
			t.Errorf("%d terms: counts %d, want %d", tt.terms, got, tt.want)
		}
	}
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	words := []string{"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima"}
	var arts []news.Article
	for i := range 1500 {
		arts = append(arts, news.Article{GUID: fmt.Sprint(i), Title: "Day", Text: strings.Join(words, " "), PublishedAt: now})
	}
	mustInsert(t, s, src.ID, arts...)
	match := mustParse(t, `"`+strings.Join(words, `" "`)+`"`).TermsMatch()
	_, _, total, err := s.RecentMatches(ctx, match, nil, now.Add(-time.Hour), 10)
	if err != nil {
		t.Fatal(err)
	}
	if total != 1500 {
		t.Errorf("%d terms, every article matching: total %d, want 1500 (%d counted, the rest estimated)", len(words), total, countLimit(match))
	}
}
