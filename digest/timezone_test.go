package digest

import (
	"errors"
	"testing"
	"time"
)

func TestParseTimezone(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		want     string
		offset   int // seconds east of UTC on 2026-01-15
		rejected bool
	}{
		{name: "iana", in: "Europe/Berlin", want: "Europe/Berlin", offset: 3600},
		{name: "iana lower case", in: "america/new_york", want: "America/New_York", offset: -5 * 3600},
		{name: "half-hour zone", in: "Asia/Kolkata", want: "Asia/Kolkata", offset: 5*3600 + 1800},
		{name: "utc", in: "utc", want: "UTC"},
		{name: "offset", in: "+08:00", want: "+08:00", offset: 8 * 3600},
		{name: "short offset", in: "-5", want: "-05:00", offset: -5 * 3600},
		{name: "compact offset", in: "+0530", want: "+05:30", offset: 5*3600 + 1800},
		{name: "utc plus", in: "UTC+5:45", want: "+05:45", offset: 5*3600 + 45*60},
		{name: "gmt minus, unicode minus", in: "GMT−3", want: "-03:00", offset: -3 * 3600},
		{name: "zero offset", in: "+00:00", want: "UTC"},
		{name: "not a zone", in: "Mars/Olympus", rejected: true},
		{name: "server local", in: "Local", rejected: true},
		{name: "empty", in: "", rejected: true},
		{name: "offset too far", in: "+15:00", rejected: true},
		{name: "bad minutes", in: "+05:75", rejected: true},
		{name: "path tricks", in: "../../etc/passwd", rejected: true},
		{name: "two words", in: "Europe Berlin", rejected: true},
	}
	jan := time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name, loc, err := ParseTimezone(tt.in)
			if tt.rejected {
				if !errors.Is(err, ErrUnknownTimezone) {
					t.Fatalf("ParseTimezone(%q) = %q, %v; want ErrUnknownTimezone", tt.in, name, err)
				}
				return
			}
			if err != nil || name != tt.want {
				t.Fatalf("ParseTimezone(%q) = %q, %v; want %q", tt.in, name, err, tt.want)
			}
			if _, off := jan.In(loc).Zone(); off != tt.offset {
				t.Errorf("offset = %d, want %d", off, tt.offset)
			}
			again, err := LoadLocation(name) // as the scheduler loads the stored name
			if _, off := jan.In(again).Zone(); err != nil || off != tt.offset {
				t.Errorf("LoadLocation(%q) offset = %d, %v; want %d", name, off, err, tt.offset)
			}
		})
	}
}

func TestParseClock(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // "" = rejected
	}{
		{"hh:mm", "08:00", "08:00"},
		{"h:mm", "7:30", "07:30"},
		{"compact", "2130", "21:30"},
		{"hour only", "9", "09:00"},
		{"dot", "18.45", "18:45"},
		{"pm", "7pm", "19:00"},
		{"am with minutes", "7:15 am", "07:15"},
		{"midnight am", "12am", "00:00"},
		{"noon pm", "12:30pm", "12:30"},
		{"24:00", "24:00", ""},
		{"minutes out of range", "08:60", ""},
		{"13pm", "13pm", ""},
		{"words", "tomorrow", ""},
		{"seconds", "08:00:00", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseClock(tt.in)
			if tt.want == "" {
				if !errors.Is(err, ErrBadClock) {
					t.Fatalf("ParseClock(%q) = %q, %v; want ErrBadClock", tt.in, got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseClock(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestNextDue(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	tests := []struct {
		name string
		hhmm string
		now  time.Time
		want time.Time
	}{
		{"later today", "08:00", time.Date(2026, 6, 10, 7, 0, 0, 0, ny), time.Date(2026, 6, 10, 8, 0, 0, 0, ny)},
		{"tomorrow", "08:00", time.Date(2026, 6, 10, 8, 0, 0, 0, ny), time.Date(2026, 6, 11, 8, 0, 0, 0, ny)},
		{"over a spring-forward gap: after it", "02:30", time.Date(2026, 3, 7, 23, 0, 0, 0, ny), time.Date(2026, 3, 8, 3, 30, 0, 0, ny)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := NextDue(tt.hhmm, ny, tt.now)
			if err != nil || !got.Equal(tt.want) {
				t.Fatalf("NextDue = %s, %v; want %s", got, err, tt.want)
			}
		})
	}
}
