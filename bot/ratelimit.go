package bot

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// chatRates is the per-chat command rate: a burst, then one command every
// so often. Of a run of refused commands only the first is told, so a flood
// of a hundred commands gets a handful of replies.
type chatRates struct {
	mu    sync.Mutex
	now   func() time.Time
	every time.Duration
	burst int
	chats map[int64]*chatRate
	// pruned is when prune last ran.
	pruned time.Time
}

type chatRate struct {
	lim    *rate.Limiter
	told   bool // the current run of refusals was told
	seenAt time.Time
}

func newChatRates(now func() time.Time, every time.Duration, burst int) *chatRates {
	return &chatRates{now: now, every: every, burst: burst, chats: map[int64]*chatRate{}}
}

// allow reports whether the chat may run one more command now and, when it
// may not, whether to tell it so (the first refusal of a run).
func (c *chatRates) allow(chatID int64) (ok, tell bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	cr := c.chats[chatID]
	if cr == nil {
		c.prune(now)
		cr = &chatRate{lim: rate.NewLimiter(rate.Every(c.every), c.burst)}
		c.chats[chatID] = cr
	}
	cr.seenAt = now
	if cr.lim.AllowN(now, 1) {
		cr.told = false
		return true, false
	}
	if cr.told {
		return false, false
	}
	cr.told = true
	return false, true
}

// Bounds of the command rate state: pruning starts at chatRatesPrune
// chats, and at most ChatRatesMax are kept (about 150 bytes each, so
// ~3 MB). Beyond that, a quarter of them are forgotten at random: a forgotten chat gets
// a fresh burst of commands, nothing worse.
const (
	chatRatesPrune = 10000
	ChatRatesMax   = 20000
)

// prune forgets chats whose bucket has refilled, when there are many, and
// chats at random while more than ChatRatesMax are left.
func (c *chatRates) prune(now time.Time) {
	if len(c.chats) < chatRatesPrune {
		return
	}
	full := c.every * time.Duration(c.burst)
	if len(c.chats) < ChatRatesMax && now.Sub(c.pruned) < full && now.After(c.pruned) {
		return // pruned moments ago: little can have refilled since
	}
	c.pruned = now
	for id, cr := range c.chats {
		if now.Sub(cr.seenAt) > full {
			delete(c.chats, id)
		}
	}
	if len(c.chats) < ChatRatesMax {
		return
	}
	for id := range c.chats { // still full: a quarter goes, at random, so this runs rarely
		if len(c.chats) < ChatRatesMax*3/4 {
			break
		}
		delete(c.chats, id)
	}
}
