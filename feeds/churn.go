package feeds

import (
	"context"
	"log/slog"
	"sync"

	"github.com/newshound/newshound/news"
)

// DefaultMaxItems is how many of a feed's items a fetch reads when
// Options.MaxItems is 0 (poller.max_items): feeds list 10 to 100 as a
// rule, and a few hundred more than cover a busy source's interval.
const DefaultMaxItems = 500

// churnFetches is how many fetches in a row, after a source's first, must
// find every item new (of at least churnItems) for the source to be named
// as churning: a feed that makes its guids up anew at every fetch, or
// lists fewer items than it publishes between two fetches.
const (
	churnFetches = 3
	churnItems   = 10
)

// ChurnObserver, when the Observer of Options has it too, learns of the
// sources whose every item was new at churnFetches fetches in a row (on)
// and of those that stopped (off), for the operator's status.
type ChurnObserver interface {
	Churning(id int64, name string, on bool)
}

// ChurnBook, when the Store has it too, keeps the churn streaks across
// restarts (kept up to churnFetches: what the warning and the status
// need); without it a restart forgets a runaway feed, and warns of it
// again churnFetches fetches later.
type ChurnBook interface {
	ChurnStreaks(ctx context.Context) (map[int64]int, error)
	// SetChurnStreak keeps a source's streak; 0 forgets it.
	SetChurnStreak(ctx context.Context, sourceID int64, n int) error
}

// churn counts, per source id, the fetches in a row that found every item
// new.
type churn struct {
	mu     sync.Mutex
	streak map[int64]int
	loaded bool           // streak holds what the ChurnBook kept
	told   map[int64]bool // the sources this run told the observer churn
}

// load reads the streaks the book kept, once; c.mu is held. A failed read
// is logged and tried again at the next fetch.
func (c *churn) load(ctx context.Context, log *slog.Logger, book ChurnBook) {
	if c.loaded || book == nil {
		return
	}
	kept, err := book.ChurnStreaks(ctx)
	if err != nil {
		log.Warn("churn streaks from before the start not read", "err", err)
		return
	}
	c.loaded = true
	for id, n := range kept {
		if _, ok := c.streak[id]; !ok {
			c.streak[id] = n
		}
	}
}

// newest keeps the n newest of items, ordered oldest first: all of them
// when n is 0 or more than there are.
func newest[T any](items []T, n int) []T {
	if n > 0 && len(items) > n {
		return items[len(items)-n:]
	}
	return items
}

// note follows a successful fetch of src whose feed listed items, of
// which it read read and stored added as new: the churnFetches-th fetch in
// a row whose every item is new logs a warning naming the source and tells
// obs, if it listens; a fetch with a known item ends the streak (and tells
// obs). With a book the streak outlives a restart: a source named before
// it is told to obs again at its next fetch, not warned of again.
func (c *churn) note(ctx context.Context, book ChurnBook, log *slog.Logger, obs Observer, src news.Source, listed, read, added, maxItems int) {
	all := src.Fetches > 0 && read >= churnItems && added == read
	c.mu.Lock()
	if c.streak == nil {
		c.streak, c.told = map[int64]int{}, map[int64]bool{}
	}
	c.load(ctx, log, book)
	was := c.streak[src.ID]
	now := 0
	if all {
		now = was + 1
		c.streak[src.ID] = now
	} else {
		delete(c.streak, src.ID)
	}
	told := c.told[src.ID]
	c.told[src.ID] = now >= churnFetches
	c.mu.Unlock()
	if book != nil && min(now, churnFetches) != min(was, churnFetches) {
		if err := book.SetChurnStreak(ctx, src.ID, min(now, churnFetches)); err != nil {
			log.Warn("churn streak not kept; a restart forgets it", "source", src.Name, "err", err)
		}
	}
	co, _ := obs.(ChurnObserver)
	switch {
	case now > churnFetches && !told && co != nil: // named before a restart
		co.Churning(src.ID, src.Name, true)
	case now == churnFetches:
		log.Warn("every item of the feed was new at each of its last fetches", "source", src.Name, "url", Redacted(src.URL), "fetches", now, "listed", listed, "read", read,
			"means", "the feed's guids change at every fetch (each fetch stores its items again as new articles), or it publishes more between two fetches than it lists",
			"bounded", "at most poller.max_items new articles a fetch", "max_items", maxItems)
		if co != nil {
			co.Churning(src.ID, src.Name, true)
		}
	case now == 0 && was >= churnFetches && co != nil:
		co.Churning(src.ID, src.Name, false)
	}
}

// streakOf is the source's churn streak as known in this run (or kept by
// the book, once a fetch loaded it).
func (c *churn) streakOf(id int64) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.streak[id]
}
