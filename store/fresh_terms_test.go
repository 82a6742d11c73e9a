package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// TestReadsOfTheWaitingArticlesMatchTheIndexed: with 44 of 300 articles
// waiting for the index, every kind of read (the preview's count, its NOT
// read bounded, its walk in spans for a phrase and for a source, /search
// ranked and newest first) finds what it finds once they are indexed, and
// begins no write.
func TestReadsOfTheWaitingArticlesMatchTheIndexed(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	s.later.clock = func() time.Time { return now } // no article waits IndexDelay (indexDue)
	src := wireSource(t, s)
	for i := range 300 {
		text := "Market news of the day."
		if i%3 == 0 {
			text = "Harbour tides rise at the quay."
		}
		mustInsert(t, s, src.ID, news.Article{GUID: fmt.Sprint(i), Title: fmt.Sprint("Day ", i), Text: text, PublishedAt: now.Add(time.Duration(i-300) * time.Minute)})
	}
	if through := indexedThrough(t, s); through != 256 {
		t.Fatalf("indexed through %d, want the batch of 256 (44 waiting)", through)
	}
	since := now.Add(-24 * time.Hour)
	type read struct {
		ids          []int64
		examined, n  int
		ranked, news []int64
	}
	reads := func() map[string]read {
		out := map[string]read{}
		for _, q := range []string{"harbour", "harbour -market", `"harbour tides"`, "title:day harbour", "source:wire harbour", "harbour OR quay"} {
			parsed := mustParse(t, q)
			sample, examined, total, err := s.RecentMatches(ctx, parsed.TermsMatch(), parsed.Scope(), since, 20)
			if err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			found, err := s.SearchNewest(ctx, parsed.TermsMatch(), parsed.Scope(), 10)
			if err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			recent, err := s.SearchRecent(ctx, parsed.TermsMatch(), parsed.Scope(), since, 10)
			if err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			out[q] = read{news.ArticleIDs(sample), examined, total, found.IDs, news.ArticleIDs(recent)}
		}
		return out
	}
	begun := s.begins.Load()
	waiting := reads()
	if n := s.begins.Load() - begun; n != 0 {
		t.Errorf("the reads began %d writes, want none", n)
	}
	if n := indexedCount(t, s, "harbour"); n != 86 {
		t.Fatalf("%d harbour articles indexed after the reads, want 86 (the reads index nothing)", n)
	}
	indexed(t, s)
	all := reads()
	for q, w := range waiting {
		a := all[q]
		if !slices.Equal(w.ids, a.ids) || w.examined != a.examined || w.n != a.n || !slices.Equal(w.ranked, a.ranked) || !slices.Equal(w.news, a.news) {
			t.Errorf("%s: with 44 waiting %+v; all indexed %+v", q, w, a)
		}
		if a.n != 100 || len(a.ids) != 20 || a.ids[0] != 298 {
			t.Errorf("%s: %d found, newest %v; want 100, the newest id 298 (Day 297) first", q, a.n, a.ids)
		}
	}
}

// TestAReadTakenBeforeABatchStillFindsItsArticles: the rows a batch
// indexes stay in memory while a read that took the older through (and
// reads the index only up to it) is in progress, however many batches
// commit meanwhile, and go at the first read after it is done; a read
// enters only the articles committed since the read before.
func TestAReadTakenBeforeABatchStillFindsItsArticles(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	defer func(n int) { indexBatch = n }(indexBatch)
	indexBatch = 3
	insert := func(guid, text string) {
		mustInsert(t, s, src.ID, news.Article{GUID: guid, Title: guid, Text: text, PublishedAt: now})
	}
	view := func() freshView {
		t.Helper()
		v, ok := s.later.view()
		if !ok {
			t.Fatal("the reads index first")
		}
		return v
	}
	held := func(v freshView, want ...int64) {
		t.Helper()
		ids, err := v.matches(`"quorvant"`, 1, 1<<40)
		if err != nil || !slices.Equal(ids, want) {
			t.Errorf("in memory above %d: %v, %v; want %v", v.through, ids, err, want)
		}
	}
	insert("a1", "Quorvant harbour")
	insert("a2", "Quorvant ferries")
	old := view()
	if old.through != 0 {
		t.Fatalf("through %d, want 0", old.through)
	}
	insert("a3", "Quorvant tides") // the batch of three
	if got := indexedThrough(t, s); got != 3 {
		t.Fatalf("through %d, want 3", got)
	}
	held(old, 1, 2) // a3 was stored after the read began
	insert("b1", "Quorvant bridge")
	v := view()
	held(v, 4)
	v.close()
	insert("b2", "Zelphine")
	insert("b3", "Zelphine") // the next batch
	v = view()
	held(v)
	v.close()
	held(old, 1, 2, 4) // the read in progress keeps them
	old.close()
	view().close() // the first read after it lets the first batch go
	held(freshView{through: 0, fresh: old.fresh}, 4)
	sample, _, total, err := s.RecentMatches(ctx, `"quorvant"`, nil, now.Add(-time.Hour), 20)
	if err != nil || total != 4 || len(sample) != 4 {
		t.Errorf("preview: %d of %d, %v; want all 4", len(sample), total, err)
	}
}

// TestTextFetchedForAWaitingArticleIsReadFromMemory: a waiting article
// whose full text came later is found by the words of that text, not by
// its teaser's, before and after its batch.
func TestTextFetchedForAWaitingArticleIsReadFromMemory(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	added := mustInsert(t, s, src.ID, news.Article{GUID: "a", Title: "Harbour", Text: "A teaser of vortanel.", PublishedAt: now})
	if err := s.UpdateArticleText(ctx, added[0].ID, "The whole text: the quay of zembric reopens.", "The quay reopens."); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		for word, want := range map[string]int{"zembric": 1, "vortanel": 0, "harbour": 1} {
			_, _, total, err := s.RecentMatches(ctx, mustParse(t, word).TermsMatch(), nil, now.Add(-time.Hour), 20)
			if err != nil || total != want {
				t.Errorf("%s: preview of %s found %d, %v; want %d", when, word, total, err, want)
			}
		}
	}
	if v, ok := s.later.view(); !ok {
		t.Fatal("a text fetched for a waiting article made the reads index first")
	} else {
		v.close()
	}
	check("waiting")
	indexed(t, s)
	check("indexed")
	checkIndex(t, s)
}

// TestReadsBesideWritesFindEveryStoredArticle: previews and searches run
// beside a writer that stores articles and indexes them in batches of 16;
// each read finds at least every article whose write had returned when the
// read began, whatever batch committed meanwhile.
func TestReadsBesideWritesFindEveryStoredArticle(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	defer func(n int) { indexBatch = n }(indexBatch)
	indexBatch = 16
	const n = 400
	var stored atomic.Int64
	done := make(chan struct{})
	errs := make(chan error, 8)
	var wg sync.WaitGroup
	for r := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				before := int(stored.Load())
				var got int
				var err error
				if r == 0 {
					var found news.Found
					found, err = s.SearchNewest(ctx, `"quorvant"`, nil, 1000)
					got = len(found.IDs)
				} else {
					_, _, got, err = s.RecentMatches(ctx, `"quorvant" NOT "zelphine"`, nil, now.Add(-24*time.Hour), 20)
				}
				if err == nil && got < before {
					err = fmt.Errorf("reader %d found %d, with %d stored before it began", r, got, before)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	for i := range n {
		mustInsert(t, s, src.ID, news.Article{GUID: fmt.Sprint(i), Title: fmt.Sprint("Quorvant ", i), Text: "Quorvant harbour.", PublishedAt: now.Add(time.Duration(i-n) * time.Second)})
		stored.Add(1)
	}
	close(done)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestAnExpressionFTS5RejectsIsRejectedInMemoryToo: with every article still
// waiting (a new bot's first fetches), only the in-memory index reads an
// expression, and what FTS5 rejects there is news.ErrBadMatch, as over the
// index.
func TestAnExpressionFTS5RejectsIsRejectedInMemoryToo(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	mustInsert(t, s, wireSource(t, s).ID, news.Article{GUID: "a", Title: "Harbour", Text: "Tides.", PublishedAt: now})
	for _, match := range []string{`"unterminated`, `"harbour" AND`, `nosuchcol:"harbour"`} {
		if _, err := s.SearchNewest(ctx, match, nil, 10); !errors.Is(err, news.ErrBadMatch) {
			t.Errorf("search %s: %v, want ErrBadMatch", match, err)
		}
		if _, _, _, err := s.RecentMatches(ctx, match, nil, now.Add(-time.Hour), 20); !errors.Is(err, news.ErrBadMatch) {
			t.Errorf("preview %s: %v, want ErrBadMatch", match, err)
		}
	}
}

// TestArticlesThatWaitedAreIndexedAfterARead: with no write coming to index
// them, a read that finds articles waiting IndexDelay has them indexed in
// the background (indexDue), and finds them before and after.
func TestArticlesThatWaitedAreIndexedAfterARead(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	wall := now
	s.later.clock = func() time.Time { return wall }
	src := wireSource(t, s)
	mustInsert(t, s, src.ID, news.Article{GUID: "a", Title: "Quorvant harbour", Text: "Tides.", PublishedAt: now},
		news.Article{GUID: "b", Title: "Quorvant ferries", Text: "Boats.", PublishedAt: now})
	read := func(when string) {
		t.Helper()
		if _, _, total, err := s.RecentMatches(ctx, `"quorvant"`, nil, now.Add(-time.Hour), 20); err != nil || total != 2 {
			t.Errorf("%s: preview found %d, %v; want 2", when, total, err)
		}
		s.dueIndexing.Wait()
	}
	read("waiting less than IndexDelay")
	if through := indexedThrough(t, s); through != 0 {
		t.Fatalf("indexed through %d before the articles waited IndexDelay, want 0", through)
	}
	wall = wall.Add(IndexDelay)
	read("waiting IndexDelay")
	if through := indexedThrough(t, s); through != 2 {
		t.Errorf("indexed through %d after a read found them waiting IndexDelay, want 2", through)
	}
	read("indexed")
	checkIndex(t, s)
}
