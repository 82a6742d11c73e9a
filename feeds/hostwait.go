package feeds

import (
	"time"

	"github.com/newshound/newshound/news"
)

// holdAsk is Scheduled's request to Run's dispatcher: when the host's
// politeness lets the source go.
type holdAsk struct {
	id    int64
	reply chan time.Time // buffered: the dispatcher never waits on it
}

// heldUntil returns the earliest time the host's politeness lets a waiting
// source go, on the queue's clock: the host takes one fetch a gap, so a
// source waits for when its host is free (its last fetch's start plus gap,
// or its first waiting source's due time) and one gap more for each source of
// its host waiting ahead of it. It returns zero for a source that runs, is
// not held or not queued, or when there is no gap. A lower bound: fetches
// slower than the gap, with per_host of them running, hold it longer.
func (q *queue) heldUntil(id int64) time.Time {
	s, ok := q.byID[id]
	if !ok || s.running || s.index < 0 || q.gap <= 0 {
		return time.Time{}
	}
	h := s.host
	free := h.waiting[0].due
	if !h.lastStart.IsZero() && h.lastStart.Add(q.gap).After(free) {
		free = h.lastStart.Add(q.gap)
	}
	ahead := 0
	for i := range h.waiting {
		if i != s.index && h.waiting.Less(i, s.index) {
			ahead++
		}
	}
	return free.Add(time.Duration(ahead) * q.gap)
}

// hostHold asks the dispatcher of the Run in progress when the host's
// politeness lets the source go, on the injected clock; false when no Run
// answers or the source is not held.
func (p *Poller) hostHold(id int64) (time.Time, bool) {
	line := p.line.Load()
	if line == nil {
		return time.Time{}, false
	}
	ask := holdAsk{id: id, reply: make(chan time.Time, 1)}
	select {
	case line.holds <- ask:
	case <-line.done:
		return time.Time{}, false
	}
	select {
	case at := <-ask.reply:
		return at, !at.IsZero()
	case <-line.done:
		return time.Time{}, false
	}
}

// answerHold answers one holdAsk; at is the queue's clock now.
func (p *Poller) answerHold(q *queue, ask holdAsk, at time.Time) {
	held := q.heldUntil(ask.id)
	if held.IsZero() || !held.After(at) {
		ask.reply <- time.Time{}
		return
	}
	ask.reply <- p.opts.Now().Add(held.Sub(at))
}

// ahead puts a source first in its host's line, due at the latest at at: a
// fetch asked for now (FetchNow) goes at its host's next turn, not behind
// every overdue source of a crowded host ("fetching now" took minutes with
// 177 feeds on one host). A source not queued is put as put would.
func (q *queue) ahead(src news.Source, at time.Time) {
	due := at
	if s, ok := q.byID[src.ID]; ok && s.index >= 0 {
		if first := s.host.waiting[0]; first != s && !first.due.After(due) {
			due = first.due.Add(-time.Nanosecond)
		}
	}
	q.put(src, due)
}
