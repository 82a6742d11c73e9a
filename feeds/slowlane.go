package feeds

import (
	"sync"
	"time"
)

// defaultSlowAfter is Options.SlowAfter's default: a healthy feed answers
// within a second or two, so a fetch still running after 5 s is a slow
// source's (a trickle, a hang, a resolver that does not answer).
const defaultSlowAfter = 5 * time.Second

// slowLane lets the fetches that run past SlowAfter stop counting against
// Concurrency: each one that turns slow frees its place in the pool for
// another source, and a worker is started in its stead, so that slow
// sources, however many up to the lane's size, hold back no other source
// (ten hanging sources against eight workers held every worker until the
// fetch timeout). The lane holds at most max slow fetches (4 ×
// Concurrency, at least 16): past that, when a whole network hangs, further
// slow fetches keep their places, and sockets and goroutines stay bounded.
// Per-host politeness counts a slow fetch apart (queue.slowed). The dispatcher owns
// it: it is not safe for concurrent use.
type slowLane struct {
	after   time.Duration
	max     int                 // the most slow fetches at once
	base    int                 // Concurrency: the workers started at first
	workers int                 // worker goroutines started
	running map[*slot]time.Time // fetches counted against Concurrency: when each began
	slow    map[*slot]bool      // fetches that turned slow, still running
	spawn   func()              // starts one more worker
}

func newSlowLane(concurrency int, after time.Duration, spawn func()) *slowLane {
	for range concurrency {
		spawn()
	}
	return &slowLane{after: after, max: slowLaneMax(concurrency), base: concurrency, workers: concurrency,
		running: map[*slot]time.Time{}, slow: map[*slot]bool{}, spawn: spawn}
}

// began notes a fetch handed to a worker at at.
func (l *slowLane) began(s *slot, at time.Time) { l.running[s] = at }

// ended takes a fetch back and reports whether it counted against
// Concurrency (its place in the pool is free again); one that had turned
// slow freed its place then.
func (l *slowLane) ended(s *slot) bool {
	if l.slow[s] {
		delete(l.slow, s)
		return false
	}
	delete(l.running, s)
	return true
}

// promote turns the fetches running for SlowAfter by now slow while the
// lane has room, starting a worker for each place freed beyond the workers
// started, and returns how many places it freed.
func (l *slowLane) promote(now time.Time) (freed int) {
	for s, at := range l.running {
		if len(l.slow) >= l.max {
			return freed
		}
		if at.Add(l.after).After(now) {
			continue
		}
		delete(l.running, s)
		l.slow[s] = true
		freed++
		if l.workers < l.base+len(l.slow) {
			l.workers++
			l.spawn()
		}
	}
	return freed
}

// next returns when the next fetch may turn slow (zero: none runs, or the
// lane is full).
func (l *slowLane) next() time.Time {
	var next time.Time
	if len(l.slow) >= l.max {
		return next
	}
	for _, at := range l.running {
		if due := at.Add(l.after); next.IsZero() || due.Before(next) {
			next = due
		}
	}
	return next
}

// slowLaneMax is the most slow fetches (of feeds, and apart of article
// pages) that stop counting against concurrency.
func slowLaneMax(concurrency int) int { return max(4*concurrency, 16) }

// slowText returns the release of a page slot just taken (own, its
// source's, and one of textSem): once the page has run for SlowAfter, its
// textSem slot goes back early, while fewer than slowLaneMax pages hold
// theirs so; release gives back what the page still holds.
func (p *Poller) slowText(own chan struct{}) (release func()) {
	var mu sync.Mutex
	state := 0 // 0: holds its textSem slot; 1: gave it back early; 2: released
	timer := time.AfterFunc(p.opts.SlowAfter, func() {
		mu.Lock()
		defer mu.Unlock()
		if state != 0 {
			return
		}
		if p.textSlow.Add(1) > int64(slowLaneMax(p.opts.Concurrency)) {
			p.textSlow.Add(-1)
			return
		}
		state = 1
		<-p.textSem
	})
	return func() {
		timer.Stop()
		mu.Lock()
		switch state {
		case 0:
			<-p.textSem
		case 1:
			p.textSlow.Add(-1)
		}
		state = 2
		mu.Unlock()
		<-own
	}
}
