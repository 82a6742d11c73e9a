package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// hostileKinds are the misbehaving sources -hostile adds at the end of the
// feed list (each carries no news the chat wants; what is measured is what
// they do to the healthy feeds' delays):
//
//	trickle  a valid start, then a byte a second for ten minutes
//	crawl    a whole feed (no new item) dribbled over 15 s, within the
//	         fetch timeout: a success, fetched again at every interval
//	hang     accepts the request and never answers
//	dns      a host name whose DNS server never answers (a UDP socket that
//	         reads and keeps silent, reached through Go's own resolver)
//	gig      1 GB of a feed's filler, sent as fast as loopback takes it
//	many     10,000 items, every guid new at every fetch (a feed that
//	         makes its guids up), dated now
//	loop     a redirect to itself, for ever
//	reset    half a feed, then the connection reset (RST)
var hostileKinds = []string{"trickle", "crawl", "hang", "dns", "gig", "many", "loop", "reset"}

// parseHostile reads -hostile ("trickle=10,gig=1"): how many feeds of each kind.
func parseHostile(spec string) (map[string]int, error) {
	out := map[string]int{}
	if spec == "" {
		return out, nil
	}
	for _, part := range strings.Split(spec, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		n, err := strconv.Atoi(v)
		if !ok || err != nil || n < 0 {
			return nil, fmt.Errorf("-hostile: %q is not kind=count", part)
		}
		known := false
		for _, h := range hostileKinds {
			known = known || h == k
		}
		if !known {
			return nil, fmt.Errorf("-hostile: kind %q unknown (one of %s)", k, strings.Join(hostileKinds, ", "))
		}
		out[k] += n
	}
	return out, nil
}

// assignHostile gives the last feeds of kind their hostile kinds, in the
// order of hostileKinds.
func assignHostile(kind []string, counts map[string]int) error {
	i := len(kind)
	for _, k := range hostileKinds {
		for range counts[k] {
			if i--; i < 0 {
				return fmt.Errorf("-hostile: more hostile feeds than -sources")
			}
			kind[i] = k
		}
	}
	return nil
}

// serveHostile answers feed i of a hostile kind; it reports false for a
// kind it does not know (the caller serves the feed).
func (f *feedSet) serveHostile(w http.ResponseWriter, r *http.Request, i int) bool {
	head := fmt.Sprintf(`<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile feed %d</title><link>http://example.org/%d</link><description>hostile</description>`, i, i)
	switch f.kind[i] {
	case "trickle":
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, head)
		w.(http.Flusher).Flush()
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for range 600 {
			select {
			case <-r.Context().Done():
				return true
			case <-tick.C:
			}
			if _, err := io.WriteString(w, " "); err != nil {
				return true
			}
			w.(http.Flusher).Flush()
		}
	case "crawl":
		w.Header().Set("Content-Type", "application/rss+xml")
		body := head + `<item><title>Still here</title><link>http://example.org/still</link><guid>still</guid><description>Nothing new.</description></item></channel></rss>`
		for k := 0; k < len(body); k += len(body)/15 + 1 {
			if _, err := io.WriteString(w, body[k:min(len(body), k+len(body)/15+1)]); err != nil {
				return true
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return true
			case <-time.After(time.Second):
			}
		}
	case "dns": // reached only if the name resolved after all
		http.Error(w, "resolved", http.StatusTeapot)
	case "gig":
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, head)
		chunk := []byte(strings.Repeat("<!-- filler filler filler filler filler filler filler filler -->", 1024))
		for sent := 0; sent < 1<<30; sent += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return true
			}
		}
	case "many":
		w.Header().Set("Content-Type", "application/rss+xml")
		var b strings.Builder
		b.WriteString(head)
		now, stamp := time.Now().UTC().Format(time.RFC1123Z), time.Now().UnixNano()
		for k := range 10000 {
			fmt.Fprintf(&b, `<item><title>Filler %d of %d</title><link>http://example.org/%d/%d-%d</link><guid>m%d-%d-%d</guid><pubDate>%s</pubDate><description>Filler text number %d of a feed that makes its guids up.</description></item>`,
				k, stamp, i, stamp, k, i, stamp, k, now, k)
		}
		b.WriteString(`</channel></rss>`)
		io.WriteString(w, b.String())
	case "loop":
		http.Redirect(w, r, r.URL.Path, http.StatusFound)
	case "reset":
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Length", "100000")
		io.WriteString(w, head+strings.Repeat(" ", 20000))
		w.(http.Flusher).Flush()
		conn, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			return true
		}
		if tcp, ok := conn.(*net.TCPConn); ok {
			tcp.SetLinger(0)
		}
		conn.Close()
	default:
		return false
	}
	return true
}

// silentDNS is a UDP socket that reads DNS queries and never answers.
func silentDNS() (addr string, stop func(), err error) {
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	go func() {
		buf := make([]byte, 2048)
		for {
			if _, _, err := pc.ReadFrom(buf); err != nil {
				return
			}
		}
	}()
	return pc.LocalAddr().String(), func() { pc.Close() }, nil
}

// hostileTransport is the poller's transport: Go's own resolver, asking
// the silent DNS server (host names only; the feeds' IP addresses skip it).
func hostileTransport(dnsAddr string) *http.Transport {
	resolver := &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "udp", dnsAddr)
	}}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DialContext = (&net.Dialer{Timeout: 30 * time.Second, Resolver: resolver}).DialContext
	return tr
}
