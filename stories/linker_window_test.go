package stories

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

// countingStore counts what StoryCandidates hands the linker.
type countingStore struct {
	*store.Store
	calls, read int
	lastAfter   int64
}

func (c *countingStore) StoryCandidates(ctx context.Context, since time.Time, afterID int64) ([]news.StoryCandidate, error) {
	out, err := c.Store.StoryCandidates(ctx, since, afterID)
	c.calls, c.read, c.lastAfter = c.calls+1, c.read+len(out), afterID
	return out, err
}

// TestLinkerReadsOnlyWhatIsNew: after a first Link, which reads the window,
// a Link reads only the articles linked since (by anyone) and forgets those
// that left the window without reading it again; an hour on, it reads the
// whole window again.
func TestLinkerReadsOnlyWhatIsNew(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "test.db"), clock)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	src, err := st.UpsertSource(ctx, "AP", "https://ap.example/rss", "config")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	insert := func(published time.Time, k int) []news.Article {
		t.Helper()
		var items []news.Article
		for range k {
			n++
			items = append(items, news.Article{GUID: fmt.Sprint(n), URL: fmt.Sprintf("https://ap.example/%d", n),
				Title: fmt.Sprintf("Story number %d about town %d", n, n), Summary: fmt.Sprintf("Lead of story %d.", n), PublishedAt: published})
		}
		added, err := st.InsertArticles(ctx, src.ID, items)
		if err != nil || len(added) != k {
			t.Fatalf("insert: %d, %v", len(added), err)
		}
		return added
	}
	cs := &countingStore{Store: st}
	l := NewLinker(Options{Store: cs, Window: 48 * time.Hour, Threshold: 0.7, Now: clock})

	other := NewLinker(Options{Store: st, Window: 48 * time.Hour, Threshold: 0.7, Now: clock})
	if _, err := other.Link(ctx, insert(now.Add(-47*time.Hour-30*time.Minute), 30)); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Link(ctx, insert(now, 5)); err != nil {
		t.Fatal(err)
	}
	if cs.read != 30 || l.index.Len() != 35 {
		t.Fatalf("first link read %d candidates and holds %d; want the window's 30 and 35", cs.read, l.index.Len())
	}
	cs.read = 0
	if _, err := l.Link(ctx, insert(now, 5)); err != nil {
		t.Fatal(err)
	}
	if cs.read != 0 || cs.lastAfter == 0 {
		t.Fatalf("second link read %d candidates after id %d; want none, after its high-water mark", cs.read, cs.lastAfter)
	}
	if _, err := other.Link(ctx, insert(now, 3)); err != nil {
		t.Fatal(err)
	}
	cs.read = 0
	now = now.Add(45 * time.Minute) // the 30 left the window; no full read is due yet
	if _, err := l.Link(ctx, insert(now, 1)); err != nil {
		t.Fatal(err)
	}
	if cs.read != 3 || cs.lastAfter == 0 || l.index.Len() != 14 {
		t.Fatalf("read %d after id %d, holds %d; want the other linker's 3 after the high-water mark, and 14: 10 of its own, 3, 1 new",
			cs.read, cs.lastAfter, l.index.Len())
	}
	cs.read = 0
	now = now.Add(30 * time.Minute) // over an hour since the first read: a full one
	if _, err := other.Link(ctx, insert(now, 2)); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Link(ctx, insert(now, 1)); err != nil {
		t.Fatal(err)
	}
	if cs.lastAfter != 0 || cs.read != 16 || l.index.Len() != 17 {
		t.Fatalf("read %d after id %d, holds %d; want the whole window (16) read again, and 17", cs.read, cs.lastAfter, l.index.Len())
	}
}
