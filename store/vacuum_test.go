package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

func pragmaInt(t *testing.T, s *Store, name string) int64 {
	t.Helper()
	var n int64
	if err := s.w.QueryRowContext(context.Background(), "PRAGMA "+name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestPruneGivesTheSpaceBack(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	clock := now.Add(-100 * 24 * time.Hour)
	s, err := Open(ctx, filepath.Join(t.TempDir(), "prune.db"), func() time.Time { return clock })
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := pragmaInt(t, s, "auto_vacuum"); got != 2 {
		t.Fatalf("auto_vacuum = %d, want 2 (incremental) on a new database", got)
	}
	src := wireSource(t, s)
	var arts []news.Article
	for i := range 2000 {
		arts = append(arts, news.Article{GUID: fmt.Sprint(i), Title: fmt.Sprintf("Report %d", i),
			Text: strings.Repeat(fmt.Sprintf("word%d text ", i), 100), PublishedAt: clock})
	}
	if _, err := s.InsertArticles(ctx, src.ID, arts); err != nil {
		t.Fatal(err)
	}
	full := pragmaInt(t, s, "page_count")
	clock = now
	p, err := s.Prune(ctx, now.Add(-90*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if p.Articles != 2000 || p.Pages == 0 {
		t.Fatalf("pruned = %+v, want 2000 articles and pages given back", p)
	}
	if after := pragmaInt(t, s, "page_count"); after >= full/2 || pragmaInt(t, s, "freelist_count") != 0 {
		t.Errorf("page_count %d after prune, %d before; freelist %d", after, full, pragmaInt(t, s, "freelist_count"))
	}
}

func TestVacuumTurnsIncrementalVacuumOnForAnOlderDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	// Newshound's first table, made before incremental vacuum was the default.
	if _, err := raw.Exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	if err := raw.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := pragmaInt(t, s, "auto_vacuum"); got != 0 {
		t.Fatalf("auto_vacuum = %d before Vacuum, want 0: SQLite changes it only by VACUUM", got)
	}
	if n, err := s.Reclaim(ctx); err != nil || n != 0 {
		t.Fatalf("reclaim without incremental vacuum = %d, %v; want 0, nil", n, err)
	}
	if err := s.Vacuum(ctx); err != nil {
		t.Fatal(err)
	}
	if got := pragmaInt(t, s, "auto_vacuum"); got != 2 {
		t.Errorf("auto_vacuum = %d after Vacuum, want 2", got)
	}
}
