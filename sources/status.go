package sources

import (
	"context"
	"fmt"
	"time"

	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/news"
)

// Health is how a source's fetches go.
type Health int

// The healths of a source.
const (
	Unfetched Health = iota // not fetched yet
	Healthy                 // its last fetch succeeded
	Failing                 // its last Failures fetches failed, or (Failures 0) the database refused its last; LastError says why
	Retired                 // no longer in the configuration: kept with its articles, not fetched
)

// Status is a source with its health.
type Status struct {
	news.Source // LastFetchAt, Failures and LastError tell the last fetch
	Health      Health
	// NextFetch is when the source is fetched next: its NextFetchAt, now
	// when that is past, clamped to now plus its Interval when further
	// ahead (a clock stepped back); for a source never fetched, the
	// schedule's next run (zero when unknown); zero for a retired source.
	// Interval and IntervalReason (of Source) say how often and why.
	NextFetch time.Time
}

// List returns every source with its health, ordered as the store lists
// them. It fails with the store's error.
func (s *Service) List(ctx context.Context) ([]Status, error) {
	srcs, err := s.opts.Store.ListSources(ctx)
	if err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	now := s.opts.Now()
	out := make([]Status, len(srcs))
	for i, src := range srcs {
		out[i] = status(now, src, s.opts.NextPoll)
	}
	return out, nil
}

func status(now time.Time, src news.Source, nextPoll func(time.Time) time.Time) Status {
	st := Status{Source: src}
	switch {
	case src.Origin == news.OriginRetired:
		st.Health = Retired
		return st
	case src.LastFetchAt.IsZero():
		st.Health = Unfetched
	case src.Failures > 0, src.LastError != "": // a failure to store is the database's: no count
		st.Health = Failing
	default:
		st.Health = Healthy
	}
	switch {
	case !src.NextFetchAt.IsZero():
		st.NextFetch = feeds.DueAt(src, now)
	case nextPoll != nil:
		st.NextFetch = nextPoll(now)
	}
	return st
}

// StatusOf returns src with its health as of now, as List does (a source
// never fetched has no NextFetch here).
func StatusOf(now time.Time, src news.Source) Status { return status(now, src, nil) }
