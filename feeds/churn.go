package feeds

import (
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

// churn counts, per source id, the fetches in a row that found every item
// new.
type churn struct {
	mu     sync.Mutex
	streak map[int64]int
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
// which it read the newest read and stored added as new: the churnFetches-th fetch in a row whose every item
// is new logs a warning naming the source and tells obs, if it listens; a
// fetch with a known item ends the streak (and tells obs).
func (c *churn) note(log *slog.Logger, obs Observer, src news.Source, listed, read, added, maxItems int) {
	all := src.Fetches > 0 && read >= churnItems && added == read
	c.mu.Lock()
	if c.streak == nil {
		c.streak = map[int64]int{}
	}
	was := c.streak[src.ID]
	now := 0
	if all {
		now = was + 1
		c.streak[src.ID] = now
	} else {
		delete(c.streak, src.ID)
	}
	c.mu.Unlock()
	co, _ := obs.(ChurnObserver)
	switch {
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
