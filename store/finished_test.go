package store

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// TestAFinishedItemIsWrittenOnce: StoreFeedItemsFinished calls finish on
// the new items only, stores those it finished with their text and summary,
// indexed for search and pending at StepLink, the others at StepText
// unindexed, as StoreFeedItems does; an item already seen is not finished
// again on a later fetch.
func TestAFinishedItemIsWrittenOnce(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	src := wireSource(t, s)
	now := time.Now()
	whole := strings.Repeat("Deminers cleared the fields near the village of Kursk again. ", 4)
	items := []news.Article{
		{GUID: "1", URL: "https://wire.example/1", Title: "Harvest in Kursk", Text: whole, PublishedAt: now},
		{GUID: "2", URL: "https://wire.example/2", Title: "Teaser of Orel", Text: "teaser", PublishedAt: now},
	}
	var called []string
	finish := func(_ int, a *news.Article) bool {
		called = append(called, a.GUID)
		if a.GUID != "1" {
			return false
		}
		a.Summary = "Deminers cleared the fields."
		return true
	}
	added, err := s.StoreFeedItemsFinished(ctx, src.ID, items, finish)
	if err != nil {
		t.Fatal(err)
	}
	if len(added) != 2 || strings.Join(called, ",") != "1,2" {
		t.Fatalf("stored %d, finish called on %v; want 2 and [1 2]", len(added), called)
	}
	if items[0].Summary != "" {
		t.Errorf("the caller's items were changed: %q", items[0].Summary)
	}
	for step, want := range map[string]string{StepLink: "1", StepText: "2"} {
		arts, err := s.PendingArticles(ctx, step)
		if err != nil {
			t.Fatal(err)
		}
		if len(arts) != 1 || arts[0].GUID != want {
			t.Fatalf("pending at %s: %v, want the article %s", step, arts, want)
		}
		if want == "1" && (arts[0].Text != whole || arts[0].Summary != "Deminers cleared the fields.") {
			t.Errorf("the finished article reads back %q / %q", arts[0].Text, arts[0].Summary)
		}
	}
	indexed(t, s)
	for word, want := range map[string]int{"kursk": 1, "orel": 0} { // the teaser waits for its text step
		var got int
		if err := s.w.QueryRowContext(ctx, `SELECT count(*) FROM articles_terms WHERE articles_terms MATCH ?`, word).Scan(&got); err != nil || got != want {
			t.Errorf("articles_terms holds %d articles with %q (%v), want %d", got, word, err, want)
		}
	}

	called = nil
	items = append(items, news.Article{GUID: "3", Title: "Floods in Tver", Text: whole, PublishedAt: now})
	added, err = s.StoreFeedItemsFinished(ctx, src.ID, items, finish)
	if err != nil {
		t.Fatal(err)
	}
	if len(added) != 1 || added[0].GUID != "3" || strings.Join(called, ",") != "3" {
		t.Errorf("the second fetch stored %v and finished %v; want the new item 3 only", added, called)
	}
}

// TestLinkingMovesAnArticleOnToMatch: LinkArticles records the stories and
// moves the articles pending at StepLink on to StepMatch in the same write;
// an article at another step stays there.
func TestLinkingMovesAnArticleOnToMatch(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	src := wireSource(t, s)
	now := time.Now()
	added, err := s.StoreFeedItemsFinished(ctx, src.ID, []news.Article{
		{GUID: "1", Title: "Harvest", Text: "Whole text.", PublishedAt: now},
		{GUID: "2", Title: "Harvest again", Text: "Teaser", PublishedAt: now},
	}, func(_ int, a *news.Article) bool { return a.GUID == "1" })
	if err != nil || len(added) != 2 {
		t.Fatalf("stored %v, %v", added, err)
	}
	if err := s.LinkArticles(ctx, []news.StoryCandidate{
		{ArticleID: added[0].ID, StoryID: added[0].ID, CanonicalURL: "https://wire.example/1"},
		{ArticleID: added[1].ID, StoryID: added[0].ID, Signature: []byte{1}},
	}); err != nil {
		t.Fatal(err)
	}
	for step, want := range map[string]int64{StepMatch: added[0].ID, StepText: added[1].ID} {
		arts, err := s.PendingArticles(ctx, step)
		if err != nil || len(arts) != 1 || arts[0].ID != want {
			t.Errorf("pending at %s: %v, %v; want article %d", step, arts, err, want)
		}
	}
	cands, err := s.StoryCandidates(ctx, now.Add(-time.Hour), 0)
	if err != nil || len(cands) != 2 || cands[0].StoryID != added[0].ID || cands[1].StoryID != added[0].ID {
		t.Errorf("stories: %+v, %v; want both in the story of %d", cands, err, added[0].ID)
	}
}

// TestAConstraintBrokenMidAlertUndoesThatAlertOnly: an alert whose second
// write breaks a constraint (here a trigger's) leaves no outbox row behind,
// and the alerts before and after it in the batch are queued.
func TestAConstraintBrokenMidAlertUndoesThatAlertOnly(t *testing.T) {
	ctx := context.Background()
	r := newDeliveryRig(t)
	var logged strings.Builder
	r.st.SetLogger(slog.New(slog.NewTextHandler(&logged, nil)))
	sub := r.chat(t, 1, "private")
	a, bad, c := r.article(t, 0, "a"), r.article(t, 0, "bad"), r.article(t, 0, "c")
	if _, err := r.st.w.ExecContext(ctx, fmt.Sprintf(`CREATE TRIGGER refuse BEFORE INSERT ON alerts WHEN new.article_id = %d BEGIN SELECT RAISE(ABORT, 'refused'); END`, bad)); err != nil {
		t.Fatal(err)
	}
	n, err := r.st.QueueAlerts(ctx, []news.Alert{{ChatID: 1, ArticleID: a, SubscriptionID: sub}, {ChatID: 1, ArticleID: bad, SubscriptionID: sub}, {ChatID: 1, ArticleID: c, SubscriptionID: sub}})
	if err != nil || n != 2 {
		t.Fatalf("queued %d, %v; want the 2 alerts around the refused one", n, err)
	}
	if got := r.count(t, `SELECT count(*) FROM outbox WHERE article_id = ?`, bad); got != 0 {
		t.Errorf("the refused alert left %d outbox rows", got)
	}
	if got := r.count(t, `SELECT count(*) FROM outbox WHERE kind = 'alert' AND article_id IN (?, ?)`, a, c); got != 2 {
		t.Errorf("outbox holds %d of the other two alerts", got)
	}
	if !strings.Contains(logged.String(), "alert skipped") {
		t.Errorf("no log line for the refused alert:\n%s", logged.String())
	}
}

// TestEveryInsertedItemIsFinished: an item StoreFeedItemsFinished inserts
// has been through finish, when the read of seen_items outside the write
// fails (every new item is finished once the write has found it new) and
// when the write finds new an item that read found seen (its seen keys
// gone in between): the caller may hand over items whose text finish makes.
func TestEveryInsertedItemIsFinished(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	src := wireSource(t, s)
	now := time.Now()
	called := map[string]int{}
	finish := func(i int, a *news.Article) bool {
		called[a.GUID]++
		a.Text = fmt.Sprintf("Finished text of item %d, %s.", i, a.GUID)
		return a.GUID != "t" // a teaser: finished text, at StepText
	}
	item := func(guid string) news.Article {
		return news.Article{GUID: guid, URL: "https://wire.example/" + guid, Title: "Item " + guid, PublishedAt: now}
	}
	readers := s.r
	closed, err := sql.Open("sqlite3", "file:"+t.TempDir()+"/none.db")
	if err != nil {
		t.Fatal(err)
	}
	closed.Close()
	s.r = closed // the read outside the write fails
	added, err := s.StoreFeedItemsFinished(ctx, src.ID, []news.Article{item("a"), item("t")}, finish)
	s.r = readers
	if err != nil || len(added) != 2 {
		t.Fatalf("stored %v, %v; want both items", added, err)
	}
	for step, want := range map[string]string{StepLink: "a", StepText: "t"} {
		arts, err := s.PendingArticles(ctx, step)
		if err != nil || len(arts) != 1 || arts[0].GUID != want || !strings.HasPrefix(arts[0].Text, "Finished text of item") {
			t.Fatalf("pending at %s: %+v, %v; want %s with its finished text", step, arts, err, want)
		}
	}
	if called["a"] != 1 || called["t"] != 1 {
		t.Errorf("finish called %v; want once on each", called)
	}

	// The write finds new an item the read found seen.
	clear(called)
	fetch := []news.Article{item("a"), item("t"), item("b")}
	gone := func(i int, a *news.Article) bool {
		if a.GUID == "b" {
			if _, err := s.w.ExecContext(ctx, `DELETE FROM seen_items WHERE source_id = ? AND key_hash IN (?, ?)`,
				src.ID, seenKey("guid:a"), seenKey("url:https://wire.example/a")); err != nil {
				t.Error(err)
			}
			if _, err := s.w.ExecContext(ctx, `DELETE FROM articles WHERE guid = 'a'`); err != nil {
				t.Error(err)
			}
		}
		return finish(i, a)
	}
	added, err = s.StoreFeedItemsFinished(ctx, src.ID, fetch, gone)
	if err != nil || len(added) != 2 || added[0].GUID != "a" || added[1].GUID != "b" {
		t.Fatalf("stored %+v, %v; want a again and b", added, err)
	}
	if called["a"] != 1 || called["b"] != 1 || called["t"] != 0 {
		t.Errorf("finish called %v; want once on a and b, not on t", called)
	}
	for _, a := range added {
		if !strings.HasPrefix(a.Text, "Finished text of item") {
			t.Errorf("%s stored with %q, not finished", a.GUID, a.Text)
		}
	}
	if added[0].Text != "Finished text of item 0, a." {
		t.Errorf("a finished as %q, want as item 0", added[0].Text)
	}
}
