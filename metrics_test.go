package main

import (
	"cmp"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
)

func TestMetricsEndpointCountsPollsAndAlerts(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	feed := feedtest.New(t, "testdata/feeds/world-v1.xml", "application/rss+xml")
	now := func() time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC) }
	a := startApp(t, testConfig{tg: tg, sources: []testSource{{"Example World News", feed.URL + "/world.xml"}},
		rest: "[metrics]\nlisten = \"127.0.0.1:0\"\n"}.String(), now)
	if a.parts.MetricsAddr == "" {
		t.Fatal("no metrics address although [metrics] listen is set")
	}
	client := &http.Client{Timeout: 5 * time.Second}
	defer client.CloseIdleConnections()
	get := func(path string) string {
		t.Helper()
		resp, err := client.Get("http://" + a.parts.MetricsAddr + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s = %d, %v", path, resp.StatusCode, err)
		}
		return string(body)
	}
	if got := get("/healthz"); got != "ok" {
		t.Fatalf("/healthz = %q", got)
	}

	a.waitFetched(t, 1)
	const chat = 4242
	tg.SendText(chat, "private", 9, "/subscribe kursk deminers")
	tg.WaitSent(t, chat, 1, testkit.WaitTimeout)
	feed.SetFile(t, "testdata/feeds/world-v2.xml", "application/rss+xml")
	a.pollOnce(t)
	tg.WaitSent(t, chat, 2, testkit.WaitTimeout)

	// Each of these lines follows its event with a lag: the sender counts a
	// message after Telegram accepted it and marks it sent in the outbox
	// only after that (outbox_pending), and the first poll's duration is
	// observed when its articles are finished, after its fetch is recorded
	// (poll_duration_seconds_count). Wait until every one is there.
	wants := []string{
		`newshound_messages_sent_total{kind="alert"} 1`,
		`newshound_feed_fetches_total{result="ok"} 2`,
		`newshound_alerts_queued_total 1`,
		`newshound_messages_sent_total{kind="reply"} 1`,
		`newshound_poll_duration_seconds_count 2`,
		`newshound_subscriptions 1`,
		`newshound_outbox_pending 0`,
		// How many sources fail, for an alert on feeds (no series per source).
		`newshound_sources{state="ok"} 1`,
		`newshound_sources{state="failing"} 0`,
		// Which binary runs: the version -version prints.
		`newshound_build_info{commit="` + cmp.Or(buildOf().commit, "unknown") + `",goversion="` + buildOf().goVersion + `",version="` + buildOf().version + `"} 1`,
	}
	var body string
	var missing []string
	t.Cleanup(func() {
		if t.Failed() && len(missing) > 0 {
			t.Logf("/metrics lacks %q:\n%s", missing, grepNewshound(body))
		}
	})
	testkit.WaitFor(t, "the counters of two polls, a reply and an alert on /metrics", func() bool {
		body = get("/metrics")
		missing = missing[:0]
		for _, want := range wants {
			if !strings.Contains(body, want+"\n") {
				missing = append(missing, want)
			}
		}
		return len(missing) == 0
	})
	if !strings.Contains(body, "newshound_articles_stored_total ") || strings.Contains(body, "newshound_articles_stored_total 0\n") {
		t.Errorf("/metrics counts no stored articles:\n%s", grepNewshound(body))
	}

	addr := a.parts.MetricsAddr
	a.stop()
	if _, err := client.Get("http://" + addr + "/healthz"); err == nil {
		t.Error("the metrics server still answers after Run returned")
	}
}

// grepNewshound keeps the newshound_ lines of an exposition, for failure messages.
func grepNewshound(body string) string {
	var out []string
	for _, l := range strings.Split(body, "\n") {
		if strings.HasPrefix(l, "newshound_") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
