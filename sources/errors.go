package sources

import (
	"context"
	"errors"
	"fmt"
	"net"

	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/news"
)

// The errors callers branch on, wrapped with %w around their cause.
var (
	// ErrNotFound: no source has that id or URL.
	ErrNotFound = errors.New("no such source")
	// ErrNotRemovable: the source comes from the configuration file.
	ErrNotRemovable = errors.New("source comes from the configuration file")
	// ErrUnavailable: the Service has no FeedFinder, so it cannot add or import.
	ErrUnavailable = errors.New("adding sources is not available")
	// ErrInvalidURL: the text given as a URL is empty, too long or has spaces.
	ErrInvalidURL = errors.New("not a URL")
	// ErrBlocked: the address is not a public http(s) web address.
	ErrBlocked = errors.New("address not allowed")
	// ErrNotFeed: the address is neither a feed nor a page linking to one.
	ErrNotFeed = errors.New("no feed found")
	// ErrTooLarge: the fetched document is over the size cap.
	ErrTooLarge = errors.New("document too large")
	// ErrTimeout: the site took too long to answer.
	ErrTimeout = errors.New("site too slow")
	// ErrTLS: the site's certificate is not valid, or its TLS handshake failed.
	ErrTLS = errors.New("certificate or TLS handshake failed")
	// ErrNoHost: the address's host name does not resolve (DNS).
	ErrNoHost = errors.New("host name does not resolve")
	// ErrRefused: nothing answers at the address's host and port.
	ErrRefused = errors.New("connection refused")
	// ErrPlainHTTP: the address is https:// and the server answered in plain
	// HTTP there (http:// is the address to use).
	ErrPlainHTTP = errors.New("server speaks plain HTTP, not HTTPS")
	// ErrFetch: a user's URL gave nothing to use. Every failure of fetching
	// one wraps it, besides the more precise sentinel above, if any.
	ErrFetch = errors.New("fetch failed")
	// ErrNotOPML: the document is not an OPML list.
	ErrNotOPML = errors.New("not an OPML list")
	// ErrRetired: the source is no longer in the configuration: not fetched.
	ErrRetired = errors.New("source no longer in the configuration")
	// ErrNotScheduled: the poller does not hold the source (yet), or does
	// not run.
	ErrNotScheduled = errors.New("source not scheduled")
	// ErrTooSoon: the source was fetched moments ago.
	ErrTooSoon = errors.New("source fetched moments ago")
)

// HTTPStatus returns the HTTP status a site answered a fetch with, when err
// is a fetch that failed on a status other than 200, and 0 otherwise.
func HTTPStatus(err error) int {
	var se *feeds.StatusError
	if errors.As(err, &se) {
		return se.Code
	}
	return 0
}

// fetchError wraps a failed fetch with ErrFetch and the sentinel
// that says why, keeping the cause in the chain.
func fetchError(err error) error {
	var ne net.Error
	var why error
	switch {
	case errors.Is(err, feeds.ErrRefusedAddress):
		why = ErrBlocked
	case errors.Is(err, feeds.ErrNoFeed):
		why = ErrNotFeed
	case errors.Is(err, feeds.ErrTooLarge):
		why = ErrTooLarge
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()):
		why = ErrTimeout
	case feeds.FailureOf(err).Kind == news.FailTLS:
		why = ErrTLS
	case feeds.FailureOf(err).Kind == news.FailPlainHTTP:
		why = ErrPlainHTTP
	case feeds.FailureOf(err).Kind == news.FailDNS:
		why = ErrNoHost
	case feeds.FailureOf(err).Kind == news.FailRefused:
		why = ErrRefused
	default:
		return fmt.Errorf("%w: %w", ErrFetch, err)
	}
	return fmt.Errorf("%w: %w: %w", ErrFetch, why, err)
}
