package news

import (
	"testing"
	"time"
)

// TestIntervalReasonEncoding: every kind and limit reads back as written,
// and old free text, or anything else, is not taken for a reason.
func TestIntervalReasonEncoding(t *testing.T) {
	for _, r := range []IntervalReason{
		{Kind: ReasonSchedule},
		{Kind: ReasonNotModified, Limit: LimitMax},
		{Kind: ReasonPublishes, Span: 2 * time.Hour, Limit: LimitMin},
		{Kind: ReasonMaxAge, Span: 10 * 365 * 24 * time.Hour, Limit: LimitBounded},
		{Kind: ReasonExpires, Span: 30 * time.Minute},
		{Kind: ReasonTTL, Span: 24 * time.Hour, Limit: LimitBounded},
		{Kind: ReasonBackoff, Count: 1},
		{Kind: ReasonBackoff, Count: 12},
		{Kind: ReasonTooMany},
		{Kind: ReasonRetryAfter},
		{Kind: ReasonPushed},
		{Kind: ReasonRolls, Span: 5 * time.Minute},
	} {
		got, ok := ParseIntervalReason(r.Encode())
		if !ok || got != r {
			t.Errorf("%+v encodes as %q, reads back as %+v, %v", r, r.Encode(), got, ok)
		}
	}
	for _, s := range []string{"", "the schedule", "publishes about every 2h", "@", "@schedule", "@nonsense/0/0/",
		"@schedule/0/0/sideways", "@publishes/x/0/", "@backoff/0/-1/", "@publishes/-5/0/", "@schedule/0/0//"} {
		if r, ok := ParseIntervalReason(s); ok {
			t.Errorf("ParseIntervalReason(%q) = %+v, want not a reason", s, r)
		}
	}
}

// TestIntervalReasonString: the English for logs, the plural right.
func TestIntervalReasonString(t *testing.T) {
	for r, want := range map[IntervalReason]string{
		{Kind: ReasonBackoff, Count: 1}:                               "backing off after 1 failed fetch",
		{Kind: ReasonBackoff, Count: 3}:                               "backing off after 3 failed fetches",
		{Kind: ReasonPublishes, Span: 2 * time.Hour, Limit: LimitMax}: "publishes about every 2h, at poller.max_interval",
		{Kind: ReasonMaxAge, Span: time.Hour, Limit: LimitBounded}:    "the feed's Cache-Control max-age of 1h, bounded",
		{Kind: ReasonSchedule, Limit: LimitMin}:                       "the schedule, at poller.min_interval",
	} {
		if got := r.String(); got != want {
			t.Errorf("%+v = %q, want %q", r, got, want)
		}
	}
}

func TestSpan(t *testing.T) {
	for d, want := range map[time.Duration]string{
		45 * time.Second: "45s", 60 * time.Second: "1m", 90 * time.Second: "90s", 5 * time.Minute: "5m",
		2*time.Hour + 30*time.Minute: "2h30m", 5 * time.Hour: "5h", 72 * time.Hour: "3d",
	} {
		if got := Span(d); got != want {
			t.Errorf("Span(%s) = %q, want %q", d, got, want)
		}
	}
}
