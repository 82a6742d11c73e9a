package stories

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

// failingLinks fails LinkArticles while fail is set and records the
// afterID of each StoryCandidates.
type failingLinks struct {
	*store.Store
	fail   bool
	afters []int64
}

func (f *failingLinks) LinkArticles(ctx context.Context, links []news.StoryCandidate) error {
	if f.fail {
		return errors.New("disk I/O error (injected)")
	}
	return f.Store.LinkArticles(ctx, links)
}

func (f *failingLinks) StoryCandidates(ctx context.Context, since time.Time, afterID int64) ([]news.StoryCandidate, error) {
	f.afters = append(f.afters, afterID)
	return f.Store.StoryCandidates(ctx, since, afterID)
}

// TestALinkBatchTheStoreRefusesIsForgotten: a batch is stored in one call;
// when the store refuses it, Link fails, none of the batch is linked, and
// the window forgets it (the next Link reads the whole window): a later copy
// of a refused article begins a story of its own.
func TestALinkBatchTheStoreRefusesIsForgotten(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	st := testkit.OpenStore(t, func() time.Time { return now })
	src := testkit.UpsertSource(t, st, "AP", "https://ap.example/rss", "config")
	lead := "Teams of deminers began clearing farmland near Kursk on Friday, officials said, after months in which farmers could not sow."
	var arts []news.Article
	for _, guid := range []string{"1", "2", "3"} {
		added, err := st.InsertArticles(ctx, src.ID, []news.Article{{GUID: guid, URL: "https://ap.example/" + guid, Title: "Deminers clear fields near Kursk", Summary: lead, PublishedAt: now}})
		if err != nil || len(added) != 1 {
			t.Fatalf("insert %s: %v", guid, err)
		}
		arts = append(arts, added[0])
	}
	fs := &failingLinks{Store: st, fail: true}
	l := NewLinker(Options{Store: fs, Window: 48 * time.Hour, Threshold: 0.7, Now: func() time.Time { return now }})
	if _, err := l.Link(ctx, arts[:2]); err == nil {
		t.Fatal("Link succeeded with a store that refused the batch")
	}
	cands, err := st.StoryCandidates(ctx, now.Add(-time.Hour), 0)
	if err != nil || len(cands) != 0 {
		t.Fatalf("linked after the refusal: %v, %v", cands, err)
	}
	fs.fail = false
	n, err := l.Link(ctx, arts[2:])
	if err != nil || n != 0 {
		t.Fatalf("the copy of a refused article: joined %d, %v; want a story of its own", n, err)
	}
	if len(fs.afters) != 2 || fs.afters[1] != 0 {
		t.Errorf("StoryCandidates read after %v; want the whole window (0) after the refusal", fs.afters)
	}
	cands, err = st.StoryCandidates(ctx, now.Add(-time.Hour), 0)
	if err != nil || len(cands) != 1 || cands[0].ArticleID != arts[2].ID || cands[0].StoryID != arts[2].ID {
		t.Errorf("linked: %+v, %v; want article %d alone, its own story", cands, err, arts[2].ID)
	}
}
