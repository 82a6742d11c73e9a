package news

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ReasonKind is what set a source's fetch interval.
type ReasonKind string

// The kinds of IntervalReason. Their names are part of the stored encoding:
// never rename one.
const (
	ReasonSchedule    ReasonKind = "schedule"    // the schedule's interval
	ReasonNotModified ReasonKind = "notmodified" // nothing new at the last fetch
	ReasonPublishes   ReasonKind = "publishes"   // the feed publishes about every Span
	ReasonMaxAge      ReasonKind = "max-age"     // the feed's Cache-Control max-age of Span
	ReasonExpires     ReasonKind = "expires"     // the feed's Expires, Span ahead
	ReasonTTL         ReasonKind = "ttl"         // the feed's RSS ttl of Span
	ReasonBackoff     ReasonKind = "backoff"     // backing off after Count failed fetches
	ReasonTooMany     ReasonKind = "429"         // the server answered 429 Too Many Requests
	ReasonRetryAfter  ReasonKind = "retry-after" // the server's Retry-After
	ReasonPushed      ReasonKind = "WebSub"      // pushed by a WebSub hub, polled as a safety net
	ReasonRolls       ReasonKind = "rolls"       // the feed rolled past unseen items; fetched more often than its Span
)

// ReasonLimit says which bound cut the interval the reason asked for.
type ReasonLimit string

// The limits of IntervalReason.
const (
	LimitNone    ReasonLimit = ""
	LimitMin     ReasonLimit = "min"     // raised to poller.min_interval
	LimitMax     ReasonLimit = "max"     // lowered to poller.max_interval
	LimitBounded ReasonLimit = "bounded" // a feed's request beyond what a feed may ask
)

// IntervalReason says why the poller chose a source's fetch interval, in
// parts a reader translates (/sources). Its Encode form is what
// Source.IntervalReason and FetchResult.IntervalReason store.
type IntervalReason struct {
	Kind  ReasonKind
	Span  time.Duration // the publication gap or the time the feed asked for
	Count int           // consecutive failed fetches (ReasonBackoff)
	Limit ReasonLimit
}

// reasonPrefix marks an encoded reason; free text stored before reasons had
// parts never starts with it.
const reasonPrefix = "@"

// Encode returns r in a compact stable text form, "@kind/seconds/count/limit"
// ("@publishes/7200/0/max"), which ParseIntervalReason reads back.
func (r IntervalReason) Encode() string {
	return reasonPrefix + string(r.Kind) + "/" + strconv.FormatInt(int64(r.Span/time.Second), 10) + "/" +
		strconv.Itoa(r.Count) + "/" + string(r.Limit)
}

// ParseIntervalReason reads what Encode wrote. It reports false for
// anything else, such as the English free text stored by older versions,
// which a reader then shows as it is.
func ParseIntervalReason(s string) (IntervalReason, bool) {
	rest, ok := strings.CutPrefix(s, reasonPrefix)
	if !ok {
		return IntervalReason{}, false
	}
	parts := strings.Split(rest, "/")
	if len(parts) != 4 {
		return IntervalReason{}, false
	}
	secs, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil || secs < 0 || secs > int64(1<<62/time.Second) {
		return IntervalReason{}, false
	}
	n, err := strconv.Atoi(parts[2])
	if err != nil || n < 0 {
		return IntervalReason{}, false
	}
	r := IntervalReason{Kind: ReasonKind(parts[0]), Span: time.Duration(secs) * time.Second, Count: n, Limit: ReasonLimit(parts[3])}
	switch r.Kind {
	case ReasonSchedule, ReasonNotModified, ReasonPublishes, ReasonMaxAge, ReasonExpires, ReasonTTL,
		ReasonBackoff, ReasonTooMany, ReasonRetryAfter, ReasonPushed, ReasonRolls:
	default:
		return IntervalReason{}, false
	}
	switch r.Limit {
	case LimitNone, LimitMin, LimitMax, LimitBounded:
	default:
		return IntervalReason{}, false
	}
	return r, true
}

// String is r in English, for logs: "publishes about every 2h, at
// poller.max_interval".
func (r IntervalReason) String() string {
	var s string
	switch r.Kind {
	case ReasonSchedule:
		s = "the schedule"
	case ReasonNotModified:
		s = "nothing new at the last fetch"
	case ReasonPublishes:
		s = "publishes about every " + Span(r.Span)
	case ReasonMaxAge:
		s = "the feed's Cache-Control max-age of " + Span(r.Span)
	case ReasonExpires:
		s = "the feed's Expires of " + Span(r.Span)
	case ReasonTTL:
		s = "the feed's RSS ttl of " + Span(r.Span)
	case ReasonBackoff:
		s = fmt.Sprintf("backing off after %d failed fetches", r.Count)
		if r.Count == 1 {
			s = "backing off after 1 failed fetch"
		}
	case ReasonTooMany:
		s = "the server answered 429 Too Many Requests"
	case ReasonRetryAfter:
		s = "the server's Retry-After"
	case ReasonPushed:
		s = "pushed by its WebSub hub; polled as a safety net"
	case ReasonRolls:
		s = "the feed dropped unseen items between fetches " + Span(r.Span) + " apart; fetched more often"
	default:
		s = string(r.Kind)
	}
	switch r.Limit {
	case LimitMin:
		s += ", at poller.min_interval"
	case LimitMax:
		s += ", at poller.max_interval"
	case LimitBounded:
		s += ", bounded"
	}
	return s
}

// Span writes a duration the way logs and /sources show it, in units every
// language here reads: 90s, 5m, 2h30m, 3d.
func Span(d time.Duration) string { return SpanIn(d, fmt.Sprintf) }

// SpanIn is Span written by sprintf, which may translate its formats
// ("%dd", "%dh", "%dh%dm", "%dm", "%ds"): whole days from two days up,
// hours and minutes from an hour, minutes from two minutes (or a whole
// one), else seconds.
func SpanIn(d time.Duration, sprintf func(format string, a ...any) string) string {
	switch {
	case d >= 48*time.Hour:
		return sprintf("%dd", int64(d/(24*time.Hour)))
	case d >= time.Hour:
		d = d.Round(time.Minute)
		if d%time.Hour == 0 {
			return sprintf("%dh", int64(d/time.Hour))
		}
		return sprintf("%dh%dm", int64(d/time.Hour), int64(d%time.Hour/time.Minute))
	case d >= 2*time.Minute || d >= time.Minute && d%time.Minute == 0:
		return sprintf("%dm", int64(d.Round(time.Minute)/time.Minute))
	}
	return sprintf("%ds", int64(d.Round(time.Second)/time.Second))
}
