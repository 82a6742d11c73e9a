package subscriptions

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
	"github.com/newshound/newshound/store"
)

var serviceNow = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

func newTestService(t *testing.T, max int) (*Service, *store.Store) {
	t.Helper()
	st := testkit.OpenStore(t, func() time.Time { return serviceNow })
	return NewService(Options{Store: st, MaxPerChat: max, Now: func() time.Time { return serviceNow }, Logger: slog.New(slog.DiscardHandler)}), st
}

func seedArticles(t *testing.T, st *store.Store, items ...news.Article) []news.Article {
	t.Helper()
	src, err := st.UpsertSource(context.Background(), "Example Wire", "https://wire.example/feed", "config")
	if err != nil {
		t.Fatal(err)
	}
	added, err := st.InsertArticles(context.Background(), src.ID, items)
	if err != nil {
		t.Fatal(err)
	}
	for i := range added {
		added[i].SourceName = src.Name
	}
	return added
}

func TestSubscribePreviewsRecentMatches(t *testing.T) {
	svc, st := newTestService(t, 10)
	ctx := context.Background()
	ensureChat(t, st, 1)
	seedArticles(t, st,
		news.Article{GUID: "1", Title: "Kursk deminers clear fields", Text: "Work began.", PublishedAt: serviceNow.Add(-time.Hour)},
		news.Article{GUID: "2", Title: "Deminers return to Kursk", Text: "Again.", PublishedAt: serviceNow.Add(-2 * time.Hour)},
		news.Article{GUID: "3", Title: "Kursk deminers, a year on", Text: "Old.", PublishedAt: serviceNow.Add(-10 * 24 * time.Hour)},
		news.Article{GUID: "4", Title: "Kursk weather", Text: "Rain.", PublishedAt: serviceNow.Add(-time.Hour)},
	)
	res, err := svc.Subscribe(ctx, 1, "kursk deminers")
	if err != nil {
		t.Fatal(err)
	}
	if !res.Created || res.Subscription.ID == 0 || res.Preview.Count != 2 || len(res.Preview.Titles) != 2 || res.Preview.Titles[0] != "Kursk deminers clear fields" {
		t.Fatalf("subscribed = %+v", res)
	}
	again, err := svc.Subscribe(ctx, 1, "  kursk   deminers ")
	if err != nil || again.Created || again.Subscription.ID != res.Subscription.ID {
		t.Fatalf("the same query twice = %+v, %v", again, err)
	}
	if svc.Count() != 1 {
		t.Fatalf("index holds %d, want 1", svc.Count())
	}
}

func TestSubscribeRefusesBadQueriesAndChangesNothing(t *testing.T) {
	svc, st := newTestService(t, 10)
	ctx := context.Background()
	ensureChat(t, st, 1)
	for _, q := range []string{`"unclosed`, ""} {
		_, err := svc.Subscribe(ctx, 1, q)
		var perr *query.ParseError
		if !errors.As(err, &perr) {
			t.Errorf("Subscribe(%q) err = %v, want a *query.ParseError", q, err)
		}
	}
	if subs, err := svc.List(ctx, 1); err != nil || len(subs) != 0 || svc.Count() != 0 {
		t.Fatalf("a refused query changed something: %v, index %d", subs, svc.Count())
	}
}

func TestUnsubscribeByIDOrQuery(t *testing.T) {
	svc, st := newTestService(t, 10)
	ctx := context.Background()
	ensureChat(t, st, 1)
	ensureChat(t, st, 2)
	a := subscribe(t, svc, 1, "alpha")
	subscribe(t, svc, 1, `"north korea"`)
	if _, err := svc.Unsubscribe(ctx, 2, "alpha"); !errors.Is(err, ErrNoSuchSubscription) {
		t.Fatalf("another chat removed it: %v", err)
	}
	got, err := svc.Unsubscribe(ctx, 1, "#"+strconv.FormatInt(a.Subscription.ID, 10))
	if err != nil || got.Query != "alpha" {
		t.Fatalf("by id: %+v, %v", got, err)
	}
	if _, err := svc.Unsubscribe(ctx, 1, `"North  Korea"`); err != nil {
		t.Fatalf("by query text: %v", err)
	}
	if svc.Count() != 0 {
		t.Fatalf("index holds %d after removing both", svc.Count())
	}
	if _, err := svc.Unsubscribe(ctx, 1, "nothing"); !errors.Is(err, ErrNoSuchSubscription) {
		t.Fatalf("err = %v", err)
	}
}

func TestLoadRebuildsTheIndexFromTheStore(t *testing.T) {
	svc, st := newTestService(t, 10)
	ctx := context.Background()
	ensureChat(t, st, 1)
	subscribe(t, svc, 1, "alpha")
	subscribe(t, svc, 1, "beta")
	fresh := NewService(Options{Store: st, MaxPerChat: 10, Now: func() time.Time { return serviceNow }, Logger: slog.New(slog.DiscardHandler)})
	n, err := fresh.Load(ctx)
	if err != nil || n != 2 {
		t.Fatalf("Load = %d, %v; want 2", n, err)
	}
}

func TestHandleArticlesQueuesOncePerChat(t *testing.T) {
	svc, st := newTestService(t, 10)
	ctx := context.Background()
	for _, id := range []int64{1, 2, 3, 4} {
		ensureChat(t, st, id)
	}
	subscribe(t, svc, 1, "kursk")
	subscribe(t, svc, 1, "deminers") // a second match in the same chat
	subscribe(t, svc, 2, "deminers")
	subscribe(t, svc, 3, "kursk")
	if err := st.SetChatPaused(ctx, 3, true); err != nil { // paused: no alert
		t.Fatal(err)
	}
	subscribe(t, svc, 4, "belgorod")
	arts := seedArticles(t, st, news.Article{GUID: "a", Title: "Kursk deminers clear fields", Text: "Work began.", PublishedAt: serviceNow, Alertable: true})
	if err := svc.HandleArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	if n := countPending(t, st); n != 2 {
		t.Fatalf("pending = %d, want 2 (chat 1 once, chat 2)", n)
	}
	due, err := st.DueMessages(ctx, serviceNow, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(due) != 2 || due[0].ChatID != 1 || due[1].ChatID != 2 || due[0].Kind != news.KindAlert {
		t.Fatalf("due = %+v", due)
	}
	if err := svc.HandleArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	if n := countPending(t, st); n != 2 {
		t.Fatalf("handling the same article again queued more: %d", n)
	}
}

// TestPlanAlertsBatch checks that a batch's alerts, whose articles' matches share one buffer and one look at the
// store, are those of its articles planned one at a time, in order.
func TestPlanAlertsBatch(t *testing.T) {
	svc, st := newTestService(t, 10)
	ctx := context.Background()
	for _, id := range []int64{1, 2, 3} {
		ensureChat(t, st, id)
	}
	subscribe(t, svc, 1, "kursk")
	subscribe(t, svc, 1, "deminers")
	subscribe(t, svc, 2, "deminers")
	subscribe(t, svc, 2, "belgorod")
	subscribe(t, svc, 3, "kursk OR belgorod")
	arts := seedArticles(t, st,
		news.Article{GUID: "a", Title: "Kursk deminers clear fields", Text: "Work began.", PublishedAt: serviceNow, Alertable: true},
		news.Article{GUID: "b", Title: "Markets today", Text: "Stocks rose.", PublishedAt: serviceNow, Alertable: true},
		news.Article{GUID: "c", Title: "Belgorod deminers", Text: "More work.", PublishedAt: serviceNow, Alertable: true},
		news.Article{GUID: "d", Title: "Kursk again", Text: "Quiet.", PublishedAt: serviceNow, Alertable: true},
	)
	var want []news.Alert
	for i := range arts {
		one, err := svc.PlanAlerts(ctx, arts[i:i+1])
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, one...)
	}
	// a: chats 1, 2 and 3; b: none; c: chats 1, 2 and 3; d: chats 1 and 3.
	if len(want) != 8 {
		t.Fatalf("alerts one article at a time: %+v, want 8", want)
	}
	got, err := svc.PlanAlerts(ctx, arts)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("batch = %+v, want %+v", got, want)
	}
}

func TestPreviewOfASourceOnlyQueryScansTheWindow(t *testing.T) {
	svc, st := newTestService(t, 10)
	ctx := context.Background()
	ensureChat(t, st, 1)
	seedArticles(t, st,
		news.Article{GUID: "1", Title: "One", Text: "x", PublishedAt: serviceNow.Add(-time.Hour)},
		news.Article{GUID: "2", Title: "Two", Text: "y", PublishedAt: serviceNow.Add(-8 * 24 * time.Hour)},
	)
	res, err := svc.Subscribe(ctx, 1, "source:wire")
	if err != nil {
		t.Fatal(err)
	}
	if res.Preview.Count != 1 || res.Preview.Titles[0] != "One" {
		t.Fatalf("preview = %+v, want the one article of the last 7 days", res.Preview)
	}
}

func TestIndexIsRefiledAfterEnoughArticles(t *testing.T) {
	svc, st := newTestService(t, 10)
	var logs strings.Builder
	svc.log = slog.New(slog.NewTextHandler(&logs, nil))
	ctx := context.Background()
	ensureChat(t, st, 1)
	subscribe(t, svc, 1, "kursk")
	batch := make([]news.Article, refileAfter-1)
	for i := range batch {
		batch[i] = news.Article{ID: int64(i + 1), Title: "Markets today", Text: "Stocks rose."}
	}
	if err := svc.HandleArticles(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(logs.String(), "refiled") {
		t.Fatal("refiled before refileAfter articles")
	}
	if err := svc.HandleArticles(ctx, batch[:1]); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), "refiled") {
		t.Fatal("not refiled after refileAfter articles")
	}
	logs.Reset()
	if err := svc.HandleArticles(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(logs.String(), "refiled") {
		t.Fatal("refiled again within a day")
	}
	svc.now = func() time.Time { return serviceNow.Add(25 * time.Hour) }
	if err := svc.HandleArticles(ctx, batch[:1]); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), "refiled") {
		t.Fatal("not refiled a day later")
	}
}

// ensureChat creates a private chat, failing the test when it cannot.
func ensureChat(t *testing.T, st *store.Store, id int64) {
	t.Helper()
	if _, err := st.EnsureChat(context.Background(), id, "private", "", news.ChatDefaults{}); err != nil {
		t.Fatalf("ensure chat %d: %v", id, err)
	}
}

// subscribe subscribes the chat to text, failing the test when it cannot.
func subscribe(t *testing.T, svc *Service, chatID int64, text string) Subscribed {
	t.Helper()
	got, err := svc.Subscribe(context.Background(), chatID, text)
	if err != nil {
		t.Fatalf("subscribe %d to %q: %v", chatID, text, err)
	}
	return got
}

// countPending counts the outbox rows waiting, failing the test on an error.
func countPending(t *testing.T, st *store.Store) int {
	t.Helper()
	n, err := st.CountPending(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// A user was told "about 4 stored articles" where 2 matched: the 2 of a
// sample were scaled to candidates that the matcher would have refused.
func TestPreviewSaysExactAtLeastOrAbout(t *testing.T) {
	// kursk -weather: the index finds every Kursk article, the matcher drops the weather.
	article := func(i int, title string) news.Article {
		return news.Article{GUID: strconv.Itoa(i), Title: title, Text: "Text.", PublishedAt: serviceNow.Add(-time.Duration(100-i) * time.Minute)}
	}
	batch := func(from int, titles ...string) []news.Article {
		var out []news.Article
		for i, title := range titles {
			out = append(out, article(from+i, title))
		}
		return out
	}
	repeat := func(n int, title string) []string { return slices.Repeat([]string{title}, n) }
	tests := []struct {
		name                string
		scan                int
		older, newer        []string // older are stored first (lower ids): the sample reads the newest
		want                int
		wantApprox, wantMin bool
	}{
		{"the sample covers everything: exact", 20, repeat(3, "Kursk weather"), append(repeat(2, "Kursk deminers"), repeat(15, "Kursk weather")...), 2, false, false},
		{"few confirmed of a sample: at least", 10, repeat(10, "Kursk weather"), append(repeat(2, "Kursk deminers"), repeat(8, "Kursk weather")...), 2, false, true},
		{"none confirmed of a sample: at least none", 10, repeat(10, "Kursk deminers"), repeat(10, "Kursk weather"), 0, false, true},
		// A stranger read "about 21" where all 21 matched: a few more
		// candidates than the sample are all confirmed.
		{"a few more than the sample: all confirmed, exact", 20, repeat(1, "Kursk deminers"), repeat(20, "Kursk deminers"), 21, false, false},
		{"half as many again: all confirmed, exact", 10, repeat(5, "Kursk weather"), append(repeat(7, "Kursk deminers"), repeat(3, "Kursk weather")...), 7, false, false},
		{"many confirmed of a sample: about", 10, append(repeat(5, "Kursk deminers"), repeat(5, "Kursk weather")...), append(repeat(5, "Kursk deminers"), repeat(5, "Kursk weather")...), 10, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc, st := newTestService(t, 10)
			svc.previewScan = tt.scan
			ctx := context.Background()
			ensureChat(t, st, 1)
			seedArticles(t, st, batch(0, tt.older...)...)
			seedArticles(t, st, batch(len(tt.older), tt.newer...)...)
			res, err := svc.Subscribe(ctx, 1, "kursk -weather")
			if err != nil {
				t.Fatal(err)
			}
			p := res.Preview
			if p.Count != tt.want || p.Approx != tt.wantApprox || p.AtLeast != tt.wantMin {
				t.Fatalf("preview = %+v; want count %d, approx %v, at least %v", p, tt.want, tt.wantApprox, tt.wantMin)
			}
			if p.AtLeast && p.Checked != tt.scan {
				t.Errorf("checked = %d, want %d", p.Checked, tt.scan)
			}
		})
	}
}

// A chat at its limit is told the limit: the error carries it, and is
// still news.ErrLimit for the callers that branch on it.
func TestSubscribeAtTheLimitSaysTheLimit(t *testing.T) {
	svc, st := newTestService(t, 2)
	ctx := context.Background()
	ensureChat(t, st, 1)
	for _, q := range []string{"kursk", "deminers"} {
		if _, err := svc.Subscribe(ctx, 1, q); err != nil {
			t.Fatal(err)
		}
	}
	_, err := svc.Subscribe(ctx, 1, "pyongyang")
	var lim *LimitError
	if !errors.Is(err, news.ErrLimit) || !errors.As(err, &lim) || lim.Max != 2 {
		t.Fatalf("third subscription: err = %v, want a *LimitError of 2 that is news.ErrLimit", err)
	}
}

// "kursk kursk KURSK" is the subscription "kursk": a stranger's was kept
// as kursk AND kursk AND kursk, a second subscription.
func TestRepeatedTermsAreTheSameSubscription(t *testing.T) {
	svc, st := newTestService(t, 10)
	ctx := context.Background()
	ensureChat(t, st, 1)
	first, err := svc.Subscribe(ctx, 1, "kursk")
	if err != nil {
		t.Fatal(err)
	}
	again, err := svc.Subscribe(ctx, 1, "kursk kursk KURSK")
	if err != nil {
		t.Fatal(err)
	}
	if again.Created || again.Subscription.ID != first.Subscription.ID || again.Query.String() != "kursk" {
		t.Fatalf("subscribed again = %+v (%q), want subscription #%d, not created", again.Subscription, again.Query, first.Subscription.ID)
	}
}

// A subscription stored before repeated terms folded keeps its old key
// ("kursk AND kursk"): Load gives it the key of today's parse, so that
// "/unsubscribe kursk" finds it and "/subscribe kursk" is no second one;
// and where the chat has since subscribed the folded query in the same
// topic, the two are one: the older stays, the newer goes.
func TestLoadRekeysSubscriptionsStoredUnderAnOldKey(t *testing.T) {
	svc, st := newTestService(t, 10)
	ctx := context.Background()
	ensureChat(t, st, 1)
	old, _, err := st.CreateSubscriptionIn(ctx, 1, 0, "kursk kursk", "kursk AND kursk", 10)
	if err != nil {
		t.Fatal(err)
	}
	oldPair, _, err := st.CreateSubscriptionIn(ctx, 1, 0, "wahl wahl", "wahl AND wahl", 10)
	if err != nil {
		t.Fatal(err)
	}
	newPair, _, err := st.CreateSubscriptionIn(ctx, 1, 0, "wahl", "wahl", 10)
	if err != nil {
		t.Fatal(err)
	}
	n, err := svc.Load(ctx)
	if err != nil || n != 2 {
		t.Fatalf("Load = %d, %v; want 2 (kursk, and wahl once)", n, err)
	}
	again, err := svc.Subscribe(ctx, 1, "kursk")
	if err != nil || again.Created || again.Subscription.ID != old.ID {
		t.Fatalf("/subscribe kursk = %+v, %v; want the stored #%d", again.Subscription, err, old.ID)
	}
	subs, err := svc.List(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, s := range subs {
		ids = append(ids, s.ID)
	}
	if !slices.Equal(ids, []int64{old.ID, oldPair.ID}) {
		t.Fatalf("subscriptions = %v, want [%d %d] (#%d folded into #%d)", ids, old.ID, oldPair.ID, newPair.ID, oldPair.ID)
	}
	if got, err := svc.Unsubscribe(ctx, 1, "kursk"); err != nil || got.ID != old.ID {
		t.Fatalf("/unsubscribe kursk = %+v, %v", got, err)
	}
	if svc.Count() != 1 {
		t.Fatalf("index holds %d, want 1", svc.Count())
	}
}

// A query typed with runs of spaces or over two lines (Shift+Enter) was
// kept as typed, and /list, "Removed #7" and every alert's footer showed
// "wahl       OR        climate" or broke the line: it is kept with single
// spaces, its meaning unchanged.
func TestSubscribeKeepsTheQueryWithSingleSpaces(t *testing.T) {
	svc, st := newTestService(t, 10)
	ctx := context.Background()
	ensureChat(t, st, 1)
	res, err := svc.Subscribe(ctx, 1, "  wahl       OR\n\t climate  \"north \n korea\" ")
	if err != nil {
		t.Fatal(err)
	}
	if want := `wahl OR climate "north korea"`; res.Subscription.Query != want {
		t.Fatalf("stored query = %q, want %q", res.Subscription.Query, want)
	}
	subs, err := svc.List(ctx, 1)
	if err != nil || len(subs) != 1 || subs[0].Query != `wahl OR climate "north korea"` {
		t.Fatalf("listed = %+v, %v", subs, err)
	}
}

// "/subscribe k\u200bursk", a word pasted from a web page with a zero-width
// space in it, was stored as the phrase "k ursk" and never alerted; a soft
// hyphen did the same. The invisible characters go before the query is
// read, for /unsubscribe too.
func TestSubscribeDropsInvisibleCharacters(t *testing.T) {
	svc, st := newTestService(t, 10)
	ctx := context.Background()
	ensureChat(t, st, 1)
	first, err := svc.Subscribe(ctx, 1, "k\u200bursk")
	if err != nil {
		t.Fatal(err)
	}
	if first.Query.String() != "kursk" || first.Subscription.Query != "kursk" {
		t.Fatalf("subscribed %q (stored %q), want kursk", first.Query.String(), first.Subscription.Query)
	}
	second, err := svc.Subscribe(ctx, 1, "Bundes\u00adtag \ufeffwahl")
	if err != nil || second.Query.String() != "bundestag AND wahl" {
		t.Fatalf("subscribed %v, %v; want bundestag AND wahl", second.Query, err)
	}
	if got, err := svc.Unsubscribe(ctx, 1, "kur\u2060sk"); err != nil || got.ID != first.Subscription.ID {
		t.Fatalf("/unsubscribe with a word joiner = %+v, %v", got, err)
	}
}

// "/subscribe 🚀 kursk <war>" was confirmed as the query understood
// (emoji, "<>" and direction marks dropped: they only part words) while
// /list showed it with them: it is stored without them, so that the two
// agree, its meaning unchanged.
func TestSubscribeStoresTheQueryWithoutWhatTheParserDrops(t *testing.T) {
	svc, st := newTestService(t, 10)
	ctx := context.Background()
	ensureChat(t, st, 1)
	res, err := svc.Subscribe(ctx, 1, "🚀 Kursk <war> \u200fnews\u200e 🇺🇦 OR \"north 👍 korea\"")
	if err != nil {
		t.Fatal(err)
	}
	if want := `Kursk war news OR "north korea"`; res.Subscription.Query != want {
		t.Fatalf("stored query = %q, want %q (confirmed as %q)", res.Subscription.Query, want, res.Query.String())
	}
	again, err := query.Parse(res.Subscription.Query)
	if err != nil || again.Key() != res.Query.Key() {
		t.Fatalf("the stored query reads as %v, %v; want %q", again, err, res.Query.String())
	}
	subs, err := svc.List(ctx, 1)
	if err != nil || len(subs) != 1 || subs[0].Query != res.Subscription.Query {
		t.Fatalf("listed = %+v, %v", subs, err)
	}
	// A glued "-" keeps its meaning: the emoji goes without leaving a space.
	neg, err := svc.Subscribe(ctx, 1, "kursk -🚀sport")
	if err != nil {
		t.Fatal(err)
	}
	if neg.Subscription.Query != "kursk -sport" || neg.Query.String() != "kursk AND NOT sport" {
		t.Fatalf("stored %q, understood %q; want kursk -sport", neg.Subscription.Query, neg.Query.String())
	}
}

// A query without Hebrew points (niqqud) previews and alerts the articles
// written with them, and a query with them the articles without: the
// preview (FTS5 and the matcher) and the alert (the index) read both alike.
func TestHebrewPointsPreviewAndAlertAlike(t *testing.T) {
	svc, st := newTestService(t, 10)
	ctx := context.Background()
	ensureChat(t, st, 1)
	seedArticles(t, st,
		news.Article{GUID: "1", Title: "שָׁלוֹם עֲלֵיכֶם", Text: "שיר.", PublishedAt: serviceNow.Add(-time.Hour)},
		news.Article{GUID: "2", Title: "שלום בירושלים", Text: "חדשות.", PublishedAt: serviceNow.Add(-2 * time.Hour)},
	)
	for _, text := range []string{"שלום", "שָׁלוֹם"} {
		res, err := svc.Subscribe(ctx, 1, text)
		if err != nil {
			t.Fatal(err)
		}
		if res.Preview.Count != 2 {
			t.Errorf("Subscribe(%q) previews %d articles, want 2: %+v", text, res.Preview.Count, res.Preview)
		}
		for _, title := range []string{"שָׁלוֹם עֲלֵיכֶם", "שלום בירושלים"} {
			if got := svc.index.Match(query.NewDocument(news.Article{Title: title})); len(got) == 0 {
				t.Errorf("Subscribe(%q): %q alerts no subscription", text, title)
			}
		}
	}
}

// The same words in another order are the same subscription: "deminers
// kursk" after "kursk deminers" was a second one, listed twice.
func TestSubscribeInAnotherOrderIsTheSameSubscription(t *testing.T) {
	svc, st := newTestService(t, 10)
	ctx := context.Background()
	ensureChat(t, st, 1)
	first := subscribe(t, svc, 1, "kursk deminers -sport")
	again, err := svc.Subscribe(ctx, 1, "NOT sport deminers Kursk")
	if err != nil || again.Created || again.Subscription.ID != first.Subscription.ID {
		t.Fatalf("in another order = %+v, %v; want subscription %d again", again, err, first.Subscription.ID)
	}
	if _, err := svc.Unsubscribe(ctx, 1, "deminers kursk -sport"); err != nil {
		t.Fatalf("removing it by its words in a third order: %v", err)
	}
}

// A store that read fewer candidates than the sample asked for had no more
// to give: its total past them is an estimate (one article found in the
// newest 4,000 ids of 78,000: "19"), and the preview read the spans again
// for nothing. A full sample with a few more candidates is read again, all
// confirmed.
func TestPreviewRereadsOnlyAFullSample(t *testing.T) {
	tests := []struct {
		name            string
		examined, total int
		wantReads       int
	}{
		{"fewer read than asked: once", 1, 19, 1},
		{"a full sample, a few more: again", 20, 25, 2},
		{"a full sample, many more: once", 20, 500, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc, _ := newTestService(t, 10)
			svc.previewScan = 20
			reads := 0
			read := func(n int) ([]news.Article, int, int, error) {
				reads++
				examined := tt.examined
				if reads > 1 {
					examined = n
				}
				var arts []news.Article
				for i := range examined {
					arts = append(arts, news.Article{ID: int64(i + 1), Title: "Kursk deminers"})
				}
				return arts, examined, tt.total, nil
			}
			if _, err := svc.preview(context.Background(), read, nil); err != nil {
				t.Fatal(err)
			}
			if reads != tt.wantReads {
				t.Errorf("reads = %d, want %d", reads, tt.wantReads)
			}
		})
	}
}

// "site:steel.example tariffs" previewed "at least 0" where an
// aggregator's feed held 12 of that site's tariff articles that week under
// 100 newer ones of other sites. The site's hosts are read with the word:
// all 12, exact.
func TestPreviewOfAWordConfinedToASite(t *testing.T) {
	svc, st := newTestService(t, 10)
	ctx := context.Background()
	ensureChat(t, st, 1)
	var arts []news.Article
	for i := range 12 {
		arts = append(arts, news.Article{GUID: fmt.Sprint("s", i), URL: fmt.Sprintf("https://steel.example/%d", i), Title: fmt.Sprintf("Steel tariffs, round %d", i), Text: "Tariffs rise.", PublishedAt: serviceNow.Add(-time.Duration(300+i) * time.Minute)})
	}
	for i := range 100 {
		arts = append(arts, news.Article{GUID: fmt.Sprint("w", i), URL: fmt.Sprintf("https://news%d.example/%d", i%30, i), Title: fmt.Sprintf("Tariffs update %d", i), Text: "Tariffs rise.", PublishedAt: serviceNow.Add(-time.Duration(i) * time.Minute)})
	}
	seedArticles(t, st, arts...)
	res, err := svc.Subscribe(ctx, 1, "site:steel.example tariffs")
	if err != nil {
		t.Fatal(err)
	}
	if p := res.Preview; p.Count != 12 || p.Approx || p.AtLeast || p.Titles[0] != "Steel tariffs, round 0" {
		t.Fatalf("preview = %+v, want the site's 12 exactly, newest first", p)
	}
	// The site alone, and with a NOT FTS5 cannot narrow with: its articles,
	// not the newest 20 of every site (which held none of them).
	for q, want := range map[string]int{"site:steel.example": 12, "site:steel.example -round": 0, "site:steel.example -update": 12} {
		res, err := svc.Subscribe(ctx, 1, q)
		if err != nil {
			t.Fatal(err)
		}
		if p := res.Preview; p.Count != want || p.Approx || (want > 0 && p.AtLeast) || want > 0 && p.Titles[0] != "Steel tariffs, round 0" {
			t.Errorf("preview of %s = %+v, want the site's %d exactly, newest first", q, p, want)
		}
	}
}

// "source:reuters tariffs" previewed "at least 0" where Reuters had 12
// tariff articles that week: the preview's 20 candidates were the newest
// tariff articles of every source, and the matcher dropped them all. The
// source's articles are read with the word: all 12, exact.
func TestPreviewOfAWordConfinedToASource(t *testing.T) {
	svc, st := newTestService(t, 10)
	ctx := context.Background()
	ensureChat(t, st, 1)
	reuters, err := st.UpsertSource(ctx, "Reuters", "https://reuters.example/feed", "config")
	if err != nil {
		t.Fatal(err)
	}
	var theirs, wire []news.Article
	for i := range 12 {
		theirs = append(theirs, news.Article{GUID: fmt.Sprint("r", i), Title: fmt.Sprintf("Steel tariffs, round %d", i), Text: "Tariffs rise.", PublishedAt: serviceNow.Add(-time.Duration(300+i) * time.Minute)})
	}
	for i := range 100 {
		wire = append(wire, news.Article{GUID: fmt.Sprint("w", i), Title: fmt.Sprintf("Tariffs update %d", i), Text: "Tariffs rise.", PublishedAt: serviceNow.Add(-time.Duration(i) * time.Minute)})
	}
	if _, err := st.InsertArticles(ctx, reuters.ID, theirs); err != nil {
		t.Fatal(err)
	}
	seedArticles(t, st, wire...)
	res, err := svc.Subscribe(ctx, 1, "source:reuters tariffs")
	if err != nil {
		t.Fatal(err)
	}
	if p := res.Preview; p.Count != 12 || p.Approx || p.AtLeast || p.Titles[0] != "Steel tariffs, round 0" {
		t.Fatalf("preview = %+v, want Reuters' 12 exactly, newest first", p)
	}
}
