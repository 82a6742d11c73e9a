package feeds

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/newshound/newshound/news"
)

// Hubs learns of the WebSub hubs that feeds name and says which sources a
// hub pushes (package websub implements it).
type Hubs interface {
	// Offered is told, after a fetch of src that carried a feed naming a
	// hub, that hub and the feed's topic. It runs in the fetch's worker,
	// so it must return quickly.
	Offered(ctx context.Context, src news.Source, hub, topic string)
	// Pushed reports whether a hub pushes the source's feed now.
	Pushed(sourceID int64) bool
}

// ErrNotFeed is returned by Push for a body that is not RSS, Atom or JSON Feed.
var ErrNotFeed = errors.New("not a feed (RSS, Atom or JSON Feed)")

// errBrokenFeed marks, besides ErrNotFeed, an answer that is RSS, Atom or
// JSON Feed by its start but does not parse (cut short, bad XML): the
// feed's fault, not a wrong url.
var errBrokenFeed = errors.New("the feed does not parse")

// Push stores a feed that a WebSub hub pushed for src as a fetch of src
// stores its feed: parsed, every item recorded as seen and the new ones
// stored, alertable under the same rules (not on a source's first fetch,
// not older than MaxAge), and then finished by Run's finisher at once, in
// the background (without Run, by the next PollOnce). It returns how many
// articles it stored. Nothing is recorded as a fetch: the source's
// schedule and validators stay as they are. It fails with ErrNotFeed, for
// a retired source, or when the items cannot be stored.
func (p *Poller) Push(ctx context.Context, src news.Source, body []byte) (int, error) {
	if src.Origin == news.OriginRetired {
		return 0, fmt.Errorf("push to source %d: retired", src.ID)
	}
	feed, err := parseFeedAfter(toUTF8(body, ""), p.memos.last(src.ID))
	p.memos.keep(src.ID, feed.memo)
	if err != nil {
		return 0, fmt.Errorf("push to source %d: %w: %v", src.ID, ErrNotFeed, err)
	}
	added, waiting, _, _, err := p.storeItems(ctx, src, feed)
	if err != nil {
		return 0, fmt.Errorf("push to source %d: store articles: %w", src.ID, err)
	}
	p.opts.Observer.Stored(len(added))
	p.stored.Add(int64(waiting))
	if waiting > 0 {
		signal(p.kick)
	}
	return len(added), nil
}

// offerHub tells the Hubs, if any, of the hub the fetched feed names.
func (p *Poller) offerHub(ctx context.Context, src news.Source, resp Response) {
	if p.opts.Hubs == nil {
		return
	}
	if hub, topic := FindHub(src.URL, resp.Body, resp.Link); hub != "" {
		p.opts.Hubs.Offered(ctx, src, hub, topic)
	}
}

// pushedWait is the wait after a successful fetch of a source that a hub
// pushes: at least the slow interval (poller.max_interval, or the
// schedule's), the polls then being only a safety net.
func (p *Poller) pushedWait(id int64, wait time.Duration, why news.IntervalReason) (time.Duration, news.IntervalReason) {
	if p.opts.Hubs == nil || !p.opts.Hubs.Pushed(id) {
		return wait, why
	}
	return max(wait, p.bounds.max), news.IntervalReason{Kind: news.ReasonPushed}
}
