package locale

import (
	"time"

	"github.com/newshound/newshound/news"
)

// Span returns d in the short units of the printer's language, rounded as
// a fetch interval is read (news.SpanIn): whole days from two days up, hours
// and minutes from an hour, minutes from two minutes (or a whole one), else
// seconds. English keeps the compact form ("10s", "25m", "2h30m", "3d"); the
// other languages write their own units ("10 с", "2 Std. 30 Min.", "3 d").
func (p Printer) Span(d time.Duration) string { return news.SpanIn(d, p.Sprintf) }
