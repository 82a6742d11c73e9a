package store

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// TestAnItemUpdatedInPlaceIsRetitled: a feed item seen before that comes
// back with the same guid and a new title is no new article, but its
// stored title, and what /search finds it by, is the new one; the same
// fetch again writes nothing.
func TestAnItemUpdatedInPlaceIsRetitled(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	s, err := Open(ctx, filepath.Join(t.TempDir(), "retitle.db"), func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	src := wireSource(t, s)
	finish := func(int, *news.Article) bool { return true } // as the poller: text final, past StepText
	store := func(items ...news.Article) int {
		t.Helper()
		added, err := s.StoreFeedItemsFinished(ctx, src.ID, items, finish)
		if err != nil {
			t.Fatal(err)
		}
		return len(added)
	}
	search := func(text string) int {
		t.Helper()
		q, err := query.Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		hits, err := s.SearchArticles(ctx, q.TermsMatch(), 10)
		if err != nil {
			t.Fatal(err)
		}
		return len(hits)
	}
	a := news.Article{GUID: "a", URL: "https://wire.example/a", Title: "Storm nears the coast", Text: "Winds rise.", PublishedAt: now}
	b := news.Article{GUID: "b", Title: "Markets open", PublishedAt: now}
	added, err := s.StoreFeedItemsFinished(ctx, src.ID, []news.Article{a, b}, finish)
	if err != nil || len(added) != 2 {
		t.Fatalf("first fetch stored %d (%v), want 2", len(added), err)
	}
	id := added[0].ID
	if n := search("hurricane"); n != 0 {
		t.Fatalf("hurricane found %d before the update", n)
	}
	// alpha: the article is in the search index when it is retitled;
	// bravo: it waits for the next batch.
	for _, step := range []string{"alpha", "bravo"} {
		t.Run(step, func(t *testing.T) {
			if step == "alpha" {
				if err := s.indexNow(ctx); err != nil {
					t.Fatal(err)
				}
			}
			now = now.Add(time.Hour)
			a.Title = "Hurricane " + step + " makes landfall"
			if n := store(a, b); n != 0 {
				t.Fatalf("the retitled item stored %d new articles, want 0", n)
			}
			got, err := s.FindArticle(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if got.Title != a.Title {
				t.Errorf("stored title %q, want %q", got.Title, a.Title)
			}
			if n := search("title:" + step); n != 1 {
				t.Errorf("title:%s found %d articles, want 1", step, n)
			}
			before := totalChanges(t, s)
			if n := store(b, a); n != 0 {
				t.Fatalf("the same items stored %d", n)
			}
			if after := totalChanges(t, s); after != before {
				t.Errorf("the same items changed %d rows, want 0", after-before)
			}
		})
	}
}

// TestSeenTitlesOfTheLastFetchAreNotWrittenAgain: a seen item whose guid
// and title the source's last stored fetch carried is not looked up
// again (its article bears that title: no other write changes a title),
// which a title changed behind the store's back shows; any other title is
// written as before: a new one, an earlier one back, a fetch that carries
// a guid twice (the last title wins, and the next fetch checks every
// item), after InsertArticles on the source, and after a restart.
func TestSeenTitlesOfTheLastFetchAreNotWrittenAgain(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	path := filepath.Join(t.TempDir(), "titles.db")
	s, err := Open(ctx, path, func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	defer func() { s.Close() }()
	src := wireSource(t, s)
	finish := func(int, *news.Article) bool { return true }
	n := 0
	fetch := func(items ...news.Article) {
		t.Helper()
		now = now.Add(time.Hour)
		n++ // a new item each fetch, so that no fetch is the last one again
		items = append(items, news.Article{GUID: fmt.Sprintf("new%d", n), Title: fmt.Sprintf("New %d", n), PublishedAt: now})
		if _, err := s.StoreFeedItemsFinished(ctx, src.ID, items, finish); err != nil {
			t.Fatal(err)
		}
	}
	a := news.Article{GUID: "a", Title: "Storm nears the coast", PublishedAt: now}
	b := news.Article{GUID: "b", Title: "Markets open", PublishedAt: now}
	fetch(a, b)
	var id int64
	if err := s.w.QueryRowContext(ctx, `SELECT id FROM articles WHERE guid = 'a'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	title := func() string {
		t.Helper()
		got, err := s.FindArticle(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return got.Title
	}
	behind := func() {
		t.Helper()
		if _, err := s.w.ExecContext(ctx, `UPDATE articles SET title = 'Changed behind' WHERE id = ?`, id); err != nil {
			t.Fatal(err)
		}
	}

	behind()
	fetch(a, b)
	if got := title(); got != "Changed behind" {
		t.Fatalf("the last fetch's title was written again: %q", got)
	}
	for _, step := range []struct {
		name  string
		items []news.Article
		want  string
	}{
		{"a new title", []news.Article{{GUID: "a", Title: "Storm makes landfall"}, b}, "Storm makes landfall"},
		{"the earlier title back", []news.Article{a, b}, a.Title},
		{"a guid twice", []news.Article{{GUID: "a", Title: "First"}, b, {GUID: "a", Title: "Second"}}, "Second"},
		{"after a guid twice", []news.Article{{GUID: "a", Title: "First"}, b}, "First"},
	} {
		fetch(step.items...)
		if got := title(); got != step.want {
			t.Errorf("%s: title %q, want %q", step.name, got, step.want)
		}
	}

	// After InsertArticles on the source every seen item is checked.
	behind()
	mustInsert(t, s, src.ID, news.Article{GUID: "other", Title: "Other", PublishedAt: now})
	fetch(news.Article{GUID: "a", Title: "First"}, b)
	if got := title(); got != "First" {
		t.Errorf("after InsertArticles: title %q, want %q", got, "First")
	}

	// A restart remembers nothing.
	behind()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if s, err = Open(ctx, path, func() time.Time { return now }); err != nil {
		t.Fatal(err)
	}
	fetch(news.Article{GUID: "a", Title: "First"}, b)
	if got := title(); got != "First" {
		t.Errorf("after a restart: title %q, want %q", got, "First")
	}
}

// TestTheLastFetchsItemsAreNotReadOutsideTheWrite: a fetch that carries
// the last stored fetch's items and one new reads only the new item's keys
// (guid and link) outside the write; the new item is finished and stored,
// the others are not finished again. An item of the last fetch whose seen
// marks went behind the store's back is found by the write, and finished.
func TestTheLastFetchsItemsAreNotReadOutsideTheWrite(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	s, err := Open(ctx, filepath.Join(t.TempDir(), "keys.db"), func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	src := wireSource(t, s)
	item := func(i int) news.Article {
		return news.Article{GUID: fmt.Sprint("g", i), URL: fmt.Sprint("https://wire.example/", i), Title: fmt.Sprint("Title ", i), PublishedAt: now}
	}
	var finished []string
	finish := func(_ int, a *news.Article) bool { finished = append(finished, a.GUID); return true }
	var items []news.Article
	for i := range 10 {
		items = append(items, item(i))
	}
	fetch := func(want ...string) {
		t.Helper()
		finished = nil
		if _, err := s.StoreFeedItemsFinished(ctx, src.ID, items, finish); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(finished, want) {
			t.Errorf("finished %v, want %v", finished, want)
		}
	}
	before := s.outsideKeys.Load()
	fetch("g0", "g1", "g2", "g3", "g4", "g5", "g6", "g7", "g8", "g9")
	if n := s.outsideKeys.Load() - before; n != 20 {
		t.Errorf("first fetch: %d keys read outside the write, want 20", n)
	}
	items = append(items[1:], item(10))
	before = s.outsideKeys.Load()
	fetch("g10")
	if n := s.outsideKeys.Load() - before; n != 2 {
		t.Errorf("next fetch: %d keys read outside the write, want 2 (the new item's)", n)
	}
	// The seen marks gone behind the store's back: the write finds the
	// last fetch's items new, and they are finished then, after g11.
	if _, err := s.w.ExecContext(ctx, `DELETE FROM seen_items`); err != nil {
		t.Fatal(err)
	}
	items = append(items[1:], item(11))
	fetch("g11", "g2", "g3", "g4", "g5", "g6", "g7", "g8", "g9", "g10")
	var n int
	if err := s.w.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE guid IN ('g2', 'g11')`).Scan(&n); err != nil || n != 2 {
		t.Errorf("%d of g2 and g11 stored (%v), want 2", n, err)
	}
}
