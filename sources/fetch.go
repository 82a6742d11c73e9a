package sources

import (
	"context"
	"errors"
	"fmt"

	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/news"
)

// Fetching is a fetch FetchNow asked for: when it goes, whether it was
// running already, and Done, which receives the source as the fetch left it.
type Fetching = feeds.Fetching

// Scheduler fetches a source ahead of its schedule; *feeds.Poller is one.
type Scheduler interface {
	FetchNow(ctx context.Context, id int64) (feeds.Fetching, error)
}

// FetchNow asks the poller to fetch the source with that id now, ahead of
// its schedule or its backoff, and returns the source and the fetch (its
// Done reports how it went). It fails with ErrNotFound, ErrRetired for a
// source no longer in the configuration, ErrUnavailable without a
// Scheduler, ErrNotScheduled when the poller does not hold the source yet
// (just added: it takes it up within a minute) or does not run, ErrTooSoon
// (the Fetching's At saying when to ask again) when it was fetched less
// than feeds.FetchNowGap ago, and with the store's or ctx's error otherwise.
func (s *Service) FetchNow(ctx context.Context, id int64) (news.Source, feeds.Fetching, error) {
	src, err := s.opts.Store.FindSource(ctx, id)
	if err != nil {
		return news.Source{}, feeds.Fetching{}, notFound(fmt.Sprintf("source %d", id), err)
	}
	switch {
	case src.Origin == news.OriginRetired:
		return src, feeds.Fetching{}, fmt.Errorf("source %d: %w", id, ErrRetired)
	case s.opts.Scheduler == nil:
		return src, feeds.Fetching{}, ErrUnavailable
	}
	f, err := s.opts.Scheduler.FetchNow(ctx, id)
	switch {
	case errors.Is(err, feeds.ErrNotScheduled):
		return src, f, fmt.Errorf("source %d: %w", id, ErrNotScheduled)
	case errors.Is(err, feeds.ErrTooSoon):
		return src, f, fmt.Errorf("source %d: %w", id, ErrTooSoon)
	case err != nil:
		return src, f, fmt.Errorf("fetch source %d now: %w", id, err)
	}
	return src, f, nil
}
