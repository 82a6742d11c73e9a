package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newshound/newshound/store"
)

// An empty or damaged database file stops the start with the fix named,
// before anything runs.
func TestStartRefusesEmptyOrDamagedDatabase(t *testing.T) {
	for _, tt := range []struct {
		name    string
		content []byte
		want    string
		fix     string // an empty file has nothing to salvage
	}{
		{"empty", nil, "empty", "delete the empty file"},
		{"not a database", []byte(strings.Repeat("garbage ", 1000)), "not an SQLite database", ".recover"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "newshound.db")
			if err := os.WriteFile(db, tt.content, 0o600); err != nil {
				t.Fatal(err)
			}
			cfg := filepath.Join(dir, "newshound.toml")
			if err := os.WriteFile(cfg, []byte(fmt.Sprintf("[storage]\npath = %q\n", db)), 0o600); err != nil {
				t.Fatal(err)
			}
			m := NewMain(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" })
			err := m.Run(context.Background(), cfg)
			if err == nil {
				t.Fatal("started on a damaged database")
			}
			for _, w := range []string{tt.want, "newshound backup", tt.fix, "storage.path"} {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
			if info, err := os.Stat(db); err != nil || info.Size() != int64(len(tt.content)) {
				t.Errorf("the file was changed: %v, %v", info, err)
			}
		})
	}
}

// A new database appears at storage.path only whole: an earlier start killed
// while creating it leaves "<path>.creating", which the next start replaces,
// never an empty file at the path (which would be refused as damaged).
func TestNewDatabaseIsCreatedWhole(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "newshound.db")
	if err := os.WriteFile(db+".creating", nil, 0o600); err != nil { // a start killed at its first write
		t.Fatal(err)
	}
	if err := os.WriteFile(db+".creating-journal", []byte("half"), 0o600); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if err := checkDatabase(context.Background(), db, false, log); err != nil {
		t.Fatalf("checkDatabase of a new database: %v", err)
	}
	fc, err := store.CheckFile(context.Background(), db, true)
	if err != nil || !fc.Checked {
		t.Fatalf("the new database does not pass the check: %+v, %v", fc, err)
	}
	st, err := store.Open(context.Background(), db, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.ListSources(context.Background()); err != nil {
		t.Errorf("the new database has no schema: %v", err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	left, err := filepath.Glob(db + ".creating*")
	if err != nil || len(left) != 0 {
		t.Errorf("left behind: %v (%v)", left, err)
	}
}

// Another application's SQLite file, one written by a newer Newshound, or
// one that lost a table stops the start with the file and the fix named,
// and is left as it was, with status 78: with 1 the systemd unit started
// the bot again every 5 s into the same refusal.
func TestStartRefusesADatabaseItCannotUse(t *testing.T) {
	for _, tt := range []struct {
		name  string
		setup []string // run on the file; a Newshound database first when newshound
		ours  bool
		want  []string
	}{
		{"another application's", []string{`CREATE TABLE t(a)`}, false,
			[]string{"is not a Newshound database", "point storage.path at a new file"}},
		{"a newer Newshound's", []string{`INSERT INTO schema_migrations VALUES (9001, 0)`}, true,
			// After a downgrade the operator ran this version's backup, as
			// told, restored the copy, and was refused again: the copy
			// holds the newer schema too.
			[]string{"written by a newer Newshound (migration 9001", "run that version", "restore the backup taken before the upgrade", "a copy made now"}},
		{"missing a table", []string{`DROP TABLE outbox`}, true,
			[]string{"lacks the table outbox", "restore your latest backup", ".recover"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "newshound.db")
			if tt.ours {
				if err := createDatabase(context.Background(), db); err != nil {
					t.Fatal(err)
				}
			}
			sqldb, err := sql.Open("sqlite3", "file:"+db+"?_foreign_keys=off")
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range tt.setup {
				if _, err := sqldb.Exec(q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			if err := sqldb.Close(); err != nil {
				t.Fatal(err)
			}
			before, err := os.ReadFile(db)
			if err != nil {
				t.Fatal(err)
			}
			cfg := filepath.Join(dir, "newshound.toml")
			if err := os.WriteFile(cfg, []byte(fmt.Sprintf("[storage]\npath = %q\n", db)), 0o600); err != nil {
				t.Fatal(err)
			}
			m := NewMain(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" })
			err = m.Run(context.Background(), cfg)
			if err == nil {
				t.Fatal("started")
			}
			for _, w := range append(tt.want, "storage.path", db) {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
			if got := exitStatus(err); got != exitConfig {
				t.Errorf("exit status %d, want %d (EX_CONFIG): a restart does not mend %v", got, exitConfig, err)
			}
			if after, err := os.ReadFile(db); err != nil || !bytes.Equal(before, after) {
				t.Errorf("the file was changed (%v)", err)
			}
		})
	}
}

// An empty database file (0 bytes) is refused with what to do, status 78:
// a restart does not fill it.
func TestAnEmptyDatabaseExitsConfig(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "newshound.db")
	if err := os.WriteFile(db, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "newshound.toml")
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf("[storage]\npath = %q\n", db)), 0o600); err != nil {
		t.Fatal(err)
	}
	err := NewMain(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" }).Run(context.Background(), cfg)
	if err == nil || !strings.Contains(err.Error(), "delete the empty file") {
		t.Fatalf("Run = %v, want the empty file refused with what to do", err)
	}
	if got := exitStatus(err); got != exitConfig {
		t.Errorf("exit status %d, want %d (EX_CONFIG)", got, exitConfig)
	}
}
