package store_test

import (
	"bytes"
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

const day = 24 * time.Hour

// unfinishedRig is a store on a real SQLite file with an injected clock and
// its log in a buffer.
type unfinishedRig struct {
	st    *store.Store
	clock *testkit.Clock
	log   *bytes.Buffer
	now   time.Time // the clock's start, "today"
}

func newUnfinishedRig(t *testing.T) *unfinishedRig {
	t.Helper()
	r := &unfinishedRig{now: time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC), log: &bytes.Buffer{}}
	r.clock = testkit.NewClock(r.now)
	st, err := store.OpenLogged(context.Background(), filepath.Join(t.TempDir(), "store.db"), r.clock.Now, slog.New(slog.NewTextHandler(r.log, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	r.st = st
	return r
}

// store stores one new article of src, fetched and published at, and
// leaves it at the text step; it returns its id.
func (r *unfinishedRig) store(t *testing.T, src news.Source, guid string, at time.Time, alertable bool) int64 {
	t.Helper()
	r.clock.Set(at)
	defer r.clock.Set(r.now)
	arts, err := r.st.StoreFeedItems(context.Background(), src.ID, []news.Article{
		{GUID: guid, URL: src.URL + "/" + guid, Title: "Kursk " + guid, PublishedAt: at, Alertable: alertable}})
	if err != nil || len(arts) != 1 {
		t.Fatalf("store %s: %d articles, %v", guid, len(arts), err)
	}
	return arts[0].ID
}

func (r *unfinishedRig) pending(t *testing.T, step string) []int64 {
	t.Helper()
	ids, err := r.st.PendingIDs(context.Background(), step)
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func (r *unfinishedRig) prune(t *testing.T, retention time.Duration) store.Pruned {
	t.Helper()
	p, err := r.st.Prune(context.Background(), r.clock.Now().Add(-retention))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPruneUnfinishedKeptWhileUsefulPrunedPastGrace: of the articles the
// pipeline has not finished, older than the retention window, an alertable
// one stays while within a week past the window (a downtime that long
// loses no alert) and goes after it; one not alertable, which no finish
// would ever alert, goes at once. A finish that read the pruned article
// before the prune queues no alert for it, and still queues the others'.
func TestPruneUnfinishedKeptWhileUsefulPrunedPastGrace(t *testing.T) {
	ctx := context.Background()
	r := newUnfinishedRig(t)
	src := testkit.UpsertSource(t, r.st, "Wire", "https://wire.example", news.OriginConfig)
	if _, err := r.st.EnsureChat(ctx, 1, "private", "", news.ChatDefaults{Timezone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	sub, _, err := r.st.CreateSubscription(ctx, 1, "kursk", "kursk", 10)
	if err != nil {
		t.Fatal(err)
	}
	const retention = 90 * day
	old := r.now.Add(-retention - 5*day)
	useful := r.store(t, src, "useful", old, true)
	quiet := r.store(t, src, "quiet", old, false)
	if err := r.st.AdvanceArticles(ctx, []int64{useful}, store.StepText, store.StepLink); err != nil {
		t.Fatal(err)
	}

	p := r.prune(t, retention)
	if p.Articles != 1 || p.Unfinished != 1 {
		t.Fatalf("pruned %+v, want the unalertable unfinished article only", p)
	}
	if ids := r.pending(t, store.StepText); len(ids) != 0 {
		t.Errorf("pending at the text step after the prune: %v, want none (article %d pruned)", ids, quiet)
	}
	if ids := r.pending(t, store.StepLink); len(ids) != 1 || ids[0] != useful {
		t.Errorf("pending at the link step after the prune: %v, want [%d]", ids, useful)
	}
	if !strings.Contains(r.log.String(), "unfinished articles pruned") {
		t.Errorf("the prune of an unfinished article was not logged:\n%s", r.log)
	}

	// Three days on, the alertable one has waited more than a week past
	// the window: it goes too.
	r.now = r.now.Add(3 * day)
	r.clock.Set(r.now)
	r.log.Reset()
	fresh := r.store(t, src, "fresh", r.now, true)
	if err := r.st.AdvanceArticles(ctx, []int64{fresh}, store.StepText, store.StepLink); err != nil {
		t.Fatal(err)
	}
	p = r.prune(t, retention)
	if p.Articles != 1 || p.Unfinished != 1 {
		t.Fatalf("pruned %+v, want the alertable article a week past the window", p)
	}
	if ids := r.pending(t, store.StepLink); len(ids) != 1 || ids[0] != fresh {
		t.Errorf("pending at the link step after the prune: %v, want [%d]", ids, fresh)
	}
	if !strings.Contains(r.log.String(), "articles=1") {
		t.Errorf("the prune's log does not count the article:\n%s", r.log)
	}

	// A finish that read both before the prune: the pruned one's alert is
	// skipped, the fresh one's queued.
	alerts := []news.Alert{{ChatID: 1, ArticleID: useful, SubscriptionID: sub.ID}, {ChatID: 1, ArticleID: fresh, SubscriptionID: sub.ID}}
	n, err := r.st.FinishArticles(ctx, nil, alerts, []int64{useful, fresh})
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("the finish queued %d messages, want 1 (the fresh article's; the pruned one's is gone)", n)
	}
}

// TestPruneUnfinishedOfRemovedSource: an unfinished article older than the
// window whose source was removed from the configuration (retired) goes at
// once, alertable or not; a live source's stays, and so does the retired
// source's article still within the window.
func TestPruneUnfinishedOfRemovedSource(t *testing.T) {
	ctx := context.Background()
	r := newUnfinishedRig(t)
	live := testkit.UpsertSource(t, r.st, "Live", "https://live.example", news.OriginConfig)
	gone := testkit.UpsertSource(t, r.st, "Gone", "https://gone.example", news.OriginConfig)
	const retention = 90 * day
	old := r.now.Add(-retention - day)
	kept := r.store(t, live, "kept", old, true)
	stale := r.store(t, gone, "stale", old, true)
	recent := r.store(t, gone, "recent", r.now.Add(-day), true)
	if retired, err := r.st.RetireConfigSources(ctx, []string{live.URL}); err != nil || len(retired) != 1 {
		t.Fatalf("retired %v: %v", retired, err)
	}

	p := r.prune(t, retention)
	if p.Articles != 1 || p.Unfinished != 1 {
		t.Fatalf("pruned %+v, want the removed source's old unfinished article (%d) only", p, stale)
	}
	ids := r.pending(t, store.StepText)
	if len(ids) != 2 || ids[0] != kept || ids[1] != recent {
		t.Errorf("pending after the prune: %v, want [%d %d]", ids, kept, recent)
	}
}

// TestPruneLogsArticlesHeldBackUnfinished: a prune says when articles have
// waited unfinished for more than a day (their alerts held back with
// them), and says nothing of one that waits since the last poll.
func TestPruneLogsArticlesHeldBackUnfinished(t *testing.T) {
	r := newUnfinishedRig(t)
	src := testkit.UpsertSource(t, r.st, "Wire", "https://wire.example", news.OriginConfig)
	r.store(t, src, "now", r.now.Add(-time.Hour), true)
	if p := r.prune(t, 90*day); p != (store.Pruned{}) {
		t.Fatalf("pruned %+v, want nothing", p)
	}
	if strings.Contains(r.log.String(), "waited more than a day") {
		t.Errorf("an article waiting since an hour was reported held back:\n%s", r.log)
	}

	r.store(t, src, "stuck", r.now.Add(-2*day), true)
	if p := r.prune(t, 90*day); p != (store.Pruned{}) {
		t.Fatalf("pruned %+v, want nothing", p)
	}
	if line := r.log.String(); !strings.Contains(line, "waited more than a day") || !strings.Contains(line, "articles=1") {
		t.Errorf("the article waiting two days was not reported held back:\n%s", line)
	}
}
