package store

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// spanStore holds n articles fetched an hour apart, the oldest first; the
// articles whose index (from 0) match holds carry the phrase "kursk
// deminers", the others only its words apart.
func spanStore(t *testing.T, n int, match func(i int) bool) (*Store, []news.Article) {
	t.Helper()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	var added []news.Article
	for i := range n {
		text := "Deminers were near Kursk today."
		if match(i) {
			text = "Kursk deminers were at work today."
		}
		now = now.Add(time.Hour)
		added = append(added, mustInsert(t, s, src.ID, news.Article{GUID: fmt.Sprint(i), Title: fmt.Sprintf("Report %d", i), Text: text, PublishedAt: now})...)
	}
	return s, added
}

func TestSearchReadsOnlyTheNewestSpan(t *testing.T) {
	ctx := context.Background()
	s, added := spanStore(t, 30, func(i int) bool { return i == 0 })
	// FTS5 walking newest first read every article holding both words to
	// find the one old phrase; the search is to read only the newest ten.
	f, err := s.searchNewest(ctx, `"kursk deminers"`, nil, 10, spanLimits{first: 4, total: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.IDs) != 0 || f.Searched != 10 {
		t.Errorf("bounded to 10 ids: %d hits, Searched %d; want none, Searched 10", len(f.IDs), f.Searched)
	}
	f, err = s.SearchNewest(ctx, `"kursk deminers"`, nil, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.IDs) != 1 || f.IDs[0] != added[0].ID || f.Searched != 0 {
		t.Errorf("whole store: %v, Searched %d; want article %d, Searched 0", f.IDs, f.Searched, added[0].ID)
	}
	// The newest ten are read whole: a match among them is found and
	// nothing says it was cut short when the store holds no more.
	recent, err := s.SearchRecent(ctx, `"kursk deminers"`, nil, time.Time{}, 10)
	if err != nil || len(recent) != 1 {
		t.Errorf("SearchRecent = %d articles, %v; want the old one", len(recent), err)
	}
}

func TestSearchSpansRankAsOneRead(t *testing.T) {
	ctx := context.Background()
	s, _ := spanStore(t, 40, func(i int) bool { return i%3 == 0 })
	for _, q := range []string{`"kursk deminers"`, `"kursk" "deminers"`, `"nothing"`} {
		whole, err := s.searchNewest(ctx, q, nil, 50, spanLimits{first: 1000, total: 1000})
		if err != nil {
			t.Fatal(err)
		}
		spans, err := s.searchNewest(ctx, q, nil, 50, spanLimits{first: 1, total: 1000})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(whole.IDs, spans.IDs) || whole.Searched != 0 || spans.Searched != 0 {
			t.Errorf("%s: in spans of 1, 4, 16… %v (Searched %d); in one read %v (Searched %d)",
				q, spans.IDs, spans.Searched, whole.IDs, whole.Searched)
		}
	}
}

// Past rankCandidates text matches the title matches are walked on alone,
// in spans sized by their density so far: the ranking is the one a single
// read gives.
func TestSearchTitleWalkRanksAsOneRead(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	var arts []news.Article
	for i := range rankCandidates + 300 {
		title := fmt.Sprintf("Report %d", i)
		if i%97 == 0 {
			title = fmt.Sprintf("Kursk report %d", i)
		}
		arts = append(arts, news.Article{GUID: fmt.Sprint(i), Title: title, Text: "Fields near Kursk.", PublishedAt: now.Add(time.Duration(i-rankCandidates-300) * time.Minute)})
	}
	mustInsert(t, s, src.ID, arts...)
	whole, err := s.searchNewest(ctx, `"kursk"`, nil, 50, spanLimits{first: 1 << 20, total: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	// 1,000 and 250 ids first: the text walk stops after 1,000 and 1,250
	// ids, and the oldest titles (a minute apart, each outranks every text
	// match) are the title walk's alone.
	for _, first := range []int64{rankCandidates, 250} {
		spans, err := s.searchNewest(ctx, `"kursk"`, nil, 50, spanLimits{first: first, total: 1 << 20})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(whole.IDs, spans.IDs) || spans.Searched != 0 {
			t.Errorf("spans from %d ids: %v (Searched %d); one read: %v", first, spans.IDs, spans.Searched, whole.IDs)
		}
	}
	if n := len(whole.IDs); n != 50 || whole.IDs[13] != 1 {
		t.Errorf("%d hits, the 14th %d; want 50, the oldest title match", n, whole.IDs[13])
	}
}

// TestSpanWalkSizesBySoFar: after a span, the next one is what the density
// found so far predicts for the matches still wanted (a quarter more, at
// least the first span's size), or the rest down to the floor when nothing
// was found or the span would leave fewer ids below it than it reads: each
// span is a query that opens every term again.
func TestSpanWalkSizesBySoFar(t *testing.T) {
	tests := []struct {
		name        string
		top, total  int64
		found, want int
		lo, hi      int64 // the second span
	}{
		{"none found: the rest", 100, 50, 0, 10, 51, 96},
		{"dense enough: as predicted", 1000, 1000, 2, 10, 972, 996},
		{"sparse: the rest rather than a short tail", 100, 50, 2, 10, 51, 96},
		{"dense: at least the first span", 1000, 1000, 4, 1, 993, 996},
	}
	for _, tt := range tests {
		w := &spanWalk{limits: spanLimits{first: 4, total: tt.total}, top: tt.top, hi: tt.top, floor: tt.top - tt.total + 1, size: 4}
		if lo, hi := w.next(); lo != tt.top-3 || hi != tt.top {
			t.Fatalf("%s: first span %d–%d", tt.name, lo, hi)
		}
		w.resize(tt.found, tt.want)
		if lo, hi := w.next(); lo != tt.lo || hi != tt.hi {
			t.Errorf("%s: second span %d–%d, want %d–%d", tt.name, lo, hi, tt.lo, tt.hi)
		}
	}
}

// TestParseIDList reads group_concat's lists of ids and refuses anything
// else.
func TestParseIDList(t *testing.T) {
	for list, want := range map[string][]int64{"": nil, "7": {7}, "1,22,333": {1, 22, 333}, "9007199254740993": {9007199254740993}} {
		if got, err := parseIDList(list); err != nil || !slices.Equal(got, want) {
			t.Errorf("parseIDList(%q) = %v, %v; want %v", list, got, err, want)
		}
	}
	for _, list := range []string{"1,,2", "1,", ",1", "a", "1 2", "-1", "1234567890123456789"} {
		if got, err := parseIDList(list); err == nil {
			t.Errorf("parseIDList(%q) = %v, want an error", list, got)
		}
	}
}
