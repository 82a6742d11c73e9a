package config

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestLoadNamesMisnamedTables: a table whose name is a near miss of one
// of Newshound's ([[source]], [[feeds]], [telegam]) is named once, with its
// line and the right spelling, beside every other mistake of the file:
// its keys were named unknown one by one ("source.name (did you mean
// sources.name?), source.url (…)"), and [[feeds]] was answered "did you
// mean sources.url? … put it under [[sources]]".
func TestLoadNamesMisnamedTables(t *testing.T) {
	body := `[telegam]
token = "1:x"

[[source]]
name = "BBC"
url = "https://feeds.bbci.co.uk/news/world/rss.xml"

[[source]]
name = "AP"
url = "https://example.com/ap.xml"

[[feeds]]
name = "X"
url = "https://example.com/rss"

[[feed]]
nme = "Y"
url = "https://example.com/y"

[source_]
name = "Z"

[[ summary.rule ]]
name = "r"
pattern = "p"

[poller]
schedul = "@every 5m"
concurrency = 0
`
	_, err := Load(writeConfig(t, body), nil)
	var m *Mistakes
	if !errors.As(err, &m) {
		t.Fatalf("error %v, want every mistake of the file", err)
	}
	want := []string{
		"line 1: unknown table [telegam]: Newshound's is [telegram];",
		"line 4: unknown table [[source]]: Newshound's is [[sources]];",
		"line 12: unknown table [[feeds]]: Newshound's is [[sources]];",
		"line 16: unknown table [[feed]]: Newshound's is [[sources]]; nme is no key of [[sources]] either (did you mean name?);",
		"line 20: unknown table [source_]: Newshound's is [[sources]], with two brackets",
		"line 23: unknown table [[summary.rule]]: Newshound's is [[summary.rules]];",
		"unknown key poller.schedul (did you mean poller.schedule?)",
		"poller.concurrency",
	}
	for _, w := range want {
		if !slices.ContainsFunc(m.Errs, func(e error) bool { return strings.Contains(e.Error(), w) }) {
			t.Errorf("error %q, want a mistake with %q", err, w)
		}
	}
	if n := strings.Count(err.Error(), "[[source]]"); n != 1 {
		t.Errorf("error %q names [[source]] %d times, want once for its two blocks", err, n)
	}
	for _, k := range []string{"source.name", "feeds.url", "telegam.token"} {
		if strings.Contains(err.Error(), k) {
			t.Errorf("error %q names the key %s of a misnamed table", err, k)
		}
	}
	if keys := MistakeKeys(err); !slices.Contains(keys, "source.url") || !slices.Contains(keys, "sources") || slices.Contains(keys, "source") || !slices.Contains(keys, "poller.schedul") {
		t.Errorf("MistakeKeys = %v, want the misnamed table's keys, the table meant (not the bare name, a key above every table) and the others", keys)
	}
	// A table with no near miss is still answered key by key.
	_, err = Load(writeConfig(t, "[favourite]\ncolour = \"blue\""), nil)
	if err == nil || !strings.Contains(err.Error(), "unknown key favourite.colour;") || strings.Contains(err.Error(), "unknown table") {
		t.Errorf("error %v, want favourite.colour named an unknown key", err)
	}
}
