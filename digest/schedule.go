package digest

import "time"

// dateLayout names a local date in the digests table.
const dateLayout = "2006-01-02"

// dueOn returns the instant of the digest at h:m on the local date that is
// days after the date of local, and that date. A time that a DST change
// repeats is the one instant time.Date picks. A time that it skips is read
// with the offset from before the change, so that it falls after the gap:
// 02:30 on a day that jumps from 02:00 to 03:00 is 03:30. (time.Date itself
// may land before the gap or after it, depending on the zone.)
func dueOn(local time.Time, days, h, m int, loc *time.Location) (string, time.Time) {
	y, mo, d := local.Date()
	date := time.Date(y, mo, d+days, 12, 0, 0, 0, time.UTC).Format(dateLayout)
	due := time.Date(y, mo, d+days, h, m, 0, 0, loc)
	if due.Hour() == h && due.Minute() == m {
		return date, due
	}
	wall := time.Date(y, mo, d+days, h, m, 0, 0, time.UTC)
	_, before := due.Add(-3 * time.Hour).Zone()
	_, after := due.Add(3 * time.Hour).Zone()
	return date, wall.Add(-time.Duration(min(before, after)) * time.Second).In(loc)
}

// lastDue returns the local date and instant of the latest digest due at or
// before now. Tomorrow's date is looked at too: in a zone that skips its
// midnight, a 00:00 digest falls on the evening before.
func lastDue(h, m int, loc *time.Location, now time.Time) (string, time.Time) {
	local := now.In(loc)
	for days := 1; days >= -2; days-- {
		date, due := dueOn(local, days, h, m, loc)
		if !due.After(now) {
			return date, due
		}
	}
	return dueOn(local, -2, h, m, loc) // not reached: yesterday's is always past
}

// NextDue returns when a digest at the stored time of day hhmm ("HH:MM") in
// loc comes next after now. It fails with ErrBadClock for a bad hhmm.
func NextDue(hhmm string, loc *time.Location, now time.Time) (time.Time, error) {
	h, m, err := splitClock(hhmm)
	if err != nil {
		return time.Time{}, err
	}
	local := now.In(loc)
	for days := -1; ; days++ {
		if _, due := dueOn(local, days, h, m, loc); due.After(now) {
			return due, nil
		}
	}
}
