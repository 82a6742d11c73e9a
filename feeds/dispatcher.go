package feeds

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newshound/newshound/news"
)

// maxBacklog is how many articles stored by Run's fetches may wait for
// their finish before Run holds further fetches: a first fetch of
// thousands of new sources is then stored and finished as a stream, its
// memory not growing with the backlog.
const maxBacklog = 2000

// startJitter bounds the random delay of each source's first fetch after a
// start, so that a restart does not hit every site in the same instant.
const startJitter = 5 * time.Second

// done is a worker's report of one fetch.
type done struct {
	slot  *slot
	src   news.Source
	wait  time.Duration // until the source is due again
	added int
}

// Run fetches each source at its own time until ctx is done: every source
// not held back by a failure once at start (each after a random delay of up
// to a tenth of its interval, at most startJitter), then each when due. A
// pool of Concurrency workers takes due sources in due order, one host at
// most PerHost at a time and HostGap apart; a fetch running past SlowAfter
// stops counting against Concurrency (slowLane), and against PerHost while
// its host has fewer than PerHost such (queue.slowed), so slow, hanging or
// huge sources delay no other, on their host or elsewhere. After
// each fetch that stored articles, and at each look at the sources (every
// schedule interval, at most a minute apart), the articles left pending
// are finished by one finisher, in the background; the finish after the
// start round is fetched, and the first after each look, count as polls
// (Observer.PollTook). New and removed sources are noticed at those looks.
// While maxBacklog stored articles wait for their finish, no fetch starts.
// A panic in a fetch or a finish is logged and the poller goes on. It
// returns nil once ctx is done and every fetch and finish in progress has
// noticed.
func (p *Poller) Run(ctx context.Context) error {
	p.loadMoved(ctx)
	q := newQueue(p.opts.PerHost, p.opts.HostGap)
	jobs := make(chan *slot)
	results := make(chan done, p.opts.Concurrency)
	kick, drained := p.kick, make(chan struct{}, 1) // kick: Push asks too
	var wg sync.WaitGroup
	lane := newSlowLane(p.opts.Concurrency, p.opts.SlowAfter, func() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.work(ctx, jobs, results, kick)
		}()
	})
	// counted is set when the start round is fetched and at each look: the
	// next finish counts as a poll (Observer.PollTook).
	var counted atomic.Bool
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		p.finisher(ctx, kick, drained, &counted)
	}()
	p.dispatch(ctx, q, lane, jobs, results, kick, drained, &counted)
	close(jobs)
	wg.Wait()
	<-finished
	p.textWG.Wait() // the article pages still being fetched
	p.due.Clear()   // nothing is scheduled once Run is gone
	return nil
}

// dispatch owns the queue: it hands due sources to idle workers, takes
// their reports back and looks at the store's sources now and then.
func (p *Poller) dispatch(ctx context.Context, q *queue, lane *slowLane, jobs chan<- *slot, results <-chan done, kick chan<- struct{}, drained <-chan struct{}, counted *atomic.Bool) {
	look := time.NewTicker(min(p.Interval(), time.Minute))
	defer look.Stop()
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	// The queue runs on the monotonic clock from the injected clock's start:
	// a wall clock that jumps while running moves no source, and a clock
	// that tests freeze still lets time pass here.
	base, began := p.opts.Now(), time.Now()
	mono := func() time.Time { return base.Add(time.Since(began)) }
	line := &runLine{asks: make(chan fetchAsk), holds: make(chan holdAsk), done: make(chan struct{})}
	p.line.Store(line)
	asked := waiters{}
	defer func() {
		p.line.CompareAndSwap(line, nil)
		close(line.done)
		asked.closeAll()
	}()
	round := p.sync(ctx, q, mono()) // the sources due at start, until each is fetched
	roundDone := false
	endRound := func(id int64) {
		delete(round, id)
		if len(round) == 0 && !roundDone {
			roundDone = true
			counted.Store(true)
			signal(kick)
		}
	}
	endRound(0)
	idle := p.opts.Concurrency
	for {
		now := mono()
		idle += lane.promote(now)
		hostSlowAt := q.slowed(now, p.opts.SlowAfter)
		var wake time.Time
		held := p.stored.Load()-p.finished.Load() > maxBacklog // until the finisher drains
		for idle > 0 && !held {
			s, at := q.next(now)
			if s == nil {
				wake = at
				break
			}
			select {
			case jobs <- s:
				idle--
				lane.began(s, now)
			case <-ctx.Done():
				return
			}
		}
		for _, slowAt := range []time.Time{lane.next(), hostSlowAt} {
			if wake.IsZero() || !slowAt.IsZero() && slowAt.Before(wake) {
				wake = slowAt
			}
		}
		wait := time.Hour
		if !wake.IsZero() {
			wait = max(wake.Sub(now), time.Millisecond)
		}
		timer.Reset(wait)
		select {
		case <-ctx.Done():
			return
		case r := <-results:
			if lane.ended(r.slot) {
				idle++
			}
			q.done(r.slot, mono().Add(r.wait))
			if !r.slot.gone {
				p.due.Store(r.slot.src.ID, p.opts.Now().Add(r.wait))
			}
			if r.src.ID != 0 {
				r.slot.src = r.src
			}
			asked.tell(r.slot.src, r.slot.gone)
			endRound(r.slot.src.ID)
		case ask := <-line.asks:
			p.answer(q, asked, ask, mono())
		case ask := <-line.holds:
			p.answerHold(q, ask, mono())
		case <-look.C:
			for id := range round {
				if !q.has(id) {
					endRound(id) // removed before its fetch
				}
			}
			p.sync(ctx, q, mono())
			if roundDone {
				counted.Store(true)
			}
			signal(kick)
		case <-drained:
		case <-timer.C:
		}
	}
}

// sync makes the queue hold the store's sources that are fetched: new ones
// due after a short random delay (at start: every one not held back by a
// failure; one backing off is tried once its last try is RetryGap old,
// see restartDue), retired and removed ones out. It returns the ids of those it
// added due now, and on a failed read logs and keeps the queue as it was.
// at is the queue's clock now.
func (p *Poller) sync(ctx context.Context, q *queue, at time.Time) map[int64]bool {
	srcs, err := p.opts.Store.ListSources(ctx)
	if err != nil {
		if ctx.Err() == nil {
			p.dbLog.Error(p.log, "list sources", "err", err)
		}
		return nil
	}
	now := p.opts.Now()
	keep := make(map[int64]bool, len(srcs))
	added := map[int64]bool{}
	for _, src := range srcs {
		if src.Origin == news.OriginRetired {
			continue
		}
		keep[src.ID] = true
		if q.has(src.ID) {
			q.put(src, time.Time{}) // its data; the queue keeps its time
			continue
		}
		wait := restartDue(src, now).Sub(now) // held back by a failure: its clamped time, or its retry
		if src.Failures == 0 || wait <= 0 {
			every := src.Interval
			if every <= 0 {
				every = p.bounds.base
			}
			wait = time.Duration(p.opts.Rand() * float64(min(every/10, startJitter)))
			added[src.ID] = true
		}
		due := at.Add(wait)
		q.put(src, due)
		p.due.Store(src.ID, now.Add(wait))
	}
	for id := range q.byID {
		if !keep[id] {
			q.remove(id)
			p.due.Delete(id)
		}
	}
	for _, h := range q.crowded(p.bounds.max) {
		p.log.Warn("many sources on one host: fetched one at a time, poller.host_gap apart, they cannot all be fetched within poller.max_interval",
			"host", h.name, "sources", h.sources, "host_gap", p.opts.HostGap, "max_interval", p.bounds.max)
	}
	return added
}

// work fetches the sources handed to it until jobs is closed, reporting
// each, and asks for a finish after a fetch that stored articles.
func (p *Poller) work(ctx context.Context, jobs <-chan *slot, results chan<- done, kick chan<- struct{}) {
	for s := range jobs {
		r := done{slot: s, wait: p.bounds.base}
		func() {
			defer func() {
				if v := recover(); v != nil {
					p.log.Error("fetch panicked", "source", s.src.Name, "panic", v)
				}
			}()
			var due time.Time
			r.src, due, r.added = p.pollSource(ctx, s.src)
			r.wait = due.Sub(p.opts.Now())
		}()
		p.stored.Add(int64(r.added))
		if r.added > 0 || p.unfinished.Load() {
			signal(kick)
		}
		select {
		case results <- r:
		case <-ctx.Done():
		}
	}
}

// finisher finishes the pending articles each time it is kicked, a panic
// logged; a finish begun with counted set counts as a poll.
func (p *Poller) finisher(ctx context.Context, kick <-chan struct{}, drained chan<- struct{}, counted *atomic.Bool) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-kick:
		}
		start, counting, before := time.Now(), counted.Swap(false), p.stored.Load()
		func() {
			defer func() {
				if v := recover(); v != nil {
					p.unfinished.Store(true)
					p.log.Error("finishing articles panicked", "panic", v)
				}
			}()
			if err := p.finish(ctx, false); err != nil {
				p.unfinished.Store(true)
				if ctx.Err() == nil {
					p.dbLog.Error(p.log, "finishing articles failed; tried again at the next fetch", "err", err)
				}
				return
			}
			p.unfinished.Store(false)
			p.finished.Store(max(p.finished.Load(), before)) // only this goroutine writes it
		}()
		if ctx.Err() == nil && counting {
			p.opts.Observer.PollTook(time.Since(start))
		}
		signal(drained)
	}
}

// signal asks without blocking: one request pending is enough.
func signal(c chan<- struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}
