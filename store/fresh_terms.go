package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
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
//
// Its rows are held in generations, each an FTS5 table of its own: new
// rows go to the newest, and a generation takes no more once it holds a
// row the index holds too (its through passed it), so that a later batch
// drops it whole ('delete-all'), and a read skips every generation below
// the ids it reads. One table whose rows were deleted one by one was read
// whole: each term of an expression sought in every segment, those of rows
// long dropped too until a merge reached them, and FTS5 pays about 15 µs a
// term for each segment past the first (BenchmarkFreshTermsMatches: the
// AND of twelve groups of six terms 3.5 → 1.7 ms after 2,000 reads with a
// batch every four; BENCHMARKS.md, session 40).
type freshTerms struct {
	mu    sync.Mutex
	conn  *sqlite3.SQLiteConn // nil once closed
	gens  []*freshGen         // holding rows, oldest first; the last takes new rows
	spare []*freshGen         // emptied, for new generations
	ids   map[int64]*freshGen // the rows held, and where
	made  int                 // tables made, for their names
}

// freshGen is one generation of freshTerms: an FTS5 table and the range
// of the ids it holds.
type freshGen struct {
	table  string
	lo, hi int64 // the lowest and highest id entered since it was emptied
	n      int   // rows held
}

// freshSchema is articles_terms' columns, tokenizer and contentless table
// whose rows can be deleted (0020_terms.sql), for a generation's table of
// the name %s.
const freshSchema = `CREATE VIRTUAL TABLE %s USING fts5(title, body, tstems, bstems,
	content = '', contentless_delete = 1, tokenize = "` + query.TermsTokenizer + `")`

// newFreshTerms opens the in-memory database and creates the table of its
// first generation. It fails when SQLite does (it was built without FTS5).
func newFreshTerms() (*freshTerms, error) {
	c, err := (&sqlite3.SQLiteDriver{}).Open(":memory:")
	if err != nil {
		return nil, fmt.Errorf("open the index of the newest articles: %w", err)
	}
	f := &freshTerms{conn: c.(*sqlite3.SQLiteConn), ids: map[int64]*freshGen{}}
	g, err := f.newGen()
	if err != nil {
		f.conn.Close()
		return nil, fmt.Errorf("create the index of the newest articles: %w", err)
	}
	f.gens = []*freshGen{g}
	return f, nil
}

// newGen returns an empty generation: a spare one, or a table made for it
// (f.mu held).
func (f *freshTerms) newGen() (*freshGen, error) {
	if n := len(f.spare); n > 0 {
		g := f.spare[n-1]
		f.spare = f.spare[:n-1]
		return g, nil
	}
	f.made++
	g := &freshGen{table: fmt.Sprintf("fresh_terms_%d", f.made)}
	if _, err := f.conn.Exec(fmt.Sprintf(freshSchema, g.table), nil); err != nil {
		return nil, err
	}
	return g, nil
}

// errFreshClosed is returned by a freshTerms that was closed.
var errFreshClosed = errors.New("the index of the newest articles is closed")

// update drops the rows of ids up to through (none when through is 0;
// every row when it is math.MaxInt64), then enters rows, replacing any row
// of the same id (an article whose text came later), in one transaction:
// FTS5 writes a segment a commit, and each statement outside one commits.
// indexed is the through of the index that the reads take now: rows go to
// a new generation when the newest holds one at or below it. It fails when
// SQLite does; the transaction is then rolled back, and the tables hold
// what they held.
func (f *freshTerms) update(through, indexed int64, rows []termsRow) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.conn == nil {
		return errFreshClosed
	}
	all := through == math.MaxInt64 // also what a failed update left
	left := map[*freshGen]int{}     // the rows each generation keeps
	for _, g := range f.gens {
		left[g] = g.n
	}
	var gone []int64 // rows that go one by one: of a generation that stays, or replaced
	for id, g := range f.ids {
		if all || id <= through {
			gone = append(gone, id)
			left[g]--
		}
	}
	for _, r := range rows {
		if g := f.ids[r.id]; g != nil && r.id > through && !all {
			gone = append(gone, r.id)
			left[g]--
		}
	}
	var whole []*freshGen // generations emptied: deleted whole
	for _, g := range f.gens {
		if left[g] == 0 && (g.n > 0 || all) {
			whole = append(whole, g)
		}
	}
	gone = slices.DeleteFunc(gone, func(id int64) bool { return left[f.ids[id]] == 0 })
	if len(whole) == 0 && len(gone) == 0 && len(rows) == 0 {
		return nil
	}
	newest := f.gens[len(f.gens)-1]
	if len(rows) > 0 && left[newest] > 0 && newest.lo <= indexed {
		var err error
		if newest, err = f.newGen(); err != nil {
			return fmt.Errorf("index the newest articles in memory: %w", err)
		}
		f.gens = append(f.gens, newest)
	}
	if _, err := f.conn.Exec(`BEGIN`, nil); err != nil {
		return fmt.Errorf("index the newest articles in memory: %w", err)
	}
	err := f.write(whole, gone, newest, rows)
	if err == nil {
		_, err = f.conn.Exec(`COMMIT`, nil)
	}
	if err != nil {
		f.conn.Exec(`ROLLBACK`, nil)
		return fmt.Errorf("index the newest articles in memory: %w", err)
	}
	// The account, once the transaction committed.
	for _, id := range gone {
		f.ids[id].n--
		delete(f.ids, id)
	}
	for id, g := range f.ids {
		if slices.Contains(whole, g) {
			delete(f.ids, id)
		}
	}
	for _, g := range whole {
		g.n, g.lo, g.hi = 0, 0, 0
	}
	for _, r := range rows {
		if newest.n == 0 {
			newest.lo, newest.hi = r.id, r.id
		}
		newest.lo, newest.hi = min(newest.lo, r.id), max(newest.hi, r.id)
		newest.n++
		f.ids[r.id] = newest
	}
	kept := f.gens[:0]
	for i, g := range f.gens {
		if g.n > 0 || i == len(f.gens)-1 {
			kept = append(kept, g)
		} else {
			f.spare = append(f.spare, g)
		}
	}
	f.gens = kept
	return nil
}

// write empties the generations of whole, deletes the rows of gone and
// enters rows in newest (f.mu held, in a transaction).
func (f *freshTerms) write(whole []*freshGen, gone []int64, newest *freshGen, rows []termsRow) error {
	for _, g := range whole {
		if _, err := f.conn.Exec(fmt.Sprintf(`INSERT INTO %[1]s (%[1]s) VALUES ('delete-all')`, g.table), nil); err != nil {
			return err
		}
	}
	for _, id := range gone {
		if _, err := f.conn.Exec(fmt.Sprintf(`DELETE FROM %s WHERE rowid = ?`, f.ids[id].table), []driver.Value{id}); err != nil {
			return err
		}
	}
	for _, r := range rows {
		if _, err := f.conn.Exec(fmt.Sprintf(`INSERT INTO %s (rowid, title, body, tstems, bstems) VALUES (?, ?, ?, ?, ?)`, newest.table),
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
	var ids []int64
	read := 0
	for _, g := range f.gens {
		if g.n == 0 || g.hi < lo || g.lo > hi {
			continue
		}
		var err error
		if ids, err = f.matchesOf(g, match, lo, hi, ids); err != nil {
			return nil, err
		}
		read++
	}
	if read > 1 {
		slices.Sort(ids) // a row replaced in a newer generation breaks their order
	}
	return ids, nil
}

// matchesOf appends to ids those from lo to hi that match matches in
// generation g, ascending (f.mu held).
func (f *freshTerms) matchesOf(g *freshGen, match string, lo, hi int64, ids []int64) ([]int64, error) {
	rows, err := f.conn.Query(fmt.Sprintf(`SELECT rowid FROM %[1]s WHERE %[1]s MATCH ? AND rowid >= ? AND rowid <= ? ORDER BY rowid`, g.table),
		[]driver.Value{match, lo, hi})
	if err != nil {
		return nil, freshErr(err, g.table)
	}
	defer rows.Close()
	dest := make([]driver.Value, 1)
	for {
		err := rows.Next(dest)
		if errors.Is(err, io.EOF) {
			return ids, nil
		}
		if err != nil {
			return nil, freshErr(err, g.table)
		}
		id, ok := dest[0].(int64)
		if !ok {
			return nil, fmt.Errorf("newest articles: rowid %v", dest[0])
		}
		ids = append(ids, id)
	}
}

// freshErr names the table (a generation's) as articles_terms, so that an
// expression FTS5 rejects reads as it does over the index (searchErr:
// "fts5: syntax error", "no such column").
func freshErr(err error, table string) error {
	return errors.New(strings.ReplaceAll(err.Error(), table, "articles_terms"))
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
