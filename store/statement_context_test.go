package store

import (
	"context"
	"errors"
	"testing"

	"github.com/newshound/newshound/news"
)

// A fetch's write, given a context that can be cancelled (as the bot's),
// runs none of its statements with a context the driver watches.
func TestAFetchsWriteRunsUnwatched(t *testing.T) {
	r := newDeliveryRig(t)
	sub := r.chat(t, 1, "private")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	plan := func(ctx context.Context, arts []news.Article) ([]news.StoryCandidate, []news.Alert, error) {
		return nil, []news.Alert{{ChatID: 1, ArticleID: arts[0].ID, SubscriptionID: sub}, {ChatID: 1, ArticleID: arts[1].ID, SubscriptionID: sub}}, nil
	}
	before := r.st.watched.Load()
	added, queued, ok, err := r.st.StoreFeedItemsPlanned(ctx, r.source, plannedItems(r), finishAllBut("p3"), plan)
	if err != nil || !ok || len(added) != 3 || queued != 2 {
		t.Fatalf("stored %d articles, queued %d, plan stored %v (%v); want 3, 2, true", len(added), queued, ok, err)
	}
	if n := r.st.watched.Load() - before; n != 0 {
		t.Errorf("%d statements of the fetch's write ran watched, want 0", n)
	}
	// A statement outside the write keeps the context it is given.
	if _, err := r.st.UpsertSource(ctx, "Other", "https://other.example/rss", "config"); err != nil {
		t.Fatal(err)
	}
	if r.st.watched.Load() == before {
		t.Error("a statement run with a cancellable context was not counted as watched")
	}
}

// A stop during a fetch's write, after its plan, fails the write with the
// context's error before its next statement, and stores nothing.
func TestAStopAfterThePlanStoresNothing(t *testing.T) {
	r := newDeliveryRig(t)
	sub := r.chat(t, 1, "private")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, _, _, err := r.st.StoreFeedItemsPlanned(ctx, r.source, plannedItems(r), finishAllBut("p3"), func(ctx context.Context, arts []news.Article) ([]news.StoryCandidate, []news.Alert, error) {
		cancel() // the plan itself succeeds
		return nil, []news.Alert{{ChatID: 1, ArticleID: arts[0].ID, SubscriptionID: sub}}, nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("a write stopped after its plan: %v, want context.Canceled", err)
	}
	for _, q := range []string{`SELECT count(*) FROM articles`, `SELECT count(*) FROM seen_items`, `SELECT count(*) FROM outbox`} {
		if n := r.count(t, q); n != 0 {
			t.Errorf("%s = %d after a stopped write, want 0", q, n)
		}
	}
}
