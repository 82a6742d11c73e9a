package localtime

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseQuietHours(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    string
		wantErr bool
	}{
		{"across midnight", "23:00-07:00", "23:00-07:00", false},
		{"same day", "12:30-14:00", "12:30-14:00", false},
		{"one digit hour", "7:05-9:00", "07:05-09:00", false},
		{"en dash", "22:00–06:00", "22:00-06:00", false},
		{"spaces", " 22:00 - 06:00 ", "22:00-06:00", false},
		{"am and pm", "11pm-7am", "23:00-07:00", false},
		{"pm with minutes", "11:30pm-6:45am", "23:30-06:45", false},
		{"am with a space", "10 pm - 7 am", "22:00-07:00", false},
		{"em dash", "22:00 — 06:00", "22:00-06:00", false},
		{"mixed", "23:00-7am", "23:00-07:00", false},
		// "22:00−07:00" (a minus sign) and "22:00〜07:00" (as Japanese
		// writes a span) were no span; "11 вечера - 7 утра" no times.
		{"minus sign", "22:00−07:00", "22:00-07:00", false},
		{"wave dash", "22:00〜07:00", "22:00-07:00", false},
		{"tilde", "22~7", "22:00-07:00", false},
		{"full-width", "２２：００－０７：００", "22:00-07:00", false},
		{"Russian halves of the day", "11 вечера - 7 утра", "23:00-07:00", false},
		{"no dash", "23:00", "", true},
		{"bad hour", "24:00-07:00", "", true},
		{"bad minute", "23:60-07:00", "", true},
		{"13pm", "13pm-7am", "", true},
		{"empty span", "07:00-07:00", "", true},
		{"empty span in am/pm", "7am-07:00", "", true},
		{"words", "night-morning", "", true},
		{"empty", "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := ParseQuietHours(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseQuietHours(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			}
			if err != nil && !errors.Is(err, ErrBadQuietHours) {
				t.Errorf("ParseQuietHours(%q) error = %v, want ErrBadQuietHours", tt.in, err)
			}
			if err == nil && q.String() != tt.want {
				t.Errorf("ParseQuietHours(%q) = %s, want %s", tt.in, q, tt.want)
			}
		})
	}
}

func TestLoadQuietHours(t *testing.T) {
	tests := []struct {
		name, start, end string
		want             string
		ok               bool
	}{
		{"stored", "23:00", "07:00", "23:00-07:00", true},
		{"none", "", "", "", false},
		{"half", "23:00", "", "", false},
		{"no span", "07:00", "07:00", "", false},
		{"unreadable", "late", "07:00", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, ok := LoadQuietHours(tt.start, tt.end)
			if ok != tt.ok || (ok && q.String() != tt.want) {
				t.Errorf("LoadQuietHours(%q, %q) = %s, %v; want %s, %v", tt.start, tt.end, q, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestQuietHoursContains(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	ny := mustLoad(t, "America/New_York")
	night := QuietHours{Start: 23 * 60, End: 7 * 60}
	lunch := QuietHours{Start: 12 * 60, End: 13 * 60}
	tests := []struct {
		name string
		q    QuietHours
		at   time.Time
		loc  *time.Location
		want bool
	}{
		{"late evening", night, time.Date(2026, 1, 10, 23, 30, 0, 0, time.UTC), nil, true},
		{"at the start", night, time.Date(2026, 1, 10, 23, 0, 0, 0, time.UTC), nil, true},
		{"just before the start", night, time.Date(2026, 1, 10, 22, 59, 0, 0, time.UTC), nil, false},
		{"at midnight", night, time.Date(2026, 1, 11, 0, 0, 0, 0, time.UTC), nil, true},
		{"early morning", night, time.Date(2026, 1, 10, 6, 59, 0, 0, time.UTC), nil, true},
		{"at the end", night, time.Date(2026, 1, 10, 7, 0, 0, 0, time.UTC), nil, false},
		{"afternoon", night, time.Date(2026, 1, 10, 15, 0, 0, 0, time.UTC), nil, false},
		{"in the chat's zone", night, time.Date(2026, 1, 10, 22, 30, 0, 0, time.UTC), berlin, true},    // 23:30 in Berlin
		{"summer time", night, time.Date(2026, 7, 10, 21, 30, 0, 0, time.UTC), berlin, true},           // 23:30 CEST
		{"not yet in the zone", night, time.Date(2026, 7, 10, 20, 30, 0, 0, time.UTC), berlin, false},  // 22:30 CEST
		{"after midnight in the zone", night, time.Date(2026, 1, 10, 10, 0, 0, 0, time.UTC), ny, true}, // 05:00 EST
		{"same-day span inside", lunch, time.Date(2026, 1, 10, 12, 15, 0, 0, time.UTC), nil, true},
		{"same-day span outside", lunch, time.Date(2026, 1, 10, 13, 15, 0, 0, time.UTC), nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.q.Contains(tt.at, tt.loc); got != tt.want {
				t.Errorf("%s contains %s = %v, want %v", tt.q, tt.at, got, tt.want)
			}
		})
	}
}

// "/quiet 22:00-" was told `"" is not a time of day`: a span with nothing on
// one side of its dash is named whole.
func TestQuietHoursWithAMissingEndNamesTheSpan(t *testing.T) {
	for _, in := range []string{"22:00-", "-07:00", " 22:00 – "} {
		_, err := ParseQuietHours(in)
		if err == nil || !errors.Is(err, ErrBadQuietHours) || !strings.Contains(err.Error(), "is not a span such as 23:00-07:00") || strings.Contains(err.Error(), `""`) {
			t.Errorf("ParseQuietHours(%q) = %v, want the span named as no span", in, err)
		}
	}
}
