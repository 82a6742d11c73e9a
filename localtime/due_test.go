package localtime

import (
	"testing"
	"time"
)

func mustLoad(tb testing.TB, name string) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		tb.Fatal(err)
	}
	return loc
}

func mustClock(tb testing.TB, s string) Clock {
	tb.Helper()
	c, err := ParseClock(s)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

func TestNextDue(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	berlin := mustLoad(t, "Europe/Berlin")
	tests := []struct {
		name string
		at   string
		loc  *time.Location
		now  time.Time
		want time.Time
	}{
		{"later today", "08:00", ny, time.Date(2026, 6, 10, 7, 0, 0, 0, ny), time.Date(2026, 6, 10, 8, 0, 0, 0, ny)},
		{"tomorrow", "08:00", ny, time.Date(2026, 6, 10, 8, 0, 0, 0, ny), time.Date(2026, 6, 11, 8, 0, 0, 0, ny)},
		{"over a spring-forward gap: after it", "02:30", ny, time.Date(2026, 3, 7, 23, 0, 0, 0, ny), time.Date(2026, 3, 8, 3, 30, 0, 0, ny)},
		{"spring-forward day, after the gap", "08:00", ny, time.Date(2026, 3, 8, 1, 0, 0, 0, ny), time.Date(2026, 3, 8, 8, 0, 0, 0, ny)},
		{"europe's gap", "02:15", berlin, time.Date(2026, 3, 28, 12, 0, 0, 0, berlin), time.Date(2026, 3, 29, 3, 15, 0, 0, berlin)},
		{"fall-back: the repeated hour comes once",
			"01:30", ny, time.Date(2026, 10, 31, 12, 0, 0, 0, ny), time.Date(2026, 11, 1, 1, 30, 0, 0, ny)},
		{"fall-back: not again an hour later",
			"01:30", ny, time.Date(2026, 11, 1, 1, 30, 0, 0, ny), time.Date(2026, 11, 2, 1, 30, 0, 0, ny)},
		{"across the new year", "00:00", time.UTC, time.Date(2026, 12, 31, 23, 59, 0, 0, time.UTC), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"fixed offset", "21:30", time.FixedZone("UTC+08:00", 8*3600), time.Date(2026, 6, 10, 13, 0, 0, 0, time.UTC), time.Date(2026, 6, 10, 13, 30, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NextDue(mustClock(t, tt.at), tt.loc, tt.now)
			if !got.Equal(tt.want) {
				t.Fatalf("NextDue = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestLastDue(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	tests := []struct {
		name     string
		at       string
		now      time.Time
		wantDate string
		want     time.Time
	}{
		{"earlier today", "08:00", time.Date(2026, 6, 10, 9, 0, 0, 0, ny), "2026-06-10", time.Date(2026, 6, 10, 8, 0, 0, 0, ny)},
		{"exactly now", "08:00", time.Date(2026, 6, 10, 8, 0, 0, 0, ny), "2026-06-10", time.Date(2026, 6, 10, 8, 0, 0, 0, ny)},
		{"yesterday", "08:00", time.Date(2026, 6, 10, 7, 59, 0, 0, ny), "2026-06-09", time.Date(2026, 6, 9, 8, 0, 0, 0, ny)},
		{"in a spring-forward gap: after it", "02:30", time.Date(2026, 3, 8, 4, 0, 0, 0, ny), "2026-03-08", time.Date(2026, 3, 8, 3, 30, 0, 0, ny)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			date, got := LastDue(mustClock(t, tt.at), ny, tt.now)
			if date != tt.wantDate || !got.Equal(tt.want) {
				t.Fatalf("LastDue = %s %s, want %s %s", date, got, tt.wantDate, tt.want)
			}
		})
	}
}

func TestNearestDue(t *testing.T) {
	kolkata := mustLoad(t, "Asia/Kolkata")
	tests := []struct {
		name     string
		at       string
		t        time.Time
		wantDate string
		wantDue  time.Time
	}{
		{"a minute early", "08:00", time.Date(2026, 11, 10, 7, 59, 0, 0, kolkata), "2026-11-10", time.Date(2026, 11, 10, 8, 0, 0, 0, kolkata)},
		{"a minute late", "08:00", time.Date(2026, 11, 10, 8, 1, 0, 0, kolkata), "2026-11-10", time.Date(2026, 11, 10, 8, 0, 0, 0, kolkata)},
		{"nearer tomorrow's", "08:00", time.Date(2026, 11, 10, 21, 0, 0, 0, kolkata), "2026-11-11", time.Date(2026, 11, 11, 8, 0, 0, 0, kolkata)},
		{"nearer yesterday's, over midnight", "23:30", time.Date(2026, 11, 11, 0, 30, 0, 0, kolkata), "2026-11-10", time.Date(2026, 11, 10, 23, 30, 0, 0, kolkata)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			date, due := NearestDue(mustClock(t, tt.at), kolkata, tt.t)
			if date != tt.wantDate || !due.Equal(tt.wantDue) {
				t.Errorf("NearestDue(%s, %s) = %s %s, want %s %s", tt.at, tt.t, date, due, tt.wantDate, tt.wantDue)
			}
		})
	}
}
