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
	var links []news.StoryCandidate
	if lp != nil {
		if links, _, err = lp.PlanLinks(ctx, arts); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			// Alerting a story twice beats not alerting it.
			p.log.Error("story detection failed; the articles left unlinked count as stories of their own", "err", err)
			links = nil
		}
	}
	unstored := func() {
		if lp != nil {
			lp.Unstored()
		}
	}
	var alertable []news.Article
	for _, a := range arts {
		if a.Alertable {
			alertable = append(alertable, a)
		}
	}
	var alerts []news.Alert
	if len(alertable) > 0 && ap != nil {
		if alerts, err = ap.PlanAlerts(ctx, alertable); err != nil {
			unstored()
			return fmt.Errorf("poll: hand over %d articles: %w", len(alertable), err)
		}
	}
	n, err := f.FinishArticles(ctx, links, alerts, news.ArticleIDs(arts))
	if err != nil {
		unstored()
		return wrapPoll(err)
	}
	if len(alerts) > 0 {
		ap.AlertsQueued(len(alertable), n)
	}
	return nil
}
