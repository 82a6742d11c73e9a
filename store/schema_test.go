package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// sqliteFile makes a database at a new path of t's temporary folder with
// the statements run on it, and returns the path.
func sqliteFile(t *testing.T, statements ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.db")
	runOn(t, "file:"+path, statements...)
	return path
}

// runOn runs the statements on the SQLite database of dsn.
func runOn(t *testing.T, dsn string, statements ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range statements {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// newshoundFile makes a Newshound database, runs the statements on it with
// foreign keys off, and returns its path.
func newshoundFile(t *testing.T, statements ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "newshound.db")
	st, err := Open(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	runOn(t, "file:"+path+"?_foreign_keys=off", statements...)
	return path
}

// Open refuses, before it changes the file, another application's
// database, one a newer Newshound wrote, and one that lost a table; the
// message names the file and what to do.
func TestOpenRefusesADatabaseItCannotUse(t *testing.T) {
	for _, tt := range []struct {
		name string
		path func(t *testing.T) string
		is   error
		want []string
	}{
		{"another application's", func(t *testing.T) string {
			return sqliteFile(t, `CREATE TABLE t(a)`, `INSERT INTO t VALUES (1)`)
		}, ErrForeign, []string{"not a Newshound database", "(t)", "point storage.path at a new file"}},
		{"another application's, with a schema_migrations of its own", func(t *testing.T) string {
			return sqliteFile(t, `CREATE TABLE schema_migrations(version INTEGER PRIMARY KEY, dirty BOOLEAN)`,
				`INSERT INTO schema_migrations VALUES (3, 0)`, `CREATE TABLE users(id)`)
		}, ErrForeign, []string{"not a Newshound database", "users", "point storage.path at a new file"}},
		{"another application's, with a schema_migrations like ours", func(t *testing.T) string {
			return sqliteFile(t, `CREATE TABLE schema_migrations(version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)`,
				`INSERT INTO schema_migrations VALUES (1, 0)`, `CREATE TABLE users(id)`)
		}, ErrForeign, []string{"not a Newshound database", "users"}},
		{"written by a newer Newshound", func(t *testing.T) string {
			return newshoundFile(t, `INSERT INTO schema_migrations VALUES (9001, 0)`)
		}, ErrNewer, []string{"newer Newshound", "migration 9001", "run that version", "restore the backup taken before the upgrade"}},
		{"missing a table", func(t *testing.T) string {
			return newshoundFile(t, `DROP TABLE outbox`)
		}, ErrDamaged, []string{"lacks the table outbox", "newshound backup", ".recover"}},
		{"missing its list of migrations", func(t *testing.T) string {
			return newshoundFile(t, `DROP TABLE schema_migrations`)
		}, ErrDamaged, []string{"schema_migrations", ".recover"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.path(t)
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			st, err := Open(context.Background(), path, nil)
			if err == nil {
				st.Close()
				t.Fatal("opened")
			}
			if !errors.Is(err, tt.is) {
				t.Errorf("error %q is not %q", err, tt.is)
			}
			for _, w := range append(tt.want, path) {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
			if after, err := os.ReadFile(path); err != nil || !bytes.Equal(before, after) {
				t.Errorf("the file was changed (%v)", err)
			}
			for _, side := range []string{"-wal", "-journal"} {
				if _, err := os.Stat(path + side); err == nil {
					t.Errorf("Open left %s%s", path, side)
				}
			}
		})
	}
}

// A database with no table yet, or made by an older Newshound (fewer
// migrations), opens and is brought up to date.
func TestOpenMigratesAnEmptyOrOlderDatabase(t *testing.T) {
	ctx := context.Background()
	list, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	older := filepath.Join(t.TempDir(), "older.db")
	db, err := sql.Open("sqlite3", "file:"+older+"?_foreign_keys=on")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	st := &Store{w: db, now: func() time.Time { return time.Unix(0, 0) }, log: slog.New(slog.NewTextHandler(io.Discard, nil)), writeFailures: &writeFailures{now: time.Now}, fetches: newFetchState()}
	if err := st.migrateOnly(ctx, func(v int) bool { return v <= list[len(list)/2].version }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	for name, path := range map[string]string{"empty": sqliteFile(t, `PRAGMA user_version = 1`), "older": older} {
		t.Run(name, func(t *testing.T) {
			st, err := Open(ctx, path, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			var n int
			if err := st.w.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil || n != len(list) {
				t.Fatalf("%d migrations recorded (%v); want %d", n, err, len(list))
			}
		})
	}
}

// TestOpenAgainAfterTheUpgradeSteps: the tables that Open's upgrade steps
// drop once done (0020's terms_backfill, 0044's terms_refold) are not taken
// for lost ones at the next Open — a store reopened was refused as damaged.
func TestOpenAgainAfterTheUpgradeSteps(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "again.db")
	for i := range 3 {
		st, err := Open(ctx, path, nil)
		if err != nil {
			t.Fatalf("open %d: %v", i+1, err)
		}
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
