package digest

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

// fixture is a real database with a clock, as one process sees it.
type fixture struct {
	t    testing.TB
	ctx  context.Context
	path string
	clk  *testkit.Clock
	st   *store.Store
	src  []news.Source
	arts int
}

func newFixture(tb testing.TB, start time.Time) *fixture {
	tb.Helper()
	f := &fixture{t: tb, ctx: context.Background(), path: filepath.Join(tb.TempDir(), "test.db"), clk: testkit.NewClock(start)}
	f.st = mustOpenStore(tb, f.path, f.clk.Now)
	for i := range 5 {
		src, err := f.st.UpsertSource(f.ctx, fmt.Sprintf("Source %c", 'A'+i), fmt.Sprintf("https://src%d.example/feed", i), "config")
		if err != nil {
			tb.Fatal(err)
		}
		f.src = append(f.src, src)
	}
	return f
}

func mustOpenStore(tb testing.TB, path string, now func() time.Time) *store.Store {
	tb.Helper()
	st := testkit.OpenStoreAt(tb, path, now)
	return st
}

// scheduler returns a new Scheduler on the fixture's store: a fresh one
// is what a restarted process has.
func (f *fixture) scheduler(opts Options) *Scheduler {
	opts.Store, opts.Now = f.st, f.clk.Now
	if opts.MaxItems == 0 {
		opts.MaxItems = 20
	}
	if opts.CatchUp == 0 {
		opts.CatchUp = 6 * time.Hour
	}
	opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	return NewScheduler(opts)
}

// chat creates a chat whose digest comes at hhmm in tz.
func (f *fixture) chat(id int64, tz, hhmm string) {
	f.t.Helper()
	if _, err := f.st.EnsureChat(f.ctx, id, "private", "", news.ChatDefaults{Timezone: tz, DigestTime: hhmm}); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) subscribe(chatID int64, query string) int64 {
	f.t.Helper()
	sub, _, err := f.st.CreateSubscription(f.ctx, chatID, query, query, 1000)
	if err != nil {
		f.t.Fatal(err)
	}
	return sub.ID
}

// article stores an article of source i published at pub and returns its id.
func (f *fixture) article(i int, title, summary string, pub time.Time) int64 {
	f.t.Helper()
	f.arts++
	added, err := f.st.InsertArticles(f.ctx, f.src[i].ID, []news.Article{{
		GUID: fmt.Sprint("guid-", f.arts), URL: fmt.Sprintf("https://src%d.example/a/%d", i, f.arts),
		Title: title, Summary: summary, PublishedAt: pub, Alertable: true,
	}})
	if err != nil || len(added) != 1 {
		f.t.Fatalf("insert article: %v (%d added)", err, len(added))
	}
	return added[0].ID
}

// alert records a match of the article for the chat, at the clock's time.
func (f *fixture) alert(chatID, articleID, subID int64) {
	f.t.Helper()
	if _, err := f.st.QueueAlerts(f.ctx, []news.Alert{{ChatID: chatID, ArticleID: articleID, SubscriptionID: subID}}); err != nil {
		f.t.Fatal(err)
	}
}

// tick sets the clock to at and ticks s.
func (f *fixture) tick(s *Scheduler, at time.Time) int {
	f.t.Helper()
	f.clk.Set(at)
	n, err := s.Tick(f.ctx, at)
	if err != nil {
		f.t.Fatalf("tick at %s: %v", at, err)
	}
	return n
}

// tickEvery ticks s every step in [from, to).
func (f *fixture) tickEvery(s *Scheduler, from, to time.Time, step time.Duration) {
	f.t.Helper()
	for at := from; at.Before(to); at = at.Add(step) {
		f.tick(s, at)
	}
}

func (f *fixture) digests(chatID int64) []news.Digest {
	f.t.Helper()
	ds, err := f.st.ListDigests(f.ctx, chatID)
	if err != nil {
		f.t.Fatal(err)
	}
	return ds
}

func (f *fixture) messages(d news.Digest) []string {
	f.t.Helper()
	texts, err := f.st.DigestMessages(f.ctx, d)
	if err != nil {
		f.t.Fatal(err)
	}
	return texts
}

func mustLoad(tb testing.TB, name string) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		tb.Fatal(err)
	}
	return loc
}

// pending counts the outbox rows waiting, failing the test on an error.
func (f *fixture) pending() int {
	f.t.Helper()
	n, err := f.st.CountPending(f.ctx)
	if err != nil {
		f.t.Fatal(err)
	}
	return n
}
