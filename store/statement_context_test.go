package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

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

// stopAt is a context cancelled by the at-th call of its Err (a check
// for a stop), so that a write can be stopped at each of its steps in turn.
type stopAt struct {
	context.Context
	cancel context.CancelFunc
	at     int64
	calls  atomic.Int64
}

func newStopAt(at int64) *stopAt {
	ctx, cancel := context.WithCancel(context.Background())
	return &stopAt{Context: ctx, cancel: cancel, at: at}
}

func (c *stopAt) Err() error {
	if c.calls.Add(1) == c.at {
		c.cancel()
	}
	return c.Context.Err()
}

// stopEachStep calls write with a context stopped at its first check, then
// its second, and so on until a call succeeds: each stopped call must fail
// with context.Canceled and leave state() as it was. It returns how many
// calls were stopped.
func stopEachStep(t *testing.T, write func(ctx context.Context) error, state func() string) int {
	t.Helper()
	before := state()
	for at := int64(1); at < 1000; at++ {
		ctx := newStopAt(at)
		err := write(ctx)
		ctx.cancel()
		if err == nil {
			return int(at - 1)
		}
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("a write stopped at its check %d: %v, want context.Canceled", at, err)
		}
		if got := state(); got != before {
			t.Fatalf("a write stopped at its check %d changed the store:\n%s\nwas\n%s", at, got, before)
		}
	}
	t.Fatal("the write never got through")
	return 0
}

// finishRig stores three articles at the link step (a2 of another source)
// and returns their ids and a subscription of chat 1.
func finishRig(t *testing.T, r *deliveryRig) (a1, a2, a3, sub int64) {
	t.Helper()
	sub = r.chat(t, 1, "private")
	other, err := r.st.UpsertSource(context.Background(), "Reuters", "https://reuters.example/rss", "config")
	if err != nil {
		t.Fatal(err)
	}
	a1, a2, a3 = r.article(t, 0, "a1"), r.article(t, other.ID, "a2"), r.article(t, 0, "a3")
	if _, err := r.st.w.Exec(`UPDATE articles SET pending = ?`, StepLink); err != nil {
		t.Fatal(err)
	}
	return a1, a2, a3, sub
}

// storeState is what a write of articles, alerts and messages changes.
func storeState(t *testing.T, r *deliveryRig) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT id, pending, COALESCE(story_id, 0), COALESCE(canonical_url, ''), hex(text), hex(summary) FROM articles ORDER BY id`,
		`SELECT id, chat_id, kind, status, COALESCE(message_id, 0), attempts, not_before, COALESCE(last_error, '') FROM outbox ORDER BY id`,
		`SELECT chat_id, article_id, delivery FROM alerts ORDER BY 1, 2`,
		`SELECT through FROM terms_indexed`,
	} {
		fmt.Fprintln(&b, r.rows(t, q))
	}
	return b.String()
}

// FinishArticles, given a context that can be cancelled, runs none of its
// statements watched (as a fetch's write).
func TestFinishArticlesRunsUnwatched(t *testing.T) {
	r := newDeliveryRig(t)
	a1, a2, a3, sub := finishRig(t, r)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	before := r.st.watched.Load()
	links := []news.StoryCandidate{{ArticleID: a1, StoryID: a1, CanonicalURL: "x.example/a1"}, {ArticleID: a2, StoryID: a1, CanonicalURL: "x.example/a2"}}
	alerts := []news.Alert{{ChatID: 1, ArticleID: a1, SubscriptionID: sub}, {ChatID: 1, ArticleID: a2, SubscriptionID: sub}}
	if n, err := r.st.FinishArticles(ctx, links, alerts, []int64{a1, a2, a3}); err != nil || n != 2 {
		t.Fatalf("FinishArticles queued %d (%v), want 2", n, err)
	}
	if n := r.st.watched.Load() - before; n != 0 {
		t.Errorf("%d statements of FinishArticles ran watched, want 0", n)
	}
}

// A stop at any step of FinishArticles fails it with the context's error
// and records nothing; the articles stay at the link step for the next try.
func TestAStopDuringFinishArticlesStoresNothing(t *testing.T) {
	r := newDeliveryRig(t)
	a1, a2, a3, sub := finishRig(t, r)
	links := []news.StoryCandidate{{ArticleID: a1, StoryID: a1, CanonicalURL: "x.example/a1"}, {ArticleID: a2, StoryID: a1, CanonicalURL: "x.example/a2"}}
	alerts := []news.Alert{{ChatID: 1, ArticleID: a1, SubscriptionID: sub}, {ChatID: 1, ArticleID: a2, SubscriptionID: sub}}
	stops := stopEachStep(t, func(ctx context.Context) error {
		_, err := r.st.FinishArticles(ctx, links, alerts, []int64{a1, a2, a3})
		return err
	}, func() string { return storeState(t, r) })
	if stops < 3 {
		t.Errorf("FinishArticles was stopped at %d checks, want one at least at each of its 3 steps", stops)
	}
	if n := r.count(t, `SELECT count(*) FROM articles WHERE pending = ''`); n != 3 {
		t.Errorf("%d of 3 articles finished by the call that got through", n)
	}
}

// UpdateArticleText, given a context that can be cancelled, runs none of
// its statements watched, and a stop at any of its steps records nothing.
func TestUpdateArticleTextRunsUnwatched(t *testing.T) {
	r := newDeliveryRig(t)
	id := r.article(t, 0, "t1")
	if _, err := r.st.w.Exec(`UPDATE articles SET pending = ?`, StepText); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	before := r.st.watched.Load()
	if err := r.st.UpdateArticleText(ctx, id, "Kursk full text", "Kursk summary"); err != nil {
		t.Fatal(err)
	}
	if n := r.st.watched.Load() - before; n != 0 {
		t.Errorf("%d statements of UpdateArticleText ran watched, want 0", n)
	}

	other := r.article(t, 0, "t2")
	if _, err := r.st.w.Exec(`UPDATE articles SET pending = ? WHERE id = ?`, StepText, other); err != nil {
		t.Fatal(err)
	}
	stopEachStep(t, func(ctx context.Context) error {
		return r.st.UpdateArticleText(ctx, other, "Kursk full text two", "Kursk summary two")
	}, func() string { return storeState(t, r) })
	if n := r.count(t, `SELECT count(*) FROM articles WHERE id = ? AND pending = ?`, other, StepLink); n != 1 {
		t.Error("the call that got through did not move the article on to the link step")
	}
}

// The sender's and the poller's single statements on the writer run
// unwatched with a context that can be cancelled, and fail with its error
// once it is done, changing nothing.
func TestOutboxAndPendingStatementsRunUnwatched(t *testing.T) {
	r := newDeliveryRig(t)
	_, _, _, sub := finishRig(t, r)
	ids := make([]int64, 5)
	for i := range ids {
		a := r.article(t, 0, fmt.Sprintf("m%d", i))
		n, err := r.st.QueueAlerts(context.Background(), []news.Alert{{ChatID: 1, ArticleID: a, SubscriptionID: sub}})
		if err != nil || n != 1 {
			t.Fatalf("queue alert %d: %d (%v)", i, n, err)
		}
		ids[i] = r.count(t, `SELECT max(id) FROM outbox`)
	}
	calls := []struct {
		name string
		call func(ctx context.Context) error
	}{
		{"DueMessages", func(ctx context.Context) error {
			m, err := r.st.DueMessages(ctx, r.now, 10)
			if err == nil && len(m) != 1 {
				t.Errorf("DueMessages returned %d messages, want 1 (one chat)", len(m))
			}
			return err
		}},
		{"PendingArticles", func(ctx context.Context) error {
			a, err := r.st.PendingArticles(ctx, StepLink)
			if err == nil && len(a) != 3 {
				t.Errorf("PendingArticles returned %d articles, want 3", len(a))
			}
			return err
		}},
		{"PendingIDs", func(ctx context.Context) error {
			a, err := r.st.PendingIDs(ctx, StepLink)
			if err == nil && len(a) != 3 {
				t.Errorf("PendingIDs returned %d ids, want 3", len(a))
			}
			return err
		}},
		{"MarkSent", func(ctx context.Context) error { return r.st.MarkSent(ctx, ids[0], 100) }},
		{"MarkRetry", func(ctx context.Context) error { return r.st.MarkRetry(ctx, ids[1], r.now.Add(time.Minute), "429") }},
		{"MarkDropped", func(ctx context.Context) error { return r.st.MarkDropped(ctx, ids[2], "blocked") }},
		{"MarkBurstSent", func(ctx context.Context) error { return r.st.MarkBurstSent(ctx, ids[3:], 101) }},
	}
	for _, c := range calls {
		stopped, cancel := context.WithCancel(context.Background())
		cancel()
		before := storeState(t, r)
		if err := c.call(stopped); !errors.Is(err, context.Canceled) {
			t.Errorf("%s with a stopped context: %v, want context.Canceled", c.name, err)
		}
		if storeState(t, r) != before {
			t.Errorf("%s with a stopped context changed the store", c.name)
		}
		ctx, cancel := context.WithCancel(context.Background())
		n := r.st.watched.Load()
		if err := c.call(ctx); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
		cancel()
		if n := r.st.watched.Load() - n; n != 0 {
			t.Errorf("%s ran %d statements watched, want 0", c.name, n)
		}
	}
	if n := r.count(t, `SELECT count(*) FROM outbox WHERE status = 'sent'`); n != 3 {
		t.Errorf("%d messages marked sent, want 3", n)
	}
}

// A transaction begun with a context that can be cancelled runs its BEGIN
// unwatched; one begun with a context done already fails with its error.
func TestABeginRunsUnwatched(t *testing.T) {
	r := newDeliveryRig(t)
	ctx, cancel := context.WithCancel(context.Background())
	before := r.st.watched.Load()
	if err := r.st.tx(ctx, func(*wtx) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if n := r.st.watched.Load() - before; n != 0 {
		t.Errorf("a transaction's BEGIN ran watched (%d)", n)
	}
	cancel()
	if err := r.st.tx(ctx, func(*wtx) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("a transaction begun after a stop: %v, want context.Canceled", err)
	}
}

// The reads the poller makes on a reader for every fetch (the seen keys
// outside the write, the story window, the alert targets) run unwatched
// with a context that can be cancelled, so that no goroutine is started
// and woken for each, and fail with its error once it is done.
func TestThePollersReadsRunUnwatched(t *testing.T) {
	r := newDeliveryRig(t)
	sub := r.chat(t, 1, "private")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	plan := func(ctx context.Context, arts []news.Article) ([]news.StoryCandidate, []news.Alert, error) {
		return nil, []news.Alert{{ChatID: 1, ArticleID: arts[0].ID, SubscriptionID: sub}}, nil
	}
	before, keys := r.st.readsWatched.Load(), r.st.outsideKeys.Load()
	added, _, ok, err := r.st.StoreFeedItemsPlanned(ctx, r.source, plannedItems(r), finishAllBut("p3"), plan)
	if err != nil || !ok || len(added) != 3 {
		t.Fatalf("stored %d articles, plan stored %v (%v); want 3, true", len(added), ok, err)
	}
	if r.st.outsideKeys.Load() == keys {
		t.Fatal("the fetch read no seen keys on a reader")
	}
	if n := r.st.readsWatched.Load() - before; n != 0 {
		t.Errorf("the fetch's read of its seen keys ran %d statements watched, want 0", n)
	}
	since := r.now.Add(-30 * 24 * time.Hour)
	calls := []struct {
		name string
		call func(ctx context.Context) error
	}{
		{"StoryCandidates", func(ctx context.Context) error {
			_, err := r.st.StoryCandidates(ctx, since, 0)
			return err
		}},
		{"StoryWindowIDs", func(ctx context.Context) error {
			ids, err := r.st.StoryWindowIDs(ctx, since)
			if err == nil && len(ids) != 3 {
				t.Errorf("StoryWindowIDs returned %d ids, want 3", len(ids))
			}
			return err
		}},
		{"AlertTargets", func(ctx context.Context) error {
			ts, err := r.st.AlertTargets(ctx, []int64{sub})
			if err == nil && len(ts) != 1 {
				t.Errorf("AlertTargets returned %d targets, want 1", len(ts))
			}
			return err
		}},
	}
	for _, c := range calls {
		stopped, stop := context.WithCancel(context.Background())
		stop()
		if err := c.call(stopped); !errors.Is(err, context.Canceled) {
			t.Errorf("%s with a stopped context: %v, want context.Canceled", c.name, err)
		}
		n := r.st.readsWatched.Load()
		if err := c.call(ctx); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
		if n := r.st.readsWatched.Load() - n; n != 0 {
			t.Errorf("%s ran %d statements watched, want 0", c.name, n)
		}
	}
	// A read given the context as it is is counted.
	n := r.st.readsWatched.Load()
	var one int
	if err := r.st.r.QueryRowContext(ctx, `SELECT 1`).Scan(&one); err != nil {
		t.Fatal(err)
	}
	if r.st.readsWatched.Load() == n {
		t.Error("a read run with a cancellable context was not counted as watched")
	}
}

// A read through onReader that waits for a reader (all four held) ends
// with the context's error when the context is cancelled: only the
// statement runs unwatched, not the wait.
func TestAStopEndsTheWaitForAReader(t *testing.T) {
	r := newDeliveryRig(t)
	held := make([]*sql.Conn, 0, 4)
	for range 4 {
		c, err := r.st.r.Conn(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, c)
	}
	defer func() {
		for _, c := range held {
			c.Close()
		}
	}()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := r.st.StoryWindowIDs(ctx, r.now.Add(-time.Hour))
		done <- err
	}()
	for r.st.r.Stats().WaitCount == 0 { // the read waits for a reader
		select {
		case err := <-done:
			t.Fatalf("the read ended without a reader: %v", err)
		default:
			runtime.Gosched()
		}
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("a read stopped while waiting for a reader: %v, want context.Canceled", err)
	}
}
