package bot

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/sources"
)

// /fetch ID fetches a source backed off for hours now, through the
// running poller, and says how it went; the operators only (they keep the
// sources, as /addsource and /removesource), in a group too; a second /fetch
// within a minute is refused.
func TestFetchCommandFetchesABackedOffSourceNow(t *testing.T) {
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	var poller *feeds.Poller
	h := newHarness(t, func(o *RouterOptions) {
		var err error
		poller, err = feeds.NewPoller(feeds.Options{Schedule: "@every 1h", MaxAge: 48 * time.Hour,
			Fetcher: feeds.NewFetcher(feeds.FetcherOptions{Timeout: 5 * time.Second, MaxBytes: 1 << 20, UserAgent: "newshound-test"}),
			Store:   o.Store.(feeds.Store), Logger: slog.New(slog.DiscardHandler), Now: o.Now, Rand: func() float64 { return 0 }})
		if err != nil {
			t.Fatal(err)
		}
		o.Sources = sources.NewService(sources.Options{Store: o.Store.(sources.Store), Now: o.Now, Scheduler: poller})
		o.Scheduled = poller.Scheduled
		o.Operators = []int64{61}
	})
	ctx := context.Background()
	src := testkit.UpsertSource(t, h.st, "World <Wire>", feed.URL, news.OriginConfig)
	now := h.clock.Now()
	backoff := news.IntervalReason{Kind: news.ReasonBackoff, Count: 9}.Encode()
	for range 9 {
		mustRecordFetch(t, h.st, src.ID, news.FetchResult{Err: news.FetchFailure{Kind: news.FailStatus, Status: 503}.Encode(), Failure: news.FailStatus,
			Interval: 4 * time.Hour, NextFetchAt: now.Add(4 * time.Hour), IntervalReason: backoff})
	}
	runCtx, cancel := context.WithCancel(ctx)
	stopped := make(chan error, 1)
	go func() { stopped <- poller.Run(runCtx) }()
	t.Cleanup(func() { cancel(); <-stopped })
	testkit.WaitFor(t, "the poller to hold the source", func() bool { _, ok := poller.Scheduled(src.ID); return ok })
	if n, _, _ := feed.Counts(); n != 0 {
		t.Fatalf("the source backing off was fetched %d times at start, within RetryGap of its last try", n)
	}

	h.tg.SetMember(-100, 62, "administrator")
	for _, chat := range []struct {
		id  int64
		typ string
	}{{62, "private"}, {-100, "supergroup"}} {
		if got := h.reply(chat.id, chat.typ, 62, "/fetch 1").Text(); !strings.Contains(got, "Only the operators of this bot") {
			t.Errorf("a non-operator's /fetch in a %s chat: %q, want a refusal", chat.typ, got)
		}
	}
	if got := h.reply(61, "private", 61, "/fetch 99").Text(); !strings.Contains(got, "There is no source #99") {
		t.Errorf("/fetch 99: %q", got)
	}
	if got := h.reply(61, "private", 61, "/fetch").Text(); !strings.Contains(got, "/fetch ID") {
		t.Errorf("/fetch without an id: %q", got)
	}
	if got := h.reply(61, "private", 61, "/fetch 1").Text(); got != "Source #1, <b>World &lt;Wire&gt;</b>, was tried less than a minute ago, and failed (see /sources). Try again in 1 min." {
		t.Errorf("/fetch right after a failed try: %q", got)
	}
	h.clock.Advance(time.Minute) // the failure was recorded a minute ago
	n := len(h.tg.Sent(61))
	h.send(61, "private", 61, "/fetch #1")
	sent := h.tg.WaitSent(t, 61, n+2, 10*time.Second)
	if got := sent[n].Text(); got != "🔄 Fetching source #1, <b>World &lt;Wire&gt;</b>, now; I'll say how it went." {
		t.Errorf("the answer to /fetch: %q", got)
	}
	if got := sent[n+1].Text(); got != "#1 <b>World &lt;Wire&gt;</b>\n✅ fetched just now · next in 1 h · every 1h: the schedule" {
		t.Errorf("how the fetch went: %q", got)
	}
	if reqs, _, _ := feed.Counts(); reqs != 1 {
		t.Errorf("%d requests to the feed, want 1", reqs)
	}
	if got := h.reply(61, "private", 61, "/fetch 1").Text(); got != "Source #1, <b>World &lt;Wire&gt;</b>, was fetched less than a minute ago. Try again in 1 min." {
		t.Errorf("a second /fetch at once: %q", got)
	}
	got, err := h.st.FindSource(ctx, src.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Failures != 0 || got.Fetches != 1 {
		t.Errorf("after /fetch the source has %d failures and %d fetches, want 0 and 1", got.Failures, got.Fetches)
	}
}
