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
	f, err := s.searchNewest(ctx, `"kursk deminers"`, 10, spanLimits{first: 4, total: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Hits) != 0 || f.Searched != 10 {
		t.Errorf("bounded to 10 ids: %d hits, Searched %d; want none, Searched 10", len(f.Hits), f.Searched)
	}
	f, err = s.SearchNewest(ctx, `"kursk deminers"`, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Hits) != 1 || f.Hits[0].ID != added[0].ID || f.Searched != 0 {
		t.Errorf("whole store: %v, Searched %d; want article %d, Searched 0", hitIDs(f.Hits), f.Searched, added[0].ID)
	}
	// The newest ten are read whole: a match among them is found and
	// nothing says it was cut short when the store holds no more.
	recent, err := s.SearchRecent(ctx, `"kursk deminers"`, time.Time{}, 10)
	if err != nil || len(recent) != 1 {
		t.Errorf("SearchRecent = %d articles, %v; want the old one", len(recent), err)
	}
}

func TestSearchSpansRankAsOneRead(t *testing.T) {
	ctx := context.Background()
	s, _ := spanStore(t, 40, func(i int) bool { return i%3 == 0 })
	for _, q := range []string{`"kursk deminers"`, `"kursk" "deminers"`, `"nothing"`} {
		whole, err := s.searchNewest(ctx, q, 50, spanLimits{first: 1000, total: 1000})
		if err != nil {
			t.Fatal(err)
		}
		spans, err := s.searchNewest(ctx, q, 50, spanLimits{first: 1, total: 1000})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(hitIDs(whole.Hits), hitIDs(spans.Hits)) || whole.Searched != 0 || spans.Searched != 0 {
			t.Errorf("%s: in spans of 1, 4, 16… %v (Searched %d); in one read %v (Searched %d)",
				q, hitIDs(spans.Hits), spans.Searched, hitIDs(whole.Hits), whole.Searched)
		}
	}
}

func hitIDs(hits []news.Hit) []int64 {
	var ids []int64
	for _, h := range hits {
		ids = append(ids, h.ID)
	}
	return ids
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
	whole, err := s.searchNewest(ctx, `"kursk"`, 50, spanLimits{first: 1 << 20, total: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	// 1,000 and 250 ids first: the text walk stops after 1,000 and 1,250
	// ids, and the oldest titles (a minute apart, each outranks every text
	// match) are the title walk's alone.
	for _, first := range []int64{rankCandidates, 250} {
		spans, err := s.searchNewest(ctx, `"kursk"`, 50, spanLimits{first: first, total: 1 << 20})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(hitIDs(whole.Hits), hitIDs(spans.Hits)) || spans.Searched != 0 {
			t.Errorf("spans from %d ids: %v (Searched %d); one read: %v", first, hitIDs(spans.Hits), spans.Searched, hitIDs(whole.Hits))
		}
	}
	if n := len(whole.Hits); n != 50 || whole.Hits[13].ID != 1 {
		t.Errorf("%d hits, the 14th %d; want 50, the oldest title match", n, whole.Hits[13].ID)
	}
}
