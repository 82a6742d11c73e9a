package feeds

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/stories"
)

// planningSink is a queueingSink that plans its alerts for the poller to
// queue in the write that finishes the batch (AlertPlanner).
type planningSink struct {
	queueingSink
	planned, queued int
	hook            func(ctx context.Context) error // before planning
}

func (p *planningSink) PlanAlerts(ctx context.Context, arts []news.Article) ([]news.Alert, error) {
	if p.hook != nil {
		if err := p.hook(ctx); err != nil {
			return nil, err
		}
	}
	p.planned++
	var alerts []news.Alert
	for _, a := range arts {
		for _, chat := range subscribers {
			alerts = append(alerts, news.Alert{ChatID: chat, ArticleID: a.ID, SubscriptionID: 1})
		}
	}
	return alerts, nil
}

func (p *planningSink) AlertsQueued(articles, n int) { p.queued += n }

// finishFailingStore fails the one write that finishes a batch.
type finishFailingStore struct{ failingStore }

func (f *finishFailingStore) FinishArticles(ctx context.Context, links []news.StoryCandidate, alerts []news.Alert, ids []int64) (int, error) {
	return 0, errDisk
}

// fetchWriteFailingStore fails the one write that stores a fetch and
// finishes its articles (PlannedStore).
type fetchWriteFailingStore struct{ failingStore }

func (f *fetchWriteFailingStore) StoreFeedItemsPlanned(ctx context.Context, id int64, items []news.Article, finish func(int, *news.Article) bool,
	plan func(context.Context, []news.Article) ([]news.StoryCandidate, []news.Alert, error)) ([]news.Article, int, bool, error) {
	return nil, 0, false, errDisk
}

// oneWriteOptions are the rig's options with a planning sink and the real
// story linker: a batch is finished in one write. With whole, the feed's
// text is taken whole (no article page is fetched), so that a fetch's
// articles are stored and finished in the fetch's own write; else they are
// teasers, finished after their pages are fetched.
func (r *pipelineRig) oneWriteOptions(sink *planningSink, whole bool) Options {
	opts := r.options(sink)
	opts.Stories = stories.NewLinker(stories.Options{Store: r.st, Window: 48 * time.Hour, Threshold: 0.8, Now: r.clock.Now})
	if whole {
		opts.Pages = nil
	}
	return opts
}

func TestAStopAtAnyStepOfTheOneWriteFinishLosesNoAlertAndRepeatsNone(t *testing.T) {
	news3 := []string{"Dam breach floods valley", "Senate passes budget", "Comet seen over Andes"}
	for _, whole := range []bool{false, true} {
		for _, tt := range []struct {
			name string
			// inject returns whether the poll reports the failure (a
			// failed fetch is recorded and logged, not returned).
			inject func(r *pipelineRig, opts *Options, sink *planningSink, cancel context.CancelFunc) bool
		}{
			{"nothing injected", func(r *pipelineRig, opts *Options, sink *planningSink, cancel context.CancelFunc) bool { return false }},
			{"while planning the alerts", func(r *pipelineRig, opts *Options, sink *planningSink, cancel context.CancelFunc) bool {
				sink.hook = func(ctx context.Context) error {
					cancel()
					return ctx.Err()
				}
				return true
			}},
			{"by a database error in the finishing write", func(r *pipelineRig, opts *Options, sink *planningSink, cancel context.CancelFunc) bool {
				if whole { // the fetch's own write finishes them
					opts.Store = &fetchWriteFailingStore{failingStore{Store: r.st}}
					return false
				}
				opts.Store = &finishFailingStore{failingStore{Store: r.st}}
				return true
			}},
		} {
			name := tt.name
			if whole {
				name = "whole text, " + name
			}
			t.Run(name, func(t *testing.T) {
				r := newPipelineRig(t)
				r.setItems("Old news one", "Old news two")
				if err := r.poller(r.oneWriteOptions(&planningSink{}, whole)).PollOnce(context.Background()); err != nil { // the backlog: stored, not alerted
					t.Fatal(err)
				}
				r.clock.Add(time.Hour)
				r.setItems(append([]string{"Old news one", "Old news two"}, news3...)...)

				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				sink := &planningSink{queueingSink: queueingSink{st: r.st}}
				opts := r.oneWriteOptions(sink, whole)
				reported := tt.inject(r, &opts, sink, cancel)
				err := r.poller(opts).PollOnce(ctx)
				cancel()
				switch {
				case tt.name == "nothing injected":
					if err != nil {
						t.Fatal(err)
					}
					if sink.queued != len(news3)*len(subscribers) {
						t.Errorf("AlertsQueued told of %d messages, want %d", sink.queued, len(news3)*len(subscribers))
					}
				case reported && err == nil:
					t.Error("a poll stopped midway reported no error")
				case whole:
					// Stopped or failed in the fetch's own write: nothing of
					// it was written, its items are new to the next fetch.
					if got := r.articles(news3...); got != 0 {
						t.Errorf("%d articles stored by a fetch whose write failed", got)
					}
				}
				if whole {
					for _, step := range []string{stepText, stepLink, stepMatch} {
						if ids, err := r.st.PendingIDs(context.Background(), step); err != nil || len(ids) > 0 {
							t.Errorf("%d articles left at %q by the fetch's write (%v)", len(ids), step, err)
						}
					}
				}

				// The bot restarts: a new store and poller on the same database.
				r.open()
				r.clock.Add(time.Hour) // past any backoff
				again := r.poller(r.oneWriteOptions(&planningSink{queueingSink: queueingSink{st: r.st}}, whole))
				r.pollTwiceWantEachOnce(again, news3...)
				db, err := sql.Open("sqlite3", "file:"+r.path+"?_query_only=1")
				if err != nil {
					t.Fatal(err)
				}
				defer db.Close()
				var unlinked int
				if err := db.QueryRow(`SELECT count(*) FROM articles WHERE story_sig IS NULL`).Scan(&unlinked); err != nil {
					t.Fatal(err)
				}
				if unlinked > 0 {
					t.Errorf("%d articles finished without their story's signature", unlinked)
				}
				for _, step := range []string{stepText, stepLink, stepMatch} {
					ids, err := r.st.PendingIDs(context.Background(), step)
					if err != nil {
						t.Fatal(err)
					}
					if len(ids) > 0 {
						t.Errorf("%d articles left at %q", len(ids), step)
					}
				}
			})
		}
	}
}

// articles counts the stored articles with these titles.
func (r *pipelineRig) articles(titles ...string) int {
	r.t.Helper()
	db, err := sql.Open("sqlite3", "file:"+r.path+"?_query_only=1")
	if err != nil {
		r.t.Fatal(err)
	}
	defer db.Close()
	n := 0
	for _, title := range titles {
		var k int
		if err := db.QueryRow(`SELECT count(*) FROM articles WHERE title = ?`, title).Scan(&k); err != nil {
			r.t.Fatal(err)
		}
		n += k
	}
	return n
}
