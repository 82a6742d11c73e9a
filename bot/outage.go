package bot

import (
	"context"
	"time"
)

// An outage of Telegram (every call failing: no answer, 5xx) holds each
// chat's head with a backoff that grows to maxRetryWait, so that the queue
// does not hammer a Telegram that is down. When it comes back, the first
// message it accepts proves it, and the heads held during the outage are
// released at once rather than each waiting out the rest of its backoff:
// the news queued during an hour's outage goes within seconds of the end,
// not minutes. A failure that is not an outage (one message that Telegram
// answers 5xx while the others go) keeps its backoff: a success releases
// only what failed in a run of failures longer than outageMin.

// outageMin is how long calls must have failed, without a success, to
// count as an outage.
const outageMin = 30 * time.Second

// maxOutageHeld bounds the heads remembered for release (one a chat); those
// past it wait out their backoff.
const maxOutageHeld = 10000

// outage is the heads held for the run of failures since Telegram last
// accepted a call; since when it runs is SenderOptions.Reach's.
type outage struct {
	ids map[int64]bool // the heads held for it
}

// heldForOutage notes that message id waits out a backoff for Telegram's
// failure (no answer, 5xx).
func (s *Sender) heldForOutage(id int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.outage.ids == nil {
		s.outage.ids = map[int64]bool{}
	}
	if len(s.outage.ids) < maxOutageHeld {
		s.outage.ids[id] = true
	}
}

// telegramBack is called when Telegram accepted a call: after an outage,
// the heads held for it become due now, and the sender looks again.
func (s *Sender) telegramBack(ctx context.Context) {
	s.mu.Lock()
	since := s.opts.Reach.Answered("send")
	ids := s.outage.ids
	s.outage = outage{}
	s.mu.Unlock()
	now := s.opts.Now()
	if since.IsZero() || now.Sub(since) < outageMin || len(ids) == 0 {
		return
	}
	s.log.Info("telegram answers again; the messages held during its outage go now", "down_for", now.Sub(since).Round(time.Second), "failing_since", since, "chats", len(ids))
	for id := range ids {
		s.record(s.opts.Outbox.DeferMessage(ctx, id, now))
	}
	s.Notify()
}

// FailingSince returns when Telegram's current run of failures (no answer,
// a 5xx, the token refused) began, as SenderOptions.Reach records it; zero
// when none is under way.
func (s *Sender) FailingSince() time.Time {
	since, _, _ := s.opts.Reach.Failing()
	return since
}

// InFlight returns how many messages the sender holds right now, taken from
// the outbox and on their way to Telegram (one per chat at most): still
// pending in the outbox until Telegram accepts them, which a count of what
// waits (/status) leaves out.
func (s *Sender) InFlight() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, c := range s.chats {
		if c.inFlight {
			n++
		}
	}
	return n
}
