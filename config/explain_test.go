package config

import (
	"errors"
	"strings"
	"testing"
)

// TestLoadExplainsMistakes: a mistyped key is answered with the key it
// most likely meant, a value of the wrong type with what to write instead;
// both name the key.
func TestLoadExplainsMistakes(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"mistyped key", "[telegram]\ntokn = \"1:x\"", []string{"unknown key telegram.tokn (did you mean telegram.token?)", "config.example.toml"}},
		{"mistyped table", "[telegrm]\ntoken = \"1:x\"", []string{"line 1: unknown table [telegrm]: Newshound's is [telegram];"}},
		{"key of an array of tables", "[[sources]]\nname = \"x\"\nurll = \"https://example.com/feed\"", []string{"did you mean sources.url?"}},
		// A key of another program's configuration, or a word a person
		// reaches for: Newshound's key and how to write it (no hint, or a
		// table, or storage.path for log.path).
		{"interval", "[poller]\ninterval = \"5m\"", []string{`unknown key poller.interval (Newshound's key is poller.schedule, a cron spec: schedule = "@every 5m")`}},
		{"log path", "[log]\npath = \"x.log\"", []string{"unknown key log.path (Newshound's key is log.file"}},
		{"storage db", "[storage]\ndb = \"x.db\"", []string{"unknown key storage.db (Newshound's key is storage.path"}},
		{"digest tz", "[digest]\ntz = \"UTC\"", []string{"unknown key digest.tz (Newshound's key is digest.timezone"}},
		{"metrics port", "[metrics]\nport = 9090", []string{"unknown key metrics.port (Newshound's key is metrics.listen"}},
		{"bot token", "[telegram]\nbot_token = \"1:x\"", []string{"unknown key telegram.bot_token (Newshound's key is telegram.token"}},
		{"a table for a key", "[storage]\npth = \"x.db\"\n[memory]\ngc = 100", []string{"unknown key storage.pth (did you mean storage.path?), memory.gc;"}},
		{"no near key", "[telegram]\nfavourite_colour = \"blue\"", []string{"unknown key telegram.favourite_colour;"}},
		{"string for an integer", "[poller]\nconcurrency = \"four\"", []string{"line 2: poller.concurrency must be a whole number, e.g. 4, not a string"}},
		{"number for a bool", "[telegram]\npaid_broadcast = 1", []string{"telegram.paid_broadcast must be true or false, not a whole number"}},
		{"string for a list", "[telegram]\nadmins = \"42\"", []string{"telegram.admins must be a list in brackets"}},
		// A @username or a quoted id in the list: "must be a whole number,
		// e.g. 4" did not say that an admin is a numeric user id, nor how
		// to learn it.
		{"a username in admins", "[telegram]\nadmins = [\"@alice\"]", []string{"line 2: telegram.admins must be Telegram user ids, numbers without quotes, e.g. [123456789]", "send /id to the bot", "a @username is not one", "not a string"}},
		{"a quoted id in admins", "[telegram]\nadmins = [\"123456789\"]", []string{"numbers without quotes"}},
		// A key written below the wrong table: TOML puts it in the table above it.
		{"key below an array of tables", "[[sources]]\nname = \"x\"\nurl = \"https://example.com/feed\"\nschedule = \"@every 10s\"",
			[]string{"unknown key sources.schedule (did you mean poller.schedule?", "put it under [poller]"}},
		{"key of another table", "[storage]\nallow_private_urls = true", []string{"did you mean telegram.allow_private_urls?", "put it under [telegram]"}},
		{"one bracket for an array of tables", "[summary.rules]\nname = \"x\"\npattern = \"y\"", []string{"summary.rules", "[[summary.rules]]"}},
		// A duration as a bare number: the file's line and the fix, in the
		// words of the other mistakes (was "parse config …: toml: line 2
		// (last key …): \"30\" is not a duration").
		{"number for a duration", "[poller]\ntimeout = 30", []string{`line 2: poller.timeout: 30 has no unit: write "30s" for seconds`}},
		{"duration without a unit", "[poller]\ntimeout = \"30\"", []string{`line 2: poller.timeout: 30 has no unit`}},
		// A byte count with a unit: the number to write instead, counted in
		// 1024s (config.example.toml's 10485760 is 10 MiB).
		{"bytes with a unit", "[poller]\nmax_bytes = \"10MB\"", []string{"line 2: poller.max_bytes must be a whole number of bytes", "max_bytes = 10485760 (10 MiB)"}},
		{"bytes in MiB", "[poller]\nmax_bytes = \"10 MiB\" # the cap", []string{"max_bytes = 10485760 (10 MiB)"}},
		{"bytes in k", "[poller]\nmax_bytes = \"512k\"", []string{"max_bytes = 524288 (512 KiB)"}},
		{"bytes with a unit, bare", "[poller]\nmax_bytes = 10MB", []string{"line 2: poller.max_bytes: a byte count is a whole number, without a unit: max_bytes = 10485760 (10 MiB)"}},
		{"bytes as a word", "[poller]\nmax_bytes = \"ten\"", []string{"poller.max_bytes must be a whole number, e.g. 4, not a string"}},
		{"days", "[poller]\nmax_age = \"2d\"", []string{`line 2: poller.max_age: "2d": a duration counts no days; write "48h"`}},
		{"not a duration", "[poller]\ntimeout = \"soon\"", []string{`line 2: poller.timeout: "soon" is not a duration such as "90s"`}},
		// Units written out, as a person says them: the Go duration that
		// means the same (was only `"90 days" is not a duration such as
		// "90s" or "48h"`, the arithmetic left to the reader).
		{"days in words", "[storage]\nretention = \"90 days\"", []string{`line 2: storage.retention: "90 days": a duration counts no days; write "2160h"`}},
		{"a week", "[storage]\nretention = \"1 week\"", []string{`write "168h"`}},
		{"weeks", "[storage]\nretention = \"2w\"", []string{`write "336h"`}},
		{"minutes in words", "[poller]\nmax_interval = \"30 minutes\"", []string{`write "30m"`}},
		{"seconds in words", "[poller]\ntimeout = \"20 sec\"", []string{`poller.timeout: "20 sec" is written with Go's units (h, m, s), without spaces; write "20s"`}},
		{"hours and a space", "[poller]\nmax_age = \"48 h\"", []string{`write "48h"`}},
		// A text value without its quotes: the TOML library's "expected
		// value but found \"x\" instead" did not say that quotes were
		// missing, nor where.
		{"unquoted path", "[storage]\npath = x.db # here", []string{`line 2: storage.path: a text value is written in quotes: path = "x.db"`}},
		{"unquoted schedule", "[poller]\nschedule = @every 2m", []string{`schedule = "@every 2m"`}},
		{"unquoted duration", "[poller]\nmax_age = 48h", []string{`line 2: poller.max_age: a text value is written in quotes: max_age = "48h"`}},
		// The token is not shown back: it is a secret.
		{"unquoted token", "[telegram]\ntoken = 123:abc", []string{`line 2: telegram.token: a text value is written in quotes: token = "…"`}},
		{"a string for sources", "sources = \"https://example.com/feed\"", []string{"sources must be a list of tables, each written [[sources]] with two brackets, not a string"}},
		// A list of feed addresses, as other readers take them: "must be a
		// table, written [sources]" sent the stranger to one bracket.
		{"a list of strings for sources", "sources = [\"https://a.example/rss\", \"https://b.example/rss\"]", []string{"line 1: sources must be a list of tables, each entry a block of its own that starts with [[sources]]", `url = "https://`}},
		{"a value for a table", "telegram = 5", []string{"line 1: telegram must be a table, written [telegram] on a line of its own with its keys below, not a whole number"}},
		{"one bracket for sources", "[sources]\nname = \"x\"\nurl = \"https://example.com/feed\"", []string{"[[sources]]"}},
		// Its keys fell into the table above, and were named unknown:
		// the header's mistake said twice.
		{"one bracket for sources, said once", "[sources]\nname = \"x\"\nurl = \"https://example.com/feed\"\n[storage]\npath = \"x.db\"", []string{"[[sources]]", "not a table (config.example.toml shows each key with its default)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(writeConfig(t, tt.body), nil)
			if err == nil {
				t.Fatal("loaded")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q, want %q in it", err, w)
				}
			}
			if strings.Contains(tt.body, "123:abc") && strings.Contains(err.Error(), "123:") {
				t.Errorf("error %q shows the token", err)
			}
			if strings.HasSuffix(tt.name, "said once") && strings.Contains(err.Error(), "unknown key") {
				t.Errorf("error %q names the keys of a table written with one bracket unknown too", err)
			}
			if strings.Contains(tt.body, "favourite") && strings.Contains(err.Error(), "did you mean") {
				t.Errorf("error %q suggests a key far from the one written", err)
			}
		})
	}
	_, err := Load(writeConfig(t, "[poller]\ntimeout = 30"), nil)
	if !errors.Is(err, ErrInvalid) || strings.Contains(err.Error(), "toml:") {
		t.Errorf("error %q for a bare number as a duration: want an ErrInvalid without the TOML library's words", err)
	}
	_, err = Load(writeConfig(t, "[poller]\nconcurrency = \"four\""), nil)
	var te *TypeError
	if !errors.As(err, &te) || te.Key != "poller.concurrency" || te.Line != 2 {
		t.Errorf("error %#v, want a *TypeError for poller.concurrency at line 2", err)
	}
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"tokn", "token", 1}, {"kitten", "sitting", 3}, {"Курск", "Курская", 2}} {
		if got := distance(c.a, c.b); got != c.d {
			t.Errorf("distance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
}

// A table or key written twice: the TOML library's "Key 'telegram' has
// already been defined." named no fix (a stranger adds a second [telegram]
// at the end of the file for the webhook's keys, or writes two sources in
// one [[sources]] block). Each says how to mend it, with the line.
func TestWrittenTwiceSaysHowToMend(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"table", "[telegram]\ntoken = \"1:a\"\n[storage]\npath = \"x.db\"\n[telegram]\nadmins = [1]\n", []string{"line 5", "[telegram] is written a second time", "into the first one"}},
		{"key", "[telegram]\ntoken = \"1:a\"\ntoken = \"1:b\"\n", []string{"line 3", "telegram.token is set twice", "keep one"}},
		{"source", "[[sources]]\nname = \"a\"\nurl = \"http://a.example/\"\nname = \"b\"\n", []string{"line 4", "name is set twice in one [[sources]] block", "its own [[sources]] line"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load(writeConfig(t, c.text), nil)
			if err == nil {
				t.Fatal("accepted")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}
