package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
)

// TestAMovedFeedIsStillShownMovedAfterARestart: the operator saw in
// /sources that a feed moved for good (301), restarted, and /sources said
// nothing of it any more until the source was fetched well again — while
// the old address was down, never. The move is kept in the database.
func TestAMovedFeedIsStillShownMovedAfterARestart(t *testing.T) {
	body, err := os.ReadFile("testdata/feeds/world-v1.xml")
	if err != nil {
		t.Fatal(err)
	}
	var down atomic.Bool
	hits := make(chan struct{}, 16)
	mux := http.NewServeMux()
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			select {
			case hits <- struct{}{}:
			default:
			}
		}()
		if down.Load() {
			http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
			return
		}
		http.Redirect(w, r, "/new.xml", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/new.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(body)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	cfgPath := writeConsoleConfig(t, t.TempDir(), srv.URL+"/old")
	want := "moved for good (HTTP 301/308) to " + srv.URL + "/new.xml"

	start := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	c := startConsole(t, cfgPath, start, nil)
	testkit.WaitWithin(t, "the first fetch", 15*time.Second, func() bool { return strings.Contains(c.out.String(), "First fetch done") })
	c.send("/sources\n")
	testkit.WaitWithin(t, "/sources naming the move", 15*time.Second, func() bool { return strings.Contains(c.out.String(), want) })
	c.stop()

	down.Store(true)
	for len(hits) > 0 {
		<-hits
	}
	c = startConsole(t, cfgPath, start.Add(time.Hour), nil)
	select {
	case <-hits: // the poller ran, and read what the last run kept, before this fetch
	case <-time.After(15 * time.Second):
		t.Fatal("the source was not fetched after the restart")
	}
	c.send("/sources\n")
	testkit.WaitWithin(t, "/sources after the restart", 15*time.Second, func() bool { return strings.Contains(c.out.String(), "Example World News") })
	c.stop()
	if out := c.out.String(); !strings.Contains(out, want) {
		t.Errorf("after a restart, with the old address failing, /sources should still say where the feed moved (%s):\n%s", want, out)
	}
}
