package main

import (
	"bytes"
	"context"
	"database/sql"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
	"github.com/newshound/newshound/store"
)

// oldFoldStore makes at path a store whose Russian article (id returned)
// is indexed as before 0066_letters_fold (ё kept in its terms), with the
// migration's marker, as an upgrade finds it.
func oldFoldStore(t *testing.T, path string) int64 {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	src, err := st.UpsertSource(ctx, "ТАСС", "https://tass.example/rss", news.OriginConfig)
	if err != nil {
		t.Fatal(err)
	}
	added, err := st.InsertArticles(ctx, src.ID, []news.Article{
		{GUID: "a", Title: "Пётр Первый", Text: "Музей открыл ещё два зала", PublishedAt: time.Now()},
		{GUID: "b", Title: "Harvest", Text: "Plain text", PublishedAt: time.Now()},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil { // indexes them
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	id := added[0].ID
	for _, q := range []string{
		`DELETE FROM articles_terms WHERE rowid = ?`,
		`INSERT INTO articles_terms (rowid, title, body, tstems, bstems) VALUES (?, 'пётр первый', 'музей открыл ещё два зала', '', '')`,
		`INSERT OR IGNORE INTO terms_list (term, docs) VALUES ('пётр', 1), ('ещё', 1)`,
		`CREATE TABLE terms_letters (started INTEGER NOT NULL)`,
	} {
		var args []any
		if strings.Contains(q, "?") {
			args = append(args, id)
		}
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	return id
}

// searched returns the ids that /search of text finds.
func searched(t *testing.T, st *store.Store, text string) []int64 {
	t.Helper()
	q, err := query.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	hits, err := st.SearchArticles(context.Background(), q.TermsMatch(), 10)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, h := range hits {
		ids = append(ids, h.ID)
	}
	return ids
}

// TestReindexTermsRunsInTheBackground: the bot's background task indexes
// again the articles that the start marked (an upgrade's new folding of
// ё), a pause between batches, after which /search finds the article by
// Пётр and петр, which it did not before; then it waits for the stop
// without a look at the store, and a stop ends it without a failure.
func TestReindexTermsRunsInTheBackground(t *testing.T) {
	path := filepath.Join(t.TempDir(), "n.db")
	id := oldFoldStore(t, path)
	var logged bytes.Buffer
	st, err := store.OpenLogged(context.Background(), path, nil, slog.New(slog.NewTextHandler(&logged, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if st.Reindexing() != 1 {
		t.Fatalf("%d articles marked at the start, want 1", st.Reindexing())
	}
	if got := searched(t, st, "петр"); len(got) != 0 {
		t.Fatalf("/search петр finds %v before the re-indexing; the test's store is not as before the upgrade", got)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	waits, tick, done := make(chan time.Duration), make(chan time.Time), make(chan error, 1)
	go func() {
		done <- reindexTerms(ctx, st, func(d time.Duration) <-chan time.Time { waits <- d; return tick }, slog.New(slog.NewTextHandler(&logged, nil)))
	}()
	if d := <-waits; d != reindexGap {
		t.Errorf("the pause after a batch is %v, want %v", d, reindexGap)
	}
	for _, typed := range []string{"петр", "Пётр", "ещё"} {
		if got := searched(t, st, typed); len(got) != 1 || got[0] != id {
			t.Errorf("/search %s finds %v after the re-indexing, want [%d]", typed, got, id)
		}
	}
	if !strings.Contains(logged.String(), "articles indexed again for Turkish ı read as i and Russian ё as е") {
		t.Errorf("the end of the re-indexing is not logged:\n%s", logged.String())
	}
	tick <- time.Time{}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("the task ended with %v on a stop, want nil", err)
		}
	case d := <-waits:
		t.Errorf("the task waits %v again with nothing left", d)
	}
}

// TestReindexTermsUnmarkedWaitsForTheStop: with nothing marked the task
// does no batch, no pause, and ends on the stop without a failure.
func TestReindexTermsUnmarkedWaitsForTheStop(t *testing.T) {
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "n.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	wait := func(d time.Duration) <-chan time.Time { t.Errorf("a pause of %v with nothing marked", d); return nil }
	if err := reindexTerms(ctx, st, wait, slog.New(slog.NewTextHandler(&bytes.Buffer{}, nil))); err != nil {
		t.Errorf("ended with %v, want nil", err)
	}
}

// TestBotReindexesAfterAnUpgrade: the bot started on a store marked for
// re-indexing says at the start that it re-indexes in the background,
// and its background task does it: /search then finds the article by its
// new spelling.
func TestBotReindexesAfterAnUpgrade(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	id := oldFoldStore(t, db)
	tg := telegramtest.New(t, testToken)
	feed := feedtest.New(t, "testdata/feeds/world-v1.xml", "application/rss+xml")
	cfg := testConfig{tg: tg, sources: []testSource{{"World", feed.URL}}}.String()
	cfgPath := filepath.Join(dir, "newshound.toml")
	if err := os.WriteFile(cfgPath, []byte(strings.ReplaceAll(cfg, "{{db}}", db)), 0o600); err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	m := NewMain(strings.NewReader(""), &bytes.Buffer{}, logs, func(string) string { return "" })
	ready := make(chan *Parts, 1)
	m.Ready = func(p *Parts) { ready <- p }
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx, cfgPath) }()
	select {
	case p := <-ready:
		testkit.WaitFor(t, "the re-indexing's end", func() bool {
			return strings.Contains(logs.String(), "articles indexed again for Turkish ı read as i and Russian ё as е")
		})
		if got := searched(t, p.Store, "петр"); len(got) != 1 || got[0] != id {
			t.Errorf("/search петр finds %v after the re-indexing, want [%d]", got, id)
		}
	case err := <-done:
		t.Fatalf("Run ended early: %v\n%s", err, logs)
	case <-time.After(10 * time.Second):
		t.Fatalf("not ready after 10s:\n%s", logs)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Run: %v", err)
	}
	if !strings.Contains(logs.String(), "re-indexing articles in the background; /search finds their ı/ё spellings when done") {
		t.Errorf("the start does not say that it re-indexes in the background:\n%s", logs)
	}
}
