package feeds

import (
	"fmt"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

func src(id int64, url string) news.Source {
	return news.Source{ID: id, Name: fmt.Sprint(id), URL: url}
}

// take hands out what is due at now, in order, and returns the ids.
func take(q *queue, now time.Time) (ids []int64, held []*slot) {
	for {
		s, _ := q.next(now)
		if s == nil {
			return ids, held
		}
		ids = append(ids, s.src.ID)
		held = append(held, s)
	}
}

func TestQueueHandsOutDueSourcesInDueOrder(t *testing.T) {
	q := newQueue(1, 0)
	q.put(src(1, "https://a.example/feed"), testNow.Add(3*time.Minute))
	q.put(src(2, "https://b.example/feed"), testNow.Add(1*time.Minute))
	q.put(src(3, "https://c.example/feed"), testNow.Add(2*time.Minute))
	q.put(src(4, "https://d.example/feed"), testNow.Add(time.Hour))

	if s, wake := q.next(testNow); s != nil || !wake.Equal(testNow.Add(time.Minute)) {
		t.Fatalf("before anything is due: got %v, wake %v; want nothing until %v", s, wake, testNow.Add(time.Minute))
	}
	ids, held := take(q, testNow.Add(5*time.Minute))
	if fmt.Sprint(ids) != "[2 3 1]" {
		t.Fatalf("handed out %v, want [2 3 1] (due order, the one not due left)", ids)
	}
	// A source done is due again at its own time; the others keep theirs.
	q.done(held[0], testNow.Add(4*time.Minute))
	q.done(held[1], testNow.Add(90*time.Minute))
	q.done(held[2], testNow.Add(10*time.Minute))
	ids, _ = take(q, testNow.Add(70*time.Minute))
	if fmt.Sprint(ids) != "[2 1 4]" {
		t.Fatalf("second round handed out %v, want [2 1 4]", ids)
	}
	if q.len() != 4 {
		t.Fatalf("queue holds %d sources, want 4", q.len())
	}
}

func TestQueueIsPolitePerHost(t *testing.T) {
	gap := 10 * time.Second
	q := newQueue(1, gap)
	for id := int64(1); id <= 3; id++ {
		q.put(src(id, fmt.Sprintf("https://news.example/feed/%d", id)), testNow)
	}
	q.put(src(9, "https://other.example/feed"), testNow)

	ids, held := take(q, testNow)
	if fmt.Sprint(ids) != "[1 9]" {
		t.Fatalf("handed out %v, want one source of news.example and the other host's", ids)
	}
	// Done, but the host's gap since its last start holds the next back.
	q.done(held[0], testNow.Add(time.Hour))
	if s, wake := q.next(testNow.Add(time.Second)); s != nil || !wake.Equal(testNow.Add(gap)) {
		t.Fatalf("inside the gap: got %v, wake %v; want nothing until %v", s, wake, testNow.Add(gap))
	}
	ids, held = take(q, testNow.Add(gap))
	if fmt.Sprint(ids) != "[2]" {
		t.Fatalf("after the gap handed out %v, want [2]", ids)
	}
	// Running: even after the gap, no second fetch of the host at once.
	if ids, _ := take(q, testNow.Add(time.Minute)); len(ids) != 0 {
		t.Fatalf("handed out %v while the host's one fetch runs", ids)
	}
	q.done(held[0], testNow.Add(time.Hour))
	if ids, _ := take(q, testNow.Add(time.Minute)); fmt.Sprint(ids) != "[3]" {
		t.Fatalf("handed out %v, want [3]", ids)
	}

	two := newQueue(2, 0)
	for id := int64(1); id <= 3; id++ {
		two.put(src(id, fmt.Sprintf("https://news.example/feed/%d", id)), testNow)
	}
	if ids, _ := take(two, testNow); len(ids) != 2 {
		t.Fatalf("per_host 2 handed out %v, want two sources", ids)
	}
}

func TestQueueRemovesWaitingAndRunningSources(t *testing.T) {
	q := newQueue(1, 0)
	q.put(src(1, "https://a.example/1"), testNow)
	q.put(src(2, "https://a.example/2"), testNow)
	s, _ := q.next(testNow)
	q.remove(s.src.ID) // running: not queued again when done
	q.remove(2)        // waiting
	q.done(s, testNow)
	if ids, _ := take(q, testNow.Add(time.Hour)); len(ids) != 0 || q.len() != 0 || len(q.hosts) != 0 {
		t.Fatalf("after removal: handed out %v, %d queued, %d hosts", ids, q.len(), len(q.hosts))
	}
}

// Thousands of sources on one host: one at a time, gap apart, each in
// turn (none starves), cheap to take, and the crowding reported once.
func TestQueueThousandsOfSourcesOnOneHost(t *testing.T) {
	const n = 5000
	q := newQueue(1, time.Second)
	for id := int64(1); id <= n; id++ {
		q.put(src(id, fmt.Sprintf("https://big.example/%d", id)), testNow)
	}
	q.put(src(n+1, "https://small.example/feed"), testNow.Add(time.Minute))
	if got := q.crowded(time.Hour); len(got) != 1 || got[0].name != "big.example" {
		t.Fatalf("crowded hosts %v, want big.example", got)
	}
	if got := q.crowded(time.Hour); len(got) != 0 {
		t.Fatalf("crowding reported twice")
	}
	now := testNow
	seen := map[int64]bool{}
	for i := 0; i < 2*n; i++ {
		s, wake := q.next(now)
		if s == nil {
			now = wake
			continue
		}
		if s.src.ID != n+1 {
			if seen[s.src.ID] {
				t.Fatalf("source %d fetched twice before source of the host were all fetched", s.src.ID)
			}
			seen[s.src.ID] = true
		}
		q.done(s, now.Add(10*time.Hour))
		if len(seen) == n {
			break
		}
	}
	if len(seen) != n {
		t.Fatalf("%d of %d sources fetched", len(seen), n)
	}
	if took := now.Sub(testNow); took < (n-1)*time.Second {
		t.Fatalf("the host's %d sources were fetched within %s: closer than one a second", n, took)
	}
}
