package config

import (
	"strings"
	"testing"
)

// A [[sources]] block with a mistake read "sources[0].name: is empty" or
// "sources[0].url: \"\" (of the source \"x\") is not an http or https URL":
// which block, and what to write, the operator had to guess. Each error
// names the key, the block by what it has, and the fix.
func TestSourceBlockMistakesSayWhatToWrite(t *testing.T) {
	cases := []struct {
		name      string
		src       Source
		key, says string
	}{
		{"no name", Source{URL: "https://example.org/feed.xml"}, "sources[0].name", `"https://example.org/feed.xml"`},
		{"no name", Source{URL: "https://example.org/feed.xml"}, "sources[0].name", `name = "…"`},
		{"no url", Source{Name: "Example"}, "sources[0].url", `add url = "https://…"`},
		{"no url", Source{Name: "Example"}, "sources[0].url", `"Example"`},
		{"an empty block", Source{}, "sources[0]", "or remove it"},
		{"another scheme", Source{Name: "Example", URL: "ftp://example.org/feed.xml"}, "sources[0].url", "starting with https:// or http://"},
	}
	for _, c := range cases {
		cfg := Defaults()
		cfg.Sources = []Source{c.src}
		err := cfg.Validate()
		if err == nil || !strings.Contains(err.Error(), c.key+":") || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: Validate = %v, want %q naming %q", c.name, err, c.key, c.says)
		}
	}
	cfg := Defaults()
	cfg.Sources = []Source{{Name: "A", URL: "https://example.org/feed.xml"}, {Name: "B", URL: "https://example.org/feed.xml"}}
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "remove one of the two [[sources]] blocks") {
		t.Errorf("the same url twice: Validate = %v, want the block to remove named", err)
	}
}

// The same feed written once with http and once with https was taken
// without a word: a site serves one feed under both, so each article was
// stored twice, under two sources. It is warned, naming both blocks and
// which to keep; other schemes' differences (a port, a path) are not.
func TestHTTPAndHTTPSOfOneFeedAreWarned(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		warn bool
	}{
		{"http://example.com/feed", "https://example.com/feed", true},
		{"https://Example.com/feed", "http://example.com:80/feed", true},
		{"http://example.com/feed", "https://example.com/other", false},
		{"http://example.com/feed", "https://example.com:8443/feed", false},
	} {
		cfg := Defaults()
		cfg.Sources = []Source{{Name: "One", URL: tt.a}, {Name: "Two", URL: tt.b}}
		if err := cfg.Validate(); err != nil {
			t.Fatal(err)
		}
		got := strings.Join(cfg.Warnings(), "\n")
		if warned := strings.Contains(got, "differ only in http and https"); warned != tt.warn {
			t.Errorf("%s and %s: warnings %q, want the http/https warning: %t", tt.a, tt.b, got, tt.warn)
		}
		if tt.warn && (!strings.Contains(got, "sources[1].url") || !strings.Contains(got, "keep the https block")) {
			t.Errorf("%s and %s: warning %q does not name the block and what to keep", tt.a, tt.b, got)
		}
	}
}
