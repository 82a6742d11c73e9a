package feeds

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/newshound/newshound/news"
)

// maxHold bounds how long a server's Retry-After may hold a source back.
const maxHold = 24 * time.Hour

// jitter is the share of an interval by which a source's next fetch comes
// earlier at random, so that sources fetched together drift apart. Only
// earlier: a source is never fetched later than its interval after the
// last fetch, so that an item waits at most one interval for its fetch.
const jitter = 0.1

// bounds are the intervals a source may be fetched at: base is the
// schedule's interval, the one of a source the poller knows nothing of yet;
// hint is the longest wait a feed's own request (max-age, Expires, ttl)
// gets: max, or hintCap when that is longer.
type bounds struct {
	base, min, max, hint time.Duration
}

// hintCap is the longest wait a feed's own request gets when max_interval
// is shorter: the schedule alone does not make a feed fetched more often
// than it asks, up to this.
const hintCap = time.Hour

// newBounds makes the operator's bounds consistent: 0 means the schedule's
// interval, and max is never below min.
func newBounds(base, lo, hi time.Duration) bounds {
	if lo <= 0 {
		lo = base
	}
	if hi <= 0 {
		hi = max(base, lo)
	}
	hi = max(hi, lo)
	return bounds{base: min(max(base, lo), hi), min: lo, max: hi, hint: max(hi, hintCap)}
}

// outcome is what one fetch told about when to fetch again.
type outcome struct {
	now         time.Time
	failures    int // consecutive failures, this fetch included
	err         error
	notModified bool
	dated       []time.Time   // publication times the feed's items carry
	fresh       time.Duration // Cache-Control max-age or Expires
	freshFrom   string
	ttl         time.Duration // RSS <ttl>
}

// plan returns the wait until a source's next fetch, why, and, when the
// server asked for something absurd that was bounded, a note to log once.
// Failures back off (or wait the server's Retry-After, at most maxHold);
// a success waits about half the time the feed takes between two items,
// longer after a 304, within the bounds, and never less than the freshness
// the server or the feed declares (up to b.hint).
func plan(b bounds, prev time.Duration, o outcome) (wait time.Duration, why news.IntervalReason, note string) {
	if o.err != nil {
		return planFailure(b, o)
	}
	if prev <= 0 {
		prev = b.base
	}
	switch gap := publishGap(o.dated, o.now); {
	case o.notModified:
		wait, why = prev+prev/4, news.IntervalReason{Kind: news.ReasonNotModified}
	case gap > 0:
		wait, why = gap/2, news.IntervalReason{Kind: news.ReasonPublishes, Span: gap}
	default:
		wait, why = b.base, news.IntervalReason{Kind: news.ReasonSchedule}
	}
	switch {
	case b.min == b.max:
		wait, why = b.min, news.IntervalReason{Kind: news.ReasonSchedule}
	case wait <= b.min:
		wait, why.Limit = b.min, news.LimitMin
	case wait >= b.max:
		wait, why.Limit = b.max, news.LimitMax
	}
	floor, from := o.fresh, o.freshFrom
	if o.ttl > floor {
		floor, from = o.ttl, "RSS ttl"
	}
	asked, bounded := floor, floor > b.hint
	if bounded {
		note = fmt.Sprintf("the feed's %s of %s is beyond what a feed may ask; it is fetched every %s", from, news.Span(floor), news.Span(b.hint))
		floor = b.hint
	}
	if floor > wait || bounded {
		wait, why = floor, news.IntervalReason{Kind: freshKind(from), Span: asked}
		if bounded {
			why.Limit = news.LimitBounded
		}
	}
	return wait, why, note
}

// freshKind is the reason kind of a freshness's source as freshness and
// plan name it.
func freshKind(from string) news.ReasonKind {
	switch from {
	case "RSS ttl":
		return news.ReasonTTL
	case "Expires":
		return news.ReasonExpires
	}
	return news.ReasonMaxAge
}

// maxFailures is a count of failures in a row whose backoff is the longest.
const maxFailures = 10

// planFailure backs off from 1 minute doubling to 6 hours (at once after a
// 410 Gone), waits at least max_interval after a 429, and waits a longer
// Retry-After up to maxHold.
func planFailure(b bounds, o outcome) (wait time.Duration, why news.IntervalReason, note string) {
	wait, why = backoff(o.failures), news.IntervalReason{Kind: news.ReasonBackoff, Count: o.failures}
	var se *StatusError
	if !errors.As(o.err, &se) {
		return wait, why, ""
	}
	if se.Code == http.StatusGone { // gone for good, says the server: the longest backoff at once
		wait = backoff(maxFailures)
	}
	if se.Code == http.StatusTooManyRequests && wait < b.max {
		wait, why = b.max, news.IntervalReason{Kind: news.ReasonTooMany}
	}
	if se.RetryAfter > wait {
		wait, why = se.RetryAfter, news.IntervalReason{Kind: news.ReasonRetryAfter}
		if wait > maxHold {
			note = fmt.Sprintf("the server's Retry-After of %s is beyond %s; tried again then", news.Span(wait), news.Span(maxHold))
			wait = maxHold
		}
	}
	return wait, why, note
}

// publishGap is the time a feed takes between two items, from the dated
// items it carries: the mean gap between its latest 20, or the time since
// the latest when that is longer (a feed gone quiet). 0 when unknown: fewer
// than two dated items, or all of one time (dates made at fetch time).
func publishGap(dated []time.Time, now time.Time) time.Duration {
	if len(dated) < 2 {
		return 0
	}
	ts := slices.Clone(dated)
	slices.SortFunc(ts, func(a, b time.Time) int { return b.Compare(a) })
	ts = ts[:min(len(ts), 20)]
	mean := ts[0].Sub(ts[len(ts)-1]) / time.Duration(len(ts)-1)
	if mean <= 0 {
		return 0
	}
	return max(mean, now.Sub(ts[0]))
}

// datedItems returns the publication times a feed's items carry, leaving
// out the undated and those in the future.
func datedItems(feed *gofeed.Feed, now time.Time) []time.Time {
	var out []time.Time
	for _, it := range feed.Items {
		if it == nil {
			continue
		}
		t := it.PublishedParsed
		if t == nil {
			t = it.UpdatedParsed
		}
		if t != nil && !t.After(now) {
			out = append(out, *t)
		}
	}
	return out
}

// withJitter shortens a wait by up to jitter of it, r being uniform in [0, 1).
func withJitter(wait time.Duration, r float64) time.Duration {
	return wait - time.Duration(r*jitter*float64(wait))
}

// DueAt returns when src is next due as of now: its NextFetchAt, but never
// later than now plus the wait that set it (its Interval and jitter; its
// backoff for a source recorded before intervals were), so that a clock
// stepped back, or a database moved from a machine ahead in time, holds no
// source back for the size of the step. A zero NextFetchAt is now.
func DueAt(src news.Source, now time.Time) time.Time {
	if src.NextFetchAt.IsZero() || !src.NextFetchAt.After(now) {
		return now
	}
	limit := src.Interval + time.Duration(jitter*float64(src.Interval)) + time.Second
	if src.Interval <= 0 {
		limit = backoff(max(src.Failures, 1))
	}
	if src.NextFetchAt.Sub(now) > limit {
		return now.Add(limit)
	}
	return src.NextFetchAt
}
