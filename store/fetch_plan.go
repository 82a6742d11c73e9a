package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// FetchPlan decides the stories and the alerts of the articles a fetch
// stores final, given with the ids they are to have, inside the write that
// stores them (StoreFeedItemsPlanned): nothing is stored yet, nor will be
// if the write fails. Each article carries its source id, its fetch time
// and what the fetch's finish made of it. An error stores the articles
// without the plan (pending at StepLink), but when ctx is done: then the
// write fails. The write holds the writer's one connection: a plan reads
// only through the store's readers (StoryCandidates, StoryWindowIDs,
// AlertTargets, FindArticle) and writes nothing, or it waits for ever.
type FetchPlan = func(ctx context.Context, articles []news.Article) ([]news.StoryCandidate, []news.Alert, error)

// StoreFeedItemsPlanned is StoreFeedItemsFinished that finishes the final
// items in the same transaction: plan, called inside it with the final
// items that are new (their ids decided), says their stories and alerts;
// they are inserted done, each row written once with its story, canonical
// URL and signature, their alerts queued as QueueAlerts queues them (a bad
// one skipped), and the fetch's items marked seen, all in one commit. A
// stop or a failure before the commit stores nothing: the items are new to
// the next fetch again. It returns the inserted articles, how many
// messages it queued, and whether the plan was stored: false when plan was
// not called (no final item was new), failed, or was set aside because an
// item the plan counted new was stored already (then the articles are
// stored as by StoreFeedItemsFinished, and a caller whose planner kept
// state is to forget it). It fails as StoreFeedItemsFinished does.
func (s *Store) StoreFeedItemsPlanned(ctx context.Context, sourceID int64, items []news.Article, finish func(int, *news.Article) bool, plan FetchPlan) ([]news.Article, int, bool, error) {
	added, queued, planned, err := s.insertArticles(ctx, sourceID, items, true, finish, plan)
	if err != nil {
		return nil, 0, false, fmt.Errorf("store feed items of source %d: %w", sourceID, err)
	}
	return added, queued, planned, nil
}

// errReplan asks insertArticles to store the fetch again without its plan.
var errReplan = errors.New("an article planned as new is stored already")

// plannedFetch is a FetchPlan and what it decided, kept across the tries of
// one insertArticles (a retry with savepoints reuses it).
type plannedFetch struct {
	fn     FetchPlan
	called bool
	off    bool  // not to be used: failed, or its ids no longer hold
	base   int64 // the id before the first new item's
	fresh  []int // the items it planned, by index
	links  map[int64]news.StoryCandidate
	alerts []news.Alert
}

// decide plans the new items (fresh, by index into items) inside tx, once
// per insertArticles, and says whether the insert is to use the plan, and
// the id before the first new item's (the new items take the ids after
// it, in order); the plan is given ctx, the statement in tx runs with
// stmtCtx. On a retry it checks that the ids and the new items are those
// planned. It fails only when the plan fails with ctx done, or the next id
// cannot be read.
func (p *plannedFetch) decide(ctx, stmtCtx context.Context, tx *wtx, sourceID int64, items []news.Article, made []finished, fresh []int, now time.Time) (bool, int64, error) {
	if p == nil || p.off || !slices.ContainsFunc(fresh, func(i int) bool { return made[i].final }) {
		return false, 0, nil
	}
	var base int64
	if err := tx.QueryRowContext(stmtCtx, sqlLastArticleID).Scan(&base); err != nil {
		return false, 0, fmt.Errorf("next article id: %w", err)
	}
	if p.called {
		if base != p.base || !slices.Equal(fresh, p.fresh) {
			p.off = true
		}
		return !p.off, base, nil
	}
	p.called, p.base, p.fresh = true, base, slices.Clone(fresh)
	arts := make([]news.Article, 0, len(fresh))
	for j, i := range fresh {
		if !made[i].final {
			continue
		}
		a := items[i]
		a.ID, a.SourceID, a.FetchedAt = base+int64(j)+1, sourceID, now
		// The matcher takes the Document the terms are made of.
		query.Keep(a, made[i].doc)
		arts = append(arts, a)
	}
	links, alerts, err := p.fn(ctx, arts)
	if err != nil {
		if ctx.Err() != nil {
			return false, 0, err
		}
		p.off = true
		return false, 0, nil
	}
	p.links, p.alerts = make(map[int64]news.StoryCandidate, len(links)), alerts
	for _, l := range links {
		p.links[l.ArticleID] = l
	}
	return true, base, nil
}

// sqlLastArticleID is the id AUTOINCREMENT gives the next article, less
// one: the larger of the sequence's and the largest id.
const sqlLastArticleID = `SELECT max(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'articles'), 0),
		COALESCE((SELECT max(id) FROM articles), 0))`
