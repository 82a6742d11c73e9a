package stories

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

// countingStore counts what StoryCandidates and StoryWindowIDs hand the
// linker.
type countingStore struct {
	*store.Store
	calls, read, ids int
	lastAfter        int64
}

func (c *countingStore) StoryWindowIDs(ctx context.Context, since time.Time) ([]int64, error) {
	out, err := c.Store.StoryWindowIDs(ctx, since)
	c.ids += len(out)
	return out, err
}

func (c *countingStore) StoryCandidates(ctx context.Context, since time.Time, afterID int64) ([]news.StoryCandidate, error) {
	out, err := c.Store.StoryCandidates(ctx, since, afterID)
	c.calls, c.read, c.lastAfter = c.calls+1, c.read+len(out), afterID
	return out, err
}

// TestLinkerReadsOnlyWhatIsNew: after a first Link, which reads the window,
// a Link reads only the articles linked since (by anyone) and forgets those
// that left the window without reading it again; an hour on, it reads the
// window's ids (to forget deleted articles) and what is new, not the whole
// window's candidates again.
func TestLinkerReadsOnlyWhatIsNew(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	st := testkit.OpenStore(t, clock)
	src := testkit.UpsertSource(t, st, "AP", "https://ap.example/rss", "config")
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
	now = now.Add(30 * time.Minute) // over an hour since the first read: the window's ids
	if _, err := other.Link(ctx, insert(now, 2)); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Link(ctx, insert(now, 1)); err != nil {
		t.Fatal(err)
	}
	if cs.ids != 17 || cs.lastAfter == 0 || cs.read != 2 || l.index.Len() != 17 {
		t.Fatalf("read %d ids, %d candidates after id %d, holds %d; want the window's 17 ids (the new one too), the other linker's 2, and 17",
			cs.ids, cs.read, cs.lastAfter, l.index.Len())
	}
}

// TestTheHourlyReadForgetsDeletedArticles: articles deleted meanwhile (their
// source removed) leave the window at the next hourly read of its ids, and a
// copy of one then begins a story of its own.
func TestTheHourlyReadForgetsDeletedArticles(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	st := testkit.OpenStore(t, clock)
	var srcs []news.Source
	for _, name := range []string{"AP", "Gone"} {
		src := testkit.UpsertSource(t, st, name, "https://"+name+".example/rss", "config")
		srcs = append(srcs, src)
	}
	lead := "Teams of deminers began clearing farmland near Kursk on Friday, officials said, after months in which farmers could not sow."
	insert := func(src news.Source, guid string) news.Article {
		t.Helper()
		added, err := st.InsertArticles(ctx, src.ID, []news.Article{{GUID: guid, URL: "https://x.example/" + guid, Title: "Deminers clear fields near Kursk", Summary: lead, PublishedAt: now}})
		if err != nil || len(added) != 1 {
			t.Fatalf("insert %s: %v", guid, err)
		}
		return added[0]
	}
	l := NewLinker(Options{Store: st, Window: 48 * time.Hour, Threshold: 0.7, Now: clock})
	gone := insert(srcs[1], "gone")
	if _, err := l.Link(ctx, []news.Article{gone}); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteSource(ctx, srcs[1].ID); err != nil {
		t.Fatal(err)
	}
	now = now.Add(resyncEvery)
	n, err := l.Link(ctx, []news.Article{insert(srcs[0], "copy")})
	if err != nil || n != 0 || l.index.Has(gone.ID) {
		t.Fatalf("joined %d (%v), the deleted article still in the window: %v; want a story of its own", n, err, l.index.Has(gone.ID))
	}
}
