package telegramtest

import (
	"fmt"
	"math"
	"strconv"
	"sync"
	"time"
)

// Limits are the flood limits an Enforcer applies to messages (sendMessage
// and editMessageText), modelled on Telegram's published ones:
//   - all chats together: a token bucket (rate per second, burst);
//   - one private chat (positive id): a token bucket;
//   - one group, supergroup or channel (negative id): at most GroupPerMinute
//     messages in any sliding minute, the literal reading of "20 per minute".
type Limits struct {
	GlobalPerSecond float64
	GlobalBurst     int
	ChatPerSecond   float64
	ChatBurst       int
	GroupPerMinute  int
	// Messages sent with allow_paid_broadcast draw on a bucket of their own
	// instead of the global one: Telegram lets a bot pay (in Stars) for up
	// to 1000 messages a second. The per-chat limits still apply.
	PaidPerSecond float64
	PaidBurst     int
}

// TelegramLimits are Telegram's limits as this fake models them: 30
// messages a second with a burst of 5, 1 a second per private chat with a
// burst of 3, 20 in any minute per group. Telegram publishes the rates but
// not the bursts; these are guesses on the strict side.
func TelegramLimits() Limits {
	return Limits{GlobalPerSecond: 30, GlobalBurst: 5, ChatPerSecond: 1, ChatBurst: 3, GroupPerMinute: 20, PaidPerSecond: 1000, PaidBurst: 100}
}

// EnforcerStats counts what an Enforcer saw.
type EnforcerStats struct {
	Accepted          int
	Rejected          int // 429s answered
	RejectedChat      int // of which for one chat's limit
	First429, Last429 time.Time
}

// Enforcer answers 429 with a retry_after to messages beyond its Limits.
// Plug it in with Server.Inject(e.Check). Only accepted messages use up
// the budget. Latency, when set, delays every accepted answer, as a real
// server far away would.
type Enforcer struct {
	limits  Limits
	latency time.Duration
	now     func() time.Time

	mu     sync.Mutex
	global *bucket
	paid   *bucket // for allow_paid_broadcast messages; nil: they count as free ones
	chats  map[int64]*bucket
	groups map[int64][]time.Time
	stats  EnforcerStats
}

// NewEnforcer returns an Enforcer of limits; latency may be 0.
func NewEnforcer(limits Limits, latency time.Duration) *Enforcer {
	var paid *bucket
	if limits.PaidPerSecond > 0 {
		paid = newBucket(limits.PaidPerSecond, max(limits.PaidBurst, 1), time.Now())
	}
	return &Enforcer{
		paid:    paid,
		limits:  limits,
		latency: latency,
		now:     time.Now,
		global:  newBucket(limits.GlobalPerSecond, limits.GlobalBurst, time.Now()),
		chats:   map[int64]*bucket{},
		groups:  map[int64][]time.Time{},
	}
}

// Check is the injector: nil or a delay for a message within the limits,
// a 429 beyond them. Other methods pass.
func (e *Enforcer) Check(c Call) *Reply {
	if c.Method != "sendMessage" && c.Method != "editMessageText" {
		return nil
	}
	chatID, _ := strconv.ParseInt(c.Params.Get("chat_id"), 10, 64)
	e.mu.Lock()
	defer e.mu.Unlock()
	now := e.now()
	wait, chatLimit := e.chatWait(chatID, now)
	global := e.global
	if e.paid != nil && c.Params.Get("allow_paid_broadcast") == "true" {
		global = e.paid
	}
	if g := global.wait(now); g > wait {
		wait, chatLimit = g, false
	}
	if wait > 0 {
		e.stats.Rejected++
		if chatLimit {
			e.stats.RejectedChat++
		}
		if e.stats.First429.IsZero() {
			e.stats.First429 = now
		}
		e.stats.Last429 = now
		secs := max(1, int(math.Ceil(wait.Seconds())))
		return &Reply{Code: 429, Description: fmt.Sprintf("Too Many Requests: retry after %d", secs), RetryAfter: secs}
	}
	global.take()
	e.takeChat(chatID, now)
	e.stats.Accepted++
	if e.latency > 0 {
		return &Reply{Delay: e.latency}
	}
	return nil
}

// Stats returns the counts so far.
func (e *Enforcer) Stats() EnforcerStats {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.stats
}

// chatWait is how long the chat must wait for one more message, and
// whether the chat (rather than nothing) sets it.
func (e *Enforcer) chatWait(chatID int64, now time.Time) (time.Duration, bool) {
	if chatID < 0 {
		ts := e.prune(chatID, now)
		if len(ts) < e.limits.GroupPerMinute {
			return 0, false
		}
		return ts[0].Add(time.Minute).Sub(now), true
	}
	b := e.chats[chatID]
	if b == nil {
		return 0, false
	}
	w := b.wait(now)
	return w, w > 0
}

func (e *Enforcer) takeChat(chatID int64, now time.Time) {
	if chatID < 0 {
		e.groups[chatID] = append(e.prune(chatID, now), now)
		return
	}
	b := e.chats[chatID]
	if b == nil {
		b = newBucket(e.limits.ChatPerSecond, e.limits.ChatBurst, now)
		e.chats[chatID] = b
	}
	b.wait(now)
	b.take()
}

// prune drops a group's sends older than a minute.
func (e *Enforcer) prune(chatID int64, now time.Time) []time.Time {
	ts := e.groups[chatID]
	i := 0
	for i < len(ts) && !ts[i].After(now.Add(-time.Minute)) {
		i++
	}
	ts = ts[i:]
	e.groups[chatID] = ts
	return ts
}

// bucket is a token bucket that starts full.
type bucket struct {
	rate, burst, tokens float64
	last                time.Time
}

func newBucket(rate float64, burst int, now time.Time) *bucket {
	return &bucket{rate: rate, burst: float64(burst), tokens: float64(burst), last: now}
}

// wait refills the bucket to now and returns how long until it holds a token.
func (b *bucket) wait(now time.Time) time.Duration {
	if now.After(b.last) {
		b.tokens = min(b.burst, b.tokens+now.Sub(b.last).Seconds()*b.rate)
		b.last = now
	}
	if b.tokens >= 1 {
		return 0
	}
	return time.Duration((1 - b.tokens) / b.rate * float64(time.Second))
}

func (b *bucket) take() { b.tokens-- }
