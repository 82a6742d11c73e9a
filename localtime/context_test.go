package localtime

import (
	"context"
	"testing"
	"time"
)

func TestTimeOfDayNamesTheZone(t *testing.T) {
	at := time.Date(2026, 11, 30, 21, 5, 0, 0, time.UTC)
	for _, tc := range []struct{ name, zone, want string }{
		{"UTC", "", "21:05:00 UTC"},
		{"an IANA name", "Europe/Berlin", "22:05:00 Europe/Berlin"},
		{"an offset", "+05:30", "02:35:00 UTC+05:30"},
		{"a name that no longer loads", "Mars/Olympus", "21:05:00 UTC"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := TimeOfDay(at, tc.zone); got != tc.want {
				t.Errorf("TimeOfDay(%s, %q) = %q, want %q", at, tc.zone, got, tc.want)
			}
		})
	}
	if got := ZoneFromContext(WithZone(context.Background(), "Asia/Tokyo")); got != "Asia/Tokyo" {
		t.Errorf("ZoneFromContext = %q", got)
	}
	if got := ZoneFromContext(context.Background()); got != "" {
		t.Errorf("ZoneFromContext of a bare context = %q, want \"\" (UTC)", got)
	}
}
