package sources

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/idna"

	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/news"
)

// Store is what the Service needs of the database; *store.Store is one.
type Store interface {
	ListSources(ctx context.Context) ([]news.Source, error)
	FindSource(ctx context.Context, id int64) (news.Source, error)
	FindSourceByURL(ctx context.Context, url string) (news.Source, error)
	UpsertSource(ctx context.Context, name, url, origin string) (news.Source, error)
	DeleteSource(ctx context.Context, id int64) error
}

// FeedFinder fetches what chat users point at, through the address guard:
// feed discovery for Add, OPML lists and URL checks for Import.
// *feeds.Discoverer is one.
type FeedFinder interface {
	Discover(ctx context.Context, rawURL string) (feeds.Discovered, error)
	Get(ctx context.Context, rawURL string) (feeds.Page, error)
	Allowed(ctx context.Context, rawURL string) error
}

// Options configures a Service.
type Options struct {
	Store    Store
	Finder   FeedFinder                // nil: Add and Import fail with ErrUnavailable
	Now      func() time.Time          // nil: time.Now
	NextPoll func(time.Time) time.Time // when the poller next runs after a time, for sources never fetched; nil: unknown
	// Scheduler fetches a source now (FetchNow); nil: FetchNow fails with
	// ErrUnavailable.
	Scheduler Scheduler
}

// Service runs the use cases of sources. It is safe for concurrent use.
type Service struct {
	opts Options
}

// NewService returns a Service.
func NewService(opts Options) *Service {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Service{opts: opts}
}

// MaxURL bounds the length of a feed URL that Add or Import accepts.
const MaxURL = 2048

// FeedURL returns the URL a user gave for a feed or a site, with https://
// in front when it names no scheme. A browser's feed mark is read as the
// address it marks: feed:https://x is https://x, feed://x is https://x
// (the mark names no scheme of its own, and https is the one to try).
// It fails with ErrInvalidURL when raw is empty, longer than MaxURL or
// holds white space.
func FeedURL(raw string) (string, error) {
	if raw == "" || len(raw) > MaxURL || strings.ContainsAny(raw, " \n\t") {
		return "", fmt.Errorf("%w: %d bytes", ErrInvalidURL, len(raw))
	}
	raw = withoutFeedMark(raw)
	if raw == "" {
		return "", fmt.Errorf("%w: a feed mark with no address", ErrInvalidURL)
	}
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	return asciiHost(raw), nil
}

// asciiHost writes an internationalized host name of raw in punycode
// (https://пример.рф/rss → https://xn--e1afmkfd.xn--p1ai/rss), the form
// DNS and the source's stored URL use: such an address could not be
// added at all. An address that does not parse, or whose host is not a
// valid name, comes back as it was (the fetch then says why).
func asciiHost(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || isASCII(u.Host) {
		return raw
	}
	host, err := idna.Lookup.ToASCII(u.Hostname())
	if err != nil {
		return raw
	}
	if port := u.Port(); port != "" {
		host = net.JoinHostPort(host, port)
	}
	u.Host = host
	return u.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// withoutFeedMark drops a browser's feed: mark in front of an address,
// whatever its case: feed:https://x and feed:http://x keep their scheme,
// feed://x becomes https://x. Anything else comes back as it was (feed:8080
// may be a host named feed).
func withoutFeedMark(raw string) string {
	if len(raw) < len("feed:") || !strings.EqualFold(raw[:len("feed:")], "feed:") {
		return raw
	}
	rest := raw[len("feed:"):]
	lower := strings.ToLower(rest)
	switch {
	case strings.HasPrefix(lower, "https://"), strings.HasPrefix(lower, "http://"):
		return rest
	case strings.HasPrefix(rest, "//"):
		if rest == "//" {
			return ""
		}
		return "https://" + rest[len("//"):]
	}
	return raw
}

// Added is what Add did.
type Added struct {
	Source news.Source
	New    bool // false: the feed was a source already, left as it was
	Items  int  // items in the feed now
}

// Add finds the feed at rawURL (the URL itself, or the feed a page links to)
// through the guarded FeedFinder and makes it a chat source, unless it is a
// source already. It fails with ErrUnavailable without a FeedFinder, with
// ErrInvalidURL for what FeedURL refuses, with an
// error wrapping ErrFetch (and ErrBlocked, ErrNotFeed, ErrTooLarge or
// ErrTimeout when that is why; see HTTPStatus) when no feed was found, and
// with the store's error otherwise.
func (s *Service) Add(ctx context.Context, rawURL string) (Added, error) {
	if s.opts.Finder == nil {
		return Added{}, ErrUnavailable
	}
	rawURL, err := FeedURL(rawURL)
	if err != nil {
		return Added{}, err
	}
	found, err := s.opts.Finder.Discover(ctx, rawURL)
	if err != nil {
		return Added{}, fmt.Errorf("discover feed: %w", fetchError(err))
	}
	if src, err := s.opts.Store.FindSourceByURL(ctx, found.URL); err == nil {
		return Added{Source: src, Items: found.Items}, nil
	} else if !errors.Is(err, news.ErrNotFound) {
		return Added{}, fmt.Errorf("find source: %w", err)
	}
	if src, ok, err := s.sameFeed(ctx, found.URL); err != nil || ok {
		return Added{Source: src, Items: found.Items}, err
	}
	src, err := s.opts.Store.UpsertSource(ctx, found.Title, found.URL, news.OriginChat)
	if err != nil {
		return Added{}, fmt.Errorf("add source: %w", err)
	}
	return Added{Source: src, New: true, Items: found.Items}, nil
}

// Remove deletes the source with that id and its stored articles, and
// returns it. It fails with ErrNotFound, with ErrNotRemovable for a source
// of the configuration file, and with the store's error otherwise.
func (s *Service) Remove(ctx context.Context, id int64) (news.Source, error) {
	src, err := s.opts.Store.FindSource(ctx, id)
	if err != nil {
		return news.Source{}, notFound(fmt.Sprintf("source %d", id), err)
	}
	return s.remove(ctx, src)
}

// RemoveURL is Remove for the source with that feed URL.
func (s *Service) RemoveURL(ctx context.Context, url string) (news.Source, error) {
	src, err := s.opts.Store.FindSourceByURL(ctx, url)
	if err != nil {
		return news.Source{}, notFound("source "+url, err)
	}
	return s.remove(ctx, src)
}

func (s *Service) remove(ctx context.Context, src news.Source) (news.Source, error) {
	if src.Origin == news.OriginConfig {
		return src, fmt.Errorf("source %d: %w", src.ID, ErrNotRemovable)
	}
	// Gone already (removed at the same time): the caller's wish holds.
	if err := s.opts.Store.DeleteSource(ctx, src.ID); err != nil && !errors.Is(err, news.ErrNotFound) {
		return src, fmt.Errorf("delete source %d: %w", src.ID, err)
	}
	return src, nil
}

// notFound wraps a failed look-up: with ErrNotFound too when the row does
// not exist.
func notFound(what string, err error) error {
	if errors.Is(err, news.ErrNotFound) {
		return fmt.Errorf("%s: %w: %w", what, ErrNotFound, err)
	}
	return fmt.Errorf("find %s: %w", what, err)
}
