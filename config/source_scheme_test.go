package config

import (
	"strings"
	"testing"
)

// A source's url copied from a browser's feed:// link, with its scheme
// misspelt, or naming a file on this machine was told only "write the
// feed's address whole, starting with https:// or http://". Each is told
// the address to write (or, for a file, how to serve it).
func TestSourceSchemeSlipsNamed(t *testing.T) {
	for _, tt := range []struct{ url, want string }{
		{"feed://example.com/rss.xml", `write "https://example.com/rss.xml"`},
		{"feed:https://example.com/rss.xml", `write "https://example.com/rss.xml"`},
		{"FEED:http://example.com/rss.xml", `write "http://example.com/rss.xml"`},
		{"htps://example.com/rss", `its scheme is misspelt: write "https://example.com/rss"`},
		{"https//example.com/rss", `write "https://example.com/rss"`},
		{"https:/example.com/rss", `write "https://example.com/rss"`},
		{"http//example.com/rss", `write "http://example.com/rss"`},
		{"https:://example.com/rss", `write "https://example.com/rss"`},
		{"file:///srv/feed.xml", "over HTTP only, not files"},
		{"/srv/feed.xml", "python3 -m http.server"},
		{"feed://u:secret@example.com/rss", `write "https://u:xxxxx@example.com/rss"`},
	} {
		_, err := Load(writeConfig(t, "[[sources]]\nname = \"A\"\nurl = \""+tt.url+"\"\n"), nil)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.url, err, tt.want)
		}
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("%s: error %v shows the password", tt.url, err)
		}
	}
}
