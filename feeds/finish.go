package feeds

import (
	"context"
	"fmt"

	"github.com/newshound/newshound/news"
)

// Finisher is a Store that finishes a batch of articles pending at the link
// step in one write: their stories, their alerts and their move to done, all
// or none (store.FinishArticles). With it, a Stories that is a LinkPlanner
// (or none) and a Sink that is an AlertPlanner (or none), the poller writes
// an article's row twice in all (stored, finished) and commits once a batch
// after the fetch's own.
type Finisher interface {
	// FinishArticles records the links, queues the alerts (skipping one
	// that the chat had, as QueueAlerts does) and moves the articles ids
	// pending at the link step to done; it returns the messages queued.
	// On failure it records nothing.
	FinishArticles(ctx context.Context, links []news.StoryCandidate, alerts []news.Alert, ids []int64) (int, error)
}

// PlannedStore is a Store that stores a fetch and finishes the articles it
// stores final in the same write (store.StoreFeedItemsPlanned): plan,
// called inside the write with those articles (their ids decided), says
// their stories and alerts; they are stored done, their alerts queued and
// the items marked seen in one commit, or nothing is stored (the items are
// new to the next fetch again).
type PlannedStore interface {
	// StoreFeedItemsPlanned is StoreFeedItemsFinished with plan; it
	// returns the articles stored, the messages queued, and whether the
	// plan was stored (false: not called, failed, or set aside; the final
	// articles then wait at the link step). A plan that fails with ctx
	// done fails the write.
	StoreFeedItemsPlanned(ctx context.Context, sourceID int64, items []news.Article, finish func(int, *news.Article) bool,
		plan func(ctx context.Context, articles []news.Article) ([]news.StoryCandidate, []news.Alert, error)) ([]news.Article, int, bool, error)
}

// LinkPlanner is a Stories that decides the stories of a batch without
// storing them (stories.Linker).
type LinkPlanner interface {
	// PlanLinks returns each article's link; it fails when the window
	// cannot be read.
	PlanLinks(ctx context.Context, articles []news.Article) ([]news.StoryCandidate, int, error)
	// Unstored says the links planned last were not stored.
	Unstored()
}

// AlertPlanner is a Sink that says which alerts articles cause without
// queueing them.
type AlertPlanner interface {
	// PlanAlerts fails when the subscriptions cannot be read.
	PlanAlerts(ctx context.Context, articles []news.Article) ([]news.Alert, error)
	// AlertsQueued is told, once they are stored, that the alerts of
	// articles articles queued n messages.
	AlertsQueued(articles, n int)
}

// oneWrite returns the Finisher, link and alert planners of the poller's
// parts when the batch can be finished in one write (a nil planner: no
// Stories, or no Sink).
func (p *Poller) oneWrite() (Finisher, LinkPlanner, AlertPlanner, bool) {
	f, ok := p.opts.Store.(Finisher)
	if !ok {
		return nil, nil, nil, false
	}
	var lp LinkPlanner
	if p.opts.Stories != nil {
		if lp, ok = p.opts.Stories.(LinkPlanner); !ok {
			return nil, nil, nil, false
		}
	}
	var ap AlertPlanner
	if p.opts.Sink != nil {
		if ap, ok = p.opts.Sink.(AlertPlanner); !ok {
			return nil, nil, nil, false
		}
	}
	return f, lp, ap, true
}

// plannedWrite returns the PlannedStore and the planners when a fetch can
// store and finish its articles in one write: the Store is a PlannedStore
// and the batch can be finished in one write (oneWrite).
func (p *Poller) plannedWrite() (PlannedStore, LinkPlanner, AlertPlanner, bool) {
	ps, ok := p.opts.Store.(PlannedStore)
	if !ok {
		return nil, nil, nil, false
	}
	_, lp, ap, ok := p.oneWrite()
	return ps, lp, ap, ok
}

// storePlanned stores a fetch's items with a PlannedStore: the articles
// whose text the feed carries whole are linked, matched, queued and done in
// the write that stores them. A plan that fails (but for a stop) or is set
// aside leaves them at the link step for the finish, as storeItems does
// without a PlannedStore; finish is finishText's, final its map. It
// returns what storeItems returns.
func (p *Poller) storePlanned(ctx context.Context, ps PlannedStore, lp LinkPlanner, ap AlertPlanner, src news.Source, items []news.Article,
	finish func(int, *news.Article) bool, final map[string]bool) ([]news.Article, int, error) {
	var (
		called             bool
		alertable, alerted int
	)
	plan := func(ctx context.Context, arts []news.Article) ([]news.StoryCandidate, []news.Alert, error) {
		called = true
		for i := range arts { // as the store reads them back
			a := &arts[i]
			a.SourceName, a.SourceURL = src.Name, src.URL
			a.PublishedAt, a.FetchedAt = storedTime(a.PublishedAt), storedTime(a.FetchedAt)
		}
		links, alerts, may, err := p.planBatch(ctx, lp, ap, arts)
		alertable, alerted = may, len(alerts)
		return links, alerts, err
	}
	added, queued, planned, err := ps.StoreFeedItemsPlanned(ctx, src.ID, items, finish, plan)
	if called && !planned && lp != nil {
		lp.Unstored()
	}
	if err != nil {
		return nil, 0, err
	}
	if !planned {
		if len(final) > 0 {
			p.fresh.keep(src, added, final)
		}
		return added, len(added), nil
	}
	if alerted > 0 {
		ap.AlertsQueued(alertable, queued)
	}
	waiting := 0
	for _, a := range added {
		if !final[a.GUID] {
			waiting++
		}
	}
	return added, waiting, nil
}

// finishInOne takes the articles pending at the link step through linking,
// matching and queueing, and finishes them, in one write: a stop or a
// failure before it leaves them all at the link step, to be taken through
// again whole; after it, they are done. Articles an earlier run left at the
// match step go through the match step first.
func (p *Poller) finishInOne(ctx context.Context, f Finisher, lp LinkPlanner, ap AlertPlanner) error {
	if err := p.match(ctx, nil); err != nil {
		return err
	}
	arts, err := p.pendingLink(ctx)
	if err != nil || len(arts) == 0 {
		return wrapPoll(err)
	}
	unstored := func() {
		if lp != nil {
			lp.Unstored()
		}
	}
	links, alerts, alertable, err := p.planBatch(ctx, lp, ap, arts)
	if err != nil {
		unstored()
		return fmt.Errorf("poll: %w", err)
	}
	n, err := f.FinishArticles(ctx, links, alerts, news.ArticleIDs(arts))
	if err != nil {
		unstored()
		return wrapPoll(err)
	}
	if len(alerts) > 0 {
		ap.AlertsQueued(alertable, n)
	}
	return nil
}

// planBatch decides the stories of arts (none when lp is nil; when story
// detection fails but for a stop, the articles stay unlinked, each a story
// of its own, and the failure is logged) and the alerts of those alertable
// (none when ap is nil), and says how many were alertable. It fails when ctx
// ends while linking, or when planning the alerts fails.
func (p *Poller) planBatch(ctx context.Context, lp LinkPlanner, ap AlertPlanner, arts []news.Article) ([]news.StoryCandidate, []news.Alert, int, error) {
	var links []news.StoryCandidate
	if lp != nil {
		var err error
		if links, _, err = lp.PlanLinks(ctx, arts); err != nil {
			if ctx.Err() != nil {
				return nil, nil, 0, ctx.Err()
			}
			// Alerting a story twice beats not alerting it.
			p.log.Error("story detection failed; the articles left unlinked count as stories of their own", "err", err)
			links = nil
		}
	}
	var alertable []news.Article
	for _, a := range arts {
		if a.Alertable {
			alertable = append(alertable, a)
		}
	}
	if len(alertable) == 0 || ap == nil {
		return links, nil, len(alertable), nil
	}
	alerts, err := ap.PlanAlerts(ctx, alertable)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("hand over %d articles: %w", len(alertable), err)
	}
	return links, alerts, len(alertable), nil
}
