package store

import (
	"context"
	"path/filepath"
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
