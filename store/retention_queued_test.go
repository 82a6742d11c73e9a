package store

import (
	"context"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// After a downtime longer than retention, the start's finish queues the
// alerts of the articles kept for them (unfinishedGrace) and moves them to
// finished, while the start's prune runs beside it: an article finished and
// old was deleted before its alert went, and the alert, rendered from its
// article at send time, was dropped as "article gone". An article a pending
// message shows stays, finished or not (past the grace too: its alert is
// queued already), until the message is sent; the next prune takes it.
func TestPruneKeepsTheArticlesOfQueuedAlerts(t *testing.T) {
	ctx := context.Background()
	st := mustOpenStore(t)
	now := testNow
	src, err := st.UpsertSource(ctx, "A", "https://a.example/feed", news.OriginConfig)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.EnsureChat(ctx, 1, "private", "", news.ChatDefaults{}); err != nil {
		t.Fatal(err)
	}
	store := func(guid string, age time.Duration) news.Article {
		t.Helper()
		at := now.Add(-age)
		st.now = func() time.Time { return at }
		defer func() { st.now = func() time.Time { return now } }()
		arts, err := st.StoreFeedItems(ctx, src.ID, []news.Article{{GUID: guid, URL: "https://a.example/" + guid, Title: "Story " + guid, PublishedAt: at, Alertable: true}})
		if err != nil || len(arts) != 1 {
			t.Fatalf("stored %d articles: %v", len(arts), err)
		}
		return arts[0]
	}
	day := 24 * time.Hour
	finished := store("finished", 95*day)     // within retention's grace, finished at start
	pastGrace := store("past-grace", 100*day) // past it, its alert queued by a finish in progress
	plain := store("plain", 95*day)           // finished, nothing queued: pruned as ever
	for _, step := range [][2]string{{StepText, StepLink}, {StepLink, StepMatch}, {StepMatch, ""}} {
		if err := st.AdvanceArticles(ctx, []int64{finished.ID, plain.ID}, step[0], step[1]); err != nil {
			t.Fatal(err)
		}
	}
	var queued []int64
	for _, a := range []news.Article{finished, pastGrace} {
		id, err := st.Enqueue(ctx, news.Message{ChatID: 1, Kind: news.KindAlert, Priority: news.PriorityAlert, ArticleID: a.ID})
		if err != nil {
			t.Fatal(err)
		}
		queued = append(queued, id)
	}

	cut := now.Add(-90 * day)
	p, err := st.Prune(ctx, cut)
	if err != nil {
		t.Fatal(err)
	}
	if p.Articles != 1 {
		t.Errorf("pruned %d articles, want 1 (the one no alert waits for)", p.Articles)
	}
	for _, a := range []news.Article{finished, pastGrace} {
		if _, err := st.FindArticle(ctx, a.ID); err != nil {
			t.Errorf("article %q, whose alert is queued, is gone: %v", a.GUID, err)
		}
	}
	if _, err := st.FindArticle(ctx, plain.ID); err == nil {
		t.Errorf("article %q, old and finished with nothing queued, is kept", plain.GUID)
	}

	for i, id := range queued {
		if err := st.MarkSent(ctx, id, 100+i); err != nil {
			t.Fatal(err)
		}
	}
	if p, err = st.Prune(ctx, cut); err != nil || p.Articles != 2 {
		t.Errorf("once their alerts went, the next prune pruned %d articles (%v), want 2", p.Articles, err)
	}
}
