package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// TestAnItemLeftUnmarkedWithinTheRefreshIsNotPruned: a fetch does not write
// again the keys it saw within seenRefresh, and a prune that follows keeps
// them while the feed carries them (they are not taken for items that left
// it); an item that left the feed more than seenRefresh before the last
// fetch goes.
func TestAnItemLeftUnmarkedWithinTheRefreshIsNotPruned(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	s, err := Open(ctx, filepath.Join(t.TempDir(), "seen.db"), func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	src := wireSource(t, s)
	item := func(guid string) news.Article { return news.Article{GUID: guid, Title: guid, PublishedAt: now} }
	fetch := func(items ...news.Article) {
		t.Helper()
		if _, err := s.StoreFeedItems(ctx, src.ID, items); err != nil {
			t.Fatal(err)
		}
	}
	fetch(item("gone"), item("stays"))
	now = now.Add(time.Hour)
	fetch(item("stays"), item("new")) // "gone" left the feed; "stays" is not written again
	now = now.Add(2 * seenRefresh)
	fetch(item("stays"), item("new"), item("newer")) // "stays" and "new" marked now
	now = now.Add(time.Hour)
	fetch(item("stays"), item("newer"), item("newest")) // within seenRefresh: not written
	if _, err := s.Prune(ctx, now.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, guid := range []string{"gone", "stays", "new", "newer", "newest"} {
		var n int
		if err := s.w.QueryRowContext(ctx, `SELECT count(*) FROM seen_items WHERE source_id = ? AND key_hash = ?`, src.ID, seenKey("guid:"+guid)).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			left = append(left, guid)
		}
	}
	if got := fmt.Sprint(left); got != "[stays new newer newest]" {
		t.Errorf("seen after the prune: %s; want every item but the one that left the feed (new left within seenRefresh of the last fetch)", got)
	}
}
