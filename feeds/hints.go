package feeds

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// freshness reads how long an answer stays fresh: Cache-Control max-age
// first, then Expires against the answer's Date (or now). It returns 0 when
// the headers say nothing usable, and names the header that said it.
func freshness(h http.Header, now time.Time) (time.Duration, string) {
	for _, d := range strings.Split(h.Get("Cache-Control"), ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(d), "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(k), "max-age") {
			continue
		}
		// Seconds beyond int64 (a decade and more) parse as the largest value.
		n, err := strconv.ParseInt(strings.Trim(strings.TrimSpace(v), `"`), 10, 64)
		if err != nil && !strings.Contains(err.Error(), "range") {
			return 0, ""
		}
		if n <= 0 {
			return 0, ""
		}
		return secs(n), "Cache-Control max-age"
	}
	exp := h.Get("Expires")
	if exp == "" {
		return 0, ""
	}
	t, err := http.ParseTime(exp)
	if err != nil {
		return 0, ""
	}
	if d, err := http.ParseTime(h.Get("Date")); err == nil {
		now = d
	}
	if !t.After(now) {
		return 0, ""
	}
	return t.Sub(now), "Expires"
}

// secs is n seconds, saturating instead of overflowing.
func secs(n int64) time.Duration {
	const most = int64(1<<63-1) / int64(time.Second)
	return time.Duration(min(n, most)) * time.Second
}

// rssTTL reads an RSS channel's <ttl> (minutes the feed may be cached),
// looking only before the first item; 0 when there is none or it is not a
// positive number.
func rssTTL(body []byte) time.Duration {
	head := body
	if i := bytes.Index(head, []byte("<item")); i >= 0 {
		head = head[:i]
	}
	i := bytes.Index(head, []byte("<ttl>"))
	if i < 0 {
		return 0
	}
	rest := head[i+len("<ttl>"):]
	j := bytes.Index(rest, []byte("</ttl>"))
	if j < 0 || j > 32 {
		return 0
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(rest[:j])), 10, 64)
	if err != nil || n <= 0 {
		return 0
	}
	return secs(min(n, 1<<40) * 60)
}
