package feeds

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// ErrTooLarge is returned when a response body exceeds the size cap.
var ErrTooLarge = errors.New("response too large")

// StatusError is an HTTP answer other than 200 or 304.
type StatusError struct {
	Code       int
	RetryAfter time.Duration // from a Retry-After header, if any
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("http status %d %s", e.Code, http.StatusText(e.Code))
}

// Fetcher makes polite conditional GETs: a timeout, a size cap, gzip
// (through net/http's transparent decompression; deflate sent unasked is
// read too, see decodeBody), a User-Agent and the
// validators of the previous answer.
type Fetcher struct {
	client    *http.Client
	maxBytes  int64
	userAgent string
}

// FetcherOptions configures a Fetcher.
type FetcherOptions struct {
	Timeout   time.Duration
	MaxBytes  int64
	UserAgent string
	Transport http.RoundTripper // nil = a default transport
}

// NewFetcher returns a Fetcher that follows at most 5 redirects.
func NewFetcher(opts FetcherOptions) *Fetcher {
	return &Fetcher{
		client: &http.Client{
			Timeout:   opts.Timeout,
			Transport: opts.Transport,
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) >= 5 {
					return fmt.Errorf("%w: more than 5 redirects", errRedirects)
				}
				if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
					return fmt.Errorf("%w: to %s, not http or https", errRedirects, req.URL.Scheme)
				}
				return nil
			},
		},
		maxBytes:  opts.MaxBytes,
		userAgent: opts.UserAgent,
	}
}

// Response is the outcome of a successful fetch.
type Response struct {
	NotModified  bool // 304: nothing new
	Body         []byte
	ETag         string
	LastModified string
	// Fresh is how long the server says the answer stays fresh, from
	// Cache-Control max-age or Expires (0 = it says nothing), and FreshFrom
	// names which header said so. Not bounded here: the poller bounds it.
	Fresh     time.Duration
	FreshFrom string
	Link      []string // the Link headers of a 200 (a WebSub hub, see FindHub)
	// MovedTo is the address the feed moved to when every redirect on the
	// way was permanent (301 or 308): its old address is to be replaced.
	MovedTo string
	// Date is the server's Date header (zero when it sent none or an
	// unreadable one): the poller compares it with the local clock.
	Date time.Time
}

// Fetch GETs url with If-None-Match / If-Modified-Since from the previous
// answer. It fails with a *StatusError on a status other than 200 or 304,
// with ErrTooLarge when the body passes the cap, and with the transport's
// error (timeouts included) otherwise.
func (f *Fetcher) Fetch(ctx context.Context, url, etag, lastModified string) (Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return Response{}, fmt.Errorf("request %s: %w", url, err)
	}
	req.Header.Set("User-Agent", f.userAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		req.Header.Set("If-Modified-Since", lastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return Response{}, err
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out := Response{NotModified: true, ETag: etag, LastModified: lastModified, MovedTo: movedTo(resp), Date: dateOf(resp.Header)}
		out.Fresh, out.FreshFrom = freshness(resp.Header, time.Now())
		return out, nil
	case resp.StatusCode != http.StatusOK:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return Response{}, &StatusError{Code: resp.StatusCode, RetryAfter: retryAfter(resp.Header.Get("Retry-After"), time.Now())}
	}
	if resp.ContentLength > f.maxBytes {
		return Response{}, fmt.Errorf("%w: %d bytes announced, at most %d (poller.max_bytes)", ErrTooLarge, resp.ContentLength, f.maxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.maxBytes+1))
	if err != nil {
		return Response{}, fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > f.maxBytes {
		return Response{}, fmt.Errorf("%w: more than %d bytes (poller.max_bytes)", ErrTooLarge, f.maxBytes)
	}
	if body, err = decodeBody(resp, body, f.maxBytes); err != nil {
		return Response{}, err
	}
	body = toUTF8(body, resp.Header.Get("Content-Type"))
	now := time.Now()
	out := Response{Body: body, ETag: resp.Header.Get("ETag"), LastModified: lastModifiedOf(resp.Header, now), Link: resp.Header.Values("Link"), MovedTo: movedTo(resp), Date: dateOf(resp.Header)}
	out.Fresh, out.FreshFrom = freshness(resp.Header, now)
	return out, nil
}

// lastModifiedOf returns the answer's Last-Modified when it can serve as a
// validator: at least a second older than the answer (its Date, or now when
// it has none). Servers date files to the second, so a file changed again
// within the second its Last-Modified names would be answered 304 until it
// changed once more: such a Last-Modified is dropped, and the next fetch is
// a full one. One that does not parse as a date is kept as it is.
func lastModifiedOf(h http.Header, now time.Time) string {
	v := h.Get("Last-Modified")
	lm, err := http.ParseTime(v)
	if err != nil {
		return v
	}
	if d, err := http.ParseTime(h.Get("Date")); err == nil {
		now = d
	}
	if !lm.Before(now.Truncate(time.Second)) {
		return ""
	}
	return v
}

// retryAfter reads a Retry-After header in seconds or as an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	// Seconds beyond time.Duration (three centuries and more) saturate
	// rather than overflow, as do those beyond int64.
	if n, err := strconv.ParseInt(v, 10, 64); (err == nil || errors.Is(err, strconv.ErrRange)) && n > 0 {
		return secs(n)
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// movedTo returns the address resp came from when it was reached through
// permanent redirects only (301, 308), "" otherwise (none, or a temporary
// one on the way).
func movedTo(resp *http.Response) string {
	req := resp.Request
	if req == nil || req.Response == nil {
		return ""
	}
	for r := req; r.Response != nil; r = r.Response.Request {
		if c := r.Response.StatusCode; c != http.StatusMovedPermanently && c != http.StatusPermanentRedirect {
			return ""
		}
	}
	return req.URL.String()
}

// dateOf reads the Date header; zero when there is none or it is unreadable.
func dateOf(h http.Header) time.Time {
	t, err := http.ParseTime(h.Get("Date"))
	if err != nil {
		return time.Time{}
	}
	return t
}
