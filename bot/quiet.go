package bot

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/newshound/newshound/digest"
)

// QuietHours is a daily span of local time, such as 23:00 to 07:00, during
// which alerts are sent silently or held for the digest. Start equal to End
// is no span at all.
type QuietHours struct {
	Start, End int // minutes after local midnight
}

var clockRE = regexp.MustCompile(`^([01]?\d|2[0-3]):([0-5]\d)$`)

// ParseClock reads "HH:MM" (24 h) as minutes after midnight; it fails on
// anything else.
func ParseClock(s string) (int, error) {
	m := clockRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, fmt.Errorf("%q is not a time of day such as 23:00", s)
	}
	h, _ := strconv.Atoi(m[1])
	mm, _ := strconv.Atoi(m[2])
	return h*60 + mm, nil
}

// ParseQuietHours reads "23:00-07:00"; it fails when either end is not a
// time of day or both are the same.
func ParseQuietHours(s string) (QuietHours, error) {
	from, to, ok := strings.Cut(strings.ReplaceAll(s, "–", "-"), "-")
	if !ok {
		return QuietHours{}, fmt.Errorf("%q is not a span such as 23:00-07:00", s)
	}
	start, err := ParseClock(from)
	if err != nil {
		return QuietHours{}, err
	}
	end, err := ParseClock(to)
	if err != nil {
		return QuietHours{}, err
	}
	if start == end {
		return QuietHours{}, fmt.Errorf("%q starts and ends at the same time", s)
	}
	return QuietHours{Start: start, End: end}, nil
}

// quietHoursOf reads stored quiet hours ("HH:MM" each); ok is false when the
// chat has none or they do not parse.
func quietHoursOf(start, end string) (QuietHours, bool) {
	if start == "" || end == "" {
		return QuietHours{}, false
	}
	s, err1 := ParseClock(start)
	e, err2 := ParseClock(end)
	if err1 != nil || err2 != nil || s == e {
		return QuietHours{}, false
	}
	return QuietHours{Start: s, End: e}, true
}

// Contains reports whether t, read in loc, falls in the quiet hours: from
// Start (included) to End (excluded), across midnight when End is earlier.
func (q QuietHours) Contains(t time.Time, loc *time.Location) bool {
	if loc == nil {
		loc = time.UTC
	}
	lt := t.In(loc)
	m := lt.Hour()*60 + lt.Minute()
	if q.Start < q.End {
		return m >= q.Start && m < q.End
	}
	return m >= q.Start || m < q.End
}

// String writes the span as "23:00-07:00".
func (q QuietHours) String() string { return clock(q.Start) + "-" + clock(q.End) }

// clock writes minutes after midnight as "HH:MM".
func clock(minutes int) string { return fmt.Sprintf("%02d:%02d", minutes/60, minutes%60) }

// location loads a chat's stored zone (an IANA name or a UTC offset, as
// /timezone stores it); UTC for "" or a name that does not load.
func location(name string) *time.Location {
	if name == "" {
		return time.UTC
	}
	loc, err := digest.LoadLocation(name)
	if err != nil {
		return time.UTC
	}
	return loc
}
