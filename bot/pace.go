package bot

import (
	"context"
	"time"

	"golang.org/x/time/rate"
)

// minLateness is the least lateness that makes a message take a new turn of
// the global rate (see turn): timers and the scheduler are a few
// milliseconds late as a rule.
const minLateness = 10 * time.Millisecond

// wallClock is real time, and a sleep on it, for the global rate's turns;
// tests stand a clock that jumps (a stalled process) in for it.
type wallClock struct {
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
}

var realWall = wallClock{now: time.Now, sleep: sleepFor}

// sleepFor sleeps d, or until ctx is done (its error).
func sleepFor(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// turn waits for a turn of lim and returns how many turns were missed on
// the way. A message that wakes up later than a turn's length after its
// turn (the process stood still: a stall, a busy machine) takes the next
// turn instead of leaving then: all the messages whose turns passed during
// a stall would otherwise leave together, a burst Telegram counts against
// the limit. A turn given back unused costs a little throughput, no more.
// It fails only when stop is done.
func turn(stop context.Context, lim *rate.Limiter, w wallClock) (missed int, err error) {
	slack := minLateness
	if l := lim.Limit(); l != rate.Inf && l > 0 {
		slack = max(slack, time.Duration(float64(time.Second)/float64(l)))
	}
	for {
		now := w.now()
		r := lim.ReserveN(now, 1)
		at := now.Add(r.DelayFrom(now))
		if err := w.sleep(stop, at.Sub(now)); err != nil {
			r.CancelAt(w.now())
			return missed, err
		}
		if w.now().Sub(at) <= slack {
			return missed, nil
		}
		missed++
	}
}
