package config

import (
	"strings"
	"testing"
	"time"
)

// "@every 900000h" was taken, and /healthz's wait for a poll (three of the
// schedule's intervals) overflowed into a negative duration: not ready for
// ever. A schedule that polls less often than once a week is refused with
// what to write; a weekly one is still taken.
func TestScheduleOfMoreThanAWeekIsRefused(t *testing.T) {
	for spec, bad := range map[string]bool{
		"@every 900000h": true,
		"@every 8760h":   true,
		"@every 169h":    true,
		"0 0 1 * *":      true, // monthly
		"@every 168h":    false,
		"0 8 * * 1":      false, // weekly
	} {
		cfg := Defaults()
		cfg.Poller.Schedule = spec
		cfg.Poller.MaxAge = Duration(200 * time.Hour)
		err := cfg.Validate()
		if bad && (err == nil || !strings.Contains(err.Error(), "poller.schedule") || !strings.Contains(err.Error(), `"@every 168h"`)) {
			t.Errorf("%q: Validate = %v, want poller.schedule refused with what to write", spec, err)
		}
		if !bad && err != nil {
			t.Errorf("%q: Validate = %v, want it taken", spec, err)
		}
	}
}

// A source fetched less often than poller.max_age has whatever it
// published early in the gap past max_age at the next fetch: stored, never
// alerted, and nothing said so. A schedule with such a gap (a weekday cron
// leaves the weekend) or a poller.max_interval above max_age is warned,
// naming both keys and what to write.
func TestGapLongerThanMaxAgeIsWarned(t *testing.T) {
	cases := []struct {
		name     string
		schedule string
		maxInt   time.Duration
		want     []string
	}{
		{"weekday cron", "30 6 * * mon-fri", 0, []string{"poller.schedule", "poller.max_age", "72h", `poller.max_age = "72h"`}},
		{"every three days", "@every 72h", 0, []string{"poller.schedule", `poller.max_age = "72h"`}},
		{"quiet source's bound", "@every 2m", 168 * time.Hour, []string{"poller.max_interval", "poller.max_age", `poller.max_interval = "48h"`}},
		{"within max_age", "@every 2m", 24 * time.Hour, nil},
		{"daily", "0 8 * * *", 0, nil},
	}
	for _, c := range cases {
		cfg := Defaults() // max_age 48h
		cfg.Poller.Schedule = c.schedule
		cfg.Poller.MaxInterval = Duration(c.maxInt)
		if err := cfg.Validate(); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got := strings.Join(cfg.Warnings(), "\n")
		if c.want == nil && strings.Contains(got, "max_age") {
			t.Errorf("%s: warned %q", c.name, got)
		}
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: warnings %q do not say %q", c.name, got, w)
			}
		}
	}
}

// digest.timezone = "Etc/GMT+3" is three hours behind UTC (POSIX's sign),
// the other way round from how people write offsets: written for Moscow,
// the digest came six hours late and nothing said why. It is warned, with
// the offset to write for what was likely meant; other zones are not.
func TestAnEtcGMTZoneIsWarnedOfItsSign(t *testing.T) {
	for tz, want := range map[string]string{
		"Etc/GMT+3":     `is UTC-03:00`,
		"Etc/GMT-5":     `write "-05:00"`,
		"Etc/GMT+10":    `write "+10:00"`,
		"Etc/GMT":       "",
		"Etc/GMT+0":     "",
		"Europe/Moscow": "",
		"+03:00":        "",
	} {
		cfg := Defaults()
		cfg.Digest.Timezone = tz
		if err := cfg.Validate(); err != nil {
			t.Fatalf("%q: %v", tz, err)
		}
		got := strings.Join(cfg.Warnings(), "\n")
		if want == "" && strings.Contains(got, "digest.timezone") || want != "" && !strings.Contains(got, want) {
			t.Errorf("%q: warnings %q, want %q", tz, got, want)
		}
	}
}
