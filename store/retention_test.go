package store

import (
	"context"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// TestPruneKeepsUnfinishedArticles: an alertable article older than the
// retention window, but within its grace, that the pipeline has not
// finished with (pending at any step, as after a downtime longer than the
// window) is kept, so that its alerts are still queued; once finished, the
// next prune deletes it. (TestPruneUnfinished* has those it prunes.)
func TestPruneKeepsUnfinishedArticles(t *testing.T) {
	ctx := context.Background()
	st := mustOpenStore(t)
	now := testNow
	old := now.Add(-95 * 24 * time.Hour)
	src, err := st.UpsertSource(ctx, "A", "https://a.example/feed", news.OriginConfig)
	if err != nil {
		t.Fatal(err)
	}
	st.now = func() time.Time { return old }
	arts, err := st.StoreFeedItems(ctx, src.ID, []news.Article{
		{GUID: "t", URL: "https://a.example/t", Title: "Waits for its text", PublishedAt: old, Alertable: true},
		{GUID: "l", URL: "https://a.example/l", Title: "Waits for its story", PublishedAt: old, Alertable: true},
		{GUID: "m", URL: "https://a.example/m", Title: "Waits to be matched", PublishedAt: old, Alertable: true},
	})
	if err != nil || len(arts) != 3 {
		t.Fatalf("stored %d articles: %v", len(arts), err)
	}
	if err := st.AdvanceArticles(ctx, []int64{arts[1].ID, arts[2].ID}, StepText, StepLink); err != nil {
		t.Fatal(err)
	}
	if err := st.AdvanceArticles(ctx, []int64{arts[2].ID}, StepLink, StepMatch); err != nil {
		t.Fatal(err)
	}
	st.now = func() time.Time { return now }

	p, err := st.Prune(ctx, now.Add(-90*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if p.Articles != 0 {
		t.Fatalf("pruned %d unfinished articles, want 0", p.Articles)
	}
	for step, want := range map[string]int64{StepText: arts[0].ID, StepLink: arts[1].ID, StepMatch: arts[2].ID} {
		ids, err := st.PendingIDs(ctx, step)
		if err != nil {
			t.Fatal(err)
		}
		if len(ids) != 1 || ids[0] != want {
			t.Errorf("pending at %s after the prune: %v, want [%d]", step, ids, want)
		}
	}

	// Finished, the same articles are old enough to go.
	for _, m := range [][2]string{{StepText, ""}, {StepLink, ""}, {StepMatch, ""}} {
		if err := st.AdvanceArticles(ctx, []int64{arts[0].ID, arts[1].ID, arts[2].ID}, m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	p, err = st.Prune(ctx, now.Add(-90*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if p.Articles != 3 {
		t.Fatalf("pruned %d finished old articles, want 3", p.Articles)
	}
}
