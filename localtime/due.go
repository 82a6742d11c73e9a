package localtime

import "time"

// DateLayout writes a local date, as digests record it.
const DateLayout = "2006-01-02"

// dueOn returns the instant of the daily time at on the local date that is
// days after the date of local, and that date. A time that a DST change
// repeats is the one instant time.Date picks. A time that it skips is read
// with the offset from before the change, so that it falls after the gap:
// 02:30 on a day that jumps from 02:00 to 03:00 is 03:30. (time.Date itself
// may land before the gap or after it, depending on the zone.)
func dueOn(local time.Time, days int, at Clock, loc *time.Location) (string, time.Time) {
	h, m := at.Hour(), at.Minute()
	y, mo, d := local.Date()
	date := time.Date(y, mo, d+days, 12, 0, 0, 0, time.UTC).Format(DateLayout)
	due := time.Date(y, mo, d+days, h, m, 0, 0, loc)
	if due.Hour() == h && due.Minute() == m {
		return date, due
	}
	wall := time.Date(y, mo, d+days, h, m, 0, 0, time.UTC)
	_, before := due.Add(-3 * time.Hour).Zone()
	_, after := due.Add(3 * time.Hour).Zone()
	return date, wall.Add(-time.Duration(min(before, after)) * time.Second).In(loc)
}

// LastDue returns the local date (as DateLayout writes it) and the instant
// of the latest daily time at in loc that falls at or before now. Tomorrow's
// date is looked at too: in a zone that skips its midnight, a 00:00 time
// falls on the evening before.
func LastDue(at Clock, loc *time.Location, now time.Time) (string, time.Time) {
	local := now.In(loc)
	for days := 1; days >= -2; days-- {
		date, due := dueOn(local, days, at, loc)
		if !due.After(now) {
			return date, due
		}
	}
	return dueOn(local, -2, at, loc) // not reached: yesterday's is always past
}

// NextDue returns when the daily time at in loc comes next after now.
func NextDue(at Clock, loc *time.Location, now time.Time) time.Time {
	local := now.In(loc)
	for days := -1; ; days++ {
		if _, due := dueOn(local, days, at, loc); due.After(now) {
			return due
		}
	}
}

// NearestDue returns the local date and the instant of the daily time at in
// loc that lies nearest to t, before or after it (the earlier on a tie): the
// due time that a digest sent at t was sent for, early or late.
func NearestDue(at Clock, loc *time.Location, t time.Time) (string, time.Time) {
	date, due := LastDue(at, loc, t)
	if next := NextDue(at, loc, t); next.Sub(t) < t.Sub(due) {
		return LastDue(at, loc, next)
	}
	return date, due
}
