package feeds

import (
	"context"
	"errors"
	"time"

	"github.com/newshound/newshound/news"
)

// RetryGap is how soon after its last try a restart tries again a source
// backing off after failed fetches: a source backed off for hours is taken
// up again at start once its last try is RetryGap old, and a restart loop
// (a crashing host, systemd's Restart=) tries a dead host at most once per
// RetryGap.
const RetryGap = 10 * time.Minute

// FetchNowGap is the least time between the start of a source's last fetch
// and one that FetchNow asks for: a chat pressing it again and again
// fetches a site at most once a minute.
const FetchNowGap = time.Minute

// The errors FetchNow fails with.
var (
	// ErrNotScheduled: Run is not running, or does not hold the source
	// (retired, removed, or added since its last look at the sources).
	ErrNotScheduled = errors.New("source not scheduled")
	// ErrTooSoon: the source's last fetch began less than FetchNowGap ago.
	ErrTooSoon = errors.New("source fetched moments ago")
)

// Fetching is a fetch FetchNow asked for.
type Fetching struct {
	// At is when the fetch goes (a host's politeness may hold it a little
	// longer); for ErrTooSoon, when FetchNow may ask again.
	At time.Time
	// Running is true when the source was being fetched already: Done
	// reports that fetch.
	Running bool
	// Done receives the source as the fetch left it, then closes; it
	// closes without a value when Run stops first or the source is removed.
	Done <-chan news.Source
}

// fetchAsk is FetchNow's request to Run's dispatcher.
type fetchAsk struct {
	id    int64
	reply chan fetchAnswer // buffered: the dispatcher never waits on it
}

type fetchAnswer struct {
	f   Fetching
	err error
}

// runLine is how FetchNow reaches the dispatcher of the Run in progress.
type runLine struct {
	asks  chan fetchAsk
	holds chan holdAsk  // Scheduled's: when a host's politeness lets a source go
	done  chan struct{} // closed when the dispatcher is gone
}

// FetchNow asks Run to fetch a source now, ahead of its schedule or its
// backoff, within the host's politeness as any fetch. It fails with
// ErrNotScheduled when Run is not running or does not hold the source,
// with ErrTooSoon (Fetching.At saying when it may ask again) when the
// source's last fetch began less than FetchNowGap ago and none runs, and
// with ctx's error when ctx ends before Run answers.
func (p *Poller) FetchNow(ctx context.Context, id int64) (Fetching, error) {
	line := p.line.Load()
	if line == nil {
		return Fetching{}, ErrNotScheduled
	}
	ask := fetchAsk{id: id, reply: make(chan fetchAnswer, 1)}
	select {
	case line.asks <- ask:
	case <-line.done:
		return Fetching{}, ErrNotScheduled
	case <-ctx.Done():
		return Fetching{}, ctx.Err()
	}
	select {
	case a := <-ask.reply:
		return a.f, a.err
	case <-line.done:
		return Fetching{}, ErrNotScheduled
	case <-ctx.Done():
		return Fetching{}, ctx.Err()
	}
}

// waiters are the Done channels of the fetches FetchNow asked for, by
// source id; only the dispatcher touches them.
type waiters map[int64][]chan news.Source

// answer handles one FetchNow request; at is the queue's clock now.
func (p *Poller) answer(q *queue, w waiters, ask fetchAsk, at time.Time) {
	s, ok := q.byID[ask.id]
	if !ok {
		ask.reply <- fetchAnswer{err: ErrNotScheduled}
		return
	}
	now := p.opts.Now()
	if !s.running {
		if last := s.src.LastFetchAt; !last.IsZero() && now.Sub(last) < FetchNowGap && !last.After(now) {
			ask.reply <- fetchAnswer{f: Fetching{At: last.Add(FetchNowGap)}, err: ErrTooSoon}
			return
		}
		q.ahead(s.src, at)
		p.due.Store(ask.id, now)
	}
	done := make(chan news.Source, 1)
	w[ask.id] = append(w[ask.id], done)
	ask.reply <- fetchAnswer{f: Fetching{At: now, Running: s.running, Done: done}}
}

// tell gives the waiters of a source the source as its fetch left it
// (gone: removed meanwhile, told nothing) and forgets them.
func (w waiters) tell(src news.Source, gone bool) {
	for _, c := range w[src.ID] {
		if !gone {
			c <- src
		}
		close(c)
	}
	delete(w, src.ID)
}

// closeAll closes every waiter's channel: Run stops.
func (w waiters) closeAll() {
	for id, cs := range w {
		for _, c := range cs {
			close(c)
		}
		delete(w, id)
	}
}

// restartDue returns when a source that enters the queue is due, as of now:
// its DueAt, except that one backing off after failed fetches (not one a
// server asked to wait) is tried once its last try is RetryGap old, so that
// a restart does not leave it for hours.
func restartDue(src news.Source, now time.Time) time.Time {
	due := DueAt(src, now)
	if src.Failures == 0 || !due.After(now) {
		return due
	}
	if r, ok := news.ParseIntervalReason(src.IntervalReason); !ok || r.Kind != news.ReasonBackoff {
		return due
	}
	retry := src.LastFetchAt.Add(RetryGap)
	if src.LastFetchAt.After(now) { // a clock stepped back: the try counts as just now
		retry = now.Add(RetryGap)
	}
	if retry.Before(due) {
		return retry
	}
	return due
}
