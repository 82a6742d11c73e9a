package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newshound/newshound/query"
)

// refoldBatch is how many articles ReindexStep re-indexes in one write
// transaction: about 0.7 s of the writer on a loaded 2-core host (3.5 ms an
// article, BENCHMARKS.md, session 34), which the poller's writes wait for.
const refoldBatch = 200

// refoldEvery is how often at most ReindexStep logs its progress.
const refoldEvery = time.Minute

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
	// finds is what /search finds in the articles once they are indexed
	// again, for the log line that says the re-indexing runs.
	finds string
	done  string // the log line when articles were indexed again
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
		{marker: "terms_refold", stale: refolded, drop: true, finds: "their Greek words without accents and ł as l", done: "articles indexed again for the new folding of Greek accents and ł"},
		{marker: "terms_restem", stale: query.Restemmed, finds: "their Portuguese plurals in -ões by the singular", done: "articles indexed again for the new stems of Portuguese plurals in -ões"},
		{marker: "terms_arabic", stale: query.ArabicStemmed, finds: "their Arabic words by their stems", done: "articles indexed again for the stems of Arabic words"},
		{marker: "terms_persian", stale: refolded, drop: true, finds: "their Persian kaf and yeh typed either way", done: "articles indexed again for Persian and Arabic kaf and yeh written one way"},
		{marker: "terms_marks", stale: refolded, drop: true, finds: "their words typed without points or vowel marks", done: "articles indexed again for Hebrew points and Arabic vowel marks dropped and keycaps read as digits"},
		{marker: "terms_letters", stale: refolded, drop: true, finds: "their ı/ё spellings", done: "articles indexed again for Turkish ı read as i and Russian ё as е"},
	}
}

// The re-indexings of termPasses run in two parts. At Open, markTerms
// marks the articles to index again: it writes their ids as the rows of
// the pass's marker table (rowid the article's id, started the time of the
// marking), cheap next to the indexing (a query of the index a stale
// term). In the background, ReindexStep indexes them again refoldBatch at
// a time, deleting their rows in the same transaction, and drops the
// marker with the last: the rows left are where a stop or a crash resumes.
// Until an article is indexed again, /search misses it for the words the
// new folding reads anew (Пётр is found as петр once its article is
// indexed again; neither spelling finds it before); alerts, which match
// the new articles' own tokens, are not affected.

// refoldJob is what is left of the re-indexings marked at Open.
type refoldJob struct {
	mu     sync.Mutex
	left   atomic.Int64   // articles marked and not indexed again yet
	marked map[string]int // articles marked a pass at Open, for its last line
	logged time.Time      // when ReindexStep last logged its progress
}

// markTerms marks the articles of each pass of termPasses whose marker
// table exists (see refoldJob) and logs, for a pass with articles marked,
// that they are indexed again in the background. A pass with nothing to
// index again is finished at once (its marker dropped). A database without
// markers costs a look-up a pass. It fails when the database does.
func (s *Store) markTerms(ctx context.Context) error {
	s.refold.marked = map[string]int{}
	for _, p := range termPasses() {
		n, err := s.markPass(ctx, p)
		if err != nil {
			return fmt.Errorf("%s: %w", p.marker, err)
		}
		if n > 0 {
			s.refold.marked[p.marker] = n
			s.refold.left.Add(int64(n))
			s.log.Info("re-indexing articles in the background; /search finds "+p.finds+" when done", "articles", n, "pass", p.marker)
		}
	}
	s.refold.logged = s.now()
	return nil
}

// markPass marks the articles of p, unless a start before did (its rows
// are left), and returns how many wait.
func (s *Store) markPass(ctx context.Context, p termPass) (int, error) {
	var n int
	if err := s.w.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, p.marker).Scan(&n); err != nil || n == 0 {
		return 0, err
	}
	if err := s.w.QueryRowContext(ctx, `SELECT count(*) FROM `+p.marker).Scan(&n); err != nil || n > 0 {
		return n, err // marked by a start before, which stopped part way
	}
	stale, err := s.staleTerms(ctx, s.w, p.stale)
	if err != nil {
		return 0, err
	}
	ids, err := s.articlesHolding(ctx, stale)
	if err != nil {
		return 0, err
	}
	if len(ids) == 0 {
		return 0, s.tx(ctx, func(tx *wtx) error { return finishPass(ctx, tx, p, stale) })
	}
	started := s.now().Unix()
	err = s.tx(ctx, func(tx *wtx) error {
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, `INSERT INTO `+p.marker+` (rowid, started) VALUES (?, ?)`, id, started); err != nil {
				return err
			}
		}
		return nil
	})
	return len(ids), err
}

// finishPass removes p's stale terms from terms_list (when p drops them)
// and drops its marker table.
func finishPass(ctx context.Context, tx *wtx, p termPass, stale []string) error {
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
}

// Reindexing returns how many articles marked at Open wait to be indexed
// again (see ReindexStep); 0, without a look at the database, when none.
func (s *Store) Reindexing() int { return int(s.refold.left.Load()) }

// ReindexStep indexes again the next refoldBatch articles that Open marked
// for a re-indexing of the first pass left (see markTerms), in one write
// transaction that also deletes their marks, and finishes the pass with
// its last batch: its old terms leave terms_list, its marker is dropped
// and its line says so. It logs the progress at most every refoldEvery.
// It returns how many articles are left; with none left it does nothing.
// It fails when the database does (nothing of the batch is stored then,
// and the next step does it again), or with ctx's error on a stop.
func (s *Store) ReindexStep(ctx context.Context) (int, error) {
	if s.refold.left.Load() == 0 {
		return 0, nil
	}
	s.refold.mu.Lock()
	defer s.refold.mu.Unlock()
	for _, p := range termPasses() {
		if _, ok := s.refold.marked[p.marker]; !ok {
			continue
		}
		var ids []int64
		finished := false
		err := s.tx(ctx, func(tx *wtx) error {
			var err error
			if ids, err = markedBatch(ctx, tx, p.marker); err != nil {
				return err
			}
			if err := s.reindex(ctx, tx, ids); err != nil {
				return err
			}
			if len(ids) > 0 {
				if _, err := tx.ExecContext(ctx, `DELETE FROM `+p.marker+` WHERE rowid <= ?`, ids[len(ids)-1]); err != nil {
					return err
				}
			}
			var more bool
			if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM `+p.marker+`)`).Scan(&more); err != nil || more {
				return err
			}
			stale, err := s.staleTerms(ctx, tx, p.stale)
			if err != nil {
				return err
			}
			finished = true
			return finishPass(ctx, tx, p, stale)
		})
		if err != nil {
			return s.Reindexing(), fmt.Errorf("re-index %s: %w", p.marker, err)
		}
		left := s.refold.left.Add(-int64(len(ids)))
		if finished {
			s.log.Info(p.done, "articles", s.refold.marked[p.marker])
			delete(s.refold.marked, p.marker)
			if len(s.refold.marked) == 0 {
				s.refold.left.Store(0)
				left = 0
			}
		} else if now := s.now(); now.Sub(s.refold.logged) >= refoldEvery {
			s.refold.logged = now
			s.log.Info("re-indexing articles in the background", "articles_left", left, "pass", p.marker)
		}
		return int(left), nil
	}
	s.refold.left.Store(0)
	return 0, nil
}

// markedBatch returns the ids of the first refoldBatch articles marked in
// the table marker, in order.
func markedBatch(ctx context.Context, tx *wtx, marker string) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT rowid FROM `+marker+` ORDER BY rowid LIMIT ?`, refoldBatch)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// refoldTerms marks the re-indexings of termPasses and does them all at
// once (markTerms, then ReindexStep until none is left): what the
// reference schema (referenceTables) runs, and the tests.
func (s *Store) refoldTerms(ctx context.Context) error {
	if err := s.markTerms(ctx); err != nil {
		return err
	}
	for s.Reindexing() > 0 {
		if _, err := s.ReindexStep(ctx); err != nil {
			return err
		}
	}
	return nil
}

// staleTerms returns the terms of terms_list that stale picks, read with q.
func (s *Store) staleTerms(ctx context.Context, q querier, pick func(string) bool) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT term FROM terms_list`)
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
