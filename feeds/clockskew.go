package feeds

import (
	"log/slog"
	"net/url"
	"slices"
	"sync"
	"time"
)

// Clock-skew watch: Newshound judges articles by this host's clock (an
// article published longer than poller.max_age ago is never alerted), and so
// does TLS. A clock days ahead (a VM without NTP, a board without a
// real-time clock) made every new article "old": stored, never alerted, and
// nothing said why. The Date of the feed servers' answers tells: when most
// servers heard from disagree with the clock by more than skewLimit, the
// poller logs it, at most once a day.
const (
	// skewLimit is the difference tolerated: servers' clocks and the
	// fetch's latency are off by seconds, not minutes.
	skewLimit = 10 * time.Minute
	// skewHosts is how many servers must have answered before the clock
	// is judged: one server with a wrong Date says nothing.
	skewHosts = 3
	// skewKept bounds the servers remembered.
	skewKept = 32
)

// clockSkew holds each server's last Date minus the local clock.
type clockSkew struct {
	mu     sync.Mutex
	hosts  map[string]time.Duration
	warned time.Time // when the last warning was logged (local clock); zero: never
}

// note records the Date a server of rawURL answered with, at the local time
// now, and logs a warning when the median difference over the servers
// heard from passes skewLimit (at most once a day). A zero date is ignored.
func (c *clockSkew) note(log *slog.Logger, rawURL string, date, now time.Time) {
	u, err := url.Parse(rawURL)
	if date.IsZero() || err != nil || u.Host == "" {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.hosts == nil {
		c.hosts = map[string]time.Duration{}
	}
	if _, ok := c.hosts[u.Host]; !ok && len(c.hosts) >= skewKept {
		clear(c.hosts) // start over rather than grow: a judgement needs only a few
	}
	c.hosts[u.Host] = date.Sub(now)
	if len(c.hosts) < skewHosts {
		return
	}
	skews := make([]time.Duration, 0, len(c.hosts))
	for _, d := range c.hosts {
		skews = append(skews, d)
	}
	slices.Sort(skews)
	median := skews[len(skews)/2]
	if median.Abs() <= skewLimit {
		c.warned = time.Time{} // put right: a later drift is told again
		return
	}
	if !c.warned.IsZero() && now.Sub(c.warned).Abs() < 24*time.Hour {
		return
	}
	c.warned = now
	way := "ahead of"
	if median > 0 {
		way = "behind"
	}
	log.Warn("the system clock is "+way+" the feed servers' (the Date of their answers): articles are judged by it, "+
		"and those it dates older than poller.max_age are never alerted; set the clock right (timedatectl set-ntp true, or chrony/ntpd)",
		"off_by", median.Abs().Round(time.Second), "servers", len(skews), "clock", now.UTC().Format(time.RFC3339))
}
