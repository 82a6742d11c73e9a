package store

import "context"

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
// database/sql does with ctx itself. A cancel still rolls back the
// transaction (it was begun with ctx) and fails its commit. A context that
// cannot be cancelled is returned as it is.
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
