package store

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// segmentedStore returns a store whose full-text index holds one segment
// for each of n articles: automerge off, each article indexed in a
// write of its own (as many small batches leave it over weeks).

func segmentedStore(t *testing.T, now *time.Time, n int) *Store {
	t.Helper()
	ctx := t.Context()
	s := newSearchStore(t, now)
	for _, set := range []string{"('automerge', 0)", "('crisismerge', 100)"} { // crisismerge: 16 segments of a level merge else
		if _, err := s.w.ExecContext(ctx, `INSERT INTO articles_terms (articles_terms, rank) VALUES `+set); err != nil {
			t.Fatal(err)
		}
	}
	src := wireSource(t, s)
	words := []string{"harbour", "ferries", "tides", "bridge", "council", "market"}
	for i := range n {
		w := words[i%len(words)]
		a := news.Article{GUID: fmt.Sprintf("g%d", i), URL: fmt.Sprintf("https://wire.example/%d", i),
			Title: fmt.Sprintf("Quorvant %s %d", w, i), Text: "teaser", PublishedAt: now.Add(-time.Duration(i) * time.Minute)}
		if _, err := s.StoreFeedItemsFinished(ctx, src.ID, []news.Article{a}, func(_ int, a *news.Article) bool {
			a.Text = fmt.Sprintf("The %s of Quorvant saw %s and %s today, number %d.", w, words[(i+1)%len(words)], words[(i+2)%len(words)], i)
			for k := range 100 { // terms of its own, so that the index takes a few pages
				a.Text += fmt.Sprintf(" w%dx%d", i, k)
			}
			return true
		}); err != nil {
			t.Fatal(err)
		}
		indexed(t, s)
	}
	return s
}

// segmentsOfIdx counts the segments articles_terms_idx knows (each holds
// at least a leaf): the check of TermSegments' reading of the structure.
func segmentsOfIdx(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	if err := s.w.QueryRowContext(t.Context(), `SELECT count(DISTINCT segid) FROM articles_terms_idx`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// searchResults returns what search and preview find for a few queries
// of each kind.
func searchResults(t *testing.T, s *Store, now time.Time) []string {
	t.Helper()
	var out []string
	for _, q := range []string{"quorvant", "harbour", "ferr*", `"saw tides"`, "market -bridge", "title:council", "tides OR bridge"} {
		hits, err := s.SearchArticles(t.Context(), mustParse(t, q).TermsMatch(), 100)
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		for _, h := range hits {
			out = append(out, fmt.Sprintf("search %s: %s", q, h.GUID))
		}
		found, examined, total, err := s.RecentMatches(t.Context(), mustParse(t, q).TermsMatch(), nil, now.Add(-24*time.Hour), 20)
		if err != nil {
			t.Fatalf("preview %q: %v", q, err)
		}
		out = append(out, fmt.Sprintf("preview %s: %d examined, %d total", q, examined, total))
		for _, a := range found {
			out = append(out, fmt.Sprintf("preview %s: %s", q, a.GUID))
		}
	}
	return out
}

// TestMergeTermsInSteps: a full-text index of many segments is merged to
// termSegmentsHigh or fewer, in several write transactions with the writer
// free between them (a fetch's write goes through there), finding what it
// found before; a second run, with few segments, writes nothing.
func TestMergeTermsInSteps(t *testing.T) {
	ctx := t.Context()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := segmentedStore(t, &now, 40)
	before, err := s.TermSegments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if before != 40 || segmentsOfIdx(t, s) != 40 {
		t.Fatalf("%d segments (structure), %d (idx); want 40 (one per article)", before, segmentsOfIdx(t, s))
	}
	found := searchResults(t, s, now)

	defer func(n int) { termMergePages = n }(termMergePages)
	termMergePages = 1
	defer func() { mergeStepDone = nil }()
	var between int
	mergeStepDone = func(step int) {
		if inUse := s.w.Stats().InUse; inUse != 0 {
			t.Errorf("after step %d the writer's connection is in use (%d): a transaction spans the steps", step, inUse)
			return
		}
		wireSource(t, s) // a write, between two steps
		between++
	}
	m, err := s.MergeTerms(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if m.Before != 40 || m.After > termSegmentsHigh || m.Steps < 3 || between != m.Steps {
		t.Fatalf("merge = %+v with %d writes between steps; want 40 segments to %d or fewer, in several steps each followed by a free writer", m, between, termSegmentsHigh)
	}
	after, err := s.TermSegments(ctx)
	if err != nil || after != m.After || segmentsOfIdx(t, s) != after {
		t.Fatalf("after the merge: %d segments (structure, %v), %d (idx), merge said %d", after, err, segmentsOfIdx(t, s), m.After)
	}
	checkIndex(t, s)
	if got := searchResults(t, s, now); !slices.Equal(got, found) {
		t.Errorf("after the merge the searches found\n%q\nbefore\n%q", got, found)
	}

	mergeStepDone = nil
	again, err := s.MergeTerms(ctx)
	if err != nil || again.Steps != 0 || again.Before != after {
		t.Errorf("second merge = %+v, %v; want no step at %d segments", again, err, after)
	}
}

// TestMergeTermsStopsAtItsBudget: a merge stops once termMergeBudget has
// passed by the store's clock, keeping its steps, and the next one goes on.
func TestMergeTermsStopsAtItsBudget(t *testing.T) {
	ctx := t.Context()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := segmentedStore(t, &now, 20)
	defer func(n int) { termMergePages = n }(termMergePages)
	termMergePages = 1
	defer func() { mergeStepDone = nil }()
	mergeStepDone = func(int) { now = now.Add(termMergeBudget) }
	m, err := s.MergeTerms(ctx)
	if err != nil || m.Steps != 1 || m.Before != 20 || m.After == 0 {
		t.Fatalf("merge = %+v, %v; want one step of 20 segments before the budget", m, err)
	}
	mergeStepDone = nil
	m, err = s.MergeTerms(ctx)
	if err != nil || m.After > termSegmentsHigh {
		t.Fatalf("next merge = %+v, %v; want %d segments or fewer", m, err, termSegmentsHigh)
	}
	checkIndex(t, s)
}

// TestTermSegmentsReadsTheStructure: the count read from FTS5's structure
// record is that of the segments in articles_terms_idx, on an empty index
// too; a record of an unknown form is an error, not a count.
func TestTermSegmentsReadsTheStructure(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	if n, err := s.TermSegments(t.Context()); err != nil || n != 0 {
		t.Fatalf("empty index: %d segments, %v", n, err)
	}
	s = segmentedStore(t, &now, 5)
	n, err := s.TermSegments(t.Context())
	if err != nil || n != 5 || segmentsOfIdx(t, s) != 5 {
		t.Fatalf("%d segments, %v; idx %d; want 5", n, err, segmentsOfIdx(t, s))
	}
	rec, err := s.termsStructure(t.Context(), s.w)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range [][]byte{rec[:3], rec[:len(rec)-1], append(slices.Clone(rec[:8]), 0x01, 0x09, 0x00, 0x00, 0x01)} {
		if n, err := termSegments(bad); err == nil {
			t.Errorf("record % x read as %d segments, want an error", bad, n)
		}
	}
	if v, n := sqliteVarint([]byte{0x81, 0x00}); v != 128 || n != 2 {
		t.Errorf("varint 81 00 = %d (%d bytes), want 128", v, n)
	}
}
