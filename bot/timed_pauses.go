package bot

import (
	"time"

	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/localtime"
	"github.com/newshound/newshound/news"
)

// untilText is when a timed pause or mute ends as the chat reads it: the
// day and time in the chat's time zone (/timezone), and the zone's name.
func untilText(p locale.Printer, until time.Time, zone string) string {
	return p.Date(until.In(localtime.Location(zone)), "Mon 2 Jan at 15:04") + " (" + esc(localtime.ZoneName(zone)) + ")"
}

// pausedLine says that the chat's alerts are paused, and until when if
// the pause ends by itself (/pause 3 days).
func pausedLine(p locale.Printer, chat news.Chat) string {
	if chat.PausedUntil.IsZero() {
		return p.Sprintf("Alerts are paused: /resume to turn them back on.")
	}
	return p.Sprintf("Alerts are paused until %s: /resume turns them back on sooner.", untilText(p, chat.PausedUntil, chat.Timezone))
}

// endOfSpan is when a pause or mute of d made at now ends: rounded up to
// the whole minute, the time its reply shows ("/pause 1 min" at 03:08:30
// ends at 03:10, not at 03:09:30 while the reply said 03:09).
func endOfSpan(now time.Time, d time.Duration) time.Time {
	end := now.Add(d)
	if t := end.Truncate(time.Minute); t.Before(end) {
		return t.Add(time.Minute)
	}
	return end
}
