package store

import (
	"context"
	"sync/atomic"
)

// hotStatements are the statements of the hot write path (a fetch's
// insert, an alert's queueing): every statement of queueing alerts
// (alertQueries, batchQueries) among them. They are run by their text on
// the writer's connection, whose driver keeps each prepared (the cache of
// _stmt_cache_size statements): SQLite then parses each once per
// connection instead of once per execution. The cache is larger than this
// list and a fetch's other statements together.
var hotStatements = append(append(alertQueries[:len(alertQueries):len(alertQueries)], batchQueries...),
	sqlInsertArticle, sqlInsertPlanned, sqlLinkArticle, sqlNoteTerms, sqlHostID, sqlAddHost)

// statements counts the hot write path's statements.
type statements struct {
	hot map[string]bool // hotStatements
	// misses counts the statements stmt gave that are not hot (the tests
	// check that the hot path has none).
	misses atomic.Int64
	// inserts counts the insert statements batches of alerts ran (the
	// tests check that rows share them).
	inserts atomic.Int64
}

// stmt returns query as a statement of tx, counting a query that is not
// one of hotStatements. It does not fail.
func (s *Store) stmt(ctx context.Context, tx *wtx, query string) (wstmt, error) {
	if !s.prepared.hot[query] {
		s.prepared.misses.Add(1)
	}
	return tx.PrepareContext(ctx, query)
}

// prepare notes the hot statements at Open.
func (s *Store) prepare(queries ...string) {
	s.prepared.hot = make(map[string]bool, len(queries))
	for _, q := range queries {
		s.prepared.hot[q] = true
	}
}
