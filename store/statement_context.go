package store

import (
	"context"
	"database/sql"
	"fmt"
)

// A statement run with a context that can be cancelled is watched while it
// runs: database/sql starts a goroutine for the rows of each query, and the
// driver (mattn/go-sqlite3) a goroutine for each Exec and a callback for
// each query's rows, so that a cancel interrupts SQLite mid-statement. The
// statements of a fetch's write each take well under a millisecond, and
// watching them cost about 93,000 instructions a fetch of 5 new articles
// (BenchmarkFetchWrite; BENCHMARKS.md, session 29).

// stopKey keys, in a context made by unwatched, the context it was made of.
type stopKey struct{}

// unwatched returns ctx for statements that run to their end once started:
// its Done is nil, so neither database/sql nor the driver watches a
// statement run with it, while the writer's wrapper (noteConn, noteStmt)
// refuses to start a statement once ctx is done, with ctx's error, as
// database/sql does with ctx itself. A cancel during a write still
// stores nothing: tx, given ctx, checks it before the COMMIT and rolls the
// transaction back. A context that cannot be cancelled is returned as it
// is.
func unwatched(ctx context.Context) context.Context {
	if ctx.Done() == nil {
		return ctx
	}
	return context.WithValue(context.WithoutCancel(ctx), stopKey{}, ctx)
}

// stopped returns the error of the context unwatched made ctx of, nil while
// it runs or when ctx was not made by unwatched.
func stopped(ctx context.Context) error {
	if p, ok := ctx.Value(stopKey{}).(context.Context); ok {
		return p.Err()
	}
	return nil
}

// onWriter runs fn on the writer's connection with unwatched(ctx) for its
// statements: the wait for the connection (another write may hold it, a
// vacuum for minutes) is watched, so a stop ends it with ctx's error; a
// statement started is not interrupted (see unwatched). It is for the
// single statements the bot runs for every article or message (the
// sender's outbox reads and marks, the poller's reads of pending
// articles), each well under a millisecond. It fails with fn's error, or
// ctx's when ctx is done before fn's statements start.
func (s *Store) onWriter(ctx context.Context, fn func(ctx context.Context, c *sql.Conn) error) error {
	c, err := s.w.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	return fn(unwatched(ctx), c)
}

// onReader runs fn on a reader's connection as onWriter does on the
// writer's: the wait for a reader (four, which searches may hold) is
// watched, the statements are not, so that no goroutine of database/sql or
// the driver is started and woken for them. It is for the short reads the
// poller makes for every fetch (the seen keys outside the write, the story
// window, the alert targets). It fails with fn's error, or ctx's when ctx
// is done before fn's statements start (wrapped with what).
func (s *Store) onReader(ctx context.Context, what string, fn func(ctx context.Context, c *sql.Conn) error) error {
	c, err := s.r.Conn(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer c.Close()
	return fn(unwatched(ctx), c)
}

// execWriter runs one statement on the writer through onWriter.
func (s *Store) execWriter(ctx context.Context, query string, args ...any) (sql.Result, error) {
	var res sql.Result
	err := s.onWriter(ctx, func(ctx context.Context, c *sql.Conn) error {
		var err error
		res, err = c.ExecContext(ctx, query, args...)
		return err
	})
	return res, err
}
