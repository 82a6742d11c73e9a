package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

// ErrForeign is the error Open wraps when the file holds another
// application's tables and none of Newshound's.
var ErrForeign = errors.New("not a Newshound database")

// ErrNewer is the error Open wraps when the file records a migration this
// binary does not have: a newer Newshound wrote it.
var ErrNewer = errors.New("written by a newer Newshound")

// CheckSchema is what Open checks of an existing file's schema before it
// changes anything, for a file about to be put in place of the database
// (newshound restore): it fails with ErrForeign when the file is another
// application's, with ErrNewer when a newer Newshound wrote it, and with
// ErrDamaged when a table its migrations made is gone. A missing or empty
// file, or one with no table yet, passes.
func CheckSchema(ctx context.Context, path string) error { return checkSchema(ctx, path) }

// PendingMigrations counts the migrations this binary knows that the
// database file at path has not had (0 for a missing or new file, and for
// one a newer Newshound wrote). It reads the file read-only. It fails when
// the file cannot be read.
func PendingMigrations(ctx context.Context, path string) (int, error) {
	if info, err := os.Stat(path); err != nil || info.Size() == 0 {
		return 0, nil
	}
	q := url.Values{}
	q.Set("_busy_timeout", "10000")
	q.Set("_query_only", "1")
	db, err := sql.Open("sqlite3", fileURI(path, q))
	if err != nil {
		return 0, fmt.Errorf("read the migrations of %s: %w", path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	versions, err := appliedVersions(ctx, db)
	if err != nil {
		return 0, fmt.Errorf("read the migrations of %s: %w", path, err)
	}
	if versions == nil {
		return 0, nil
	}
	list, err := migrations()
	if err != nil {
		return 0, err
	}
	applied := make(map[int]bool, len(versions))
	for _, v := range versions {
		applied[v] = true
	}
	n := 0
	for _, m := range list {
		if !applied[m.version] {
			n++
		}
	}
	return n, nil
}

// checkSchema looks at an existing database file, read-only, before Open
// changes anything in it (not even its journal mode), and refuses it when
// it is not Newshound's (ErrForeign: Newshound's tables would be added to
// another application's file), when a newer Newshound wrote it (ErrNewer:
// this binary cannot know its schema), or when a table that its recorded
// migrations made is gone (ErrDamaged, which otherwise fails later as "no
// such table"). Each refusal names the file and what to do. A missing file
// or one with no table yet passes.
func checkSchema(ctx context.Context, path string) error {
	if info, err := os.Stat(path); err != nil || info.Size() == 0 {
		return nil // a new database; or Open reports why it cannot open it
	}
	q := url.Values{}
	q.Set("_busy_timeout", "10000")
	q.Set("_query_only", "1")
	db, err := sql.Open("sqlite3", fileURI(path, q))
	if err != nil {
		return fmt.Errorf("check the schema of %s: %w", path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	tables, err := tableNames(ctx, db)
	if err != nil {
		return fmt.Errorf("check the schema of %s: %w", path, err)
	}
	delete(tables, "schema_migrations")
	ours, err := referenceTables(ctx, nil)
	if err != nil {
		return err
	}
	versions, err := appliedVersions(ctx, db)
	if err != nil {
		return fmt.Errorf("check the schema of %s: %w", path, err)
	}
	if versions == nil { // no schema_migrations of ours
		if len(tables) == 0 {
			return nil
		}
		if !anyOf(tables, ours) {
			return foreign(path, tables)
		}
		return damaged(path, "it holds Newshound's tables but not its list of migrations (schema_migrations)", nil)
	}
	list, err := migrations()
	if err != nil {
		return err
	}
	known := make(map[int]bool, len(list))
	for _, m := range list {
		known[m.version] = true
	}
	latest, last := list[len(list)-1].version, 0
	for _, v := range versions {
		if !known[v] {
			return fmt.Errorf("%s was %w (migration %d; this version knows migrations up to %d): "+
				"run that version of Newshound, or restore the backup taken before the upgrade "+
				"(a copy made now, by any version, holds the newer schema too)", path, ErrNewer, v, latest)
		}
		last = max(last, v)
	}
	if len(tables) > 0 && !anyOf(tables, ours) {
		return foreign(path, tables)
	}
	want, err := referenceTables(ctx, versions)
	if err != nil {
		return nil // a set of migrations that cannot be made alone: let the migrations say what is wrong
	}
	var missing []string
	for t := range want {
		if _, view := vocabViews[t]; !tables[t] && t != "schema_migrations" && !view {
			missing = append(missing, t)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return damaged(path, fmt.Sprintf("it is a Newshound database (migration %d) but lacks the table%s %s", last, plural(len(missing)), strings.Join(missing, ", ")), nil)
	}
	return nil
}

func foreign(path string, tables map[string]bool) error {
	names := make([]string, 0, len(tables))
	for t := range tables {
		names = append(names, t)
	}
	sort.Strings(names)
	if len(names) > 5 {
		names = append(names[:5], fmt.Sprintf("and %d more", len(tables)-5))
	}
	return fmt.Errorf("%s is %w: it holds another application's tables (%s) and none of Newshound's, "+
		"and Newshound will not add its own to it; point storage.path at a new file, which Newshound creates, "+
		"or at your Newshound database", path, ErrForeign, strings.Join(names, ", "))
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func anyOf(tables, ours map[string]bool) bool {
	for t := range tables {
		if ours[t] {
			return true
		}
	}
	return false
}

// tableNames lists the tables of db (virtual ones and their shadow tables
// included), but SQLite's own.
func tableNames(ctx context.Context, db *sql.DB) (map[string]bool, error) {
	rows, err := db.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	tables := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		tables[name] = true
	}
	return tables, rows.Err()
}

// appliedVersions lists the migrations recorded in db, or nil when db has
// no schema_migrations table shaped as Newshound's.
func appliedVersions(ctx context.Context, db *sql.DB) ([]int, error) {
	rows, err := db.QueryContext(ctx, `SELECT name FROM pragma_table_info('schema_migrations')`)
	if err != nil {
		return nil, err
	}
	cols := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return nil, err
		}
		cols[name] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(cols) != 2 || !cols["version"] || !cols["applied_at"] {
		return nil, nil
	}
	rows, err = db.QueryContext(ctx, `SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	versions := []int{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		versions = append(versions, v)
	}
	return versions, rows.Err()
}

// references caches referenceTables by set of migrations. It is the one
// package-level variable of the store: a pure function of the embedded
// migrations, worth computing once per process (about 30 ms a set).
var references = struct {
	sync.Mutex
	tables map[string]map[string]bool
}{tables: map[string]map[string]bool{}}

// referenceTables returns the tables that the migrations of the given
// versions (all of them when versions is nil) make, by running them in
// order on an empty database in memory. It fails when a migration does,
// as one may that needs a migration left out.
func referenceTables(ctx context.Context, versions []int) (map[string]bool, error) {
	key, include := "all", func(int) bool { return true }
	if versions != nil {
		key = fmt.Sprint(versions)
		set := make(map[int]bool, len(versions))
		for _, v := range versions {
			set[v] = true
		}
		include = func(v int) bool { return set[v] }
	}
	references.Lock()
	defer references.Unlock()
	if t, ok := references.tables[key]; ok {
		return t, nil
	}
	db, err := sql.Open("sqlite3", "file::memory:?_foreign_keys=on")
	if err != nil {
		return nil, fmt.Errorf("reference schema: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // one connection: one database in memory
	db.SetConnMaxIdleTime(0)
	ref := &Store{w: db, now: time.Now, log: slog.New(slog.NewTextHandler(io.Discard, nil)), writeFailures: &writeFailures{now: time.Now}, fetches: newFetchState()}
	if err := ref.migrateOnly(ctx, include); err != nil {
		return nil, fmt.Errorf("reference schema: %w", err)
	}
	if err := ref.upgradeArticles(ctx); err != nil {
		return nil, fmt.Errorf("reference schema: %w", err)
	}
	if err := ref.refoldTerms(ctx); err != nil { // drops its marker, as at every Open
		return nil, fmt.Errorf("reference schema: %w", err)
	}
	t, err := tableNames(ctx, db)
	if err != nil {
		return nil, fmt.Errorf("reference schema: %w", err)
	}
	references.tables[key] = t
	return t, nil
}
