package main

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// feedSet is the feed side of the load: n feeds spread over listeners on
// loopback, each carrying its latest items, a share of them slow, hanging
// or failing. It runs in a child process so that its CPU and memory do not
// count in the poller's figures.
type feedSet struct {
	mu      sync.Mutex
	items   [][]item // by feed, newest last
	version []int
	kind    []string // "", "slow", "hang", "fail"
	carried int
	text    *text
	// published lists every item published after the start, for the
	// poller's side to find those never alerted (GET /published).
	published []item
	feedOf    []int
}

type item struct {
	guid, title, desc string
	at                time.Time
}

// text makes item texts that differ from each other as real ones do: a
// Zipf-distributed vocabulary (a few words in most items, most words in
// few), two names from the vocabulary's rare tail, and a number now and
// then. (Texts drawn from 40 words and a number every other word made
// every item a story candidate of every other: see BENCHMARKS.md.)
type text struct {
	vocab []string
	zipf  *rand.Zipf
}

func newText(rng *rand.Rand) *text {
	syll := []string{"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ber", "dan", "gor", "hel", "jun", "mar", "pol", "sen", "tor", "vin", "zel", "quo"}
	t := &text{zipf: rand.NewZipf(rng, 1.07, 2, 19999)}
	seen := map[string]bool{}
	for len(t.vocab) < 20000 {
		var b strings.Builder
		for range 2 + rng.IntN(3) {
			b.WriteString(syll[rng.IntN(len(syll))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			t.vocab = append(t.vocab, w)
		}
	}
	return t
}

func (t *text) word() string { return t.vocab[t.zipf.Uint64()] }

// name is a word of the vocabulary's rare tail, capitalised.
func (t *text) name(rng *rand.Rand) string {
	w := t.vocab[5000+rng.IntN(len(t.vocab)-5000)]
	return strings.ToUpper(w[:1]) + w[1:]
}

func newFeedSet(n, carried int, slow, hang, fail float64, rng *rand.Rand) *feedSet {
	f := &feedSet{items: make([][]item, n), version: make([]int, n), kind: make([]string, n), carried: carried, text: newText(rng)}
	for i := range n {
		switch r := rng.Float64(); {
		case r < fail:
			f.kind[i] = "fail"
		case r < fail+hang:
			f.kind[i] = "hang"
		case r < fail+hang+slow:
			f.kind[i] = "slow"
		}
		// The backlog: one item an hour before now, as a news site's feed.
		for k := carried; k > 0; k-- {
			f.items[i] = append(f.items[i], f.newItem(i, len(f.items[i]), time.Now().Add(-time.Duration(k)*time.Hour), rng))
		}
	}
	return f
}

// newItem makes item seq of feed i, appearing at at: its guid carries the
// time, for the poller's side to measure the delay to its alert.
func (f *feedSet) newItem(i, seq int, at time.Time, rng *rand.Rand) item {
	names := []string{f.text.name(rng), f.text.name(rng)}
	var b strings.Builder
	for sentence := 0; b.Len() < 600; sentence++ {
		n := 8 + rng.IntN(12)
		for k := range n {
			w := f.text.word()
			switch {
			case k == 0:
				w = strings.ToUpper(w[:1]) + w[1:]
			case k == 3 && sentence < 2:
				w = names[sentence]
			case k == 5 && rng.IntN(8) == 0:
				w = strconv.Itoa(rng.IntN(10000))
			}
			b.WriteString(w)
			if k < n-1 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(". ")
	}
	return item{
		guid:  fmt.Sprintf("f%d-%d-%d", i, seq, at.UnixNano()),
		title: fmt.Sprintf("Quake report: %s %s %s %s", names[0], f.text.word(), names[1], f.text.word()),
		desc:  b.String(),
		at:    at,
	}
}

// publish adds a new item to feed i now.
func (f *feedSet) publish(i int, rng *rand.Rand) {
	f.mu.Lock()
	defer f.mu.Unlock()
	it := f.newItem(i, len(f.items[i]), time.Now(), rng)
	f.items[i] = append(f.items[i], it)
	f.published, f.feedOf = append(f.published, it), append(f.feedOf, i)
	if len(f.items[i]) > f.carried {
		f.items[i] = f.items[i][len(f.items[i])-f.carried:]
	}
	f.version[i]++
}

func (f *feedSet) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/published" {
		f.listPublished(w)
		return
	}
	i, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/feed/"))
	if err != nil || i < 0 || i >= len(f.items) {
		http.NotFound(w, r)
		return
	}
	if f.kind[i] != "" && f.serveHostile(w, r, i) {
		return
	}
	switch f.kind[i] {
	case "fail":
		http.Error(w, "boom", http.StatusInternalServerError)
		return
	case "hang":
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Minute):
		}
		return
	case "slow":
		select {
		case <-r.Context().Done():
			return
		case <-time.After(5 * time.Second):
		}
	}
	f.mu.Lock()
	etag := fmt.Sprintf(`"v%d"`, f.version[i])
	items := append([]item(nil), f.items[i]...)
	f.mu.Unlock()
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/rss+xml")
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>Load feed %d</title><link>http://example.org/%d</link><description>load</description>`, i, i)
	for k := len(items) - 1; k >= 0; k-- {
		it := items[k]
		fmt.Fprintf(&b, `<item><title>%s</title><link>http://example.org/%d/%s</link><guid>%s</guid><pubDate>%s</pubDate><description>%s</description></item>`,
			it.title, i, it.guid, it.guid, it.at.UTC().Format(time.RFC1123Z), it.desc)
	}
	b.WriteString(`</channel></rss>`)
	io.WriteString(w, b.String())
}

// listPublished writes one line per item published since the start: its
// guid and its feed's kind ("ok" for a healthy feed).
func (f *feedSet) listPublished(w io.Writer) {
	f.mu.Lock()
	defer f.mu.Unlock()
	bw := bufio.NewWriter(w)
	for k, it := range f.published {
		kind := f.kind[f.feedOf[k]]
		if kind == "" {
			kind = "ok"
		}
		fmt.Fprintf(bw, "%s\t%s\n", it.guid, kind)
	}
	bw.Flush()
}

// serve runs the feed side: it prints the listeners' addresses on one line,
// publishes new items (each feed one per o.publish on average, at random
// feeds), and returns when stdin closes (the parent ended).
func serve(o options) error {
	rng := rand.New(rand.NewPCG(uint64(o.seed), 1))
	f := newFeedSet(o.sources, o.items, o.slow, o.hang, o.fail, rng)
	counts, err := parseHostile(o.hostile)
	if err != nil {
		return err
	}
	if err := assignHostile(f.kind, counts); err != nil {
		return err
	}
	var addrs []string
	for range o.ports {
		ln, err := net.Listen("tcp", "127.0.0.1:0") // loopback only
		if err != nil {
			return err
		}
		addrs = append(addrs, ln.Addr().String())
		srv := &http.Server{Handler: f, ReadHeaderTimeout: 10 * time.Second}
		go srv.Serve(ln)
	}
	fmt.Println(strings.Join(addrs, ","))
	go func() {
		// Each feed publishes once per o.publish on average: items at a
		// steady rate over all feeds, each to a feed drawn at random.
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		perTick := float64(o.sources) * float64(100*time.Millisecond) / float64(o.publish)
		carry := 0.0
		for range tick.C {
			carry += perTick
			for ; carry >= 1; carry-- {
				f.publish(rng.IntN(o.sources), rng)
			}
		}
	}()
	io.Copy(io.Discard, bufio.NewReader(os.Stdin))
	return nil
}
