package feeds

import (
	"container/heap"
	"net/url"
	"strings"
	"time"

	"github.com/newshound/newshound/news"
)

// queue holds every source the poller fetches, each due at its own time,
// and hands out the most overdue one whose host may be fetched: fewer than
// perHost fetches of that host running, and gap since its last fetch began.
// Sources wait in one heap per host, and hosts in a heap keyed by when
// their first source may go, so that taking the next source costs O(log n)
// however many sources share a host. It is not safe for concurrent use: the
// poller's dispatcher owns it.
type queue struct {
	perHost int
	gap     time.Duration
	byID    map[int64]*slot
	hosts   map[string]*host
	ready   hostHeap
	// busy holds the fetches running that count against their host's
	// perHost (see slowed).
	busy map[*slot]bool
}

// slot is one source in the queue.
type slot struct {
	src     news.Source
	host    *host
	due     time.Time
	index   int  // in host.waiting; -1 while running or gone
	running bool // handed out, not done yet
	gone    bool // removed while running: not queued again
	started time.Time
	slow    bool // running past SlowAfter, no longer counted against its host's perHost (slowed)
}

// host is the sources of one host name (and port).
type host struct {
	name      string
	waiting   slotHeap
	running   int // fetches counted against perHost
	slow      int // fetches running past SlowAfter, counted apart (slowed)
	lastStart time.Time
	sources   int
	key       time.Time // when its first waiting source may go
	index     int       // in queue.ready; -1 when not there
	warned    bool      // its crowding was logged
}

func newQueue(perHost int, gap time.Duration) *queue {
	return &queue{perHost: max(perHost, 1), gap: max(gap, 0), byID: map[int64]*slot{}, hosts: map[string]*host{}, busy: map[*slot]bool{}}
}

// hostOf is the politeness key of a feed URL: its host and port, lower case.
func hostOf(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		return strings.ToLower(u.Host)
	}
	return raw
}

// put adds a source due at due, or updates the one it holds: its data
// unless a worker is fetching it (the worker reads it; its report brings
// the source back as the fetch left it), its due time when due is not zero
// and it waits.
func (q *queue) put(src news.Source, due time.Time) {
	if s, ok := q.byID[src.ID]; ok {
		if s.running {
			return
		}
		s.src = src
		if s.index >= 0 && !due.IsZero() {
			s.due = due
			heap.Fix(&s.host.waiting, s.index)
			q.refresh(s.host)
		}
		return
	}
	name := hostOf(src.URL)
	h := q.hosts[name]
	if h == nil {
		h = &host{name: name, index: -1}
		q.hosts[name] = h
	}
	h.sources++
	s := &slot{src: src, host: h, due: due, index: -1}
	q.byID[src.ID] = s
	heap.Push(&h.waiting, s)
	q.refresh(h)
}

// has reports whether the queue holds the source.
func (q *queue) has(id int64) bool { _, ok := q.byID[id]; return ok }

// remove takes a source out; one running is not queued again when done.
func (q *queue) remove(id int64) {
	s, ok := q.byID[id]
	if !ok {
		return
	}
	delete(q.byID, id)
	s.host.sources--
	if s.running {
		s.gone = true
		return
	}
	heap.Remove(&s.host.waiting, s.index)
	q.refresh(s.host)
	q.forget(s.host)
}

// next hands out the source to fetch now, marking it running; or, when
// none may go yet, returns nil and when one may (zero: none waits).
func (q *queue) next(now time.Time) (*slot, time.Time) {
	if len(q.ready) == 0 {
		return nil, time.Time{}
	}
	h := q.ready[0]
	if h.key.After(now) {
		return nil, h.key
	}
	s := heap.Pop(&h.waiting).(*slot)
	s.running, s.started = true, now
	h.running++
	h.lastStart = now
	q.busy[s] = true
	q.refresh(h)
	return s, now
}

// slowPerHost is how many fetches of one host, per perHost, may run past
// SlowAfter without counting against perHost (see slowed).
const slowPerHost = 3

// slowed lets the fetches running since after before now stop counting
// against their host's perHost, while fewer than slowPerHost × perHost of
// that host's fetches have: a source that drips its feed for a minute no
// longer holds the other sources of its host for that minute (one slow
// feed of a shared host delayed every other feed's alerts there), and a
// host whose every fetch hangs still gets at most (1 + slowPerHost) ×
// perHost requests at once, gap apart (a hanging request costs its server
// a socket, not work). It returns when the next fetch counted against its
// host turns slow (zero: none runs).
func (q *queue) slowed(now time.Time, after time.Duration) time.Time {
	var next time.Time
	for s := range q.busy {
		at := s.started.Add(after)
		if at.After(now) {
			if next.IsZero() || at.Before(next) {
				next = at
			}
			continue
		}
		h := s.host
		if h.slow >= slowPerHost*q.perHost {
			continue // the host's slow fetches are at their most: it counts on
		}
		delete(q.busy, s)
		s.slow = true
		h.running--
		h.slow++
		q.refresh(h)
	}
	return next
}

// done takes back a source handed out by next, due again at due.
func (q *queue) done(s *slot, due time.Time) {
	s.running = false
	if s.slow {
		s.slow = false
		s.host.slow--
	} else {
		delete(q.busy, s)
		s.host.running--
	}
	if !s.gone {
		s.due = due
		heap.Push(&s.host.waiting, s)
	}
	q.refresh(s.host)
	q.forget(s.host)
}

// len is the number of sources queued or running.
func (q *queue) len() int { return len(q.byID) }

// refresh puts a host in the ready heap at its key, or out of it while it
// runs its most or has nothing waiting.
func (q *queue) refresh(h *host) {
	if h.running >= q.perHost || len(h.waiting) == 0 {
		if h.index >= 0 {
			heap.Remove(&q.ready, h.index)
		}
		return
	}
	key := h.waiting[0].due
	if !h.lastStart.IsZero() {
		if free := h.lastStart.Add(q.gap); free.After(key) {
			key = free
		}
	}
	h.key = key
	if h.index >= 0 {
		heap.Fix(&q.ready, h.index)
		return
	}
	heap.Push(&q.ready, h)
}

// forget drops a host left with no source and nothing running.
func (q *queue) forget(h *host) {
	if h.sources == 0 && h.running == 0 && len(h.waiting) == 0 {
		if h.index >= 0 {
			heap.Remove(&q.ready, h.index)
		}
		delete(q.hosts, h.name)
	}
}

// crowded returns the hosts that carry so many sources that, one fetch per
// gap, they cannot all be fetched within every: each is returned once.
func (q *queue) crowded(every time.Duration) []*host {
	if q.gap <= 0 {
		return nil
	}
	var out []*host
	for _, h := range q.hosts {
		if !h.warned && time.Duration(h.sources)*q.gap > every*time.Duration(q.perHost) {
			h.warned = true
			out = append(out, h)
		}
	}
	return out
}

// slotHeap orders a host's waiting sources by due time, then id.
type slotHeap []*slot

func (h slotHeap) Len() int { return len(h) }
func (h slotHeap) Less(i, j int) bool {
	if !h[i].due.Equal(h[j].due) {
		return h[i].due.Before(h[j].due)
	}
	return h[i].src.ID < h[j].src.ID
}
func (h slotHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i]; h[i].index = i; h[j].index = j }
func (h *slotHeap) Push(x any)   { s := x.(*slot); s.index = len(*h); *h = append(*h, s) }
func (h *slotHeap) Pop() any {
	old := *h
	s := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	s.index = -1
	return s
}

// hostHeap orders hosts by when their first waiting source may go.
type hostHeap []*host

func (h hostHeap) Len() int { return len(h) }
func (h hostHeap) Less(i, j int) bool {
	if !h[i].key.Equal(h[j].key) {
		return h[i].key.Before(h[j].key)
	}
	return h[i].name < h[j].name
}
func (h hostHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i]; h[i].index = i; h[j].index = j }
func (h *hostHeap) Push(x any)   { o := x.(*host); o.index = len(*h); *h = append(*h, o) }
func (h *hostHeap) Pop() any {
	old := *h
	o := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	o.index = -1
	return o
}
