package main

import (
	"crypto/sha256"
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// item is one entry of a test feed.
type item struct {
	guid, title, link, desc string
	pub                     time.Time
}

// feed is a local RSS source whose items the trial changes between runs of
// the bot. It answers conditional GETs (ETag and Last-Modified) as a real
// site does, so that a bot recording a feed as fetched before it handled
// the items would miss them after a restart (a 304).
type feed struct {
	*httptest.Server
	name string

	mu       sync.Mutex
	items    []item
	modified time.Time
	served   chan struct{} // closed and replaced at every 200 or 304 answered

	fetches atomic.Int64
	notMod  atomic.Int64
	pages   atomic.Int64
	// pageDelay holds back each article page (fetched for full text):
	// a poll then spends its time between the feed's answer and its writes.
	pageDelay time.Duration
	failWith  atomic.Int64 // an HTTP status to answer instead (0 = none)
}

func newFeed(name string, pageDelay time.Duration) *feed {
	f := &feed{name: name, served: make(chan struct{}), modified: time.Now().UTC().Truncate(time.Second), pageDelay: pageDelay}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	return f
}

// add appends items and moves Last-Modified on.
func (f *feed) add(items ...item) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.items = append(f.items, items...)
	// Last-Modified has a resolution of a second: make it move.
	next := time.Now().UTC().Truncate(time.Second)
	if !next.After(f.modified) {
		next = f.modified.Add(time.Second)
	}
	f.modified = next
}

// servedCh returns a channel closed at the next answer to a fetch.
func (f *feed) servedCh() <-chan struct{} {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.served
}

func (f *feed) serve(w http.ResponseWriter, r *http.Request) {
	if code := f.failWith.Load(); code != 0 {
		http.Error(w, "failing on purpose", int(code))
		return
	}
	if strings.HasPrefix(r.URL.Path, "/news/") {
		f.page(w, r)
		return
	}
	f.mu.Lock()
	items := append([]item(nil), f.items...)
	modified := f.modified
	served := f.served
	f.served = make(chan struct{})
	f.mu.Unlock()
	defer close(served)
	f.fetches.Add(1)
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>` + f.name + `</title><link>` + f.URL + `/</link>`)
	// Newest first, as most feeds; at most 100 items.
	for i := len(items) - 1; i >= 0 && i >= len(items)-100; i-- {
		it := items[i]
		fmt.Fprintf(&b, `<item><title>%s</title><link>%s</link><guid isPermaLink="false">%s</guid><pubDate>%s</pubDate><description>%s</description></item>`,
			it.title, it.link, it.guid, it.pub.UTC().Format(time.RFC1123Z), it.desc)
	}
	b.WriteString(`</channel></rss>`)
	body := b.String()
	etag := fmt.Sprintf(`"%x"`, sha256.Sum256([]byte(body)))
	w.Header().Set("ETag", etag)
	w.Header().Set("Last-Modified", modified.Format(http.TimeFormat))
	if r.Header.Get("If-None-Match") == etag {
		f.notMod.Add(1)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	fmt.Fprint(w, body)
}

// page answers an article's page: its teaser and more text of made-up words.
func (f *feed) page(w http.ResponseWriter, r *http.Request) {
	f.pages.Add(1)
	select {
	case <-time.After(f.pageDelay):
	case <-r.Context().Done():
		return
	}
	slug := strings.TrimPrefix(r.URL.Path, "/news/")
	f.mu.Lock()
	var it item
	for _, i := range f.items {
		if i.guid == slug {
			it = i
		}
	}
	f.mu.Unlock()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, "<html><head><title>%s</title></head><body><article><h1>%s</h1><p>%s</p><p>%s</p><p>%s</p></article></body></html>",
		it.title, it.title, it.desc, leadText(slug+"1"), leadText(slug+"2"))
}

// syllables make up place names and words of no language, so that two
// reports share no name and are two stories.
var syllables = []string{"har", "val", "sen", "com", "bri", "mar", "riv", "sko", "gar", "tun",
	"air", "for", "mus", "fac", "isl", "vil", "sta", "hos", "rai", "cas"}

// placeName is a made-up town of its own for report n.
func placeName(n int) string {
	name := syllables[n/400%20] + syllables[n/20%20] + syllables[n%20]
	return strings.ToUpper(name[:1]) + name[1:]
}

// leadText is a summary of made-up words drawn from seed, so that no two
// reports share the words that make one story across outlets.
func leadText(seed string) string {
	rng := rand.New(rand.NewPCG(uint64(len(seed)), uint64(crc32.ChecksumIEEE([]byte(seed)))))
	word := func() string {
		return syllables[rng.IntN(20)] + syllables[rng.IntN(20)] + syllables[rng.IntN(20)]
	}
	var b strings.Builder
	for i := 0; i < 48; i++ {
		b.WriteString(word())
		if i%12 == 11 {
			b.WriteString(". ")
		} else {
			b.WriteString(" ")
		}
	}
	return strings.TrimSpace(b.String())
}
