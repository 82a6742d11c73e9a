package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A URL copied with a space at its end was taken as written: a source's
// url was fetched as "atom.xml%20" (404, "nothing is at this address any
// more": the feed had not moved) and api_endpoint's calls as "getMe%20"
// ("telegram unreachable" for ever); with a space at its start, a source's
// url was "not an http or https URL" with no word of the space. URLs and
// listen addresses are read without the white space around them.
func TestURLsAreReadWithoutSurroundingWhiteSpace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "newshound.toml")
	file := `[telegram]
api_endpoint = "https://api.telegram.org/bot%s/%s "
token = "123:abc"
webhook_url = " https://example.org/hook"
webhook_listen = "127.0.0.1:8443 "
[poller]
public_url = "https://example.org "
[metrics]
listen = " 127.0.0.1:9090"
[[sources]]
name = "A"
url = "https://example.org/feed.xml "
[[sources]]
name = "B"
url = "	https://example.org/other.xml"
`
	if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := Load(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for key, got := range map[string]string{
		"telegram.api_endpoint":   cfg.Telegram.APIEndpoint,
		"telegram.webhook_url":    cfg.Telegram.WebhookURL,
		"telegram.webhook_listen": cfg.Telegram.WebhookListen,
		"poller.public_url":       cfg.Poller.PublicURL,
		"metrics.listen":          cfg.Metrics.Listen,
		"sources[0].url":          cfg.Sources[0].URL,
		"sources[1].url":          cfg.Sources[1].URL,
	} {
		if got != strings.TrimSpace(got) {
			t.Errorf("%s = %q, read with its white space", key, got)
		}
	}
}

// A path with white space at its end names another file ("newshound.db "
// is a new, empty database beside the old one): not trimmed quietly, since
// a file so named may be the one in use, but refused with what to write.
func TestAPathWithSurroundingWhiteSpaceIsRefused(t *testing.T) {
	for _, c := range []struct{ key, file string }{
		{"storage.path", "[storage]\npath = \"newshound.db \"\n"},
		{"log.file", "[log]\nfile = \" newshound.log\"\n"},
	} {
		path := filepath.Join(t.TempDir(), "newshound.toml")
		if err := os.WriteFile(path, []byte(c.file), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Load(path, nil)
		if err == nil || !strings.Contains(err.Error(), c.key+":") || !strings.Contains(err.Error(), "white space") {
			t.Errorf("%s: Load = %v, want the white space named", c.key, err)
		}
	}
}
