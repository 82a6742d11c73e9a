package store

import (
	"context"
	"testing"

	"github.com/newshound/newshound/news"
)

func TestFinishArticlesLinksQueuesAndFinishesInOneWrite(t *testing.T) {
	ctx := context.Background()
	r := newDeliveryRig(t)
	sub := r.chat(t, 1, "private")
	other, err := r.st.UpsertSource(ctx, "Reuters", "https://reuters.example/rss", "config")
	if err != nil {
		t.Fatal(err)
	}
	// a2, of another source, joins a1's story: an edit names it
	a1, a2, a3 := r.article(t, 0, "a1"), r.article(t, other.ID, "a2"), r.article(t, 0, "a3")
	if _, err := r.st.w.Exec(`UPDATE articles SET pending = ?`, StepLink); err != nil {
		t.Fatal(err)
	}
	links := []news.StoryCandidate{
		{ArticleID: a1, StoryID: a1, CanonicalURL: "x.example/a1", Signature: []byte{1}},
		{ArticleID: a2, StoryID: a1, CanonicalURL: "x.example/a2", Signature: []byte{2}},
	}
	alerts := []news.Alert{{ChatID: 1, ArticleID: a1, SubscriptionID: sub}, {ChatID: 1, ArticleID: a2, SubscriptionID: sub}}

	// A write that fails records nothing: every article stays at the link step.
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := r.st.FinishArticles(cancelled, links, alerts, []int64{a1, a2, a3}); err == nil {
		t.Fatal("FinishArticles on a cancelled context succeeded")
	}
	if got := r.count(t, `SELECT count(*) FROM articles WHERE pending = ?`, StepLink); got != 3 {
		t.Fatalf("%d articles at the link step after a failed finish, want 3", got)
	}
	if got := r.count(t, `SELECT count(*) FROM outbox`); got != 0 {
		t.Fatalf("a failed finish queued %d messages", got)
	}

	n, err := r.st.FinishArticles(ctx, links, alerts, []int64{a1, a2, a3})
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 { // a1's alert, and the edit a2 of the same story makes
		t.Errorf("queued %d messages, want 2", n)
	}
	if got := r.count(t, `SELECT count(*) FROM articles WHERE pending = ''`); got != 3 {
		t.Errorf("%d of 3 articles finished", got)
	}
	if got := r.count(t, `SELECT count(*) FROM articles WHERE id = ? AND story_id = ? AND story_sig IS NOT NULL`, a2, a1); got != 1 {
		t.Error("a2 was not linked to a1's story")
	}
	if got := r.count(t, `SELECT count(*) FROM articles WHERE id = ? AND story_id IS NULL AND canonical_url = 'x.example/a1'`, a1); got != 1 {
		t.Error("a1 is not the first of its own story")
	}
	if got := r.count(t, `SELECT count(*) FROM alerts WHERE chat_id = 1`); got != 2 {
		t.Errorf("%d alert rows, want 2 (alert and also)", got)
	}

	// Again (a restart that repeats the step): nothing more.
	if n, err := r.st.FinishArticles(ctx, links, alerts, []int64{a1, a2, a3}); err != nil || n != 0 {
		t.Errorf("a repeated finish queued %d (%v), want 0", n, err)
	}
	if got := r.count(t, `SELECT count(*) FROM outbox`); got != 2 {
		t.Errorf("outbox holds %d messages after a repeat, want 2", got)
	}
}
