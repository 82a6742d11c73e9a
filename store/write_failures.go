package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mattn/go-sqlite3"
)

// WriteFailureWindow is how long a write the database refused (disk full,
// read-only, I/O error, damaged file) keeps CheckWritable failing, even when
// its own small probe passes: a full disk or a damaged page can refuse an
// article's insert while the probe's one-row update still fits.
const WriteFailureWindow = time.Minute

// writeFailures remembers the last error of the writer connection that says
// the database refuses writes, and when it came.
type writeFailures struct {
	now func() time.Time

	mu  sync.Mutex
	at  time.Time
	err error
}

// note remembers err when SQLite says the file cannot take writes; other
// errors (a constraint, a cancelled context, a busy database) are not the
// disk's and are ignored.
func (f *writeFailures) note(err error) {
	if !refusesWrites(err) {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.at, f.err = f.now(), err
}

// recent returns the failure noted within WriteFailureWindow of now, or nil.
func (f *writeFailures) recent(now time.Time) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err == nil {
		return nil
	}
	ago := now.Sub(f.at)
	if ago >= WriteFailureWindow || ago <= -WriteFailureWindow {
		return nil
	}
	return fmt.Errorf("database refused a write %s ago: %w", max(ago, 0).Round(time.Second), f.err)
}

// refusesWrites reports whether err is SQLite saying the database file cannot
// take writes: full, read-only, an I/O error, damaged, not a database, or
// gone.
func refusesWrites(err error) bool {
	if err == nil {
		// Before se: errors.As makes it escape, and the writer's wrapper
		// asks for every statement and row (an allocation each).
		return false
	}
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return false
	}
	switch se.Code {
	case sqlite3.ErrFull, sqlite3.ErrReadonly, sqlite3.ErrIoErr, sqlite3.ErrCorrupt, sqlite3.ErrNotADB, sqlite3.ErrCantOpen:
		return true
	}
	return false
}

// The writer connection is opened through noteConnector, whose connection,
// statements, transactions and rows pass every call to SQLite's and note
// the errors that say the database refuses writes (see writeFailures). They
// implement the same optional driver interfaces as SQLite's own.

// sqliteConn is what the writer uses of *sqlite3.SQLiteConn.
type sqliteConn interface {
	driver.Conn
	driver.ExecerContext
	driver.QueryerContext
	driver.ConnPrepareContext
	driver.ConnBeginTx
	driver.Pinger
}

type noteConnector struct {
	dsn      string
	driver   *sqlite3.SQLiteDriver
	failures *writeFailures
	watched  *atomic.Int64 // see statementStart
	begins   *atomic.Int64 // counts the driver's BeginTx (a *sql.Tx's)
}

func (c *noteConnector) Connect(context.Context) (driver.Conn, error) {
	conn, err := c.driver.Open(c.dsn)
	if err != nil {
		c.failures.note(err)
		return nil, err
	}
	sc, ok := conn.(sqliteConn)
	if !ok {
		conn.Close()
		return nil, fmt.Errorf("sqlite3 connection %T lacks a driver interface", conn)
	}
	return &noteConn{sqliteConn: sc, f: c.failures, watched: c.watched, begins: c.begins}, nil
}

func (c *noteConnector) Driver() driver.Driver { return c.driver }

type noteConn struct {
	sqliteConn
	f       *writeFailures
	watched *atomic.Int64
	// begins counts the transactions begun by database/sql (a *sql.Tx,
	// which starts goroutines: see tx); the tests check that the store's
	// writes begin none.
	begins *atomic.Int64
}

// statementStart is called before each statement on the writer: it refuses
// one whose context, made by unwatched, is done (database/sql would have
// refused it for a watched context), and counts the statements run with a
// context the driver watches (the tests check that a fetch's write runs
// none).
func statementStart(ctx context.Context, watched *atomic.Int64) error {
	if ctx.Done() != nil {
		watched.Add(1)
		return nil
	}
	return stopped(ctx)
}

func (c *noteConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	if err := statementStart(ctx, c.watched); err != nil {
		return nil, err
	}
	r, err := c.sqliteConn.ExecContext(ctx, query, args)
	c.f.note(err)
	return r, err
}

func (c *noteConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	if err := statementStart(ctx, c.watched); err != nil {
		return nil, err
	}
	rows, err := c.sqliteConn.QueryContext(ctx, query, args)
	c.f.note(err)
	if err != nil {
		return nil, err
	}
	return &noteRows{Rows: rows, f: c.f}, nil
}

func (c *noteConn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

func (c *noteConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	st, err := c.sqliteConn.PrepareContext(ctx, query)
	c.f.note(err)
	if err != nil {
		return nil, err
	}
	s, ok := st.(sqliteStmt)
	if !ok {
		st.Close()
		return nil, fmt.Errorf("sqlite3 statement %T lacks a driver interface", st)
	}
	return &noteStmt{sqliteStmt: s, f: c.f, watched: c.watched}, nil
}

func (c *noteConn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

// BeginTx (a *sql.Tx's; the store's own writes begin theirs as tx does)
// runs the BEGIN unwatched: with a context that can be cancelled
// the driver runs it on a goroutine of its own, for every transaction, to
// interrupt it on a cancel, while SQLite's wait for another process's
// write lock (busy_timeout) does not end on an interrupt anyway. A context
// done already fails it with its error; one done later still rolls the
// transaction back (database/sql watches the context it was begun with).
func (c *noteConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if c.begins != nil {
		c.begins.Add(1)
	}
	ctx = context.WithoutCancel(ctx)
	if err := statementStart(ctx, c.watched); err != nil {
		return nil, err
	}
	tx, err := c.sqliteConn.BeginTx(ctx, opts)
	c.f.note(err)
	if err != nil {
		return nil, err
	}
	return &noteTx{Tx: tx, f: c.f}, nil
}

// sqliteStmt is what the writer uses of *sqlite3.SQLiteStmt.
type sqliteStmt interface {
	driver.Stmt
	driver.StmtExecContext
	driver.StmtQueryContext
}

type noteStmt struct {
	sqliteStmt
	f       *writeFailures
	watched *atomic.Int64
}

func (s *noteStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	if err := statementStart(ctx, s.watched); err != nil {
		return nil, err
	}
	r, err := s.sqliteStmt.ExecContext(ctx, args)
	s.f.note(err)
	return r, err
}

func (s *noteStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	if err := statementStart(ctx, s.watched); err != nil {
		return nil, err
	}
	rows, err := s.sqliteStmt.QueryContext(ctx, args)
	s.f.note(err)
	if err != nil {
		return nil, err
	}
	return &noteRows{Rows: rows, f: s.f}, nil
}

type noteTx struct {
	driver.Tx
	f *writeFailures
}

func (t *noteTx) Commit() error {
	err := t.Tx.Commit()
	t.f.note(err)
	return err
}

type noteRows struct {
	driver.Rows
	f *writeFailures
}

func (r *noteRows) Next(dest []driver.Value) error {
	err := r.Rows.Next(dest)
	if err != io.EOF {
		r.f.note(err)
	}
	return err
}
