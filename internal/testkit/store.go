package testkit

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

// OpenStore opens a new store in a file of tb's temporary folder, with now as
// its clock (nil: time.Now), and closes it when the test ends. It fails the
// test when the database cannot be opened.
func OpenStore(tb testing.TB, now func() time.Time) *store.Store {
	tb.Helper()
	return OpenStoreAt(tb, filepath.Join(tb.TempDir(), "test.db"), now)
}

// OpenStoreAt is OpenStore on a given file, for tests that open one database
// again, as a restarted process would.
func OpenStoreAt(tb testing.TB, path string, now func() time.Time) *store.Store {
	tb.Helper()
	st, err := store.Open(context.Background(), path, now)
	if err != nil {
		tb.Fatalf("open store %s: %v", path, err)
	}
	tb.Cleanup(func() {
		if err := st.Close(); err != nil {
			tb.Errorf("close store %s: %v", path, err)
		}
	})
	return st
}

// UpsertSource adds or finds a source, failing the test on a database error.
func UpsertSource(tb testing.TB, st *store.Store, name, url, origin string) news.Source {
	tb.Helper()
	src, err := st.UpsertSource(context.Background(), name, url, origin)
	if err != nil {
		tb.Fatalf("upsert source %s: %v", name, err)
	}
	return src
}

// ListSources lists every source, failing the test on a database error.
func ListSources(tb testing.TB, st *store.Store) []news.Source {
	tb.Helper()
	srcs, err := st.ListSources(context.Background())
	if err != nil {
		tb.Fatalf("list sources: %v", err)
	}
	return srcs
}
