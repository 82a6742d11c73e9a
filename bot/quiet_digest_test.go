package bot

import (
	"strings"
	"testing"
)

// TestHoldWarnsOfADigestInsideQuietHours: with quiet hours 23:00–08:00 that
// hold alerts and the digest at 07:30, whatever came from 07:30 to 08:00
// waited a whole day for the next digest, and neither /quiet, /digest nor
// /settings said so. Each now warns; a digest at or after their end does not.
func TestHoldWarnsOfADigestInsideQuietHours(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst, o.Digests = 50, nothingNew{} })
	say := func(cmd string) string {
		t.Helper()
		return h.reply(43, "private", 43, cmd).Text()
	}
	const warn = "alerts held from 07:30 to 08:00 wait for the next day's digest"
	steps := []struct {
		cmd, want string
		warned    bool
	}{
		{"/digest 07:30", "Daily digest at <b>07:30</b>", false}, // no quiet hours yet
		{"/quiet 23:00-08:00 hold", "alerts are held for the digest", true},
		{"/settings", "Quiet hours 23:00–08:00", true},
		{"/digest 08:00", "Daily digest at <b>08:00</b>", false},
		{"/quiet", "alerts are held for the digest", false},
		{"/digest 07:30", "⚠️ Your quiet hours 23:00–08:00 hold alerts for the digest", true},
		{"/quiet silent", "alerts arrive without a sound", false}, // silent alerts are not held
		{"/quiet hold", "alerts are held for the digest", true},
		{"/quiet 22:00-07:00", "Quiet hours 22:00–07:00", false}, // the digest now comes after their end
	}
	for _, s := range steps {
		got := say(s.cmd)
		if !strings.Contains(got, s.want) {
			t.Errorf("%s: reply %q lacks %q", s.cmd, got, s.want)
		}
		if strings.Contains(got, warn) != s.warned {
			t.Errorf("%s: warned = %v, want %v:\n%s", s.cmd, !s.warned, s.warned, got)
		}
	}
}
