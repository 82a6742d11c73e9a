package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
)

// TestAFeedsPasswordStaysOutOfLogsAndChats: the operator put a feed behind
// HTTP basic auth in [[sources]] as https://user:password@host/…; its
// password showed in the log (a failed fetch, a page led to its feed) and,
// once the feed moved for good, in /sources, which every user may send.
func TestAFeedsPasswordStaysOutOfLogsAndChats(t *testing.T) {
	body, err := os.ReadFile("testdata/feeds/world-v1.xml")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		if u, p, ok := r.BasicAuth(); !ok || u != "reader" || p != "s3cret" {
			w.Header().Set("WWW-Authenticate", `Basic realm="feeds"`)
			http.Error(w, "who are you", http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(body)
	})
	mux.Handle("/old.xml", http.RedirectHandler("/feed.xml", http.StatusMovedPermanently))
	mux.HandleFunc("/site/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>news</body></html>`))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	cred := strings.Replace(srv.URL, "http://", "http://reader:s3cret@", 1)
	cfgPath := filepath.Join(dir, "nh.toml")
	cfg := `[storage]
path = "` + filepath.Join(dir, "nh.db") + `"
[poller]
schedule = "@every 1h"
[[sources]]
name = "Gone"
url = "` + cred + `/missing.xml"
[[sources]]
name = "Site"
url = "` + cred + `/site/"
[[sources]]
name = "Moved"
url = "` + cred + `/old.xml"
`
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	c := startConsole(t, cfgPath, time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC), nil)
	testkit.WaitWithin(t, "the first fetch", 15*time.Second, func() bool { return strings.Contains(c.out.String(), "First fetch done") })
	c.send("/sources\n")
	testkit.WaitWithin(t, "/sources", 15*time.Second, func() bool { return strings.Contains(c.out.String(), "moved for good") })
	c.stop()
	logs, err := os.ReadFile(filepath.Join(dir, "newshound.log"))
	if err != nil {
		t.Fatal(err)
	}
	for what, text := range map[string]string{"the log": string(logs), "the console": c.out.String()} {
		if strings.Contains(text, "s3cret") {
			t.Errorf("%s shows the feed's password:\n%s", what, text)
		}
	}
	if !strings.Contains(string(logs), "reader:xxxxx@") || !strings.Contains(c.out.String(), "moved for good (HTTP 301/308) to http://reader:xxxxx@") {
		t.Errorf("the log and /sources should name the feeds, the password masked:\n%s\n%s", logs, c.out.String())
	}
}
