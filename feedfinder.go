package main

import (
	"context"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"sync"

	"github.com/newshound/newshound/feeds"
)

// feedFinder is the transport of the configuration's sources: when a source's
// URL answers with a web page instead of a feed, it finds the feed the page
// links to (<link rel="alternate">, or a same-site <a href> that looks
// like a feed) the way /addsource does, logs which one it
// chose, and fetches that instead, at this and every later poll.
type feedFinder struct {
	base http.RoundTripper
	find func(ctx context.Context, pageURL string) (feedURL string, err error)
	log  *slog.Logger

	mu    sync.Mutex
	found map[string]string // page URL → feed URL; "" when the page links to none
}

func newFeedFinder(base http.RoundTripper, find func(context.Context, string) (string, error), log *slog.Logger) *feedFinder {
	return &feedFinder{base: base, find: find, log: log, found: map[string]string{}}
}

// RoundTrip fetches req, or the feed its page links to.
func (f *feedFinder) RoundTrip(req *http.Request) (*http.Response, error) {
	page := req.URL.String()
	f.mu.Lock()
	feed, known := f.found[page]
	f.mu.Unlock()
	if known && feed != "" {
		return f.base.RoundTrip(retarget(req, feed, true))
	}
	resp, err := f.base.RoundTrip(req)
	if err != nil || known || req.Method != http.MethodGet || resp.StatusCode != http.StatusOK || !isHTML(resp.Header.Get("Content-Type")) {
		return resp, err
	}
	feed, ferr := f.find(req.Context(), page)
	if ferr != nil || feed == page {
		f.mu.Lock()
		f.found[page] = ""
		f.mu.Unlock()
		if ferr != nil {
			f.log.Warn("source URL is a web page that links to no feed; give the feed's URL in [[sources]]", "url", feeds.Redacted(page), "err", ferr)
		}
		return resp, nil
	}
	resp.Body.Close()
	f.mu.Lock()
	f.found[page] = feed
	f.mu.Unlock()
	f.log.Warn("source URL is a web page; fetching the feed it links to (put that URL in [[sources]] to skip this step)", "url", feeds.Redacted(page), "feed", feeds.Redacted(feed))
	return f.base.RoundTrip(retarget(req, feed, false))
}

// retarget is req sent to another URL; the validators (ETag, Last-Modified)
// are kept only when they were the feed's.
func retarget(req *http.Request, to string, keepValidators bool) *http.Request {
	u, err := url.Parse(to)
	if err != nil {
		return req
	}
	r := req.Clone(req.Context())
	r.URL, r.Host = u, ""
	if !keepValidators {
		r.Header.Del("If-None-Match")
		r.Header.Del("If-Modified-Since")
	}
	return r
}

func isHTML(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && (mt == "text/html" || mt == "application/xhtml+xml")
}
