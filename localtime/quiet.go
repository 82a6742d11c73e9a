package localtime

import (
	"errors"
	"strings"
	"time"
)

// ErrBadQuietHours is returned for quiet hours that cannot be read. The
// error's text says why in a sentence a user can read.
var ErrBadQuietHours = errors.New("not quiet hours")

// QuietHours is a daily span of local time, such as 23:00 to 07:00, during
// which alerts are sent silently or held for the digest. Start equal to End
// is no span at all.
type QuietHours struct {
	Start, End Clock
}

// ParseQuietHours reads a span such as "23:00-07:00" or "11pm-7am", each end
// in the grammar of ParseClock, the dash a hyphen, an en or em dash (phones
// make one of "--"), a minus sign or a tilde (spanDash), spaces around it or
// not. It fails with an *Error of kind
// ErrBadQuietHours when there is
// no dash or nothing on one side of it, when either end is not a time of day,
// or when both are the same.
func ParseQuietHours(s string) (QuietHours, error) {
	from, to, ok := strings.Cut(spanDash.Replace(s), "-")
	if !ok || strings.TrimSpace(from) == "" || strings.TrimSpace(to) == "" {
		// "22:00-" was told that "" is not a time of day.
		return QuietHours{}, userError(ErrBadQuietHours, "%q is not a span such as 23:00-07:00", s)
	}
	start, err := parseClock(from)
	if err != nil {
		return QuietHours{}, quietClock(err)
	}
	end, err := parseClock(to)
	if err != nil {
		return QuietHours{}, quietClock(err)
	}
	if start == end {
		return QuietHours{}, userError(ErrBadQuietHours, "%q starts and ends at the same time", s)
	}
	return QuietHours{Start: start, End: end}, nil
}

// spanDash writes s with "-" for the dashes and minus signs that phones
// type between the ends of a span ("22:00−07:00": a minus sign was no
// dash), and for "~", as Japanese writes a span. (/quiet itself reads the
// words for "to" and a span without a dash.)
var spanDash = strings.NewReplacer("–", "-", "—", "-", "−", "-", "‐", "-", "‑", "-", "－", "-", "~", "-", "〜", "-", "～", "-")

// quietClock is the error of quiet hours whose end is no time of day: the
// clock's sentence, of kind ErrBadQuietHours, unwrapping to the clock's error.
func quietClock(err *Error) error {
	return &Error{Key: err.Key, Args: err.Args, kind: ErrBadQuietHours, err: err}
}

// LoadQuietHours reads stored quiet hours ("HH:MM" each); ok is false when
// the chat has none, or they do not read, or they are no span.
func LoadQuietHours(start, end string) (QuietHours, bool) {
	if start == "" || end == "" {
		return QuietHours{}, false
	}
	s, err1 := LoadClock(start)
	e, err2 := LoadClock(end)
	if err1 != nil || err2 != nil || s == e {
		return QuietHours{}, false
	}
	return QuietHours{Start: s, End: e}, true
}

// Contains reports whether t, read in loc (nil: UTC), falls in the quiet
// hours: from Start (included) to End (excluded), across midnight when End
// is earlier.
func (q QuietHours) Contains(t time.Time, loc *time.Location) bool {
	if loc == nil {
		loc = time.UTC
	}
	lt := t.In(loc)
	m := Clock(lt.Hour()*60 + lt.Minute())
	if q.Start < q.End {
		return m >= q.Start && m < q.End
	}
	return m >= q.Start || m < q.End
}

// String writes the span as "23:00-07:00".
func (q QuietHours) String() string { return q.Start.String() + "-" + q.End.String() }
