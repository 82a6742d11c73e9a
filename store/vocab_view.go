package store

import (
	"context"
	"fmt"
)

// vocabViews are the fts5vocab tables: views over a full-text index that
// hold no data of their own, so one missing is no damage. 0043 as first
// written (main from a6c39cf to fee261b, 2026-11-30 00:01-00:33) made
// terms_list without articles_vocab_cols: a database made then was refused
// at start as damaged ("lacks the table articles_vocab_cols", restore a
// backup). checkSchema passes over a missing one and Open makes it again.
var vocabViews = map[string]string{
	"articles_vocab_cols": `CREATE VIRTUAL TABLE IF NOT EXISTS articles_vocab_cols USING fts5vocab(articles_terms, 'col')`,
}

// restoreVocabViews makes each vocabViews table that is missing, after the
// migrations (which made them on any database that did not skip them).
func (s *Store) restoreVocabViews(ctx context.Context) error {
	for name, create := range vocabViews {
		if _, err := s.w.ExecContext(ctx, create); err != nil {
			return fmt.Errorf("make %s again: %w", name, err)
		}
	}
	return nil
}
