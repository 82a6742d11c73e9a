package store

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/newshound/newshound/news"
)

// movingClock is a clock the test moves.
type movingClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *movingClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *movingClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// TestCheckWritableReportsRefusedWrites fills the database (SQLite's
// max_page_count on the writer: "database or disk is full" for any write
// that needs a new page, as on a full disk), so storing a fetch's articles
// fails while the health probe's one-row update still fits. CheckWritable
// (what /healthz asks) fails with the refused write's reason for
// WriteFailureWindow, and fails at once on a read-only database; errors
// that are not the disk's (a constraint) leave it passing.
func TestCheckWritableReportsRefusedWrites(t *testing.T) {
	ctx := context.Background()
	clock := &movingClock{t: testNow}
	st, err := Open(ctx, filepath.Join(t.TempDir(), "full.db"), clock.Now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	src, err := st.UpsertSource(ctx, "Wire", "https://wire.example/feed", news.OriginConfig)
	if err != nil {
		t.Fatal(err)
	}
	items := func(prefix string, n int) []news.Article {
		var out []news.Article
		for i := range n {
			out = append(out, news.Article{
				GUID:  fmt.Sprintf("%s-%d", prefix, i),
				URL:   fmt.Sprintf("https://wire.example/%s/%d", prefix, i),
				Title: fmt.Sprintf("Story %s %d", prefix, i),
				Text:  incompressible(prefix, i),
			})
		}
		return out
	}
	if _, err := st.StoreFeedItems(ctx, src.ID, items("before", 5)); err != nil {
		t.Fatal(err)
	}
	if err := st.CheckWritable(ctx); err != nil {
		t.Fatalf("CheckWritable on a sound database: %v", err)
	}

	// A constraint error is the caller's, not the disk's.
	_, err = st.w.ExecContext(ctx, `INSERT INTO sources (name, url) VALUES ('Wire', 'https://wire.example/feed')`)
	if se := (sqlite3.Error{}); !errors.As(err, &se) || se.Code != sqlite3.ErrConstraint {
		t.Fatalf("a second source with the same URL: %v, want a constraint error", err)
	}
	if err := st.CheckWritable(ctx); err != nil {
		t.Fatalf("CheckWritable after a constraint error: %v", err)
	}

	var pages int
	if err := st.w.QueryRowContext(ctx, `PRAGMA page_count`).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := st.w.ExecContext(ctx, fmt.Sprintf(`PRAGMA max_page_count = %d`, pages)); err != nil {
		t.Fatal(err)
	}
	_, err = st.StoreFeedItems(ctx, src.ID, items("full", 50))
	var se sqlite3.Error
	if !errors.As(err, &se) || se.Code != sqlite3.ErrFull {
		t.Fatalf("StoreFeedItems on a full database = %v, want SQLite's %q", err, sqlite3.ErrFull)
	}
	// The probe alone would say ok: its one-row update fits.
	if _, err := st.w.ExecContext(ctx, `UPDATE secrets SET created_at = created_at + 1 WHERE name = 'healthz probe'`); err != nil {
		t.Fatalf("the probe's update on the full database: %v", err)
	}
	clock.Advance(20 * time.Second)
	err = st.CheckWritable(ctx)
	if err == nil || !strings.Contains(err.Error(), "database or disk is full") || !strings.Contains(err.Error(), "20s ago") {
		t.Fatalf("CheckWritable 20 s after a refused insert = %v, want the refusal and its age", err)
	}

	// A minute without a refused write: the probe decides again.
	clock.Advance(WriteFailureWindow)
	if err := st.CheckWritable(ctx); err != nil {
		t.Fatalf("CheckWritable a minute after the last refused write: %v", err)
	}

	// A read-only database refuses the probe itself.
	if _, err := st.w.ExecContext(ctx, `PRAGMA query_only = 1`); err != nil {
		t.Fatal(err)
	}
	if err := st.CheckWritable(ctx); err == nil || !strings.Contains(err.Error(), "readonly") {
		t.Fatalf("CheckWritable on a read-only database = %v, want it refused", err)
	}
	if _, err := st.w.ExecContext(ctx, `PRAGMA query_only = 0`); err != nil {
		t.Fatal(err)
	}
	if _, err := st.w.ExecContext(ctx, `PRAGMA max_page_count = 1000000`); err != nil {
		t.Fatal(err)
	}
	clock.Advance(WriteFailureWindow)
	if _, err := st.StoreFeedItems(ctx, src.ID, items("after", 50)); err != nil {
		t.Fatalf("StoreFeedItems once there is room: %v", err)
	}
	if err := st.CheckWritable(ctx); err != nil {
		t.Fatalf("CheckWritable once writes succeed: %v", err)
	}
}

// TestCheckWritableNoticesARemovedFile: writes to a database file removed
// while open succeed, into a file nobody will open again; CheckWritable
// fails naming it, and for a file put in its place too.
func TestCheckWritableNoticesARemovedFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "removed.db")
	st, err := Open(ctx, path, func() time.Time { return testNow })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.CheckWritable(ctx); err != nil {
		t.Fatalf("CheckWritable on a sound database: %v", err)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.UpsertSource(ctx, "Wire", "https://wire.example/feed", news.OriginConfig); err != nil {
		t.Fatalf("a write to the removed file failed (%v): SQLite now notices, and this test can go", err)
	}
	if err := st.CheckWritable(ctx); err == nil || !strings.Contains(err.Error(), "gone") {
		t.Fatalf("CheckWritable after the file was removed = %v, want it named gone", err)
	}
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := st.CheckWritable(ctx); err == nil || !strings.Contains(err.Error(), "another file") {
		t.Fatalf("CheckWritable with another file in its place = %v, want it refused", err)
	}
}

// incompressible returns about 4 KB of text that deflate cannot shrink much
// (the store keeps text compressed), so that items fill pages.
func incompressible(prefix string, i int) string {
	var b strings.Builder
	for j := range 64 {
		sum := sha256.Sum256([]byte(fmt.Sprintf("%s-%d-%d", prefix, i, j)))
		fmt.Fprintf(&b, "%x ", sum)
	}
	return b.String()
}
