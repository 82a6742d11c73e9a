package feeds

import (
	"context"
	"database/sql"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/store"
)

// dataVersion returns a function reading PRAGMA data_version on a
// connection of its own to the database at path: it changes when another
// connection (the store's writer) commits a change.
func dataVersion(t *testing.T, path string) func() int64 {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return func() int64 {
		t.Helper()
		var v int64
		if err := conn.QueryRowContext(context.Background(), `PRAGMA data_version`).Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
}

// TestUnchangedFeedsWriteNothing: once a source's fetch is stored, a poll
// answered 304, or a feed without validators carrying the same items,
// commits nothing to the database (store.QuietWrite: the source's times are
// written at most once per QuietWrite), while the source still shows when
// it was fetched.
func TestUnchangedFeedsWriteNothing(t *testing.T) {
	clock := testkit.NewClock(testNow)
	path := filepath.Join(t.TempDir(), "quiet.db")
	st := testkit.OpenStoreAt(t, path, clock.Now)
	version := dataVersion(t, path)

	withETag := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	body, err := os.ReadFile("../testdata/feeds/world-v1.xml")
	if err != nil {
		t.Fatal(err)
	}
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(body)
	}))
	t.Cleanup(plain.Close)
	a := testkit.UpsertSource(t, st, "With ETag", withETag.URL, "config")
	b := testkit.UpsertSource(t, st, "Without validators", plain.URL, "config")

	p, err := NewPoller(Options{
		Schedule: "@every 5m", MaxAge: 48 * time.Hour, Concurrency: 2,
		Fetcher: newTestFetcher(1<<20, 2*time.Second), Store: st, Sink: &recordingSink{},
		Logger: slog.New(slog.DiscardHandler), Now: clock.Now,
	})
	if err != nil {
		t.Fatal(err)
	}
	mustPoll(t, p) // the first fetch: stored
	for i := range 3 {
		clock.Advance(5 * time.Minute)
		v := version()
		mustPoll(t, p)
		if got := version(); got != v {
			t.Errorf("poll %d of unchanged feeds committed to the database", i+2)
		}
		for _, id := range []int64{a.ID, b.ID} {
			if src := mustFindSource(t, st, id); !src.LastFetchAt.Equal(clock.Now()) || src.Fetches != i+2 {
				t.Errorf("poll %d: source %q shows its last fetch at %s and %d fetches, want %s and %d", i+2, src.Name, src.LastFetchAt, src.Fetches, clock.Now(), i+2)
			}
		}
	}
	if _, _, nm := withETag.Counts(); nm != 3 {
		t.Errorf("304 answers = %d, want 3", nm)
	}
	clock.Advance(store.QuietWrite)
	v := version()
	mustPoll(t, p)
	if version() == v {
		t.Error("no write after store.QuietWrite: the times on disk would lag without bound")
	}
}
