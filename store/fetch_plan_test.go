package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// plannedItems are three items of the rig's source; the third is a teaser
// left to the text step (finish returns false for it).
func plannedItems(r *deliveryRig) []news.Article {
	var items []news.Article
	for _, g := range []string{"p1", "p2", "p3"} {
		items = append(items, news.Article{GUID: g, URL: "https://x.example/" + g, Title: "Kursk " + g, Text: "Kursk text " + g, PublishedAt: r.now, Alertable: true})
	}
	return items
}

func finishAllBut(guid string) func(int, *news.Article) bool {
	return func(_ int, a *news.Article) bool {
		if a.GUID == guid {
			return false
		}
		a.Summary = "summary of " + a.GUID
		return true
	}
}

func TestStoreFeedItemsPlannedStoresTheFetchLinkedAndQueuedInOneWrite(t *testing.T) {
	ctx := context.Background()
	r := newDeliveryRig(t)
	sub := r.chat(t, 1, "private")
	before := r.article(t, 0, "earlier") // ids go on after it

	var planned []news.Article
	plan := func(ctx context.Context, arts []news.Article) ([]news.StoryCandidate, []news.Alert, error) {
		planned = append(planned[:0], arts...)
		// p2 joins p1's story; each gets an alert.
		links := []news.StoryCandidate{
			{ArticleID: arts[0].ID, StoryID: arts[0].ID, CanonicalURL: "x.example/p1", Signature: []byte{1}},
			{ArticleID: arts[1].ID, StoryID: arts[0].ID, CanonicalURL: "x.example/p2", Signature: []byte{2}},
		}
		alerts := []news.Alert{{ChatID: 1, ArticleID: arts[0].ID, SubscriptionID: sub}, {ChatID: 1, ArticleID: arts[1].ID, SubscriptionID: sub}}
		return links, alerts, nil
	}

	// A stop while planning stores nothing: not even the seen marks.
	stopped, cancel := context.WithCancel(ctx)
	if _, _, _, err := r.st.StoreFeedItemsPlanned(stopped, r.source, plannedItems(r), finishAllBut("p3"), func(ctx context.Context, arts []news.Article) ([]news.StoryCandidate, []news.Alert, error) {
		cancel()
		return nil, nil, ctx.Err()
	}); err == nil {
		t.Fatal("a fetch whose planning was stopped was stored")
	}
	if got := r.count(t, `SELECT count(*) FROM articles WHERE id > ?`, before); got != 0 {
		t.Fatalf("a stopped fetch stored %d articles", got)
	}
	if got := r.count(t, `SELECT count(*) FROM seen_items`); got != 0 {
		t.Fatalf("a stopped fetch marked %d items seen", got)
	}

	added, queued, ok, err := r.st.StoreFeedItemsPlanned(ctx, r.source, plannedItems(r), finishAllBut("p3"), plan)
	if err != nil {
		t.Fatal(err)
	}
	// p1's alert; p2, of the same story and the same source (which the
	// alert names already), is recorded with no edit
	if !ok || len(added) != 3 || queued != 1 {
		t.Fatalf("stored %d articles, queued %d, plan stored %v; want 3, 1, true", len(added), queued, ok)
	}
	if got := r.count(t, `SELECT count(*) FROM alerts WHERE chat_id = 1 AND delivery = 'also'`); got != 1 {
		t.Errorf("%d 'also' alerts, want p2's", got)
	}
	if len(planned) != 2 || planned[0].ID != added[0].ID || planned[1].ID != added[1].ID || added[0].ID <= before {
		t.Fatalf("planned %v, stored %v: the plan's ids are not the stored ones", news.ArticleIDs(planned), news.ArticleIDs(added))
	}
	if got := r.count(t, `SELECT count(*) FROM articles WHERE id = ? AND story_id IS NULL AND canonical_url = 'x.example/p1' AND pending = ''`, added[0].ID); got != 1 {
		t.Error("p1 is not stored done, the first of its own story")
	}
	if got := r.count(t, `SELECT count(*) FROM articles WHERE id = ? AND story_id = ? AND story_sig IS NOT NULL AND pending = ''`, added[1].ID, added[0].ID); got != 1 {
		t.Error("p2 is not stored done, in p1's story")
	}
	if got := r.count(t, `SELECT count(*) FROM articles WHERE id = ? AND pending = ?`, added[2].ID, StepText); got != 1 {
		t.Error("the teaser p3 is not left at the text step")
	}
	indexed(t, r.st)
	if got := r.count(t, `SELECT count(*) FROM articles_terms WHERE articles_terms MATCH 'kursk' AND rowid > ?`, before); got != 2 {
		t.Errorf("%d of the 2 final articles indexed for search", got)
	}
	if got := r.count(t, `SELECT count(*) FROM seen_items`); got != 6 {
		t.Errorf("%d seen marks, want 6 (a guid and a link an item)", got)
	}
	if got := r.count(t, `SELECT count(*) FROM outbox`); got != 1 {
		t.Errorf("outbox holds %d messages, want 1", got)
	}

	// The same items again: nothing new, nothing planned, nothing queued.
	r.st.fetches = newFetchState() // past the same-items shortcut
	again, queued, ok, err := r.st.StoreFeedItemsPlanned(ctx, r.source, plannedItems(r), finishAllBut("p3"), func(ctx context.Context, arts []news.Article) ([]news.StoryCandidate, []news.Alert, error) {
		t.Error("a fetch of known items was planned")
		return nil, nil, nil
	})
	if err != nil || len(again) != 0 || queued != 0 || ok {
		t.Errorf("a repeated fetch stored %d, queued %d, plan stored %v (%v)", len(again), queued, ok, err)
	}
}

func TestStoreFeedItemsPlannedStoresWithoutAFailedPlan(t *testing.T) {
	ctx := context.Background()
	for _, tt := range []struct {
		name  string
		setup func(t *testing.T, r *deliveryRig)
		plan  FetchPlan
	}{
		{"the plan fails", func(*testing.T, *deliveryRig) {}, func(context.Context, []news.Article) ([]news.StoryCandidate, []news.Alert, error) {
			return nil, nil, errors.New("subscriptions unreadable")
		}},
		{"an item the plan counted new is stored already", func(t *testing.T, r *deliveryRig) {
			r.article(t, 0, "p2") // stored, but not marked seen
		}, func(ctx context.Context, arts []news.Article) ([]news.StoryCandidate, []news.Alert, error) {
			return nil, []news.Alert{{ChatID: 1, ArticleID: arts[0].ID, SubscriptionID: 1}}, nil
		}},
		{"an item the plan counted new is stored already by its link", func(t *testing.T, r *deliveryRig) {
			// Stored under another guid, not marked seen.
			if added, err := r.st.InsertArticles(ctx, r.source, []news.Article{{GUID: "other", URL: "https://x.example/p2", Title: "Kursk p2", PublishedAt: r.now}}); err != nil || len(added) != 1 {
				t.Fatalf("insert: %v (%d added)", err, len(added))
			}
		}, func(ctx context.Context, arts []news.Article) ([]news.StoryCandidate, []news.Alert, error) {
			return nil, []news.Alert{{ChatID: 1, ArticleID: arts[0].ID, SubscriptionID: 1}}, nil
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := newDeliveryRig(t)
			r.chat(t, 1, "private")
			tt.setup(t, r)
			added, queued, ok, err := r.st.StoreFeedItemsPlanned(ctx, r.source, plannedItems(r), finishAllBut("p3"), tt.plan)
			if err != nil {
				t.Fatal(err)
			}
			if ok || queued != 0 {
				t.Errorf("plan stored %v, %d queued; want false, 0", ok, queued)
			}
			final := 0
			for _, a := range added {
				if a.GUID != "p3" {
					final++
				}
			}
			// The final ones wait at the link step for the poller's finish.
			if got := r.count(t, `SELECT count(*) FROM articles WHERE pending = ?`, StepLink); got != int64(final) || final == 0 {
				t.Errorf("%d articles at the link step, want %d", got, final)
			}
			if got := r.count(t, `SELECT count(*) FROM outbox`); got != 0 {
				t.Errorf("outbox holds %d messages, want 0", got)
			}
			for _, g := range []string{"p1", "p2", "p3"} {
				if got := r.count(t, `SELECT count(*) FROM articles WHERE url = ?`, "https://x.example/"+g); got != 1 {
					t.Errorf("%d articles of %s's link, want 1", got, g)
				}
			}
		})
	}
}

// TestAFetchPlanMayReadArticles: the plan runs inside the write, which
// holds the writer's one connection; the reads a planner makes (the story
// linker reads an old candidate's article when its signature is missing)
// go through the readers and do not wait for it.
func TestAFetchPlanMayReadArticles(t *testing.T) {
	ctx := context.Background()
	r := newDeliveryRig(t)
	before := r.article(t, 0, "earlier")
	var read news.Article
	_, _, ok, err := r.st.StoreFeedItemsPlanned(ctx, r.source, plannedItems(r), finishAllBut("p3"), func(ctx context.Context, arts []news.Article) ([]news.StoryCandidate, []news.Alert, error) {
		waiting, cancel := context.WithTimeout(ctx, 5*time.Second) // a wait for the writer would never end
		defer cancel()
		var err error
		read, err = r.st.FindArticle(waiting, before)
		return nil, nil, err
	})
	if err != nil || !ok {
		t.Fatalf("plan stored %v (%v)", ok, err)
	}
	if read.ID != before {
		t.Errorf("the plan read article %d, want %d", read.ID, before)
	}
}
