// Package store is Newshound's only SQL: the SQLite schema, its embedded
// migrations and one file per aggregate (chats and their settings, sources,
// articles and their stories, subscriptions, the outbox and its deliveries,
// digests, searches, secrets) plus retention.
//
// Rules:
//   - The database runs in WAL mode with foreign keys on, and with
//     auto_vacuum=INCREMENTAL (databases created before it get it from
//     Vacuum), so that Prune gives the space it frees back (Reclaim).
//   - All writes go through one connection (db.SetMaxOpenConns(1) on the writer),
//     so SQLite never answers "database is locked" to a writer; reads use a pool.
//     A write transaction is the store's own BEGIN IMMEDIATE … COMMIT on that
//     connection taken as a sql.Conn (tx, write_tx.go), never a *sql.Tx, whose
//     goroutines database/sql starts whatever the context.
//   - Migrations in migrations/NNNN_name.sql run in order on Open, each in its
//     own transaction, and are recorded in schema_migrations. One whose first
//     line is "-- foreign_keys: off" (a table rebuild) runs with foreign keys
//     off, and fails unless they all hold at its end.
//   - Ids of sources, articles and subscriptions are AUTOINCREMENT: never
//     given again, so nothing that names a removed row reaches a new one.
//   - One process per database: the program takes Lock before Open.
//   - Open migrates only Newshound's own databases: another application's
//     file, one a newer Newshound wrote, or one missing a table that its
//     migrations made is refused before anything in it changes (schema.go).
//   - Times are stored as Unix seconds (UTC).
//   - An unchanged feed writes nothing: a fetch whose item set is the last
//     stored one's skips StoreFeedItems' transaction, and a success that
//     changes nothing but times (a 304) keeps them in memory, written at
//     most once per QuietWrite and at Close (fetch_state.go).
//   - Every table that references chats(id) says ON UPDATE CASCADE, so a group
//     upgraded to a supergroup (MigrateChat) takes everything with it.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mattn/go-sqlite3" // the SQLite driver, built with -tags sqlite_fts5
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Store is the SQLite database. Its methods are safe for concurrent use.
type Store struct {
	w   *sql.DB // the one writer connection
	r   *sql.DB // readers
	now func() time.Time
	log *slog.Logger
	// writeFailures notes the writer's errors that say the database
	// refuses writes, for CheckWritable.
	writeFailures *writeFailures
	// fetches keeps the times of fetches that changed nothing else, and
	// each source's last stored item set (fetch_state.go).
	fetches *fetchState
	// outsideKeys counts the seen keys finishItems read outside the write
	// (the tests check that it skips the last fetch's items).
	outsideKeys atomic.Int64
	// watched counts the writer's statements run with a context the
	// driver watches (see unwatched; the tests check a fetch's write).
	watched *atomic.Int64
	// begins counts the writer's transactions begun as a *sql.Tx (see
	// tx; the tests check that the store's writes begin none).
	begins *atomic.Int64
	// readsWatched counts the same on the readers (the tests check the
	// poller's reads for every fetch, onReader).
	readsWatched *atomic.Int64
	// prepared holds the writer's prepared statements of the hot write path.
	prepared statements
	// known remembers terms that terms_list holds (see noteTerms).
	known knownTerms
	// termq holds new terms on their way to terms_list (see termQueue).
	termq termQueue
	// later holds the terms of articles not indexed yet (see termsLater).
	later termsLater
	// dueIndexing is a write in the background of the articles that have
	// waited IndexDelay, started by a read when no write came (indexDue).
	dueIndexing sync.WaitGroup
	indexing    atomic.Bool
	// path and file are the database file as opened, for CheckWritable to
	// see it removed or replaced; file is nil for a database that is no file.
	path string
	file os.FileInfo
	// logSync is what SyncLog last synced.
	logSync logSync
	// refold is the re-indexing of the articles Open marked (refold.go).
	refold refoldJob
	// phraseSpans bounds RecentMatches' reads of a phrase (recent_spans.go);
	// zero: previewFirstSpan and previewSpan (the tests set smaller ones).
	phraseSpans spanLimits
}

// SetLogger makes the store log to log (rows it skips, see QueueAlerts)
// instead of slog.Default(); OpenLogged sets it from the start. Call it
// before the store is shared.
func (s *Store) SetLogger(log *slog.Logger) {
	if log != nil {
		s.log = log
	}
}

// Open opens (creating if needed) the database at path, migrates it and
// clamps stored times that lie in the future (see FutureMargin). Before it
// changes anything, it refuses a file that is not Newshound's (ErrForeign),
// was written by a newer Newshound (ErrNewer) or lacks a table its
// migrations made (ErrDamaged), with a message that names the file and the
// fix. It fails also when the file cannot be opened, a migration fails or
// the database refuses writes. Call CheckFile first to refuse an empty or
// damaged file.
func Open(ctx context.Context, path string, now func() time.Time) (*Store, error) {
	return OpenLogged(ctx, path, now, nil)
}

// walCheckpointPages is how many pages the write-ahead log takes before a
// commit copies them into the database (SQLite's default is 1,000). A page
// written by many commits (the newest leaves of an index, a chat's alerts,
// the full-text index's structure) is copied once per checkpoint, and each
// checkpoint waits for the disk once: at 16,384 (a log of up to 64 MB, which
// stays that size on disk beside the database until the store closes) the
// fill's writes cost about 5% less CPU than at 1,000 (see BENCHMARKS.md).
const walCheckpointPages = 16384

// checkpointEvery sets the writer connection's checkpoint interval.
func checkpointEvery(conn *sqlite3.SQLiteConn) error {
	_, err := conn.Exec(fmt.Sprintf("PRAGMA wal_autocheckpoint = %d", walCheckpointPages), nil)
	return err
}

// OpenLogged is Open with the store logging to log (nil: slog.Default())
// from the start, so that what Open itself finds, such as stored times
// ahead of the clock, reaches the configured log rather than the process's
// default logger (on a console's terminal, a raw line). It fails as Open does.
func OpenLogged(ctx context.Context, path string, now func() time.Time, log *slog.Logger) (*Store, error) {
	if log == nil {
		log = slog.Default()
	}
	if now == nil {
		now = time.Now
	}
	dsn := func(writer bool) string {
		q := url.Values{}
		q.Set("_foreign_keys", "on")
		q.Set("_busy_timeout", "10000")
		// The driver keeps this many prepared statements a connection
		// (by their text): a statement run again, as every statement of
		// a fetch's write path is, is not parsed again.
		q.Set("_stmt_cache_size", "64")
		if writer {
			// Set before the journal mode, it takes effect on a new
			// database; an older one keeps its mode until Vacuum.
			q.Set("_auto_vacuum", "incremental")
			q.Set("_journal_mode", "WAL")
			q.Set("_synchronous", "NORMAL")
			q.Set("_txlock", "immediate")
		} else {
			q.Set("_query_only", "1")
		}
		return fileURI(path, q)
	}
	if err := checkSchema(ctx, path); err != nil {
		return nil, err
	}
	failures := &writeFailures{now: now}
	watched, begins := new(atomic.Int64), new(atomic.Int64)
	w := sql.OpenDB(&noteConnector{dsn: dsn(true), driver: &sqlite3.SQLiteDriver{ConnectHook: checkpointEvery}, failures: failures, watched: watched, begins: begins})
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{w: w, now: now, log: log, writeFailures: failures, fetches: newFetchState(), path: path, watched: watched, begins: begins}
	s.prepare(hotStatements...)
	if fi, err := os.Stat(path); err == nil {
		s.file = fi
	}
	if err := s.migrate(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("migrate %s: %w", path, err)
	}
	if err := s.restoreVocabViews(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("migrate %s: %w", path, err)
	}
	if err := s.upgradeArticles(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("migrate %s: %w", path, err)
	}
	if err := s.fillHosts(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("migrate %s: %w", path, err)
	}
	if err := s.markTerms(ctx); err != nil { // the re-indexing runs later: ReindexStep
		w.Close()
		return nil, fmt.Errorf("migrate %s: %w", path, err)
	}
	// The articles a stop left unindexed (see termsLater), indexed before
	// the in-memory index of the waiting ones (freshTerms) starts.
	if err := s.tx(ctx, func(tx *wtx) error { return s.indexWaiting(ctx, tx) }); err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	fresh, err := newFreshTerms()
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s.later.mu.Lock()
	s.later.fresh = fresh
	s.later.mu.Unlock()
	if err := s.clampFuture(ctx); err != nil {
		w.Close()
		fresh.close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// The readers' connections go through the same wrapper as the
	// writer's, for its refusal of a statement once an unwatched context's
	// stop is done (onReader) and its count of watched statements; a
	// read's failure is not a write's (its writeFailures is its own).
	s.readsWatched = new(atomic.Int64)
	r := sql.OpenDB(&noteConnector{dsn: dsn(false), driver: &sqlite3.SQLiteDriver{}, failures: &writeFailures{now: now}, watched: s.readsWatched})
	r.SetMaxOpenConns(4)
	s.r = r
	return s, nil
}

// Close writes the times of the fetches kept in memory (see QuietWrite),
// indexes the articles waiting for the full-text index (see termsLater),
// writes the new terms waiting for terms_list (see termQueue), and closes
// both connection pools. It fails when a write or either pool's close
// fails (articles not indexed then are indexed at the next Open). When
// the file was replaced or deleted meanwhile (CheckFileIdentity), it first
// empties the -wal into the file it opened (releaseMovedFile).
func (s *Store) Close() error {
	ctx := context.Background()
	s.dueIndexing.Wait()
	err := errors.Join(s.writeQuiet(ctx), s.indexNow(ctx), s.flushTerms(ctx))
	err = errors.Join(err, s.releaseMovedFile(ctx))
	return errors.Join(err, s.r.Close(), s.w.Close(), s.later.closeFresh())
}

// migration is one file of migrations/.
type migration struct {
	version int
	name    string // the file's name, for errors
	body    string
}

// migrations lists the embedded migrations in order.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	list := make([]migration, 0, len(names))
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		version, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number", base)
		}
		body, err := migrationFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		list = append(list, migration{version: version, name: base, body: string(body)})
	}
	return list, nil
}

// migrate applies the migrations not recorded yet and, when the file had
// an older schema (not a new one), logs that it was upgraded, from which
// version to which: an operator who put a newer binary in place saw no
// word of it, and a downgrade back then fails as written by a newer
// Newshound. It fails as migrateOnly does.
func (s *Store) migrate(ctx context.Context) error {
	from, err := s.schemaVersion(ctx)
	if err != nil {
		return err
	}
	if err := s.migrateOnly(ctx, nil); err != nil {
		return err
	}
	to, err := s.schemaVersion(ctx)
	if err != nil {
		return err
	}
	if from > 0 && to > from {
		s.log.Info(fmt.Sprintf("database schema upgraded from version %d to %d", from, to), "path", s.path, "from", from, "to", to)
	}
	return nil
}

// schemaVersion is the last migration recorded in the file, 0 for a new
// one (no schema_migrations yet).
func (s *Store) schemaVersion(ctx context.Context) (int, error) {
	var n, v int
	if err := s.w.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&n); err != nil || n == 0 {
		return 0, err
	}
	err := s.w.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

// migrateOnly applies, in order, the migrations not recorded yet whose
// version include accepts (all when include is nil).
func (s *Store) migrateOnly(ctx context.Context, include func(version int) bool) error {
	if _, err := s.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)`); err != nil {
		return err
	}
	list, err := migrations()
	if err != nil {
		return err
	}
	for _, m := range list {
		if include != nil && !include(m.version) {
			continue
		}
		var n int
		if err := s.w.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			continue
		}
		apply := func(tx *wtx) error {
			if _, err := tx.ExecContext(ctx, m.body); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`, m.version, s.now().Unix())
			return err
		}
		if strings.HasPrefix(m.body, foreignKeysOff) {
			err = s.migrateWithoutForeignKeys(ctx, apply)
		} else {
			err = s.tx(ctx, apply)
		}
		if err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

// foreignKeysOff, as a migration's first line, makes it run with foreign
// keys off: a migration that rebuilds a table must not cascade the drop of
// the old one. Foreign keys are checked before it commits.
const foreignKeysOff = "-- foreign_keys: off"

// migrateWithoutForeignKeys runs apply in a transaction on the writer's
// connection with foreign keys off, and fails (rolling back) when a foreign
// key is left dangling.
func (s *Store) migrateWithoutForeignKeys(ctx context.Context, apply func(tx *wtx) error) error {
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	// Outside a transaction: SQLite ignores the pragma inside one.
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA foreign_keys = ON`)
	return s.txOn(ctx, conn, func(tx *wtx) error {
		if err := apply(tx); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `PRAGMA foreign_key_check`)
		if err != nil {
			return err
		}
		defer rows.Close()
		if rows.Next() {
			var table string
			var rowid sql.NullInt64
			var parent string
			var fk int
			if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
				return err
			}
			return fmt.Errorf("foreign key check: row %d of %s names a missing row of %s", rowid.Int64, table, parent)
		}
		return rows.Err()
	})
}

func unix(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

func fromUnix(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.Unix(v, 0).UTC()
}

// placeholders returns "?,?,?" for n values.
func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?,", n-1) + "?"
}

// fileURI is the driver's "file:" URI of the database at path with the
// query q. '%', '?' and '#' in the path are escaped: SQLite reads a URI's
// path up to the first '?' or '#' and decodes %HH in it, so a folder named
// "news#2" or "q?" opened another file ("news", "q") beside it.
func fileURI(path string, q url.Values) string {
	path = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	return "file:" + path + "?" + q.Encode()
}
