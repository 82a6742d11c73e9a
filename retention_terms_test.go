package main

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

// TestRetentionOffStillRefreshesTheTerms: with retention off nothing is
// pruned, but the store's list of terms is still brought up to date at start
// (terms stored since the last refresh are listed with docs -1 until then,
// and a broad prefix in /search picks its most frequent terms by those
// counts).
func TestRetentionOffStillRefreshesTheTerms(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	path := filepath.Join(t.TempDir(), "newshound.db")
	st := testkit.OpenStoreAt(t, path, time.Now)
	src := testkit.UpsertSource(t, st, "Wire", "https://wire.example/rss", news.OriginConfig)
	if _, err := st.InsertArticles(ctx, src.ID, []news.Article{
		{GUID: "a", Title: "Berlin votes", Text: "Berliners voted on Sunday.", PublishedAt: time.Now()},
		{GUID: "b", Title: "Berlin counts", Text: "Berliners wait for the count.", PublishedAt: time.Now()},
	}); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// docs is the term's count in terms_list, -1 for a term listed since the
	// last refresh and -2 for one not written there yet (a new term waits
	// in the store's memory for a few minutes, see store.TermsWrite).
	docs := func(term string) int {
		t.Helper()
		var n int
		err := db.QueryRow(`SELECT docs FROM terms_list WHERE term = ?`, term).Scan(&n)
		if errors.Is(err, sql.ErrNoRows) {
			return -2
		}
		if err != nil {
			t.Fatalf("terms_list %q: %v", term, err)
		}
		return n
	}
	if n := docs("berliners"); n != -1 && n != -2 {
		t.Fatalf("before a refresh, berliners has docs %d, want -1 or not written yet", n)
	}

	done := make(chan error, 1)
	m := NewMain(nil, io.Discard, io.Discard, func(string) string { return "" })
	go func() { done <- m.prune(ctx, st, 0, slog.New(slog.NewTextHandler(io.Discard, nil))) }()
	testkit.WaitFor(t, "the list of terms refreshed", func() bool { return docs("berliners") == 2 })
	if n := docs("berlin"); n != 2 {
		t.Errorf("berlin has docs %d, want 2", n)
	}
	cancel()
	if err := testkit.Receive(t, "prune to return", done); err != nil {
		t.Fatal(err)
	}
}
