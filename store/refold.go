package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/newshound/newshound/query"
)

// refoldBatch is how many articles refoldTerms re-indexes in one
// transaction.
const refoldBatch = 500

// refoldTerms finishes 0044_refold: it finds the terms of terms_list that
// the query engine's normalisation no longer writes as they are stored
// (query.Terms of the term is not the term itself), the articles whose title
// or text hold them, and indexes those articles again, refoldBatch a
// transaction; the old terms leave terms_list (the new ones enter it as the
// articles are indexed). It then drops the marker table. Stopped part way,
// it starts again at the next Open (re-indexing an article twice does no
// harm). A database without the marker costs one look-up. It fails when the
// database does.
func (s *Store) refoldTerms(ctx context.Context) error {
	var n int
	if err := s.w.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'terms_refold'`).Scan(&n); err != nil || n == 0 {
		return err
	}
	stale, err := s.staleTerms(ctx)
	if err != nil {
		return fmt.Errorf("refold terms: %w", err)
	}
	ids, err := s.articlesHolding(ctx, stale)
	if err != nil {
		return fmt.Errorf("refold terms: %w", err)
	}
	for batch := range slices.Chunk(ids, refoldBatch) {
		if err := s.tx(ctx, func(tx *sql.Tx) error { return s.reindex(ctx, tx, batch) }); err != nil {
			return fmt.Errorf("refold terms: %w", err)
		}
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		for _, t := range stale {
			if _, err := tx.ExecContext(ctx, `DELETE FROM terms_list WHERE term = ?`, t); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `DROP TABLE terms_refold`)
		return err
	})
	if err != nil {
		return fmt.Errorf("refold terms: %w", err)
	}
	if len(ids) > 0 {
		s.log.Info("articles indexed again for the new folding of Greek accents and ł", "articles", len(ids), "terms", len(stale))
	}
	return nil
}

// staleTerms returns the terms of terms_list that query.Terms no longer
// leaves as they are.
func (s *Store) staleTerms(ctx context.Context) ([]string, error) {
	rows, err := s.w.QueryContext(ctx, `SELECT term FROM terms_list`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var stale []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		if got := query.Terms(t); len(got) != 1 || got[0] != t {
			stale = append(stale, t)
		}
	}
	return stale, rows.Err()
}

// articlesHolding returns the ids of the articles whose title or text in
// articles_terms hold any of terms, in order.
func (s *Store) articlesHolding(ctx context.Context, terms []string) ([]int64, error) {
	seen := map[int64]bool{}
	for _, t := range terms {
		rows, err := s.w.QueryContext(ctx, `SELECT rowid FROM articles_terms WHERE articles_terms MATCH ?`, `{title body} : `+ftsString(t))
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			seen[id] = true
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return nil, err
		}
	}
	ids := make([]int64, 0, len(seen))
	for id := range seen {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids, nil
}

// reindex enters the articles ids into articles_terms again, as the query
// engine reads them now.
func (s *Store) reindex(ctx context.Context, tx *sql.Tx, ids []int64) error {
	for _, id := range ids {
		var title, text, summary string
		t := newArticleText(&text, &summary)
		err := tx.QueryRowContext(ctx, `SELECT title, text, summary FROM articles WHERE id = ?`, id).Scan(&title, &t.Text, &t.Summary)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err == nil {
			err = t.set()
		}
		if err != nil {
			return fmt.Errorf("article %d: %w", id, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM articles_terms WHERE rowid = ?`, id); err != nil {
			return fmt.Errorf("article %d: %w", id, err)
		}
		if err := s.indexTerms(ctx, tx, id, title, text); err != nil {
			return err
		}
	}
	return nil
}

// ftsString quotes s as one FTS5 string.
func ftsString(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
