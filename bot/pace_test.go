package bot

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/newshound/newshound/internal/testkit"
)

// stallClock is a wall clock the test moves by hand; sleepers wake once
// it passes their time, all at once after a jump (a stalled process).
type stallClock struct {
	mu      sync.Mutex
	now     time.Time
	waiting []stallWaiter
}

type stallWaiter struct {
	at time.Time
	ch chan struct{}
}

func (c *stallClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *stallClock) Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	ch := make(chan struct{})
	c.mu.Lock()
	c.waiting = append(c.waiting, stallWaiter{c.now.Add(d), ch})
	c.mu.Unlock()
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (c *stallClock) asleep() int { c.mu.Lock(); defer c.mu.Unlock(); return len(c.waiting) }

// set moves the clock to t and wakes the sleepers whose time has come.
func (c *stallClock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
	keep := c.waiting[:0]
	for _, w := range c.waiting {
		if w.at.After(t) {
			keep = append(keep, w)
			continue
		}
		close(w.ch)
	}
	c.waiting = keep
}

// Eight messages wait their turns of a 48.5/s rate when the process stands
// still for 300 ms: their turns pass meanwhile, and instead of leaving
// together when it runs again (a burst of eight at once, which Telegram
// counts against the limit) each takes a new turn, so they leave a turn
// apart.
func TestTurnsMissedInAStallAreTakenAgain(t *testing.T) {
	start := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	clock := &stallClock{now: start}
	wall := wallClock{now: clock.Now, sleep: clock.Sleep}
	lim := rate.NewLimiter(48.5, 1)
	const n = 8
	var mu sync.Mutex
	var left []time.Time
	missed := 0
	settled := func() bool { mu.Lock(); defer mu.Unlock(); return len(left)+clock.asleep() == n }
	for range n {
		go func() {
			m, err := turn(context.Background(), lim, wall)
			if err != nil {
				t.Error(err)
			}
			mu.Lock()
			left, missed = append(left, clock.Now()), missed+m
			mu.Unlock()
		}()
	}
	testkit.WaitFor(t, "every message to wait for its turn", settled)
	clock.set(start.Add(300 * time.Millisecond)) // the stall ends
	for now := start.Add(300 * time.Millisecond); ; {
		testkit.WaitFor(t, "the messages woken to leave or wait again", settled)
		mu.Lock()
		done := len(left) == n
		mu.Unlock()
		if done {
			break
		}
		now = now.Add(time.Millisecond)
		clock.set(now)
	}
	slices.SortFunc(left, time.Time.Compare)
	for i := 1; i < n; i++ {
		if gap := left[i].Sub(left[i-1]); gap < 20*time.Millisecond {
			t.Errorf("messages %d and %d left %s apart, want a turn (20.6 ms) at least: %v", i-1, i, gap, left)
		}
	}
	if missed == 0 {
		t.Error("no turn was missed in the stall")
	}
}
