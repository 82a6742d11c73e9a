package config

import (
	"strings"
	"testing"
)

// A feed password with a space (or another character a URL takes only
// percent-encoded) was refused with the list "#, /, ?, @ or %", which named
// neither the space nor how to write it. The error names each such
// character with its encoding, and never shows the password.
func TestSourcePasswordNamesItsCharacters(t *testing.T) {
	for _, tt := range []struct{ url, want string }{
		{"http://user:pa ss@feeds.example/rss", "this one holds a space, written %20"},
		{"https://user:p#w/d@feeds.example/rss", `this one holds "#", written %23, "/", written %2F`},
		{"https://me:x^y@feeds.example/rss", `"^", written %5E`},
	} {
		_, err := Load(writeConfig(t, "[[sources]]\nname = \"A\"\nurl = \""+tt.url+"\"\n"), nil)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.url, err, tt.want)
		}
		if err != nil && (strings.Contains(err.Error(), "pa ss") || strings.Contains(err.Error(), "x^y")) {
			t.Errorf("%s: error %v shows the password", tt.url, err)
		}
	}
}
