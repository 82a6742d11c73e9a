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
// maxExpansion and another more (left a prefix query).
func TestPrefixExpansionKeepsTheMatches(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src, err := s.UpsertSource(ctx, "Wire", "https://wire.example/rss", "config")
	if err != nil {
		t.Fatal(err)
	}
	// minist* stands for a few dozen terms, presid* for some 250; "ministry" and
	// "Presidents" are common, the rest rare, some only in titles.
	suffix := func(i int) string { return string(rune('a'+i/26%26)) + string(rune('a'+i%26)) }
	var arts []news.Article
	for i := range 600 {
		title, text := fmt.Sprintf("Report %d", i), "Nothing of note in the capital."
		switch i % 5 {
		case 0:
			text = "The Ministry said the Presidents met. Minist" + suffix(i%40) + " words."
		case 1:
			title = "Presid" + suffix(i) + " visits"
		case 2:
			text = "A presid" + suffix(i) + " and a minist" + suffix(i%40) + "."
		case 3:
			title = "Ministry: " + title
		}
		arts = append(arts, news.Article{GUID: fmt.Sprint("g", i), Title: title, Text: text,
			PublishedAt: now.Add(-time.Duration(600-i) * time.Hour)})
	}
	mustInsert(t, s, src.ID, arts...)

	if terms, err := s.prefixTerms(ctx, "minist"); err != nil || len(terms) < 17 || len(terms) > maxExpansion {
		t.Fatalf("prefixTerms(minist) = %d terms (%v), want 17 to %d", len(terms), err, maxExpansion)
	}
	if terms, err := s.prefixTerms(ctx, "presid"); err != nil || len(terms) != maxExpansion+1 {
		t.Fatalf("prefixTerms(presid) = %d terms (%v), want the walk to stop at %d", len(terms), err, maxExpansion+1)
	}
	for _, text := range []string{"minist*", "MINIST*", "title:minist*", "minist* -ministry", "presid* OR minist*", "capital -minist*", "presid*", "ministx*", `"the ministry" minist*`} {
		q, err := query.Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		match := q.TermsMatch()
		expanded, err := s.expandPrefixes(ctx, match)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(strings.ToLower(text), "minist*") && strings.Contains(expanded, `"minist"*`) {
			t.Errorf("%s: %s was not expanded", text, expanded)
		}
		if strings.Contains(text, "presid*") && !strings.Contains(expanded, `"presid"*`) {
			t.Errorf("%s: %s expanded past maxExpansion", text, expanded)
		}
		type result struct {
			ids, search, recent, sample []int64
			examined, total             int
		}
		read := func() result {
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
			recent, err := s.SearchRecent(ctx, match, now.Add(-300*time.Hour), 50)
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
		got := read()
		maxExpansion = 0 // every prefix stays a prefix query
		want := read()
		maxExpansion = 128
		if len(want.search) == 0 && text != "ministx*" {
			t.Errorf("%s: no hits: the test corpus is wrong", text)
		}
		// The candidates, read through the expansion, are those of the prefix.
		rows, err := s.r.QueryContext(ctx, `SELECT rowid FROM articles_terms WHERE articles_terms MATCH ? ORDER BY rowid DESC`, expanded)
		if err != nil {
			t.Fatal(err)
		}
		ids, err := collect(rows, func(rs scanner) (id int64, err error) { return id, rs.Scan(&id) })
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ids, want.ids) {
			t.Errorf("%s: expanded %s matches %d articles, the prefix %d", text, expanded, len(ids), len(want.ids))
		}
		if !slices.Equal(got.search, want.search) || !slices.Equal(got.recent, want.recent) || !slices.Equal(got.sample, want.sample) ||
			got.examined != want.examined || got.total != want.total {
			t.Errorf("%s: expanded\n%+v\nprefix\n%+v", text, got, want)
		}
	}

	// FTS5 takes an OR of some 250 terms (more than the bound) as well.
	maxExpansion = 1000
	defer func() { maxExpansion = 128 }()
	match := `{title body} : "presid"*`
	expanded, err := s.expandPrefixes(ctx, match)
	if err != nil || strings.Contains(expanded, `"presid"*`) || strings.Count(expanded, " OR ") < 200 {
		t.Fatalf("presid* with a bound of 1000: %.80s..., %v", expanded, err)
	}
	var n, m int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM articles_terms WHERE articles_terms MATCH ?`, match).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM articles_terms WHERE articles_terms MATCH ?`, expanded).Scan(&m); err != nil || n != m || n == 0 {
		t.Errorf("presid*: %d matches, its %d terms %d (%v)", n, strings.Count(expanded, " OR ")+1, m, err)
	}
}
