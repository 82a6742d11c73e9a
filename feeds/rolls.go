package feeds

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/newshound/newshound/news"
)

// A feed that lists its newest few items and publishes more than that
// between two fetches drops items the poller never sees: nothing alerts
// them. A fetch shows it when the feed is full (it lists at least
// rollItems items, and no fewer than at the last fetch) and none of its
// items was there before (the store judges by guid and by link: a feed
// that makes its guids up anew keeps its links). Such a
// source is hurried: its interval halves at each such fetch, down to
// hurryFloor, its reason "rolls" (kept with its interval, so that a
// restart keeps the hurry); a fetch that finds at least three quarters of
// its items seen before (a quarter longer, it would still find some)
// lets the interval grow back by a quarter, until it reaches the one the
// fetch would have had (the hurry ends); a fetch that finds fewer holds
// it. A failure ends the hurry (a 429 waits at least
// max_interval, as before); a source a WebSub hub pushes is never hurried,
// nor one whose guids and links are all new at churnFetches fetches in a
// row (made up anew: fetching it more often only stores more of them).

// rollItems is the fewest items a feed lists for a fetch that finds them
// all new to say that the feed rolled past unseen ones.
const rollItems = 2

// roll is what a fetch says of how its feed rolls.
type roll int

const (
	rollUnknown roll = iota // nothing to judge by: a first fetch, an empty or shrunk feed
	rollGap                 // full, and nothing seen before: items were dropped unseen
	rollTight               // some items seen before, fewer than three quarters
	rollRoom                // three quarters or more seen before, or a 304: room to fetch less often
)

// listing is what a fetch's items say for rolls: how many the feed
// listed, and how many of them the source had before (by guid or link).
type listing struct {
	listed, known int
}

// HurryBook, when the Store has it too, keeps the hurry floors the 429s
// set across restarts; without it a restart forgets them, and may hurry a
// source into its host's limit again.
type HurryBook interface {
	HurryFloors(ctx context.Context) (map[int64]time.Duration, error)
	// SetHurryFloor keeps a source's floor; 0 forgets it.
	SetHurryFloor(ctx context.Context, sourceID int64, d time.Duration) error
}

// rolls keeps, per source, how many items its last fetch listed, the sources whose
// hurry was logged in this run, and the hurry floors 429s set.
type rolls struct {
	mu     sync.Mutex
	last   map[int64]rollMark
	warned map[int64]bool
	floors map[int64]time.Duration
	loaded bool // floors holds what the HurryBook kept
}

// floorOf is the source's hurry floor set by a 429 (0: none), the book's
// read once; a failed read is logged and tried again at the next call.
func (r *rolls) floorOf(ctx context.Context, log *slog.Logger, book HurryBook, id int64) time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.load(ctx, log, book)
	return r.floors[id]
}

// load reads the floors the book kept, once; r.mu is held.
func (r *rolls) load(ctx context.Context, log *slog.Logger, book HurryBook) {
	if r.floors == nil {
		r.floors = map[int64]time.Duration{}
	}
	if r.loaded || book == nil {
		return
	}
	kept, err := book.HurryFloors(ctx)
	if err != nil {
		log.Warn("hurry floors from before the start not read", "err", err)
		return
	}
	r.loaded = true
	for id, d := range kept {
		if _, ok := r.floors[id]; !ok {
			r.floors[id] = d
		}
	}
}

// tooMany follows a fetch of src that err failed: a 429 sets the
// source's hurry floor to twice the interval it was fetched at, kept by
// book if there is one (a failed write is logged: a restart forgets it).
func (r *rolls) tooMany(ctx context.Context, log *slog.Logger, book HurryBook, src news.Source, err error) {
	var se *StatusError
	if !errors.As(err, &se) || se.Code != http.StatusTooManyRequests || src.Interval <= 0 {
		return
	}
	floor := 2 * src.Interval
	r.mu.Lock()
	r.load(ctx, log, book)
	same := r.floors[src.ID] >= floor
	if !same {
		r.floors[src.ID] = floor
	}
	r.mu.Unlock()
	if same || book == nil {
		return
	}
	if err := book.SetHurryFloor(ctx, src.ID, floor); err != nil {
		log.Warn("hurry floor after a 429 not kept; a restart forgets it", "err", err)
	}
}

// rollMark is the count of a fetch's items.
type rollMark struct {
	listed int
}

// judge returns what l, a successful fetch of src, says, and keeps its
// count for the next fetch. A feed listing more than maxItems says
// nothing: a fetch reads at most that many, and the backlog takes the
// rest on (backlog.go); fetching it more often would only store more.
func (r *rolls) judge(src news.Source, l listing, maxItems int) roll {
	mark := rollMark{listed: l.listed}
	r.mu.Lock()
	if r.last == nil {
		r.last = map[int64]rollMark{}
	}
	prev, had := r.last[src.ID]
	r.last[src.ID] = mark
	r.mu.Unlock()
	seen := l.known
	switch {
	case src.Fetches == 0 || l.listed == 0 || l.listed > maxItems:
		return rollUnknown
	case seen == 0 && l.listed >= rollItems && (!had || l.listed >= prev.listed):
		return rollGap
	case seen == 0:
		return rollUnknown
	case 4*seen >= 3*l.listed:
		return rollRoom
	}
	return rollTight
}

// warnOnce reports whether the source's hurry is yet to be logged in this
// run, and notes it logged.
func (r *rolls) warnOnce(id int64) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.warned[id] {
		return false
	}
	if r.warned == nil {
		r.warned = map[int64]bool{}
	}
	r.warned[id] = true
	return true
}

// hurryFloor is the shortest interval a hurry brings a source to:
// poller.min_interval where the bounds let intervals adapt, else (min and
// max the same: every source at one interval) a quarter of it, at least a
// second.
func (b bounds) hurryFloor() time.Duration {
	if b.min < b.max {
		return b.min
	}
	return max(b.min/4, time.Second)
}

// hurry returns the wait and reason after a successful fetch of src that
// planned wait and why and whose feed rolls as v (see the top of this
// file); a source it starts hurrying is logged once a run.
func (p *Poller) hurry(ctx context.Context, log *slog.Logger, src news.Source, v roll, wait time.Duration, why news.IntervalReason) (time.Duration, news.IntervalReason) {
	if p.opts.Hubs != nil && p.opts.Hubs.Pushed(src.ID) || p.churn.streakOf(src.ID) >= churnFetches {
		return wait, why
	}
	was, _ := news.ParseIntervalReason(src.IntervalReason)
	hurried := was.Kind == news.ReasonRolls && src.Interval > 0
	rolling := news.IntervalReason{Kind: news.ReasonRolls, Span: wait}
	book, _ := p.opts.Store.(HurryBook)
	floor := max(p.bounds.hurryFloor(), p.rolls.floorOf(ctx, log, book, src.ID))
	switch {
	case v == rollGap:
		prev := wait
		if hurried {
			prev = min(src.Interval, wait)
		}
		h := max(prev/2, floor)
		if h >= wait {
			return wait, why // at the floor already
		}
		if !hurried && p.rolls.warnOnce(src.ID) {
			log.Warn("the feed dropped items unseen between two fetches (full, and none of its items seen before); fetched more often until its fetches overlap again",
				"interval", wait, "now", h, "floor", floor, "fix", "nothing to do; /sources shows the source's interval and why")
		}
		return h, rolling
	case !hurried:
		return wait, why
	case v == rollRoom:
		if h := max(src.Interval+src.Interval/4, floor); h < wait {
			return h, rolling
		}
		log.Info("the feed's fetches overlap again; its hurry ends", "interval", wait)
		return wait, why
	}
	if h := max(src.Interval, floor); h < wait {
		return h, rolling
	}
	return wait, why
}
