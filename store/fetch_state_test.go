package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// totalChanges is how many rows the writer connection has changed so far.
func totalChanges(t *testing.T, s *Store) int64 {
	t.Helper()
	var n int64
	if err := s.w.QueryRowContext(context.Background(), `SELECT total_changes()`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestQuietFetchesWriteAtMostOncePerQuietWrite: a success that changes
// nothing but times (a 304, or the same validators) writes no row; the
// store shows its times all the same, writes them once QuietWrite has
// passed, and at Close; anything else a fetch changes is written at once.
func TestQuietFetchesWriteAtMostOncePerQuietWrite(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	path := filepath.Join(t.TempDir(), "quiet.db")
	s, err := Open(ctx, path, clock)
	if err != nil {
		t.Fatal(err)
	}
	src := wireSource(t, s)
	ok := func(notModified bool, etag string, every time.Duration) news.FetchResult {
		return news.FetchResult{OK: true, NotModified: notModified, ETag: etag, NextFetchAt: now.Add(every), Interval: every, IntervalReason: "schedule"}
	}
	record := func(r news.FetchResult) {
		t.Helper()
		if err := s.RecordFetch(ctx, src.ID, r); err != nil {
			t.Fatal(err)
		}
	}
	record(ok(false, `"v1"`, 5*time.Minute)) // the first success is written
	steps := []struct {
		name    string
		advance time.Duration
		r       func() news.FetchResult
		writes  bool
	}{
		{"a 304", 5 * time.Minute, func() news.FetchResult { return ok(true, "", 5*time.Minute) }, false},
		{"the same validator", 5 * time.Minute, func() news.FetchResult { return ok(false, `"v1"`, 5*time.Minute) }, false},
		{"a new validator", 5 * time.Minute, func() news.FetchResult { return ok(false, `"v2"`, 5*time.Minute) }, true},
		{"a 304 again", 5 * time.Minute, func() news.FetchResult { return ok(true, "", 5*time.Minute) }, false},
		{"another interval", 5 * time.Minute, func() news.FetchResult { return ok(true, "", 7*time.Minute) }, true},
		{"a 304 QuietWrite after the last write", QuietWrite, func() news.FetchResult { return ok(true, "", 7*time.Minute) }, true},
		{"a 304 after that", 7 * time.Minute, func() news.FetchResult { return ok(true, "", 7*time.Minute) }, false},
		{"a failure", 7 * time.Minute, func() news.FetchResult {
			return news.FetchResult{Err: "boom", NextFetchAt: now.Add(time.Minute), Interval: time.Minute, IntervalReason: "backoff"}
		}, true},
		{"the success after it", time.Minute, func() news.FetchResult { return ok(true, "", 7*time.Minute) }, true},
		{"a 304 after that success", 7 * time.Minute, func() news.FetchResult { return ok(true, "", 7*time.Minute) }, false},
	}
	fetches := 1
	for _, st := range steps {
		now = now.Add(st.advance)
		before := totalChanges(t, s)
		r := st.r()
		record(r)
		if r.OK {
			fetches++
		}
		if wrote := totalChanges(t, s) != before; wrote != st.writes {
			t.Errorf("%s: wrote %v, want %v", st.name, wrote, st.writes)
		}
		got, err := s.FindSource(ctx, src.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !got.LastFetchAt.Equal(now) || !got.NextFetchAt.Equal(r.NextFetchAt) || got.Fetches != fetches {
			t.Errorf("%s: source shows last fetch %s, next %s, %d fetches; want %s, %s, %d", st.name, got.LastFetchAt, got.NextFetchAt, got.Fetches, now, r.NextFetchAt, fetches)
		}
		if r.OK && !got.LastOKAt.Equal(now) {
			t.Errorf("%s: last success %s, want %s", st.name, got.LastOKAt, now)
		}
	}
	listed, err := s.ListSources(ctx)
	if err != nil || len(listed) != 1 || !listed[0].LastFetchAt.Equal(now) {
		t.Fatalf("listed %+v, %v; want the last fetch at %s", listed, err, now)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, path, clock)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.FindSource(ctx, src.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.LastFetchAt.Equal(now) || !got.LastOKAt.Equal(now) || got.Fetches != fetches {
		t.Errorf("after Close and Open: last fetch %s, last success %s, %d fetches; want %s, %d", got.LastFetchAt, got.LastOKAt, got.Fetches, now, fetches)
	}
}

// TestTheSameItemsWriteNothing: a fetch that carries the items of the last
// one stored, in any order, changes no row; a new item is stored with its
// key alone, and every item is marked seen again once seenRefresh passed.
func TestTheSameItemsWriteNothing(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	s, err := Open(ctx, filepath.Join(t.TempDir(), "items.db"), func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	src := wireSource(t, s)
	items := []news.Article{
		{GUID: "a", URL: "https://wire.example/a", Title: "A", PublishedAt: now},
		{GUID: "b", Title: "B", PublishedAt: now},
	}
	store := func(items []news.Article) int {
		t.Helper()
		added, err := s.StoreFeedItems(ctx, src.ID, items)
		if err != nil {
			t.Fatal(err)
		}
		return len(added)
	}
	if n := store(items); n != 2 {
		t.Fatalf("first fetch stored %d, want 2", n)
	}
	now = now.Add(time.Hour)
	before := totalChanges(t, s)
	if n := store([]news.Article{items[1], items[0]}); n != 0 {
		t.Fatalf("the same items stored %d", n)
	}
	if after := totalChanges(t, s); after != before {
		t.Errorf("the same items changed %d rows, want 0", after-before)
	}
	items = append(items, news.Article{GUID: "c", Title: "C", PublishedAt: now})
	before = totalChanges(t, s)
	if n := store(items); n != 1 {
		t.Fatalf("a new item: stored %d, want 1", n)
	}
	// The new item's key, its article and the source's items_seen_at; the
	// keys seen within seenRefresh are not written again.
	if after := totalChanges(t, s); after-before != 3 {
		t.Errorf("a new item changed %d rows, want 3", after-before)
	}
	now = now.Add(seenRefresh + time.Hour)
	items = append(items, news.Article{GUID: "d", Title: "D", PublishedAt: now})
	if n := store(items); n != 1 {
		t.Fatalf("a new item: stored %d, want 1", n)
	}
	var stale int
	if err := s.w.QueryRowContext(ctx, `SELECT count(*) FROM seen_items WHERE source_id = ? AND last_seen_at <> ?`, src.ID, now.Unix()).Scan(&stale); err != nil {
		t.Fatal(err)
	}
	if stale != 0 {
		t.Errorf("%d seen items older than seenRefresh not marked at the fetch that changed the set", stale)
	}
}

// TestRecordFetchCountsByTheFailureKind: whether a failure counts as one
// of the source's failures in a row is the result's Failure, a value, not
// something read back out of its error text.
func TestRecordFetchCountsByTheFailureKind(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	s, err := Open(ctx, filepath.Join(t.TempDir(), "kind.db"), func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	src := wireSource(t, s)
	for _, c := range []struct {
		name string
		r    news.FetchResult
		want int
	}{
		{"the database's failure, its text not encoded", news.FetchResult{Err: "store articles: database is locked", Failure: news.FailDatabase}, 0},
		{"the source's failure", news.FetchResult{Err: news.FetchFailure{Kind: news.FailStatus, Status: 500}.Encode(), Failure: news.FailStatus}, 1},
		{"the database's again", news.FetchResult{Err: "disk I/O error", Failure: news.FailDatabase}, 1},
	} {
		c.r.NextFetchAt, c.r.Interval = now.Add(time.Minute), time.Minute
		if err := s.RecordFetch(ctx, src.ID, c.r); err != nil {
			t.Fatal(err)
		}
		got, err := s.FindSource(ctx, src.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Failures != c.want {
			t.Errorf("%s: %d failures in a row, want %d", c.name, got.Failures, c.want)
		}
	}
}
