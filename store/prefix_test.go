package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// TestPrefixExpansionKeepsTheMatches checks that a prefix read as the OR of
// its terms finds what the prefix query found, through search, the recent
// search and the preview, on a corpus where one prefix has fewer terms than
// previewTerms and another more than searchTerms: read as its most frequent
// terms, that one finds a subset of the prefix's matches (a superset under a
// NOT), and with bounds above its terms exactly the prefix's matches.
func TestPrefixExpansionKeepsTheMatches(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	// minist* stands for a few terms, presid* for some 250; "ministry" and
	// "Presidents" are common, the rest rare, some only in titles.
	suffix := func(i int) string { return string(rune('a'+i/26%26)) + string(rune('a'+i%26)) }
	var arts []news.Article
	for i := range 600 {
		title, text := fmt.Sprintf("Report %d", i), "Nothing of note in the capital."
		switch i % 5 {
		case 0:
			text = "The Ministry said the Presidents met. Minist" + suffix(i%4) + " words."
		case 1:
			title = "Presid" + suffix(i) + " visits"
		case 2:
			text = "A presid" + suffix(i) + " and a minist" + suffix(i%4) + "."
		case 3:
			title = "Ministry: " + title
		}
		arts = append(arts, news.Article{GUID: fmt.Sprint("g", i), Title: title, Text: text,
			PublishedAt: now.Add(-time.Duration(600-i) * time.Hour)})
	}
	mustInsert(t, s, src.ID, arts...)
	// The daily prune counts each term's articles: a broad prefix is read
	// as its most frequent terms (before, terms listed since have no count,
	// and a broad prefix's terms are taken in order).
	if _, err := s.RefreshTerms(ctx); err != nil {
		t.Fatal(err)
	}

	if terms, err := s.prefixTerms(ctx, "minist", previewTerms, scanTerms); err != nil || len(terms) < 4 || len(terms) > previewTerms {
		t.Fatalf("prefixTerms(minist) = %d terms (%v), want 4 to %d, all", len(terms), err, previewTerms)
	}
	if terms, err := s.prefixTerms(ctx, "presid", searchTerms, scanTerms); err != nil || len(terms) != searchTerms+1 || terms[0].term != "presidents" {
		t.Fatalf("prefixTerms(presid) = %v (%v), want the %d most frequent and one, presidents first", terms, err, searchTerms)
	}
	type result struct {
		ids, search, recent, sample []int64
		examined, total             int
	}
	read := func(match string) result {
		var r result
		rows, err := s.r.QueryContext(ctx, `SELECT rowid FROM articles_terms WHERE articles_terms MATCH ? ORDER BY rowid DESC`, match)
		if err != nil {
			t.Fatal(err)
		}
		if r.ids, err = collect(rows, func(rs scanner) (id int64, err error) { return id, rs.Scan(&id) }); err != nil {
			t.Fatal(err)
		}
		hits, err := s.SearchArticles(ctx, match, 50)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hits {
			r.search = append(r.search, h.ID)
		}
		recent, err := s.SearchRecent(ctx, match, nil, now.Add(-300*time.Hour), 50)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range recent {
			r.recent = append(r.recent, a.ID)
		}
		sample, examined, total, err := s.RecentMatches(ctx, match, nil, now.Add(-300*time.Hour), 20)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range sample {
			r.sample = append(r.sample, a.ID)
		}
		r.examined, r.total = examined, total
		return r
	}
	bounds := func(search, preview int) func() {
		s0, p0, c0 := searchTerms, previewTerms, countTerms
		searchTerms, previewTerms, countTerms = search, preview, max(preview, c0)
		return func() { searchTerms, previewTerms, countTerms = s0, p0, c0 }
	}
	for _, text := range []string{"minist*", "MINIST*", "title:minist*", "minist* -ministry", "presid* OR minist*", "capital -minist*", "presid*", "ministx*", `"the ministry" minist*`, "capital -presid*"} {
		q, err := query.Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		match := q.TermsMatch()
		expanded, _, err := s.expandPrefixes(ctx, match, searchTerms)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(expanded, `"*`) && text != "ministx*" {
			t.Errorf("%s: %s was not expanded", text, expanded)
		}
		got := read(match)
		reset := bounds(0, 0) // every prefix stays a prefix query
		want := read(match)
		reset()
		if len(want.search) == 0 && text != "ministx*" {
			t.Errorf("%s: no hits: the test corpus is wrong", text)
		}
		broad := strings.Contains(text, "presid*")
		// The candidates, read through the expansion, are those of the prefix
		// (a subset for a broad prefix, a superset under a NOT).
		rows, err := s.r.QueryContext(ctx, `SELECT rowid FROM articles_terms WHERE articles_terms MATCH ? ORDER BY rowid DESC`, expanded)
		if err != nil {
			t.Fatal(err)
		}
		ids, err := collect(rows, func(rs scanner) (id int64, err error) { return id, rs.Scan(&id) })
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case !broad:
			if !slices.Equal(ids, want.ids) {
				t.Errorf("%s: expanded %s matches %d articles, the prefix %d", text, expanded, len(ids), len(want.ids))
			}
			if !slices.Equal(got.search, want.search) || !slices.Equal(got.recent, want.recent) || !slices.Equal(got.sample, want.sample) ||
				got.examined != want.examined || got.total != want.total {
				t.Errorf("%s: expanded\n%+v\nprefix\n%+v", text, got, want)
			}
		case strings.HasPrefix(text, "capital -"):
			if !isSubset(want.ids, ids) {
				t.Errorf("%s: a broad prefix under NOT lets through fewer articles (%d) than the prefix (%d)", text, len(ids), len(want.ids))
			}
		default:
			if !isSubset(ids, want.ids) || !isSubset(got.search, want.ids) || !isSubset(got.recent, want.ids) || !isSubset(got.sample, want.ids) {
				t.Errorf("%s: a broad prefix found articles the prefix does not match:\n%+v", text, got)
			}
			if len(got.search) != len(want.search) || got.total < got.examined {
				t.Errorf("%s: %d results (the prefix %d), total %d of %d examined", text, len(got.search), len(want.search), got.total, got.examined)
			}
		}
		// With bounds above the broadest prefix, every query finds what the
		// prefix queries find.
		reset = bounds(1000, 1000)
		all := read(match)
		reset()
		if !slices.Equal(all.ids, want.ids) || !slices.Equal(all.search, want.search) || !slices.Equal(all.recent, want.recent) ||
			!slices.Equal(all.sample, want.sample) || all.examined != want.examined || all.total != want.total {
			t.Errorf("%s: expanded whole\n%+v\nprefix\n%+v", text, all, want)
		}
	}

	// FTS5 takes an OR of some 250 terms as well.
	match := `{title body} : "presid"*`
	expanded, scale, err := s.expandPrefixes(ctx, match, 1000)
	if err != nil || strings.Contains(expanded, `"presid"*`) || strings.Count(expanded, " OR ") < 200 || scale != 1 {
		t.Fatalf("presid* with a bound of 1000: %.80s..., scale %v, %v", expanded, scale, err)
	}
	var n, m int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM articles_terms WHERE articles_terms MATCH ?`, match).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM articles_terms WHERE articles_terms MATCH ?`, expanded).Scan(&m); err != nil || n != m || n == 0 {
		t.Errorf("presid*: %d matches, its %d terms %d (%v)", n, strings.Count(expanded, " OR ")+1, m, err)
	}
}

// isSubset says whether every id of a is in b.
func isSubset(a, b []int64) bool {
	in := make(map[int64]bool, len(b))
	for _, id := range b {
		in[id] = true
	}
	for _, id := range a {
		if !in[id] {
			return false
		}
	}
	return true
}

// TestPrefixesShareTheBudget: the prefixes of a query share its terms, a
// narrow one keeping all its own, so a query of many broad prefixes reads
// at most as many terms as one (or one a prefix).
func TestPrefixesShareTheBudget(t *testing.T) {
	for _, tt := range []struct {
		need   []int
		budget int
		want   []int
	}{
		{[]int{5}, 32, []int{5}},
		{[]int{33}, 32, []int{32}},
		{[]int{5, 33}, 32, []int{5, 27}},
		{[]int{5, 33}, 6, []int{3, 3}},
		{[]int{33, 2, 33}, 32, []int{15, 2, 15}},
		{[]int{7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7}, 6, []int{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}},
		{[]int{0, 40}, 32, []int{0, 32}},
	} {
		if got := shareBudget(tt.need, tt.budget); !slices.Equal(got, tt.want) {
			t.Errorf("shareBudget(%v, %d) = %v, want %v", tt.need, tt.budget, got, tt.want)
		}
	}

	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	var words []string
	for i := range 400 {
		words = append(words, fmt.Sprintf("%s%03d", []string{"alp", "bet", "gam", "del"}[i%4], i))
	}
	mustInsert(t, s, src.ID, news.Article{GUID: "1", Title: "All", Text: strings.Join(words, " "), PublishedAt: now})
	indexed(t, s) // as a search does first
	q, err := query.Parse("alp* bet* gam* del* -zzz*")
	if err != nil {
		t.Fatal(err)
	}
	expanded, scale, err := s.expandPrefixes(ctx, q.TermsMatch(), searchTerms)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(expanded, `"`) / 2; n > searchTerms+1 || scale <= 1 {
		t.Errorf("4 prefixes of 100 terms read as %d terms, scale %v: %s", n, scale, expanded)
	}
	var id int64
	if err := s.r.QueryRowContext(ctx, `SELECT rowid FROM articles_terms WHERE articles_terms MATCH ?`, expanded).Scan(&id); err != nil {
		t.Errorf("the expansion %s finds nothing: %v", expanded, err)
	}
}

// TestRecentMatchesExact: the exact read finds what RecentMatches finds,
// without the articles' text; a broad prefix inside a NOT, which it reads
// as only its most frequent terms, it reads as RecentMatches does, with the
// text, and says so (loose) for the caller to confirm; a narrow one there is
// exact and read untexted.
func TestRecentMatchesExact(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	suffix := func(i int) string { return string(rune('a'+i/26%26)) + string(rune('a'+i%26)) }
	var arts []news.Article
	for i := range 120 {
		text := "Kursk report. Minist" + suffix(i%3) + " words."
		if i%4 == 0 {
			text += " Presid" + suffix(i) + " visits."
		}
		arts = append(arts, news.Article{GUID: fmt.Sprint("g", i), Title: fmt.Sprintf("Kursk %d", i), Text: text,
			PublishedAt: now.Add(-time.Duration(120-i) * time.Hour)})
	}
	mustInsert(t, s, src.ID, arts...)
	if _, err := s.RefreshTerms(ctx); err != nil {
		t.Fatal(err)
	}
	since := now.Add(-300 * time.Hour)
	for _, text := range []string{`"kursk"`, "minist*", `"kursk" -minist*`, `"kursk" -"ministaa"`, "presid*", "", `"kursk" -presid*`} {
		match := ""
		if text != "" {
			match = mustParse(t, text).TermsMatch()
		}
		want, wantExamined, wantTotal, err := s.RecentMatches(ctx, match, nil, since, 20)
		if err != nil {
			t.Fatal(err)
		}
		got, examined, total, loose, err := s.RecentMatchesExact(ctx, match, since, 20)
		if err != nil || examined != wantExamined || total != wantTotal || len(got) != len(want) {
			t.Fatalf("exact %q = %d of %d examined, total %d, %v; want %d of %d, %d", text, len(got), examined, total, err, len(want), wantExamined, wantTotal)
		}
		// Only the broad prefix in a NOT (presid*: 30 terms) is loose.
		if wantLoose := text == `"kursk" -presid*`; loose != wantLoose {
			t.Errorf("exact %q: loose %v, want %v", text, loose, wantLoose)
		}
		for i := range got {
			if got[i].ID != want[i].ID || got[i].Title != want[i].Title || want[i].Text == "" || (got[i].Text != "") != loose || got[i].Text != "" && got[i].Text != want[i].Text {
				t.Errorf("exact %q: article %d = %d %q (text %q), want %d %q (text %q, loose %v)", text, i, got[i].ID, got[i].Title, got[i].Text, want[i].ID, want[i].Title, want[i].Text, loose)
			}
		}
	}
}

// An expression of many prefixes reads fewer terms of each from terms_list,
// at least a quarter of scanTerms.
func TestScanShare(t *testing.T) {
	for _, tt := range []struct{ prefixes, want int }{{0, scanTerms}, {1, scanTerms}, {4, scanTerms}, {5, 1600}, {12, 666}, {100, scanTerms / 4}} {
		if got := scanShare(tt.prefixes); got != tt.want {
			t.Errorf("scanShare(%d) = %d, want %d", tt.prefixes, got, tt.want)
		}
	}
}
