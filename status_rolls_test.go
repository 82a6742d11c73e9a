package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// A source the poller hurries (its feed dropped items unseen between
// fetches: news.ReasonRolls, kept with its interval) is named by /status,
// from the database: a restart keeps it named; it is no longer once its
// reason is another.
func TestStatusNamesTheHurriedSources(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 12, 1, 4, 0, 0, 0, time.UTC)}
	rolls := news.IntervalReason{Kind: news.ReasonRolls, Span: time.Hour}.Encode()
	st := &fakeWatchStore{sources: []news.Source{
		{ID: 1, Name: "Calm", Fetches: 3, NextFetchAt: clock.t.Add(time.Minute), Interval: time.Hour},
		{ID: 2, Name: "Short", Fetches: 9, NextFetchAt: clock.t.Add(time.Minute), Interval: 15 * time.Minute, IntervalReason: rolls},
		{ID: 3, Name: "Gone", Fetches: 9, Origin: news.OriginRetired, Interval: 15 * time.Minute, IntervalReason: rolls},
	}}
	w := newWatch(st, nopObs{}, nopObs{}, clock.Now)
	s, err := w.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	const line = "Fetched more often, their feeds dropping unseen items between fetches: Short ("
	if !strings.Contains(s, line) {
		t.Errorf("status lacks %q:\n%s", line, s)
	}
	st.sources[1].IntervalReason = news.IntervalReason{Kind: news.ReasonSchedule}.Encode()
	if s, _ := w.Status(context.Background()); strings.Contains(s, "Fetched more often") {
		t.Errorf("status still names a source no longer hurried:\n%s", s)
	}
}
