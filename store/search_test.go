package store

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// newSearchStore opens a fresh database whose clock reads *now.
func newSearchStore(t *testing.T, now *time.Time) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"), func() time.Time { return *now })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// wireSource adds the configured source "Wire" that most store tests store
// their articles under.
func wireSource(t *testing.T, s *Store) news.Source {
	t.Helper()
	src, err := s.UpsertSource(context.Background(), "Wire", "https://wire.example/rss", "config")
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func mustInsert(t *testing.T, s *Store, sourceID int64, arts ...news.Article) []news.Article {
	t.Helper()
	added, err := s.InsertArticles(context.Background(), sourceID, arts)
	if err != nil {
		t.Fatal(err)
	}
	return added
}

func TestSearchArticlesRanksTitleAndRecency(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	added := mustInsert(t, s, src.ID,
		news.Article{GUID: "old-title", Title: "Kursk deminers at work", Text: "Fields are cleared.", PublishedAt: now.Add(-60 * 24 * time.Hour)},
		news.Article{GUID: "new-text", Title: "Farm news", Text: "Near Kursk, the harvest waits.", PublishedAt: now.Add(-time.Hour)},
		news.Article{GUID: "new-title", Title: "Kursk: fields reopen", Text: "Farmers return.", PublishedAt: now.Add(-2 * time.Hour)},
		news.Article{GUID: "other", Title: "Belgorod", Text: "Nothing here.", PublishedAt: now},
		news.Article{GUID: "accent", Title: "Zélenskiy visits", Text: "", PublishedAt: now},
	)
	hits, err := s.SearchArticles(ctx, `"kursk"`, 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hits {
		got = append(got, h.GUID)
	}
	if want := "new-title new-text old-title"; strings.Join(got, " ") != want {
		t.Errorf("order = %v, want %s", got, want)
	}
	// Snippets are the query's (query.Query.Snippet); the hit carries the
	// text, stored compressed, as it was given.
	if h := hits[1]; h.Text != "Near Kursk, the harvest waits." || h.SourceName != "Wire" {
		t.Errorf("text = %q, source = %q", h.Text, h.SourceName)
	}

	// Diacritics are folded; updates and deletes reach the index.
	if hits, err := s.SearchArticles(ctx, `"zelenskiy"`, 10); err != nil || len(hits) != 1 {
		t.Errorf("zelenskiy: %d hits, want 1", len(hits))
	}
	if err := s.UpdateArticleText(ctx, added[3].ID, "Kursk after all.", ""); err != nil {
		t.Fatal(err)
	}
	if hits, err := s.SearchArticles(ctx, `"kursk"`, 10); err != nil || len(hits) != 4 {
		t.Errorf("after update: %d hits, want 4", len(hits))
	}
	if hits, err := s.SearchArticles(ctx, `"nothing"`, 10); err != nil || len(hits) != 0 {
		t.Errorf("old text still indexed: %d hits", len(hits))
	}
	recent, err := s.SearchRecent(ctx, `"kursk"`, nil, now.Add(-3*time.Hour), 10)
	if err != nil || len(recent) != 3 || recent[0].GUID != "other" {
		t.Errorf("SearchRecent = %v, %v", recent, err)
	}
	// A NOT holds for the whole article, also for the title matches.
	if hits, err := s.SearchArticles(ctx, `"kursk" NOT "farmers"`, 10); err != nil || len(hits) != 3 {
		t.Errorf("kursk NOT farmers: %d hits, %v; want 3 (not new-title, with farmers in its text)", len(hits), err)
	}
	if _, err := s.SearchArticles(ctx, `kursk AND`, 10); !errors.Is(err, news.ErrBadMatch) {
		t.Errorf("bad expression: err = %v, want ErrBadMatch", err)
	}
	if err := s.DeleteSource(ctx, src.ID); err != nil {
		t.Fatal(err)
	}
	if hits, err := s.SearchArticles(ctx, `"kursk"`, 10); err != nil || len(hits) != 0 {
		t.Errorf("after delete: %d hits, %v", len(hits), err)
	}
}

func TestMigrationIndexesExistingArticles(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(ctx, path, func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	src := wireSource(t, s)
	mustInsert(t, s, src.ID, news.Article{GUID: "a", Title: "Tariffs on steel", PublishedAt: now})
	// Pretend the database predates the index: drop it and forget the migration.
	for _, q := range []string{`DROP TABLE articles_terms`, `DROP TRIGGER articles_terms_delete`, `DROP INDEX articles_id_published`, `DELETE FROM schema_migrations WHERE version = 20`} {
		if _, err := s.w.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s, err = Open(ctx, path, func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if hits, err := s.SearchArticles(ctx, `"steel"`, 10); err != nil || len(hits) != 1 {
		t.Fatalf("after rebuild: %d hits, %v", len(hits), err)
	}
}

func TestSearchesPageAndExpire(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	for _, id := range []int64{10, 20} {
		if _, err := s.EnsureChat(ctx, id, "private", "", news.ChatDefaults{}); err != nil {
			t.Fatal(err)
		}
	}
	id, err := s.CreateSearch(ctx, news.Search{ChatID: 10, Query: "kursk", ArticleIDs: []int64{5, 3, 9}, Searched: 50000})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.FindSearch(ctx, 10, id)
	if err != nil || got.Query != "kursk" || len(got.ArticleIDs) != 3 || got.ArticleIDs[0] != 5 || got.Searched != 50000 {
		t.Fatalf("FindSearch = %+v, %v; want the search as stored, how far back it read too", got, err)
	}
	if _, err := s.FindSearch(ctx, 20, id); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("another chat's search: err = %v, want ErrNotFound", err)
	}
	now = now.Add(25 * time.Hour)
	if _, err := s.FindSearch(ctx, 10, id); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("expired search: err = %v, want ErrNotFound", err)
	}
}

func TestDeleteChatRemovesEverything(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	arts := mustInsert(t, s, src.ID, news.Article{GUID: "a", Title: "Kursk", PublishedAt: now})
	for _, chat := range []int64{10, 20} {
		if _, err := s.EnsureChat(ctx, chat, "group", "g", news.ChatDefaults{}); err != nil {
			t.Fatal(err)
		}
		sub, _, err := s.CreateSubscription(ctx, chat, "kursk", "kursk", 50)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.QueueAlerts(ctx, []news.Alert{{ChatID: chat, ArticleID: arts[0].ID, SubscriptionID: sub.ID}}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateSearch(ctx, news.Search{ChatID: chat, Query: "kursk", ArticleIDs: []int64{arts[0].ID}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeleteChat(ctx, 10); err != nil {
		t.Fatal(err)
	}
	for table, want := range map[string]int{"chats": 1, "subscriptions": 1, "alerts": 1, "outbox": 1, "searches": 1} {
		var n int
		if err := s.w.QueryRowContext(ctx, `SELECT count(*) FROM `+table+` WHERE `+map[bool]string{true: "id", false: "chat_id"}[table == "chats"]+` IN (10, 20)`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("%s: %d rows left, want %d (chat 20's)", table, n, want)
		}
	}
	if err := s.DeleteChat(ctx, 10); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("second delete: err = %v, want ErrNotFound", err)
	}
}

func TestSecretIsStable(t *testing.T) {
	ctx := context.Background()
	now := time.Now()
	s := newSearchStore(t, &now)
	a, err := s.Secret(ctx, "callback", 32)
	if err != nil || len(a) != 32 {
		t.Fatalf("Secret = %x, %v", a, err)
	}
	b, err := s.Secret(ctx, "callback", 32)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.Secret(ctx, "other", 32)
	if err != nil {
		t.Fatal(err)
	}
	if string(a) != string(b) || string(a) == string(c) {
		t.Errorf("secrets: a=%x b=%x c=%x", a, b, c)
	}
}

func TestTrendingStories(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	var srcs []news.Source
	for _, n := range []string{"Alpha", "Beta", "Gamma"} {
		src, err := s.UpsertSource(ctx, n, "https://"+n+".example/rss", "config")
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, src)
	}
	big := mustInsert(t, s, srcs[0].ID, news.Article{GUID: "big", Title: "Big story", PublishedAt: now.Add(-time.Hour)})[0]
	small := mustInsert(t, s, srcs[0].ID, news.Article{GUID: "small", Title: "Small story", PublishedAt: now.Add(-time.Hour)})[0]
	lone := mustInsert(t, s, srcs[1].ID, news.Article{GUID: "lone", Title: "Lone story", PublishedAt: now.Add(-time.Minute)})[0]
	old := mustInsert(t, s, srcs[2].ID, news.Article{GUID: "old", Title: "Old story", PublishedAt: now.Add(-7 * time.Hour)})[0]
	b2 := mustInsert(t, s, srcs[1].ID, news.Article{GUID: "big2", Title: "Big story (B)", PublishedAt: now.Add(-30 * time.Minute)})[0]
	b3 := mustInsert(t, s, srcs[2].ID, news.Article{GUID: "big3", Title: "Big story (C)", PublishedAt: now.Add(-20 * time.Minute)})[0]
	s2 := mustInsert(t, s, srcs[2].ID, news.Article{GUID: "small2", Title: "Small story (C)", PublishedAt: now.Add(-20 * time.Minute)})[0]
	for story, members := range map[int64][]int64{big.ID: {b2.ID, b3.ID}, small.ID: {s2.ID}} {
		for _, id := range members {
			if _, err := s.w.ExecContext(ctx, `UPDATE articles SET story_id = ? WHERE id = ?`, story, id); err != nil {
				t.Fatal(err)
			}
		}
	}
	got, err := s.TrendingStories(ctx, now.Add(-6*time.Hour), 10)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		id      int64
		sources string
	}{
		{"three sources", big.ID, "Alpha Beta Gamma"},
		{"two sources", small.ID, "Alpha Gamma"},
		{"one source", lone.ID, "Beta"},
	}
	if len(got) != len(tests) {
		t.Fatalf("got %d stories, want %d (the old one left out: %d)", len(got), len(tests), old.ID)
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got[i].ID != tt.id || strings.Join(got[i].Sources, " ") != tt.sources {
				t.Errorf("story %d = #%d %v, want #%d %s", i, got[i].ID, got[i].Sources, tt.id, tt.sources)
			}
		})
	}
}
