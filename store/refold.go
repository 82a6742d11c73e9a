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

// termPass is a re-indexing that a migration asks for by creating its
// marker table: the articles holding a term of terms_list that stale picks
// are indexed again as the query engine reads them now.
type termPass struct {
	marker string
	stale  func(term string) bool
	// drop removes the stale terms from terms_list: the query engine no
	// longer writes them (the articles enter their new forms as they are
	// indexed). A term that is still written but stemmed anew stays.
	drop bool
	done string // the log line when articles were indexed again
}

// termPasses are the re-indexings of 0044_refold (Greek accents and ł
// folded), 0046_restem (Portuguese plurals in -ões stemmed as their
// singulars), 0054_arabic_stem (Arabic words stemmed), 0056_persian_fold
// (ک, ی and ى written ك, ي and ي, Arabic-Indic digits ASCII) and
// 0065_marks_fold (Hebrew points and Arabic vowel marks dropped, a keycap
// its digit) and 0066_letters_fold (Turkish ı read as i, Russian ё as е),
// in that order.
func termPasses() []termPass {
	refolded := func(t string) bool { got := query.Terms(t); return len(got) != 1 || got[0] != t }
	return []termPass{
		{marker: "terms_refold", stale: refolded, drop: true, done: "articles indexed again for the new folding of Greek accents and ł"},
		{marker: "terms_restem", stale: query.Restemmed, done: "articles indexed again for the new stems of Portuguese plurals in -ões"},
		{marker: "terms_arabic", stale: query.ArabicStemmed, done: "articles indexed again for the stems of Arabic words"},
		{marker: "terms_persian", stale: refolded, drop: true, done: "articles indexed again for Persian and Arabic kaf and yeh written one way"},
		{marker: "terms_marks", stale: refolded, drop: true, done: "articles indexed again for Hebrew points and Arabic vowel marks dropped and keycaps read as digits"},
		{marker: "terms_letters", stale: refolded, drop: true, done: "articles indexed again for Turkish ı read as i and Russian ё as е"},
	}
}

// refoldTerms finishes the re-indexings of termPasses whose marker table
// exists: for each, it finds the terms of terms_list it picks, the
// articles whose title or text hold them, and indexes those articles
// again, refoldBatch a transaction; then it drops the marker. Stopped part
// way, it starts again at the next Open (re-indexing an article twice does
// no harm). A database without markers costs a look-up a pass. It fails
// when the database does.
func (s *Store) refoldTerms(ctx context.Context) error {
	for _, p := range termPasses() {
		if err := s.termPass(ctx, p); err != nil {
			return fmt.Errorf("%s: %w", p.marker, err)
		}
	}
	return nil
}

func (s *Store) termPass(ctx context.Context, p termPass) error {
	var n int
	if err := s.w.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, p.marker).Scan(&n); err != nil || n == 0 {
		return err
	}
	stale, err := s.staleTerms(ctx, p.stale)
	if err != nil {
		return fmt.Errorf("%w", err)
	}
	ids, err := s.articlesHolding(ctx, stale)
	if err != nil {
		return fmt.Errorf("%w", err)
	}
	if len(ids) > 0 {
		// Said first: an archive of many such articles holds the start for
		// minutes (about 3.5 ms an article on a loaded 2-core host, see
		// BENCHMARKS.md, session 34), and the line after says only when done.
		s.log.Info("indexing articles again before the start; it waits until they are done", "articles", len(ids), "pass", p.marker)
	}
	for batch := range slices.Chunk(ids, refoldBatch) {
		if err := s.tx(ctx, func(tx *wtx) error { return s.reindex(ctx, tx, batch) }); err != nil {
			return fmt.Errorf("%w", err)
		}
	}
	err = s.tx(ctx, func(tx *wtx) error {
		for _, t := range stale {
			if !p.drop {
				break // the terms are still written: they stay listed
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM terms_list WHERE term = ?`, t); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `DROP TABLE `+p.marker)
		return err
	})
	if err != nil {
		return fmt.Errorf("%w", err)
	}
	if len(ids) > 0 {
		s.log.Info(p.done, "articles", len(ids), "terms", len(stale))
	}
	return nil
}

// staleTerms returns the terms of terms_list that stale picks.
func (s *Store) staleTerms(ctx context.Context, pick func(string) bool) ([]string, error) {
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
		if pick(t) {
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
func (s *Store) reindex(ctx context.Context, tx *wtx, ids []int64) error {
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
