package feeds

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/summarize"
)

// A stop in the middle of a source's poll (Ctrl-C, SIGTERM, a restart) is
// no database failure: it logged "record fetch ...: context canceled" and
// "read articles updated in place ...: context canceled" at ERROR, which an
// operator reading the log after an ordinary restart took for a fault.
func TestAStopInAPollLogsNoError(t *testing.T) {
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	sum, err := summarize.New(summarize.Options{Sentences: 3, MaxChars: 600})
	if err != nil {
		t.Fatal(err)
	}
	var logs lockedBuffer
	p, err := NewPoller(Options{Schedule: "@every 1h", MaxAge: 48 * time.Hour, Fetcher: newTestFetcher(1<<20, 2*time.Second), Store: st,
		Sink: &recordingSink{}, Summarizer: sum, Now: func() time.Time { return testNow }, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	src := testkit.UpsertSource(t, st, "Wire", "http://127.0.0.1:1/feed", "config")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p.pollSource(ctx, src)
	p.revise(ctx, src, []news.Article{{GUID: "g1", Title: "A title", Text: "A text."}}, []*feedText{nil}, nil)
	if s := logs.String(); strings.Contains(s, "level=ERROR") {
		t.Errorf("a stop logged an error:\n%s", s)
	}
}
