package locale

import "time"

// Span returns d in the short units of the printer's language, rounded as
// a fetch interval is read: whole days from two days up, hours and minutes
// from an hour, minutes from two minutes (or a whole one), else seconds.
// English keeps the compact form ("10s", "25m", "2h30m", "3d"); the other
// languages write their own units ("10 с", "2 Std. 30 Min.", "3 d").
func (p Printer) Span(d time.Duration) string {
	switch {
	case d >= 48*time.Hour:
		return p.Sprintf("%dd", int64(d/(24*time.Hour)))
	case d >= time.Hour:
		d = d.Round(time.Minute)
		if d%time.Hour == 0 {
			return p.Sprintf("%dh", int64(d/time.Hour))
		}
		return p.Sprintf("%dh%dm", int64(d/time.Hour), int64(d%time.Hour/time.Minute))
	case d >= 2*time.Minute || d >= time.Minute && d%time.Minute == 0:
		return p.Sprintf("%dm", int64(d.Round(time.Minute)/time.Minute))
	}
	return p.Sprintf("%ds", int64(d.Round(time.Second)/time.Second))
}
