package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A file with mistakes in several tables named only the first: the operator
// fixed it, restarted, and heard of the next, once a start each. Load names
// the first mistake of every table at once, each with its key, and the
// error is still ErrInvalid (exit 78) and a *FieldError for the first.
func TestMistakesInSeveralTablesAreNamedAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "newshound.toml")
	file := "[poller]\nschedule = \"@evry 2m\"\n[digest]\ntimezone = \"Mars/Base\"\n[subscriptions]\nmax_per_chat = 0\n"
	if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path, nil)
	if err == nil {
		t.Fatal("Load took three mistakes")
	}
	for _, key := range []string{"poller.schedule:", `"@every 2m"`, "digest.timezone:", "subscriptions.max_per_chat:"} {
		if !strings.Contains(err.Error(), key) {
			t.Errorf("Load = %v: does not name %q", err, key)
		}
	}
	var fe *FieldError
	if !errors.Is(err, ErrInvalid) || !errors.As(err, &fe) || fe.Key != "poller.schedule" {
		t.Errorf("Load = %v: want ErrInvalid and the first *FieldError poller.schedule (got %v)", err, fe)
	}
	if n := strings.Count(err.Error(), "\n"); n != 2 {
		t.Errorf("Load = %q: want each mistake on a line of its own", err)
	}
}

// Within one table only the first mistake was named, and a value of the
// wrong type hid every other mistake of the file (the TOML library stops at
// it, and the unknown keys and the values were not looked at): a file with
// two mistakes in [poller], one in [telegram], a mistyped key and two
// values of the wrong type took six starts. Load names all six at once.
func TestEveryMistakeOfTheFileIsNamedAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "newshound.toml")
	file := `[telegram]
tokn = "x"
admins = "123"
command_workers = 0
poll_timeout = "20m"
[storage]
retention = 5
[poller]
concurrency = 0
timeout = "0s"
max_age = "2x"
[[sources]]
name = ""
url = "https://a.example/rss"
[[sources]]
name = "B"
url = "ftp://b.example/rss"
`
	if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path, nil)
	if err == nil {
		t.Fatal("Load took a file of mistakes")
	}
	for _, want := range []string{"line 3: telegram.admins must be a list", "line 7: storage.retention: 5 has no unit", "line 11: poller.max_age:",
		"unknown key telegram.tokn (did you mean telegram.token?)", "telegram.command_workers: 0", "telegram.poll_timeout:",
		"poller.concurrency: 0", "poller.timeout:", "sources[0].name: is empty", `sources[1].url: "ftp://b.example/rss"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Load does not say %q:\n%v", want, err)
		}
	}
	if n := strings.Count(err.Error(), "\n"); n != 9 {
		t.Errorf("Load = %q: want ten mistakes, each on a line of its own", err)
	}
	var te *TypeError
	if !errors.As(err, &te) || te.Key != "telegram.admins" {
		t.Errorf("Load = %v: want the first mistake a *TypeError of telegram.admins", err)
	}
}

// A value of the wrong type written over several lines: the line taken
// out to read on breaks the list, which is no mistake of the file and is
// not named; the mistake itself is, as before.
func TestWrongTypeOverSeveralLinesIsNamedAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "newshound.toml")
	file := "[telegram]\nadmins = [\n  \"@alice\",\n  \"@bob\",\n]\n[poller]\nconcurrency = 0\n"
	if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path, nil)
	if err == nil || !strings.Contains(err.Error(), "telegram.admins") || strings.Contains(err.Error(), "expected") {
		t.Fatalf("Load = %v, want telegram.admins named and no syntax error of our making", err)
	}
	if n := strings.Count(err.Error(), "\n"); n != 0 {
		t.Errorf("Load = %q: want the one mistake alone", err)
	}
}

// Naming every mistake of a table sets each named key back to its default
// to look further; a check of two keys then complained of the default
// ("telegram.webhook_listen: is set but telegram.webhook_url is empty" for
// a file whose webhook_url was set, only not https). Such a consequence is
// left out.
func TestMistakesLeaveOutWhatTheDefaultsCause(t *testing.T) {
	path := filepath.Join(t.TempDir(), "newshound.toml")
	file := "[telegram]\ntoken = \"1:abc\"\nwebhook_url = \"http://example.org/hook\"\nwebhook_listen = \"127.0.0.1:8443\"\n[metrics]\nlisten = \"9090\"\n"
	if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path, nil)
	if err == nil || !strings.Contains(err.Error(), "telegram.webhook_url:") || !strings.Contains(err.Error(), "metrics.listen:") {
		t.Fatalf("Load = %v, want webhook_url and metrics.listen named", err)
	}
	if strings.Contains(err.Error(), "is empty") {
		t.Errorf("Load = %v: names a key empty that the file sets", err)
	}
}

// A configuration pasted from a web page or a word processor: typographic
// quotes around a value were offered back inside straight ones
// (path = "“nb.db”"), and a non-breaking space between key and = read
// "expected '.' or '=', but got '\u00a0'", which shows nothing wrong.
func TestPastedTypographyIsNamed(t *testing.T) {
	for _, c := range []struct{ name, file, want, not string }{
		{"typographic quotes", "[storage]\npath = “nb.db”\n", `straight quotes ("), not typographic ones (“ ”, from a word processor or a web page): path = "nb.db"`, `"“`},
		{"non-breaking space", "[storage]\npath\u00a0= \"nb.db\"\n", "U+00A0 space (pasted from a web page or a word processor), which TOML does not take for one: retype it as a plain space", ""},
	} {
		path := filepath.Join(t.TempDir(), "newshound.toml")
		if err := os.WriteFile(path, []byte(c.file), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Load(path, nil)
		if err == nil || !strings.Contains(err.Error(), c.want) || (c.not != "" && strings.Contains(err.Error(), c.not)) {
			t.Errorf("%s: Load = %v, want it to say %q", c.name, err, c.want)
		}
	}
}

// A token in the environment that cannot be one hid every mistake of the
// file: the operator mended NEWSHOUND_TELEGRAM_TOKEN, restarted, and only
// then heard of the file's. Both are named at once.
func TestEnvironmentTokenMistakeNamedWithTheFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "newshound.toml")
	if err := os.WriteFile(path, []byte("[metrics]\nlisten = \"9090\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{TokenEnv: "bot123:abc"}
	_, err := Load(path, func(k string) string { return env[k] })
	if err == nil || !strings.Contains(err.Error(), TokenEnv+": starts with \"bot\"") || !strings.Contains(err.Error(), "metrics.listen:") {
		t.Errorf("Load = %v, want the token's mistake and metrics.listen named", err)
	}
}
