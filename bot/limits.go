package bot

import (
	"time"

	"golang.org/x/time/rate"
)

// Rates are Telegram's sending limits.
type Rates struct {
	GlobalPerSecond float64 // all chats together
	ChatPerSecond   float64 // one private chat
	GroupPerMinute  float64 // one group, supergroup or channel
}

// headroom is the share of each configured rate the sender aims at: network
// jitter can bunch messages that left evenly spaced, and a 429 costs far more
// than 3% of the throughput.
const headroom = 0.97

// Bursts: a private chat may get a command's reply and an alert at once (2).
// The global budget and a group get none: a burst on top of the rate is more
// than the limit in some one-second window (30 a second with a burst of 3
// lets 32 through in one), and the headroom is what absorbs network jitter.
const (
	privateBurst = 2
	groupBurst   = 1
	globalBurst  = 1
)

// The limiters measure real elapsed time, not the injected clock: Telegram's
// limits are about the wall clock, and a frozen test clock must not stop all
// sending. Pauses after a 429 and retries do follow the injected clock.

func (r Rates) global() *rate.Limiter {
	return rate.NewLimiter(rate.Limit(r.GlobalPerSecond*headroom), globalBurst)
}

func (r Rates) chat(chatType string) *rate.Limiter {
	switch chatType {
	case "group", "supergroup", "channel":
		return rate.NewLimiter(rate.Limit(r.GroupPerMinute*headroom/60), groupBurst)
	default:
		return rate.NewLimiter(rate.Limit(r.ChatPerSecond*headroom), privateBurst)
	}
}

// chatState is what the sender remembers of one chat between messages.
type chatState struct {
	lim      *rate.Limiter
	inFlight bool
	until    time.Time // a 429 holds the chat until then (injected clock)
	done     time.Time // when its last delivery ended (real time)
}

// idle reports whether forgetting the chat loses nothing: no send in flight,
// no pause, a full bucket and no delivery within the last minute.
func (c *chatState) idle(now, real time.Time) bool {
	return !c.inFlight && !c.until.After(now) && c.lim.Tokens() >= float64(c.lim.Burst()) && real.Sub(c.done) > time.Minute
}

// ceilSecond rounds t up to a whole second: the outbox stores seconds, and a
// retry_after must never be cut short.
func ceilSecond(t time.Time) time.Time {
	if r := t.Truncate(time.Second); !r.Equal(t) {
		return r.Add(time.Second)
	}
	return t
}
