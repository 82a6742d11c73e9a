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
// full-text index (termsLater) are also read in freshTerms, an FTS5 table of
// the same columns and tokenizer in a database of its own in memory. A
// search or a preview takes its view first (termsLater.view), which enters
// there the terms of the articles committed since the last read (kept in
// memory by termsLater), and reads articles_terms up to the through it was
// given (freshView) and this table above it, with the same expression: an
// article is found as soon as its write returns, and the read begins no
// write of the database: it neither waits for the writer (a fetch's write,
// a merge step, a prune of 5,000 articles), nor writes a segment and merges
// others at a user's command, nor commits (which empties the readers' page
// caches once more). The reads fill the table, not the writes: FTS5 costs
// about 180 µs an article of 800 words to enter there, its commit most of
// it (BenchmarkFreshTermsUpdate), which every fetch paid when the writes
// filled it (BENCHMARKS.md, session 39), where a read enters only what was
// stored since the read before (in a running bot, an article or a few).
//
// When a batch moves through from t1 to t2, the rows up to t1 go at the
// next read, but those above the through of a read still in progress: a
// read that took t1 just before the batch committed finds the rows above
// it here, however many batches commit while it reads.

// freshTerms is the in-memory index of the waiting articles' terms. Its
// methods are safe for concurrent use.
type freshTerms struct {
	mu   sync.Mutex
	conn *sqlite3.SQLiteConn // nil once closed
	ids  map[int64]bool      // the rows held
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
	return &freshTerms{conn: conn, ids: map[int64]bool{}}, nil
}

// errFreshClosed is returned by a freshTerms that was closed.
var errFreshClosed = errors.New("the index of the newest articles is closed")

// update drops the rows of ids up to through (none when through is 0;
// every row when it is math.MaxInt64), then enters rows, replacing any row
// of the same id (an article whose text came later), in one transaction:
// FTS5 writes a segment a commit, and each statement outside one commits.
// It fails when SQLite does; what was done before stays.
func (f *freshTerms) update(through int64, rows []termsRow) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.conn == nil {
		return errFreshClosed
	}
	var gone []int64
	for id := range f.ids {
		if id <= through {
			gone = append(gone, id)
		}
	}
	for _, r := range rows {
		if f.ids[r.id] && r.id > through {
			gone = append(gone, r.id)
		}
	}
	all := through == math.MaxInt64 // also what a failed update left
	if len(gone) == 0 && len(rows) == 0 && !all {
		return nil
	}
	if _, err := f.conn.Exec(`BEGIN`, nil); err != nil {
		return fmt.Errorf("index the newest articles in memory: %w", err)
	}
	var err error
	if all {
		_, err = f.conn.Exec(`DELETE FROM fresh_terms`, nil)
		gone = nil
	}
	if err == nil {
		err = f.write(gone, rows)
	}
	if err == nil {
		_, err = f.conn.Exec(`COMMIT`, nil)
	}
	if err != nil {
		f.conn.Exec(`ROLLBACK`, nil)
		clear(f.ids) // what the table holds is not known: no read is served from it (freshBad) until it is emptied
		return fmt.Errorf("index the newest articles in memory: %w", err)
	}
	for _, id := range gone {
		delete(f.ids, id)
	}
	for _, r := range rows {
		f.ids[r.id] = true
	}
	return nil
}

// write deletes the rows of gone and enters rows (f.mu held, in a
// transaction).
func (f *freshTerms) write(gone []int64, rows []termsRow) error {
	if len(gone) > 0 {
		if _, err := f.conn.Exec(`DELETE FROM fresh_terms WHERE rowid IN (SELECT value FROM json_each(?))`, []driver.Value{idList(gone)}); err != nil {
			return err
		}
	}
	for _, r := range rows {
		if _, err := f.conn.Exec(`INSERT INTO fresh_terms (rowid, title, body, tstems, bstems) VALUES (?, ?, ?, ?, ?)`,
			[]driver.Value{r.id, r.cols.Title, r.cols.Body, r.cols.TitleStems, r.cols.BodyStems}); err != nil {
			return fmt.Errorf("article %d: %w", r.id, err)
		}
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
// those up to through, and fresh (nil: none) those above it, which keeps
// them until done is called (nil: nothing to call).
type freshView struct {
	through int64
	fresh   *freshTerms
	done    func()
}

// close ends the read of the view: the in-memory rows it reads may go.
func (v freshView) close() {
	if v.done != nil {
		v.done()
	}
}

// readView returns the view of a search or a preview (see freshTerms), to
// be closed when the read is done; when the waiting articles have waited
// IndexDelay, it has them indexed in the background (indexDue). When the
// in-memory index cannot serve (termsLater.view), it indexes the waiting
// articles first (indexBeforeRead) and the view is of the index alone. It
// fails only when ctx is done while it indexes.
func (s *Store) readView(ctx context.Context) (freshView, error) {
	if v, ok := s.later.view(); ok {
		if s.later.due() {
			s.indexDue()
		}
		return v, nil
	}
	if err := s.indexBeforeRead(ctx); err != nil {
		return freshView{}, err
	}
	return indexAlone(), nil
}

// indexDue indexes the waiting articles in a write of its own in the
// background, unless one runs already: a read found they have waited
// IndexDelay, which a fetch's write would have indexed had one come (in a
// quiet hour, after a burst, up to 255 articles waited, and every read
// read them in memory: 0.6–0.9 ms more a preview at 10,000 articles). The
// read does not wait for it. A failure is logged; the articles wait on.
func (s *Store) indexDue() {
	if !s.indexing.CompareAndSwap(false, true) {
		return
	}
	s.dueIndexing.Add(1)
	go func() {
		defer s.dueIndexing.Done()
		defer s.indexing.Store(false)
		if err := s.indexNow(context.Background()); err != nil {
			s.log.Warn("index the articles waiting for it", "err", err)
		}
	}()
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
