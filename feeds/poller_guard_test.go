package feeds

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
)

// TestPollerGuardsChatSources: a source that a chat user added is fetched
// through the address guard, so it cannot reach a private address later
// (its name may resolve differently than when it was added); a source from
// the configuration file may live anywhere.
func TestPollerGuardsChatSources(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	st := testkit.OpenStore(t, func() time.Time { return now })
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	cfgSrc := testkit.UpsertSource(t, st, "Config", feed.URL+"/config.xml", "config")
	chatSrc := testkit.UpsertSource(t, st, "Chat", feed.URL+"/chat.xml", "chat")
	fo := FetcherOptions{Timeout: 5 * time.Second, MaxBytes: 1 << 20, UserAgent: "test"}
	guarded := fo
	guarded.Transport = GuardedTransport(DiscoverOptions{})
	p, err := NewPoller(Options{Schedule: "@every 1h", MaxAge: time.Hour, Concurrency: 2, Store: st, Now: func() time.Time { return now },
		Fetcher: NewFetcher(fo), ChatFetcher: NewFetcher(guarded)})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	got := mustFindSource(t, st, cfgSrc.ID)
	if got.Fetches != 1 {
		t.Errorf("config source: fetches = %d, last error %q; want fetched", got.Fetches, got.LastError)
	}
	got = mustFindSource(t, st, chatSrc.ID)
	if got.Fetches != 0 || !strings.Contains(got.LastError, ErrRefusedAddress.Error()) {
		t.Errorf("chat source: fetches = %d, last error %q; want refused", got.Fetches, got.LastError)
	}
	if n, _, _ := feed.Counts(); n != 1 {
		t.Errorf("feed server saw %d requests, want 1 (the config source's)", n)
	}
}
