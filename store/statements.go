package store

import (
	"context"
	"database/sql"
	"sync"
	"sync/atomic"
)

// hotStatements are prepared at Open: every statement of queueing alerts
// (alertQueries, batchQueries) among them, as a statement not here is prepared again in
// each transaction that runs it (stmt).
var hotStatements = append(append(alertQueries[:len(alertQueries):len(alertQueries)], batchQueries...),
	sqlInsertArticle, sqlInsertPlanned, sqlLinkArticle, sqlNoteTerms)

// statements caches the writer's prepared statements of the hot write
// path (a fetch's insert, an alert's queueing): SQLite then parses each once
// per process instead of once per execution. The writer has one connection,
// so a statement prepared on it serves every transaction.
type statements struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
	// misses counts the statements stmt prepared for one transaction (the
	// tests check that the hot path has none).
	misses atomic.Int64
	// inserts counts the insert statements batches of alerts ran (the
	// tests check that rows share them).
	inserts atomic.Int64
}

// stmt returns query prepared on the writer, for use inside tx; it fails
// when SQLite cannot prepare it.
func (s *Store) stmt(ctx context.Context, tx *sql.Tx, query string) (*sql.Stmt, error) {
	s.prepared.mu.Lock()
	st, ok := s.prepared.m[query]
	s.prepared.mu.Unlock()
	if !ok {
		s.prepared.misses.Add(1)
		// Prepared through the transaction, on its connection: the writer
		// pool's one connection is taken by tx.
		p, err := tx.PrepareContext(ctx, query)
		if err != nil {
			return nil, err
		}
		return p, nil
	}
	return tx.StmtContext(ctx, st), nil
}

// prepare prepares the hot statements on the writer at Open.
func (s *Store) prepare(ctx context.Context, queries ...string) error {
	s.prepared.m = make(map[string]*sql.Stmt, len(queries))
	for _, q := range queries {
		st, err := s.w.PrepareContext(ctx, q)
		if err != nil {
			return err
		}
		s.prepared.m[q] = st
	}
	return nil
}

// closeStatements closes the cached statements.
func (s *Store) closeStatements() {
	for _, st := range s.prepared.m {
		st.Close()
	}
}
