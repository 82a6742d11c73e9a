package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"

	"github.com/mattn/go-sqlite3"
)

// A write transaction runs on the writer's one connection taken as a
// sql.Conn, begun with BEGIN IMMEDIATE and ended with COMMIT or ROLLBACK
// by the store itself, not as a *sql.Tx: database/sql starts a goroutine
// for every *sql.Tx (Tx.awaitDone, whatever its context) and one for the
// rows of every query inside it, which a fetch's write paid about six
// times (BENCHMARKS.md, session 31). On a sql.Conn a statement run with a
// context that cannot be cancelled (unwatched) starts none.
//
// A stop (ctx done) is seen by the store: a statement run with ctx is
// interrupted or refused (database/sql, the driver, or the writer's
// wrapper for an unwatched ctx), its error fails fn, and tx checks ctx
// again before the COMMIT, so that a stop during fn stores nothing.

// wtx is a write transaction on the writer's connection (see tx).
type wtx struct {
	c *sql.Conn
}

// ExecContext runs query in the transaction; it fails with ctx's error
// when ctx is done, as a *sql.Tx's would.
func (t *wtx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return t.c.ExecContext(ctx, query, args...)
}

// QueryContext runs query in the transaction; the rows must be closed
// before the transaction ends. It fails with ctx's error when ctx is done.
func (t *wtx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return t.c.QueryContext(ctx, query, args...)
}

// QueryRowContext runs query in the transaction for one row.
func (t *wtx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return t.c.QueryRowContext(ctx, query, args...)
}

// PrepareContext returns query as a statement of the transaction (see
// wstmt); it does not fail.
func (t *wtx) PrepareContext(_ context.Context, query string) (wstmt, error) {
	return wstmt{t: t, query: query}, nil
}

// wstmt is a statement of a write transaction, by its text. It is run on
// the transaction's connection through the driver's cache of prepared
// statements (_stmt_cache_size, by text): SQLite parses it once, not again
// in each transaction, as a statement prepared on the pool would be
// (database/sql cannot bind one of those to a sql.Conn).
type wstmt struct {
	t     *wtx
	query string
}

// ExecContext runs the statement with args (see wtx.ExecContext).
func (st wstmt) ExecContext(ctx context.Context, args ...any) (sql.Result, error) {
	return st.t.ExecContext(ctx, st.query, args...)
}

// QueryContext runs the statement with args for rows (see
// wtx.QueryContext).
func (st wstmt) QueryContext(ctx context.Context, args ...any) (*sql.Rows, error) {
	return st.t.QueryContext(ctx, st.query, args...)
}

// QueryRowContext runs the statement with args for one row.
func (st wstmt) QueryRowContext(ctx context.Context, args ...any) *sql.Row {
	return st.t.c.QueryRowContext(ctx, st.query, args...)
}

// Close does nothing: the driver keeps the statement for the connection.
func (st wstmt) Close() error { return nil }

// tx runs fn in a write transaction on the writer's connection,
// committing when it returns nil and ctx is not done. The wait for the
// connection (another write may hold it, a vacuum for minutes) ends on a
// stop with ctx's error. It fails with fn's error, ctx's when ctx is done
// before the COMMIT, or the BEGIN's or COMMIT's (a busy or full database,
// noted by the writer's wrapper); on failure nothing fn wrote is stored and
// the connection is left outside any transaction.
func (s *Store) tx(ctx context.Context, fn func(tx *wtx) error) error {
	c, err := s.w.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	return s.txOn(ctx, c, fn)
}

// txOn is tx on the writer's connection c, taken by the caller.
func (s *Store) txOn(ctx context.Context, c *sql.Conn, fn func(tx *wtx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	// The BEGIN, COMMIT and ROLLBACK run on a context nothing cancels: a
	// stop must not leave the transaction half-ended, and the wait for
	// another process's write lock (busy_timeout) does not end on an
	// interrupt anyway.
	bg := context.Background()
	if _, err := c.ExecContext(bg, `BEGIN IMMEDIATE`); err != nil {
		return err
	}
	tx := &wtx{c: c}
	ended := false
	defer func() {
		if !ended { // fn panicked
			s.abort(bg, tx)
		}
	}()
	err := fn(tx)
	if err == nil {
		err = ctx.Err() // a stop during fn: nothing is stored
	}
	if err != nil {
		ended = true
		if rerr := s.abort(bg, tx); rerr != nil {
			return errors.Join(err, rerr)
		}
		return err
	}
	ended = true
	if _, err := c.ExecContext(bg, `COMMIT`); err != nil {
		if rerr := s.abort(bg, tx); rerr != nil {
			return errors.Join(err, rerr)
		}
		return err
	}
	s.termq.committed(tx)
	s.later.committed(tx)
	return nil
}

// abort rolls tx back and forgets what it staged. SQLite may have rolled
// it back already (a full disk, an I/O error): the ROLLBACK's error is
// then ignored. A connection still in the transaction after that is
// closed (the pool opens another), so that no later write runs inside it;
// abort fails only then.
func (s *Store) abort(ctx context.Context, tx *wtx) error {
	s.known.forget() // it may hold terms of the articles not stored
	s.termq.aborted(tx)
	s.later.aborted(tx)
	if _, err := tx.c.ExecContext(ctx, `ROLLBACK`); err == nil {
		return nil
	}
	var open bool
	err := tx.c.Raw(func(dc any) error {
		open = !autocommit(dc)
		if open {
			return driver.ErrBadConn
		}
		return nil
	})
	if open {
		return fmt.Errorf("rollback failed: the writer's connection was closed: %w", err)
	}
	return nil
}

// autocommit says whether the driver's connection dc is outside any
// transaction (one it does not know is taken as outside).
func autocommit(dc any) bool {
	switch c := dc.(type) {
	case *noteConn:
		return autocommit(c.sqliteConn)
	case *sqlite3.SQLiteConn:
		return c.AutoCommit()
	}
	return true
}
