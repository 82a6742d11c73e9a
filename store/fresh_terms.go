package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"sync"

	"github.com/mattn/go-sqlite3"

	"github.com/newshound/newshound/query"
)

// Reads without a write (issue 18): the articles that wait for the
// full-text index (termsLater) are also held in freshTerms, an FTS5 table of
// the same columns and tokenizer in a database of its own in memory, which
// the write that stores them fills as it commits. A search or a preview
// reads articles_terms up to the through it was given (freshView) and this
// table above it, with the same expression, so that an article is found as
// soon as its write returns, and the read begins no write of its own: it
// neither waits for the writer (a fetch's write, a merge step, a prune of
// 5,000 articles), nor writes a segment and merges others at a user's
// command, nor commits (which empties the readers' page caches once more).
// Nothing else writes the table, so its pages stay in memory.
//
// A batch that moves through from t1 to t2 drops the rows up to t1 only: a
// read that took t1 just before the batch committed reads the rows above
// it here until the next batch.

// freshTerms is the in-memory index of the waiting articles' terms. Its
// methods are safe for concurrent use.
type freshTerms struct {
	mu   sync.Mutex
	conn *sqlite3.SQLiteConn // nil once closed
}

// freshSchema is articles_terms' columns, tokenizer and contentless table
// whose rows can be deleted (0020_terms.sql).
const freshSchema = `CREATE VIRTUAL TABLE fresh_terms USING fts5(title, body, tstems, bstems,
	content = '', contentless_delete = 1, tokenize = "` + query.TermsTokenizer + `")`

// newFreshTerms opens the in-memory database and creates its table. It
// fails when SQLite does (it was built without FTS5).
func newFreshTerms() (*freshTerms, error) {
	c, err := (&sqlite3.SQLiteDriver{}).Open(":memory:")
	if err != nil {
		return nil, fmt.Errorf("open the index of the newest articles: %w", err)
	}
	conn := c.(*sqlite3.SQLiteConn)
	if _, err := conn.Exec(freshSchema, nil); err != nil {
		conn.Close()
		return nil, fmt.Errorf("create the index of the newest articles: %w", err)
	}
	return &freshTerms{conn: conn}, nil
}

// errFreshClosed is returned by a freshTerms that was closed.
var errFreshClosed = errors.New("the index of the newest articles is closed")

// add enters rows, replacing any row of the same id (an article whose text
// came later). It fails when SQLite does; rows entered before stay.
func (f *freshTerms) add(rows []termsRow) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.conn == nil {
		return errFreshClosed
	}
	for _, r := range rows {
		if _, err := f.conn.Exec(`DELETE FROM fresh_terms WHERE rowid = ?`, []driver.Value{r.id}); err != nil {
			return fmt.Errorf("index article %d in memory: %w", r.id, err)
		}
		if _, err := f.conn.Exec(`INSERT INTO fresh_terms (rowid, title, body, tstems, bstems) VALUES (?, ?, ?, ?, ?)`,
			[]driver.Value{r.id, r.cols.Title, r.cols.Body, r.cols.TitleStems, r.cols.BodyStems}); err != nil {
			return fmt.Errorf("index article %d in memory: %w", r.id, err)
		}
	}
	return nil
}

// drop removes the rows of ids up to through, or every row when through is
// math.MaxInt64. It fails when SQLite does.
func (f *freshTerms) drop(through int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.conn == nil {
		return errFreshClosed
	}
	q, args := `DELETE FROM fresh_terms WHERE rowid <= ?`, []driver.Value{through}
	if through == math.MaxInt64 {
		q, args = `DELETE FROM fresh_terms`, nil
	}
	if _, err := f.conn.Exec(q, args); err != nil {
		return fmt.Errorf("drop the indexed articles from memory: %w", err)
	}
	return nil
}

// matches returns the ids from lo to hi that the FTS5 expression match
// matches, in ascending order. It fails when FTS5 rejects the expression
// (an error that searchErr reads as news.ErrBadMatch) or the table is
// closed.
func (f *freshTerms) matches(match string, lo, hi int64) ([]int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.conn == nil {
		return nil, errFreshClosed
	}
	rows, err := f.conn.Query(`SELECT rowid FROM fresh_terms WHERE fresh_terms MATCH ? AND rowid >= ? AND rowid <= ? ORDER BY rowid`,
		[]driver.Value{match, lo, hi})
	if err != nil {
		return nil, freshErr(err)
	}
	defer rows.Close()
	var ids []int64
	dest := make([]driver.Value, 1)
	for {
		err := rows.Next(dest)
		if errors.Is(err, io.EOF) {
			return ids, nil
		}
		if err != nil {
			return nil, freshErr(err)
		}
		id, ok := dest[0].(int64)
		if !ok {
			return nil, fmt.Errorf("newest articles: rowid %v", dest[0])
		}
		ids = append(ids, id)
	}
}

// freshErr names the table as articles_terms, so that an expression FTS5
// rejects reads as it does over the index (searchErr: "fts5: syntax
// error", "no such column").
func freshErr(err error) error {
	return errors.New(strings.ReplaceAll(err.Error(), "fresh_terms", "articles_terms"))
}

// close closes the in-memory database (its rows are gone). It is safe to
// call more than once.
func (f *freshTerms) close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.conn == nil {
		return nil
	}
	err := f.conn.Close()
	f.conn = nil
	return err
}

// freshView is how one read sees the stored articles: articles_terms holds
// those up to through, and fresh (nil: none) those above it.
type freshView struct {
	through int64
	fresh   *freshTerms
}

// readView returns the view of a search or a preview (see freshTerms). When
// the in-memory index cannot serve (termsLater.view), it indexes the
// waiting articles first (indexBeforeRead) and the view is of the index
// alone. It fails only when ctx is done while it indexes.
func (s *Store) readView(ctx context.Context) (freshView, error) {
	if through, fresh, ok := s.later.view(); ok {
		return freshView{through: through, fresh: fresh}, nil
	}
	if err := s.indexBeforeRead(ctx); err != nil {
		return freshView{}, err
	}
	return indexAlone(), nil
}

// indexAlone is the view of a read after the waiting articles were indexed:
// articles_terms holds every article.
func indexAlone() freshView { return freshView{through: math.MaxInt64} }

// matches returns the ids from lo to hi above v.through that the FTS5
// expression match matches in the in-memory index, ascending. It fails as
// freshTerms.matches does.
func (v freshView) matches(match string, lo, hi int64) ([]int64, error) {
	if v.fresh == nil || hi <= v.through {
		return nil, nil
	}
	return v.fresh.matches(match, max(lo, v.through+1), hi)
}

// top returns the newest id of the index's part of a read whose newest id
// is last.
func (v freshView) top(last int64) int64 { return min(last, v.through) }
