package localtime

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestErrorsCarryTheirKey: the errors a user reads carry a catalog key and
// arguments printing their English sentence, and match their kind.
func TestErrorsCarryTheirKey(t *testing.T) {
	_, err := ParseClock(" 25:00 ")
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrBadClock) || errors.Is(err, ErrBadQuietHours) {
		t.Fatalf("ParseClock: %#v", err)
	}
	if key, args := e.Message(); key != "%q is not a time of day such as 23:00 or 11pm" || fmt.Sprint(args) != "[25:00]" {
		t.Errorf("ParseClock: key %q args %v", key, args)
	}
	if e.Error() != `"25:00" is not a time of day such as 23:00 or 11pm` {
		t.Errorf("ParseClock: %q", e.Error())
	}
	for _, tt := range []struct{ in, key, text string }{
		{"23:00", "%q is not a span such as 23:00-07:00", `"23:00" is not a span such as 23:00-07:00`},
		{"23:00-23:00", "%q starts and ends at the same time", `"23:00-23:00" starts and ends at the same time`},
		{"23:00-7pmx", "%q is not a time of day such as 23:00 or 11pm", `"7pmx" is not a time of day such as 23:00 or 11pm`},
	} {
		_, err := ParseQuietHours(tt.in)
		if !errors.As(err, &e) || !errors.Is(err, ErrBadQuietHours) {
			t.Fatalf("ParseQuietHours(%q): %#v", tt.in, err)
		}
		if key, _ := e.Message(); key != tt.key || e.Error() != tt.text {
			t.Errorf("ParseQuietHours(%q): key %q, text %q", tt.in, key, e.Error())
		}
	}
	_, err = ParseQuietHours("23:00-7pmx")
	if !errors.Is(err, ErrBadClock) {
		t.Errorf("quiet hours with a bad end do not unwrap to the clock's error: %v", err)
	}
}

// TestZoneErrorsCarryTheirKey: a zone that does not read says so in a catalog
// sentence, and an offset beyond ±14:00 says the range; a pasted paragraph is
// clipped in the answer.
func TestZoneErrorsCarryTheirKey(t *testing.T) {
	long := strings.Repeat("x", 100)
	tests := []struct{ in, key, text string }{
		{"Mars/Olympus", "I don't know the time zone %s.", "I don't know the time zone Mars/Olympus."},
		{"UTC+15", "%q is out of range: UTC offsets run from -14:00 to +14:00.", `"UTC+15" is out of range: UTC offsets run from -14:00 to +14:00.`},
		{long, "I don't know the time zone %s.", "I don't know the time zone " + long[:60] + "…."},
	}
	for _, tt := range tests {
		_, _, err := ParseTimezone(tt.in)
		var e *Error
		if !errors.As(err, &e) || !errors.Is(err, ErrUnknownTimezone) {
			t.Fatalf("ParseTimezone(%q) = %v, want an *Error of kind ErrUnknownTimezone", tt.in, err)
		}
		if key, _ := e.Message(); key != tt.key || e.Error() != tt.text {
			t.Errorf("ParseTimezone(%q): key %q, text %q", tt.in, key, e.Error())
		}
	}
}
