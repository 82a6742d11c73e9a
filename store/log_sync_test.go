package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// TestSyncLogSyncsAWrittenLog: SyncLog puts a log that changed on the disk,
// leaves one unchanged since, and does nothing once a clean stop removed it.
func TestSyncLogSyncsAWrittenLog(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sync.db")
	st, err := Open(ctx, path, func() time.Time { return testNow })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.EnsureChat(ctx, 7, "private", "", news.ChatDefaults{}); err != nil {
		t.Fatal(err)
	}
	enqueue := func() {
		t.Helper()
		if _, err := st.Enqueue(ctx, news.Message{ChatID: 7, Kind: news.KindReply, Priority: news.PriorityReply, Text: "hi"}); err != nil {
			t.Fatal(err)
		}
	}
	enqueue()
	// The log last written an hour ago: a sync now is its last change's.
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(path+"-wal", old, old); err != nil {
		t.Fatal(err)
	}
	for i, want := range []bool{true, false} {
		synced, err := st.SyncLog()
		if err != nil || synced != want {
			t.Fatalf("SyncLog %d = %v, %v; want %v, nil", i+1, synced, err, want)
		}
	}
	enqueue()
	if synced, err := st.SyncLog(); err != nil || !synced {
		t.Fatalf("SyncLog after a write = %v, %v; want true, nil", synced, err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); !os.IsNotExist(err) {
		t.Skipf("the log outlived a clean close (%v): nothing more to check", err)
	}
	if synced, err := st.SyncLog(); err != nil || synced {
		t.Fatalf("SyncLog with no log = %v, %v; want false, nil", synced, err)
	}
}
