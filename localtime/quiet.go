package localtime

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrBadQuietHours is returned for quiet hours that cannot be read. The
// error's text says why in a sentence a user can read.
var ErrBadQuietHours = errors.New("not quiet hours")

// quietError is a reason quiet hours do not read; it matches
// ErrBadQuietHours, and the clock error behind it when there is one.
type quietError struct {
	msg string
	err error
}

func (e *quietError) Error() string        { return e.msg }
func (e *quietError) Unwrap() error        { return e.err }
func (e *quietError) Is(target error) bool { return target == ErrBadQuietHours }

// QuietHours is a daily span of local time, such as 23:00 to 07:00, during
// which alerts are sent silently or held for the digest. Start equal to End
// is no span at all.
type QuietHours struct {
	Start, End Clock
}

// ParseQuietHours reads a span such as "23:00-07:00" or "11pm-7am", each end
// in the grammar of ParseClock. It fails with ErrBadQuietHours when there is
// no dash, when either end is not a time of day, or when both are the same.
func ParseQuietHours(s string) (QuietHours, error) {
	from, to, ok := strings.Cut(strings.ReplaceAll(s, "–", "-"), "-")
	if !ok {
		return QuietHours{}, &quietError{msg: fmt.Sprintf("%q is not a span such as 23:00-07:00", s)}
	}
	start, err := ParseClock(from)
	if err != nil {
		return QuietHours{}, &quietError{msg: err.Error(), err: err}
	}
	end, err := ParseClock(to)
	if err != nil {
		return QuietHours{}, &quietError{msg: err.Error(), err: err}
	}
	if start == end {
		return QuietHours{}, &quietError{msg: fmt.Sprintf("%q starts and ends at the same time", s)}
	}
	return QuietHours{Start: start, End: end}, nil
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
