package feeds

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/newshound/newshound/summarize"
	"golang.org/x/net/html"
)

// ErrRefusedAddress is returned (wrapped) when a URL given by a chat user, or
// a redirect on the way, leads to an address that is not allowed: loopback,
// private, link-local, cloud metadata and the like.
// It is ErrBlockedAddress, so callers may test for either name.
var ErrRefusedAddress = ErrBlockedAddress

// ErrNoFeed is returned by Discover when the URL is neither a feed nor a page
// that links to one.
var ErrNoFeed = errors.New("no feed found")

// DialFunc opens a connection, as net.Dialer.DialContext does.
type DialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

// CheckFunc vets a URL before it is requested; an error refuses it.
type CheckFunc func(ctx context.Context, rawURL string) error

// DiscoverOptions configures a Discoverer. Check and Dial, when set, replace
// the built-in address guard; Resolve and Connect are what the built-in guard
// uses to look names up and to open a connection to an address it vetted
// (tests replace them to stand for DNS).
type DiscoverOptions struct {
	AllowPrivate bool // telegram.allow_private_urls
	Check        CheckFunc
	Dial         DialFunc
	Resolve      func(ctx context.Context, host string) ([]net.IP, error)
	Connect      DialFunc
	Timeout      time.Duration
	MaxBytes     int64
	UserAgent    string
}

// Discoverer fetches URLs that chat users give (/addsource, /import) through
// an address guard: the URL is checked after name resolution, every redirect
// is checked again, and every connection is made only to a vetted address,
// so a name that resolves differently the second time cannot slip through.
type Discoverer struct {
	client   *http.Client
	check    CheckFunc
	maxBytes int64
	ua       string
}

// NewDiscoverer returns a Discoverer; see DiscoverOptions for the defaults.
func NewDiscoverer(opts DiscoverOptions) *Discoverer {
	opts = opts.withDefaults()
	check := opts.Check
	client := &http.Client{
		Timeout:   opts.Timeout,
		Transport: opts.transport(),
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return errors.New("more than 5 redirects")
			}
			return check(req.Context(), req.URL.String())
		},
	}
	return &Discoverer{client: client, check: check, maxBytes: opts.MaxBytes, ua: opts.UserAgent}
}

// GuardedTransport returns an HTTP transport that connects only to addresses
// the options allow (see DiscoverOptions), for fetching the sources that
// chat users added: a name that resolved to a public address when the source
// was added may resolve to a private one later.
func GuardedTransport(opts DiscoverOptions) http.RoundTripper {
	return opts.withDefaults().transport()
}

func (opts DiscoverOptions) withDefaults() DiscoverOptions {
	g := guard{allowPrivate: opts.AllowPrivate, resolve: opts.Resolve, connect: opts.Connect}
	if g.resolve == nil {
		g.resolve = func(ctx context.Context, host string) ([]net.IP, error) {
			return net.DefaultResolver.LookupIP(ctx, "ip", host)
		}
	}
	if g.connect == nil {
		g.connect = (&net.Dialer{Timeout: 10 * time.Second}).DialContext
	}
	if opts.Check == nil {
		opts.Check = g.check
	}
	if opts.Dial == nil {
		opts.Dial = g.dial
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 20 * time.Second
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = 5 << 20
	}
	return opts
}

func (opts DiscoverOptions) transport() *http.Transport {
	return &http.Transport{
		Proxy:                  nil, // a proxy would be dialled instead of the vetted address
		DialContext:            opts.Dial,
		TLSHandshakeTimeout:    10 * time.Second,
		ResponseHeaderTimeout:  opts.Timeout,
		MaxResponseHeaderBytes: 64 << 10,
		ForceAttemptHTTP2:      true,
	}
}

// Allowed reports whether rawURL may be fetched: an http or https URL whose
// host resolves only to allowed addresses. It fails with an error wrapping
// ErrRefusedAddress for a refused address, and another error otherwise.
func (d *Discoverer) Allowed(ctx context.Context, rawURL string) error {
	return d.check(ctx, rawURL)
}

// Page is a fetched document.
type Page struct {
	URL         string // after redirects
	ContentType string
	Body        []byte
}

// Get fetches rawURL through the guard. It fails with an error wrapping
// ErrRefusedAddress when the URL or a redirect is refused, a *StatusError on
// a status other than 200, ErrTooLarge past the size cap, or the transport's error.
func (d *Discoverer) Get(ctx context.Context, rawURL string) (Page, error) {
	if err := d.check(ctx, rawURL); err != nil {
		return Page{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return Page{}, fmt.Errorf("request: %w", err)
	}
	req.Header.Set("User-Agent", d.ua)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
	resp, err := d.client.Do(req)
	if err != nil {
		return Page{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return Page{}, &StatusError{Code: resp.StatusCode}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, d.maxBytes+1))
	if err != nil {
		return Page{}, fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > d.maxBytes {
		return Page{}, fmt.Errorf("%w: more than %d bytes (poller.max_bytes)", ErrTooLarge, d.maxBytes)
	}
	if body, err = decodeBody(resp, body, d.maxBytes); err != nil {
		return Page{}, err
	}
	return Page{URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type"), Body: body}, nil
}

// Discovered is a feed found by Discover.
type Discovered struct {
	URL   string
	Title string // the feed's title, or its host when it has none
	Items int
}

// maxCandidates bounds how many linked feeds of one page Discover tries.
const maxCandidates = 4

// Discover finds the feed at rawURL: the URL itself when it is a feed (RSS,
// Atom or JSON Feed), else the first feed that the HTML page links to with
// <link rel="alternate">, else the first feed among the page's same-site
// <a href> links that look like one (see feedAnchors): many sites link their
// feed only from a footer. At most maxCandidates links are tried. Every
// request goes through the guard. It fails with ErrNoFeed when there is
// none, and as Get does otherwise.
func (d *Discoverer) Discover(ctx context.Context, rawURL string) (Discovered, error) {
	page, err := d.Get(ctx, rawURL)
	if err != nil {
		return Discovered{}, err
	}
	if f, err := gofeed.NewParser().Parse(bytes.NewReader(toUTF8(page.Body, page.ContentType))); err == nil {
		return discovered(page.URL, f), nil
	}
	links := alternateLinks(page.Body, page.URL)
	links = appendNew(links, feedAnchors(page.Body, page.URL)...)
	if len(links) == 0 {
		return Discovered{}, ErrNoFeed
	}
	var lastErr error = ErrNoFeed
	for _, link := range links[:min(len(links), maxCandidates)] {
		p, err := d.Get(ctx, link)
		if err != nil {
			if errors.Is(err, ErrRefusedAddress) {
				return Discovered{}, err
			}
			lastErr = err
			continue
		}
		if f, err := gofeed.NewParser().Parse(bytes.NewReader(toUTF8(p.Body, p.ContentType))); err == nil {
			return discovered(p.URL, f), nil
		}
	}
	return Discovered{}, lastErr
}

func discovered(u string, f *gofeed.Feed) Discovered {
	title := strings.TrimSpace(f.Title)
	if title == "" {
		if pu, err := url.Parse(u); err == nil {
			title = pu.Hostname()
		}
	}
	return Discovered{URL: u, Title: summarize.LimitBytes(title, 200), Items: len(f.Items)}
}

// feedTypes are the link types that name a feed.
var feedTypes = map[string]bool{
	"application/rss+xml": true, "application/atom+xml": true, "application/feed+json": true,
	"application/json": true, "application/rdf+xml": true, "application/xml": true, "text/xml": true,
}

// alternateLinks returns the absolute http(s) URLs of the feeds that the
// page's <link rel="alternate" type="…"> elements name, in document order,
// resolved against <base href> or the page's URL.
func alternateLinks(page []byte, pageURL string) []string {
	base, err := url.Parse(pageURL)
	if err != nil {
		return nil
	}
	var out []string
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if !hasAttr || (string(name) != "link" && string(name) != "base") {
				continue
			}
			attrs := map[string]string{}
			for {
				k, v, more := z.TagAttr()
				attrs[string(k)] = string(v)
				if !more {
					break
				}
			}
			if string(name) == "base" {
				if b, err := base.Parse(attrs["href"]); err == nil {
					base = b
				}
				continue
			}
			typ := strings.ToLower(strings.TrimSpace(strings.Split(attrs["type"], ";")[0]))
			if !hasToken(attrs["rel"], "alternate") || !feedTypes[typ] || attrs["href"] == "" {
				continue
			}
			if u, err := base.Parse(strings.TrimSpace(attrs["href"])); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
				out = append(out, u.String())
			}
		}
	}
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}
