package metrics

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

type pending struct {
	n   int
	err error
}

func (p pending) CountPending(context.Context) (int, error) { return p.n, p.err }

type subsCount int

func (c subsCount) Count() int { return int(c) }

// scrape returns the exposition text of h's /metrics.
func scrape(t *testing.T, h http.Handler) string {
	t.Helper()
	srv := httptest.NewServer(h)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /metrics = %d:\n%s", resp.StatusCode, body)
	}
	return string(body)
}

func TestObserversShowInExposition(t *testing.T) {
	tests := []struct {
		name    string
		observe func(m *Metrics)
		want    []string
	}{
		{"nothing observed starts at zero", func(*Metrics) {}, []string{
			`newshound_feed_fetches_total{result="ok"} 0`,
			`newshound_messages_sent_total{kind="alert"} 0`,
			`newshound_telegram_errors_total{code="429"} 0`,
			`newshound_articles_stored_total 0`,
			`newshound_poll_duration_seconds_count 0`,
		}},
		{"fetches by result", func(m *Metrics) {
			m.Fetched(FetchOK)
			m.Fetched(FetchOK)
			m.Fetched(FetchNotModified)
			m.Fetched(FetchError)
			m.Fetched("weird") // folded into error
		}, []string{
			`newshound_feed_fetches_total{result="ok"} 2`,
			`newshound_feed_fetches_total{result="not_modified"} 1`,
			`newshound_feed_fetches_total{result="error"} 2`,
		}},
		{"articles stored", func(m *Metrics) { m.Stored(3); m.Stored(0); m.Stored(4) },
			[]string{`newshound_articles_stored_total 7`}},
		{"alerts queued", func(m *Metrics) { m.AlertsQueued(2); m.AlertsQueued(1) },
			[]string{`newshound_alerts_queued_total 3`}},
		{"messages sent by kind", func(m *Metrics) {
			m.Sent("alert")
			m.Sent("alert")
			m.Sent("reply")
			m.Sent("digest")
			m.Sent("edit")
			m.Sent("something new")
		}, []string{
			`newshound_messages_sent_total{kind="alert"} 2`,
			`newshound_messages_sent_total{kind="reply"} 1`,
			`newshound_messages_sent_total{kind="digest"} 1`,
			`newshound_messages_sent_total{kind="edit"} 1`,
			`newshound_messages_sent_total{kind="other"} 1`,
		}},
		{"telegram errors by bounded code", func(m *Metrics) {
			for _, c := range []int{0, 400, 401, 403, 429, 429, 500, 502, 404, 418} {
				m.SendFailed(c)
			}
		}, []string{
			`newshound_telegram_errors_total{code="network"} 1`,
			`newshound_telegram_errors_total{code="400"} 1`,
			`newshound_telegram_errors_total{code="401"} 1`, // the token revoked: not "other"
			`newshound_telegram_errors_total{code="403"} 1`,
			`newshound_telegram_errors_total{code="429"} 2`,
			`newshound_telegram_errors_total{code="5xx"} 2`,
			`newshound_telegram_errors_total{code="other"} 2`,
		}},
		{"update failures by method and bounded code", func(m *Metrics) {
			m.UpdatesFailed("getUpdates", 0)
			m.UpdatesFailed("getUpdates", 409)
			m.UpdatesFailed("getUpdates", 502)
			m.UpdatesFailed("setWebhook", 429)
			m.UpdatesFailed("webhook", 401)
			m.UpdatesFailed("webhook", 503)
			m.UpdatesFailed("getMe", 418)
			m.UpdatesFailed("someMethod", 400)
		}, []string{
			`newshound_update_errors_total{code="network",method="getUpdates"} 1`,
			`newshound_update_errors_total{code="409",method="getUpdates"} 1`,
			`newshound_update_errors_total{code="5xx",method="getUpdates"} 1`,
			`newshound_update_errors_total{code="429",method="setWebhook"} 1`,
			`newshound_update_errors_total{code="401",method="webhook"} 1`,
			`newshound_update_errors_total{code="5xx",method="webhook"} 1`,
			`newshound_update_errors_total{code="other",method="getMe"} 1`,
			`newshound_update_errors_total{code="400",method="other"} 1`,
			`newshound_update_errors_total{code="network",method="deleteWebhook"} 0`,
		}},
		{"messages dropped by bounded reason", func(m *Metrics) {
			for _, r := range []string{"refused", "refused", "unreachable", "gone", "whatever"} {
				m.Dropped(r)
			}
		}, []string{
			`newshound_messages_dropped_total{reason="refused"} 2`,
			`newshound_messages_dropped_total{reason="other"} 1`,
			`newshound_messages_dropped_total{reason="unreachable"} 1`,
			`newshound_messages_dropped_total{reason="gone"} 1`,
		}},
		{"poll duration", func(m *Metrics) { m.PollTook(300 * time.Millisecond); m.PollTook(2 * time.Second) }, []string{
			`newshound_poll_duration_seconds_bucket{le="0.5"} 1`,
			`newshound_poll_duration_seconds_bucket{le="+Inf"} 2`,
			`newshound_poll_duration_seconds_sum 2.3`,
			`newshound_poll_duration_seconds_count 2`,
			// It said "one poll of all due sources": since sources run each
			// on its own clock, it times the finish of a round, not fetches.
			`# HELP newshound_poll_duration_seconds How long finishing a round of fetches took (summaries, story linking and matching of what it stored); each source is fetched on its own clock, so this is no fetch's time.`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := New(Options{})
			tt.observe(m)
			body := scrape(t, m.Handler())
			for _, want := range tt.want {
				if !strings.Contains(body, want+"\n") {
					t.Errorf("exposition lacks %q", want)
				}
			}
		})
	}
}

func TestGaugesReadOnScrape(t *testing.T) {
	tests := []struct {
		name    string
		pending pending
		want    []string
	}{
		{"counts", pending{n: 4}, []string{"newshound_outbox_pending 4", "newshound_subscriptions 7"}},
		{"failed count is NaN", pending{err: errors.New("database is locked")}, []string{"newshound_outbox_pending NaN"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := New(Options{Pending: tt.pending})
			if err := m.WatchSubscriptions(subsCount(7)); err != nil {
				t.Fatal(err)
			}
			body := scrape(t, m.Handler())
			for _, want := range tt.want {
				if !strings.Contains(body, want+"\n") {
					t.Errorf("exposition lacks %q", want)
				}
			}
		})
	}
}

func TestWatchSubscriptionsTwiceFails(t *testing.T) {
	m := New(Options{})
	if err := m.WatchSubscriptions(subsCount(1)); err != nil {
		t.Fatal(err)
	}
	if err := m.WatchSubscriptions(subsCount(2)); err == nil {
		t.Fatal("want an error registering the gauge twice")
	}
}

func TestGaugesLeftOutWhenNotWatched(t *testing.T) {
	body := scrape(t, New(Options{}).Handler())
	for _, name := range []string{"newshound_outbox_pending", "newshound_subscriptions "} {
		if strings.Contains(body, name) {
			t.Errorf("exposition has %s without a source for it", name)
		}
	}
}

func TestInstancesDoNotShareState(t *testing.T) {
	a, b := New(Options{}), New(Options{})
	a.Stored(5)
	if body := scrape(t, b.Handler()); !strings.Contains(body, "newshound_articles_stored_total 0\n") {
		t.Error("a second Metrics sees the first one's counts")
	}
}

// countedSources is a SourceCounter of fixed counts, or of an error.
type countedSources struct {
	all, failing int
	err          error
}

func (c countedSources) CountSources(context.Context) (int, int, error) {
	return c.all, c.failing, c.err
}

// newshound_sources: with many sources, one series per state (an alert on
// failing feeds), NaN when the count fails rather than a misleading zero.
func TestSourcesByState(t *testing.T) {
	body := scrape(t, New(Options{Sources: countedSources{all: 500, failing: 7}}).Handler())
	for _, want := range []string{`newshound_sources{state="ok"} 493`, `newshound_sources{state="failing"} 7`, "# TYPE newshound_sources gauge"} {
		if !strings.Contains(body, want+"\n") {
			t.Errorf("exposition lacks %q", want)
		}
	}
	body = scrape(t, New(Options{Sources: countedSources{err: context.DeadlineExceeded}}).Handler())
	if !strings.Contains(body, `newshound_sources{state="failing"} NaN`+"\n") {
		t.Errorf("a failed count is not NaN:\n%s", body)
	}
}

// An operator's dashboard tells which binary runs (after an upgrade, across
// machines) from newshound_build_info; there was no such series.
func TestBuildInfo(t *testing.T) {
	m := New(Options{Build: Build{Version: "v1.4.0", Commit: "abc123def456", GoVersion: "go1.26.8"}})
	body := scrape(t, m.Handler())
	want := `newshound_build_info{commit="abc123def456",goversion="go1.26.8",version="v1.4.0"} 1`
	if !strings.Contains(body, want+"\n") || !strings.Contains(body, "# HELP newshound_build_info ") {
		t.Errorf("exposition lacks %s with its help:\n%s", want, body)
	}
	if strings.Contains(scrape(t, New(Options{}).Handler()), "newshound_build_info") {
		t.Error("a Metrics without a build exports newshound_build_info")
	}
}

// The data folder over time: the database's size (and its -wal's) and the
// room left on its disk, read on each scrape, so an operator sees what
// retention keeps and alerts before a full disk stops the storing. There
// were no such series.
func TestDatabaseSizeAndDiskFree(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "newshound.db")
	if err := os.WriteFile(db, make([]byte, 8192), 0o600); err != nil {
		t.Fatal(err)
	}
	m := New(Options{DatabasePath: db})
	body := scrape(t, m.Handler())
	for _, want := range []string{`newshound_database_bytes{file="db"} 8192`, `newshound_database_bytes{file="wal"} 0`} {
		if !strings.Contains(body, want+"\n") {
			t.Errorf("exposition lacks %s:\n%s", want, body)
		}
	}
	if err := os.WriteFile(db+"-wal", make([]byte, 4096), 0o600); err != nil {
		t.Fatal(err)
	}
	body = scrape(t, m.Handler())
	if !strings.Contains(body, `newshound_database_bytes{file="wal"} 4096`+"\n") {
		t.Errorf("the -wal's size is not read on the next scrape:\n%s", body)
	}
	free := regexp.MustCompile(`(?m)^newshound_database_disk_free_bytes (\S+)$`).FindStringSubmatch(body)
	if free == nil {
		t.Fatalf("no newshound_database_disk_free_bytes:\n%s", body)
	}
	if v, err := strconv.ParseFloat(free[1], 64); runtime.GOOS == "linux" && (err != nil || v <= 0) {
		t.Errorf("free space = %s, want a positive number", free[1])
	}
	if err := os.Remove(db); err != nil {
		t.Fatal(err)
	}
	if body := scrape(t, m.Handler()); !strings.Contains(body, `newshound_database_bytes{file="db"} NaN`+"\n") {
		t.Errorf("a database removed reads as a size:\n%s", body)
	}
}
