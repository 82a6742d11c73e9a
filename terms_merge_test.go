package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

// TestDailyMaintenanceMergesTheIndex: the maintenance that prunes (here
// with retention off) also merges the full-text index's segments once they
// are many, as weeks of small batches leave them, and says so in the log.
func TestDailyMaintenanceMergesTheIndex(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	path := filepath.Join(t.TempDir(), "newshound.db")
	st := testkit.OpenStoreAt(t, path, time.Now)
	// Each batch its own segment: automerge and crisismerge (at 16) off.
	raw, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, set := range []string{"('automerge', 0)", "('crisismerge', 100)"} {
		if _, err := raw.Exec(`INSERT INTO articles_terms (articles_terms, rank) VALUES ` + set); err != nil {
			t.Fatal(err)
		}
	}
	src := testkit.UpsertSource(t, st, "Wire", "https://wire.example/rss", news.OriginConfig)
	for i := range 12 {
		if _, err := st.InsertArticles(ctx, src.ID, []news.Article{{GUID: fmt.Sprint(i), Title: fmt.Sprintf("Berlin votes %d", i), Text: "Berliners voted.", PublishedAt: time.Now()}}); err != nil {
			t.Fatal(err)
		}
		if _, err := st.RefreshTerms(ctx); err != nil { // indexes the waiting article first: a segment
			t.Fatal(err)
		}
	}
	if n, err := st.TermSegments(ctx); err != nil || n != 12 {
		t.Fatalf("%d segments, %v; want 12", n, err)
	}
	logs := &syncBuffer{}
	done := make(chan error, 1)
	m := NewMain(nil, &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" })
	go func() { done <- m.prune(ctx, st, 0, slog.New(slog.NewTextHandler(logs, nil))) }()
	testkit.WaitFor(t, "the merge logged", func() bool { return strings.Contains(logs.String(), "full-text index merged") })
	if n, err := st.TermSegments(ctx); err != nil || n > 8 {
		t.Errorf("after the maintenance: %d segments, %v; want 8 or fewer", n, err)
	}
	if !strings.Contains(logs.String(), "segments_before=12") {
		t.Errorf("log %q", logs.String())
	}
	hits, err := st.SearchArticles(ctx, "berlin", 20)
	if err != nil || len(hits) != 12 {
		t.Errorf("after the merge, berlin finds %d articles, %v; want 12", len(hits), err)
	}
	cancel()
	if err := testkit.Receive(t, "prune to return", done); err != nil {
		t.Fatal(err)
	}
}
