package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/newshound/newshound/news"
)

func TestOneBadRowNeverCancelsTheOtherAlerts(t *testing.T) {
	ctx := context.Background()
	r := newDeliveryRig(t)
	var logged strings.Builder
	r.st.SetLogger(slog.New(slog.NewTextHandler(&logged, nil)))
	kept1, stopped, migrated, kept2 := r.chat(t, 1, "private"), r.chat(t, 2, "private"), r.chat(t, 3, "group"), r.chat(t, 4, "private")
	other, err := r.st.UpsertSource(ctx, "Other", "https://other.example/rss", "chat")
	if err != nil {
		t.Fatal(err)
	}
	art := r.article(t, 0, "a1")
	removed := r.article(t, other.ID, "o1")

	// Meanwhile: chat 2 sends /stop, group 3 becomes a supergroup, the other source is removed.
	if err := r.st.DeleteChat(ctx, 2); err != nil {
		t.Fatal(err)
	}
	if err := r.st.MigrateChat(ctx, 3, -1003); err != nil {
		t.Fatal(err)
	}
	if err := r.st.DeleteSource(ctx, other.ID); err != nil {
		t.Fatal(err)
	}
	n, err := r.st.QueueAlerts(ctx, []news.Alert{
		{ChatID: 1, ArticleID: art, SubscriptionID: kept1},
		{ChatID: 2, ArticleID: art, SubscriptionID: stopped},
		{ChatID: 3, ArticleID: art, SubscriptionID: migrated},
		{ChatID: 1, ArticleID: removed, SubscriptionID: kept1},
		{ChatID: 4, ArticleID: art, SubscriptionID: kept2},
	})
	if err != nil {
		t.Fatalf("one bad row failed them all: %v", err)
	}
	if n != 2 {
		t.Fatalf("queued %d, want the 2 alerts of chats 1 and 4", n)
	}
	if got := r.count(t, `SELECT count(*) FROM outbox WHERE kind = 'alert' AND chat_id IN (1, 4) AND article_id = ?`, art); got != 2 {
		t.Fatalf("outbox holds %d alerts for chats 1 and 4, want 2", got)
	}
	if c := strings.Count(logged.String(), "alert skipped"); c != 3 {
		t.Errorf("logged %d skipped alerts, want 3:\n%s", c, logged.String())
	}
}

func TestIdsAreNeverGivenAgain(t *testing.T) {
	ctx := context.Background()
	r := newDeliveryRig(t)
	sub := r.chat(t, 1, "private")
	if err := r.st.DeleteSubscription(ctx, 1, sub); err != nil {
		t.Fatal(err)
	}
	again, _, err := r.st.CreateSubscription(ctx, 1, "other query", "other query", 10)
	if err != nil {
		t.Fatal(err)
	}
	if again.ID <= sub {
		t.Errorf("a new subscription got id %d after %d was removed", again.ID, sub)
	}

	art := r.article(t, 0, "a1")
	src, err := r.st.UpsertSource(ctx, "Gone", "https://gone.example/rss", "chat")
	if err != nil {
		t.Fatal(err)
	}
	if err := r.st.DeleteSource(ctx, src.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := r.st.w.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, art); err != nil {
		t.Fatal(err)
	}
	newSrc, err := r.st.UpsertSource(ctx, "New", "https://new.example/rss", "chat")
	if err != nil {
		t.Fatal(err)
	}
	if newSrc.ID <= src.ID {
		t.Errorf("a new source got id %d after %d was removed", newSrc.ID, src.ID)
	}
	if newArt := r.article(t, 0, "a2"); newArt <= art {
		t.Errorf("a new article got id %d after %d was removed", newArt, art)
	}
}

// openUpgraded makes a database at path as an older release at version
// left it, with the rows stmts write, and opens it with this release (which
// migrates it); the store is closed when the test ends.
func openUpgraded(t *testing.T, path string, version int, stmts ...string) *Store {
	t.Helper()
	old := openAtVersion(t, path, version)
	for _, q := range stmts {
		if _, err := old.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	markIndexed(t, old, version)
	old.Close()
	st, err := Open(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	reindexed(t, st)
	return st
}

// markIndexed records, in a database at version 53 (0053_terms_later)
// or later, that the articles it holds are in articles_terms, as the store
// that indexed them would have: Open indexes the articles above again
// (indexWaiting), on top of rows that a test entered by hand.
func markIndexed(t *testing.T, db *sql.DB, version int) {
	t.Helper()
	if version < 53 {
		return
	}
	if _, err := db.Exec(`UPDATE terms_indexed SET through = (SELECT coalesce(max(id), 0) FROM articles)`); err != nil {
		t.Fatal(err)
	}
}

// openAtVersion makes a database at path migrated up to version only, as
// an older release left it.
func openAtVersion(t *testing.T, path string, version int) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_foreign_keys=on")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	for _, name := range names {
		v, err := strconv.Atoi(strings.SplitN(strings.TrimPrefix(name, "migrations/"), "_", 2)[0])
		if err != nil {
			t.Fatal(err)
		}
		if v > version {
			break
		}
		body, err := migrationFiles.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(string(body)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := db.Exec(`INSERT INTO schema_migrations VALUES (?, 0)`, v); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func TestTheAutoincrementMigrationKeepsEverything(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	st := openUpgraded(t, path, 5,
		`INSERT INTO chats (id, created_at, updated_at) VALUES (7, 0, 0)`,
		`INSERT INTO sources (id, name, url, created_at, fetches, etag) VALUES (1, 'Wire', 'https://wire.example/rss', 0, 3, '"e1"')`,
		`INSERT INTO articles (id, source_id, guid, url, title, text, published_at, fetched_at, alertable) VALUES (5, 1, 'g5', 'https://wire.example/5', 'Kursk deminers', 'Fields cleared.', 0, 0, 1)`,
		`INSERT INTO subscriptions (id, chat_id, query, query_key, created_at) VALUES (4, 7, 'kursk', 'kursk', 0)`,
		`INSERT INTO alerts (chat_id, article_id, subscription_id, created_at, story_id) VALUES (7, 5, 4, 0, 5)`,
		// Queued messages name a subscription and an article removed since: their ids must not come back.
		`INSERT INTO outbox (chat_id, kind, priority, article_id, subscription_id, created_at) VALUES (7, 'alert', 10, 9, 8, 0)`,
	)
	for q, want := range map[string]int64{
		`SELECT count(*) FROM alerts WHERE chat_id = 7 AND article_id = 5`:                                             1,
		`SELECT fetches FROM sources WHERE id = 1`:                                                                     3,
		`SELECT count(*) FROM subscriptions WHERE id = 4 AND chat_id = 7`:                                              1,
		`SELECT count(*) FROM articles WHERE id = 5 AND pending = ''`:                                                  1,
		`SELECT rowid FROM articles_terms WHERE articles_terms MATCH 'deminers'`:                                       5,
		`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'articles'`:                          1, // 0020 keeps articles_terms_delete
		`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'articles' AND name LIKE 'articles_%'`: 8, // 0007 adds articles_fetched, 0020 articles_id_published, 0045 drops articles_canonical, 0069 adds articles_source, 0070 articles_host
		// 0070 and Open (fillHosts) give the article stored before them its host.
		`SELECT count(*) FROM articles a JOIN hosts h ON h.id = a.host_id WHERE a.id = 5 AND h.name = 'example.wire.'`: 1,
	} {
		var got int64
		if err := st.w.QueryRowContext(ctx, q).Scan(&got); err != nil || got != want {
			t.Errorf("%s = %d, %v; want %d", q, got, err, want)
		}
	}
	sub, _, err := st.CreateSubscription(ctx, 7, "dam", "dam", 10)
	if err != nil {
		t.Fatal(err)
	}
	if sub.ID <= 8 {
		t.Errorf("new subscription id %d, want above 8, the id a queued message names", sub.ID)
	}
	added, err := st.InsertArticles(ctx, 1, []news.Article{{GUID: "g10", Title: "Dam"}})
	if err != nil || len(added) != 1 {
		t.Fatal(err)
	}
	if added[0].ID <= 9 {
		t.Errorf("new article id %d, want above 9, the id a queued message names", added[0].ID)
	}
	// A new article still reaches the search index.
	indexed(t, st)
	var n int
	if err := st.w.QueryRowContext(ctx, `SELECT count(*) FROM articles_terms WHERE articles_terms MATCH 'dam'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("search index finds the new article %d times (%v), want 1", n, err)
	}
}

func TestASecondProcessOnTheSameDatabaseIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bot.db")
	unlock, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	// flock locks belong to an open file: a second open in this process
	// conflicts as a second process does.
	_, err = Lock(path)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second lock: %v, want ErrLocked", err)
	}
	for _, want := range []string{path, fmt.Sprintf("pid %d", os.Getpid())} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the refusal %q does not name %q", err, want)
		}
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	unlock, err = Lock(path)
	if err != nil {
		t.Fatalf("lock after the first was released: %v", err)
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
}
