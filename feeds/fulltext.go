package feeds

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// Errors from PageFetcher.Fetch that callers may branch on; each is wrapped
// with the page URL.
var (
	ErrPageTooLarge         = errors.New("page larger than the size cap")
	ErrPageNotHTML          = errors.New("page is not HTML")
	ErrPageNoArticle        = errors.New("no article text found on the page")
	ErrTooManyPageRedirects = errors.New("too many redirects")
)

// Defaults for PageOptions fields left zero.
const (
	defaultPageTimeout      = 20 * time.Second
	defaultPageMaxBytes     = 2 << 20
	defaultPageMaxRedirects = 5
	defaultPageUserAgent    = "Newshound/1.0 (+https://github.com/newshound/newshound)"
	// pageMinWords is the least text an extraction must yield to count as
	// an article; readability returns menus and link lists of pages
	// without one.
	pageMinWords = 25
	// pageMaxImageURL bounds a page's image link, as maxImageURL bounds a
	// feed's: a longer one counts as none.
	pageMaxImageURL = maxImageURL
)

// ArticlePage is what an article page yields.
type ArticlePage struct {
	// Text is the readable text, paragraphs separated by "\n\n".
	Text string
	// ImageURL is the page's own image (its first og:image, else its first
	// twitter:image) made absolute against the page's final URL; "" when the page names none or
	// the link is not http or https or longer than 2048 bytes.
	ImageURL string
}

// PageOptions configures a PageFetcher. The zero value is usable: 20 s,
// 2 MiB, 5 redirects, public addresses only.
type PageOptions struct {
	Timeout      time.Duration // whole fetch, body included; default 20s
	MaxBytes     int64         // size cap on the (decompressed) body; default 2 MiB
	MaxRedirects int           // default 5; negative means none are followed
	AllowPrivate bool          // allow loopback, private and metadata targets (tests, trusted setups)
	UserAgent    string        // default "Newshound/1.0 (+https://github.com/newshound/newshound)"
	// Client is optional. The fetcher uses a copy with its own redirect
	// policy. A given client's Transport should dial with
	// SafeDialContext; without it, only the checks before each request and
	// redirect (CheckURL) guard against private targets.
	Client *http.Client
	// Resolver resolves host names for the checks and the dialer; nil
	// means net.DefaultResolver.
	Resolver *net.Resolver
}

// PageFetcher fetches article pages linked from feed items and extracts
// their readable text, politely and safely: a timeout, a size cap, a
// bounded number of redirects, http and https only, gzip, a User-Agent,
// and address checks before the request, on every redirect and at dial
// time. It is safe for concurrent use.
type PageFetcher struct {
	opts   PageOptions
	client *http.Client
}

// NewPageFetcher returns a fetcher for opts with defaults filled in.
func NewPageFetcher(opts PageOptions) *PageFetcher {
	if opts.Timeout <= 0 {
		opts.Timeout = defaultPageTimeout
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = defaultPageMaxBytes
	}
	if opts.MaxRedirects == 0 {
		opts.MaxRedirects = defaultPageMaxRedirects
	}
	if opts.UserAgent == "" {
		opts.UserAgent = defaultPageUserAgent
	}
	f := &PageFetcher{opts: opts}
	client := &http.Client{}
	if opts.Client != nil {
		*client = *opts.Client
	} else {
		client.Transport = &http.Transport{
			// No proxy: the dialer must see the real target address.
			Proxy:                 nil,
			DialContext:           safeURLDialer(opts.AllowPrivate, opts.Resolver).DialContext,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          32,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   10 * time.Second,
			ResponseHeaderTimeout: opts.Timeout,
			ExpectContinueTimeout: time.Second,
		}
	}
	client.CheckRedirect = f.checkRedirect
	f.client = client
	return f
}

// checkRedirect bounds the redirect chain and checks every target as the
// first URL was checked.
func (f *PageFetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > max(f.opts.MaxRedirects, 0) {
		return fmt.Errorf("stopped after %d redirects: %w", len(via)-1, ErrTooManyPageRedirects)
	}
	return CheckURL(req.Context(), req.URL.String(), f.opts.AllowPrivate, f.opts.Resolver)
}

// Fetch fetches pageURL and returns its readable text and its own image
// (see ArticlePage). Errors wrap ErrBlockedAddress (a disallowed scheme or target,
// here or after a redirect), ErrTooManyPageRedirects, ErrPageTooLarge,
// ErrPageNotHTML, ErrPageNoArticle (also when the extracted text has
// fewer than 25 words, or is a consent wall: consentwall.go), or the transport's error (a timeout
// satisfies errors.Is(err, context.DeadlineExceeded)); a non-2xx status is
// an error naming the status.
func (f *PageFetcher) Fetch(ctx context.Context, pageURL string) (ArticlePage, error) {
	if err := CheckURL(ctx, pageURL, f.opts.AllowPrivate, f.opts.Resolver); err != nil {
		return ArticlePage{}, fmt.Errorf("fetch page: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, pageURL, nil)
	if err != nil {
		return ArticlePage{}, fmt.Errorf("fetch page: %w", err)
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
	resp, err := f.client.Do(req)
	if err != nil {
		return ArticlePage{}, fmt.Errorf("fetch page: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return ArticlePage{}, fmt.Errorf("fetch page %s: status %s", pageURL, resp.Status)
	}
	contentType := resp.Header.Get("Content-Type")
	if !pageIsHTML(contentType) {
		return ArticlePage{}, fmt.Errorf("fetch page %s: content type %q: %w", pageURL, contentType, ErrPageNotHTML)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.opts.MaxBytes+1))
	if err != nil {
		return ArticlePage{}, fmt.Errorf("fetch page %s: read body: %w", pageURL, err)
	}
	if int64(len(body)) > f.opts.MaxBytes {
		return ArticlePage{}, fmt.Errorf("fetch page %s: more than %d bytes: %w", pageURL, f.opts.MaxBytes, ErrPageTooLarge)
	}
	if contentType == "" && !strings.HasPrefix(http.DetectContentType(body), "text/html") {
		return ArticlePage{}, fmt.Errorf("fetch page %s: body is not HTML: %w", pageURL, ErrPageNotHTML)
	}
	page, err := pageExtract(body, contentType, resp)
	if err != nil {
		return ArticlePage{}, fmt.Errorf("fetch page %s: %w", pageURL, err)
	}
	return page, nil
}

// pageIsHTML reports whether a Content-Type header announces HTML; an
// absent header is decided by sniffing the body.
func pageIsHTML(contentType string) bool {
	if contentType == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// pageExtract decodes body to UTF-8 (from the header, a BOM or a meta
// tag) and extracts the article and the page's image with readability.
func pageExtract(body []byte, contentType string, resp *http.Response) (ArticlePage, error) {
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		return ArticlePage{}, fmt.Errorf("decode charset: %w", err)
	}
	page, err := io.ReadAll(r) // within the size cap: body was read under it
	if err != nil {
		return ArticlePage{}, fmt.Errorf("decode charset: %w", err)
	}
	article, err := readability.FromReader(bytes.NewReader(page), resp.Request.URL)
	if err != nil {
		return ArticlePage{}, fmt.Errorf("extract article: %w", err)
	}
	if article.Node == nil {
		return ArticlePage{}, ErrPageNoArticle
	}
	dropCaptions(article.Node)
	var b strings.Builder
	if err := article.RenderText(&b); err != nil {
		return ArticlePage{}, fmt.Errorf("render article text: %w", err)
	}
	text := pageParagraphs(b.String())
	if fieldCount(text, pageMinWords) < pageMinWords {
		return ArticlePage{}, ErrPageNoArticle
	}
	if isConsentWall(text) {
		return ArticlePage{}, fmt.Errorf("a consent wall: %w", ErrPageNoArticle)
	}
	return ArticlePage{Text: text, ImageURL: pageImage(page, resp.Request.URL.String(), article.ImageURL())}, nil
}

// dropCaptions removes every figcaption under n: readability keeps a
// figure's caption as text of the article, so a photo's caption ("The
// harbor at dusk. Photo: …") opened summaries or was glued to the paragraph
// before it.
func dropCaptions(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && c.DataAtom == atom.Figcaption {
			n.RemoveChild(c)
		} else {
			dropCaptions(c)
		}
		c = next
	}
}

// pageParagraphs trims every line and leaves exactly one blank line
// between paragraphs.
func pageParagraphs(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	blank := false
	for line := range strings.Lines(s) {
		line = strings.TrimSpace(line)
		if line == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			if blank {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(line)
	}
	return b.String()
}
