package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/news"
)

// The poller names to the watch (its Observer, see newPoller) a source
// whose every item is new fetch after fetch: /status says which and what
// it means, until the poller says it settled.
func TestStatusNamesASourceMakingUpGuids(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 12, 1, 4, 0, 0, 0, time.UTC)}
	st := &fakeWatchStore{sources: []news.Source{
		{ID: 1, Name: "Calm", Fetches: 3, NextFetchAt: clock.t.Add(time.Minute), Interval: 2 * time.Minute},
		{ID: 2, Name: "Many", Fetches: 9, NextFetchAt: clock.t.Add(time.Minute), Interval: 2 * time.Minute},
	}}
	w := newWatch(st, nopObs{}, nopObs{}, clock.Now)
	var obs feeds.Observer = w
	co, ok := obs.(feeds.ChurnObserver)
	if !ok {
		t.Fatal("the watch hears no churning sources")
	}
	status := func() string {
		s, err := w.Status(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	const line = "Every item new at each of the last fetches: Many; the feed's guids change at every fetch"
	if s := status(); strings.Contains(s, "Every item new") {
		t.Fatalf("status names churning sources before any:\n%s", s)
	}
	co.Churning(2, "Many", true)
	if s := status(); !strings.Contains(s, line) || !strings.Contains(s, "poller.max_items") {
		t.Errorf("status lacks %q:\n%s", line, s)
	}
	co.Churning(2, "Many", false)
	if s := status(); strings.Contains(s, "Every item new") {
		t.Errorf("status still names the source once it settled:\n%s", s)
	}
}
