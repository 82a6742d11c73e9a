package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
)

// A database created by an older Newshound (no incremental vacuum) keeps
// the space of what retention prunes until one `newshound vacuum`, which
// the README asks for after the upgrade and nothing in the logs did: an
// operator saw the file stay large. A prune that gives nothing back while
// the file is mostly free pages says to run it; a database created now
// gives its space back and says nothing.
func TestPruneSaysVacuumIsDueOnAnOlderDatabase(t *testing.T) {
	old := unreclaimedWarn
	unreclaimedWarn = 1 << 20
	t.Cleanup(func() { unreclaimedWarn = old })
	for _, olderDB := range []bool{true, false} {
		name := map[bool]string{true: "older database", false: "database of this version"}[olderDB]
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "n.db")
			if olderDB { // auto_vacuum off, as before it was the default, with 4 MB of free pages
				raw, err := sql.Open("sqlite3", "file:"+db)
				if err != nil {
					t.Fatal(err)
				}
				for _, q := range []string{"PRAGMA auto_vacuum = NONE", "CREATE TABLE filler (b BLOB)",
					"INSERT INTO filler SELECT zeroblob(65536) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 64) SELECT i FROM n)",
					"DROP TABLE filler"} {
					if _, err := raw.Exec(q); err != nil {
						t.Fatalf("%s: %v", q, err)
					}
				}
				if err := raw.Close(); err != nil {
					t.Fatal(err)
				}
			}
			tg := telegramtest.New(t, testToken)
			feed := feedtest.New(t, "testdata/feeds/world-v1.xml", "application/rss+xml")
			cfg := testConfig{tg: tg, sources: []testSource{{"World", feed.URL}}, storage: "retention = \"168h\"\n"}.String()
			cfgPath := filepath.Join(dir, "newshound.toml")
			if err := os.WriteFile(cfgPath, []byte(strings.ReplaceAll(cfg, "{{db}}", db)), 0o600); err != nil {
				t.Fatal(err)
			}
			clock := testkit.NewClock(time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC))
			run := func(work func(*Parts, *syncBuffer)) string {
				logs := &syncBuffer{}
				m := NewMain(strings.NewReader(""), &bytes.Buffer{}, logs, func(string) string { return "" })
				m.Now = clock.Now
				ready := make(chan *Parts, 1)
				m.Ready = func(p *Parts) { ready <- p }
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				done := make(chan error, 1)
				go func() { done <- m.Run(ctx, cfgPath) }()
				select {
				case p := <-ready:
					work(p, logs)
				case err := <-done:
					t.Fatalf("Run ended early: %v\n%s", err, logs)
				case <-time.After(10 * time.Second):
					t.Fatalf("not ready after 10s:\n%s", logs)
				}
				cancel()
				if err := <-done; err != nil {
					t.Fatalf("Run: %v", err)
				}
				return logs.String()
			}
			run(func(p *Parts, _ *syncBuffer) {
				if err := p.Poller.PollOnce(context.Background()); err != nil {
					t.Fatal(err)
				}
			})
			clock.Advance(30 * 24 * time.Hour) // the articles are past retention
			logs := run(func(_ *Parts, logs *syncBuffer) {
				testkit.WaitFor(t, "the prune at start", func() bool { return strings.Contains(logs.String(), "old data pruned") })
			})
			said := strings.Contains(logs, "newshound vacuum")
			if said != olderDB {
				t.Errorf("vacuum named: %v, want %v:\n%s", said, olderDB, logs)
			}
		})
	}
}
