package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// Deferred indexing (0053_terms_later.sql): a fetch's new articles are not
// entered into articles_terms in the fetch's own commit, where each commit
// made FTS5 write a segment of a few articles and merge older ones, but in
// batches: with the write that stores articles once indexBatch of them wait
// or the oldest has waited IndexDelay, before the list of terms is
// refreshed, and at Close. Matching and alerts never read the index (they
// take the article's Document), so what waits is only the search's view: a
// search or preview reads the waiting articles' terms in memory
// (freshTerms), so an article is found as soon as it is stored, as before,
// or, when that cannot serve, indexes what waits first (in a write of its
// own: indexBeforeRead).
//
// What the index holds is said by terms_indexed.through: every article of id
// <= through past StepText is indexed, none above. The terms of the
// articles above are kept in memory (termsLater) only to save making them
// again: the batch reads which articles are above through from the
// database, in its own transaction, and makes the terms of any that memory
// lacks (a stop, a rolled back write, an article whose text changed) from
// their stored text. So a kill loses nothing (Open indexes the articles
// above through) and no article is indexed twice (through moves in the
// transaction that indexes them).
const IndexDelay = 10 * time.Second

// indexBatch is how many articles wait before they are indexed whatever
// their age (a variable for the tests only).
var indexBatch = 256

// termsLater keeps, in memory, the terms of stored articles above
// terms_indexed.through. As termQueue, it stages what an open transaction
// adds until the transaction commits (Store.tx calls committed or aborted):
// a rolled back article's id may be given to another article.
type termsLater struct {
	mu      sync.Mutex
	cols    map[int64]query.Columns // committed, not indexed yet
	others  map[int64]bool          // articles above through that wait without their terms in cols
	since   time.Time               // when the oldest waiting article was committed
	through int64                   // the highest through committed (0: not known yet)
	open    map[*wtx]*txLater
	clock   func() time.Time // nil: time.Now (tests set it)
	// fresh holds the terms of cols in memory for the reads (freshTerms),
	// entered by the first read after their commit (unread: the ids whose
	// terms it lacks or holds older); nil before Open sets it, and read as
	// failing (freshBad) from a failed write of it until nothing waits.
	// dropTo is the through before the last batch: the rows up to it go.
	fresh    *freshTerms
	freshBad bool
	unread   map[int64]bool
	dropTo   int64
	syncing  sync.Mutex    // held by the read that brings fresh up to date
	reading  map[int64]int // the throughs of the reads in progress, how many of each
}

// txLater is what one open transaction did with the waiting terms.
type txLater struct {
	staged  []termsRow
	through int64   // > 0: it indexed every article up to through
	others  []int64 // articles above through it stored without their terms
}

func (l *termsLater) now() time.Time {
	if l.clock != nil {
		return l.clock()
	}
	return time.Now()
}

// tx returns tx's state (l.mu held).
func (l *termsLater) tx(tx *wtx) *txLater {
	if l.open == nil {
		l.open = map[*wtx]*txLater{}
	}
	t := l.open[tx]
	if t == nil {
		t = &txLater{}
		l.open[tx] = t
	}
	return t
}

// stage keeps rows, written in tx, to be indexed later, and says whether
// the waiting articles are due to be indexed now (in tx).
func (l *termsLater) stage(tx *wtx, rows []termsRow) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	t := l.tx(tx)
	t.staged = append(t.staged, rows...)
	n := len(l.cols) + len(t.staged)
	return n >= indexBatch || (len(l.cols) > 0 || len(l.others) > 0) && l.now().Sub(l.since) >= IndexDelay
}

// other notes that tx stored an article above through whose terms memory
// does not hold (UpdateArticleText of an article not indexed yet).
func (l *termsLater) other(tx *wtx, id int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	t := l.tx(tx)
	t.others = append(t.others, id)
	delete(l.cols, id) // its text changed
	for i := range t.staged {
		if t.staged[i].id == id {
			t.staged = append(t.staged[:i], t.staged[i+1:]...)
			break
		}
	}
}

// restage stages the terms of article id, above through, made anew in tx
// (its text changed), in place of any it had.
func (l *termsLater) restage(tx *wtx, id int64, cols query.Columns) {
	l.mu.Lock()
	defer l.mu.Unlock()
	t := l.tx(tx)
	t.staged = slices.DeleteFunc(t.staged, func(r termsRow) bool { return r.id == id })
	t.staged = append(t.staged, termsRow{id, cols})
}

// columns returns the waiting terms of article id, committed or staged in tx.
func (l *termsLater) columns(tx *wtx, id int64) (query.Columns, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if c, ok := l.cols[id]; ok {
		return c, true
	}
	if t := l.open[tx]; t != nil {
		for _, r := range t.staged {
			if r.id == id {
				return r.cols, true
			}
		}
	}
	return query.Columns{}, false
}

// indexed notes that tx indexed every article up to through.
func (l *termsLater) indexed(tx *wtx, through int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.tx(tx).through = through
}

// committed ends transaction tx, committed: its staged terms wait, and the
// terms of the articles it indexed are forgotten.
func (l *termsLater) committed(tx *wtx) {
	l.mu.Lock()
	defer l.mu.Unlock()
	t := l.open[tx]
	if t == nil {
		return
	}
	delete(l.open, tx)
	prev := l.through
	if t.through > l.through {
		l.through = t.through
		for id := range l.cols {
			if id <= l.through {
				delete(l.cols, id)
			}
		}
		for id := range l.others {
			if id <= l.through {
				delete(l.others, id)
			}
		}
	}
	if l.cols == nil {
		l.cols, l.others, l.unread = map[int64]query.Columns{}, map[int64]bool{}, map[int64]bool{}
	}
	wasEmpty := len(l.cols) == 0 && len(l.others) == 0
	// A batch that committed before this report came (the writer may
	// begin the next transaction first) indexed those up to l.through.
	for _, r := range t.staged {
		if r.id > l.through {
			l.cols[r.id] = r.cols
			l.unread[r.id] = true
		}
	}
	for _, id := range t.others {
		if id > l.through {
			l.others[id] = true
		}
	}
	if wasEmpty && (len(l.cols) > 0 || len(l.others) > 0) {
		l.since = l.now()
	}
	if l.through > prev {
		l.dropTo = prev
	}
}

// due says whether articles have waited IndexDelay for the index.
func (l *termsLater) due() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return (len(l.cols) > 0 || len(l.others) > 0) && l.now().Sub(l.since) >= IndexDelay
}

// closeFresh closes the in-memory index; the reads index first from then on.
func (l *termsLater) closeFresh() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.fresh == nil {
		return nil
	}
	err := l.fresh.close()
	l.fresh = nil
	return err
}

// view returns what a read of the index is to take as indexed (the ids up
// to through) and the in-memory index of the articles above it, or false
// when the read is to index them first: an article waits without its
// terms in memory (retitled before it was indexed), or the in-memory index
// failed or is not there. It first brings the in-memory index up to date
// (see freshTerms): it enters the terms committed since the last read,
// and drops the rows up to dropTo. A failure to do so makes the reads
// index first (freshBad) until nothing waits: then the table is emptied
// and read again.
func (l *termsLater) view() (freshView, bool) {
	// One read brings the table up to date at a time (syncing), without
	// l.mu: a fetch's write stages and commits meanwhile (entering 256
	// articles takes some 50 ms). What a write commits meanwhile waits for
	// the next read: this one's through is taken before it.
	l.syncing.Lock()
	defer l.syncing.Unlock()
	l.mu.Lock()
	if l.fresh == nil || len(l.others) > 0 || l.freshBad && len(l.cols) > 0 {
		l.mu.Unlock()
		return freshView{}, false
	}
	reset := l.freshBad
	var rows []termsRow
	for id := range l.unread {
		if c, ok := l.cols[id]; ok {
			rows = append(rows, termsRow{id, c})
		}
	}
	clear(l.unread)
	through, fresh, dropTo := l.through, l.fresh, l.dropTo
	for t := range l.reading { // rows a read in progress reads stay
		dropTo = min(dropTo, t)
	}
	if reset {
		dropTo = math.MaxInt64 // what the failed update left (no read uses it)
	}
	if l.reading == nil {
		l.reading = map[int64]int{}
	}
	l.reading[through]++
	l.mu.Unlock()
	done := func() {
		l.mu.Lock()
		defer l.mu.Unlock()
		if l.reading[through]--; l.reading[through] == 0 {
			delete(l.reading, through)
		}
	}
	if err := fresh.update(dropTo, through, rows); err != nil {
		done()
		l.mu.Lock()
		l.freshBad = true // its rows are lost: read after indexing them
		l.mu.Unlock()
		return freshView{}, false
	}
	if reset {
		l.mu.Lock()
		l.freshBad = false
		l.mu.Unlock()
	}
	return freshView{through: through, fresh: fresh, done: sync.OnceFunc(done)}, true
}

// aborted ends transaction tx, failed: what it staged or indexed is
// forgotten (its articles were not stored, or stay waiting); an article
// whose terms it dropped from memory waits without them.
func (l *termsLater) aborted(tx *wtx) {
	l.mu.Lock()
	defer l.mu.Unlock()
	t := l.open[tx]
	if t == nil {
		return
	}
	delete(l.open, tx)
	if l.others == nil {
		l.others = map[int64]bool{}
	}
	for _, id := range t.others {
		if id > l.through {
			l.others[id] = true
		}
	}
}

// waiting says whether an article may wait to be indexed (but in open
// transactions).
func (l *termsLater) waiting() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.cols) > 0 || len(l.others) > 0
}

// indexLater keeps the terms of articles stored in tx for the next batch,
// and indexes the batch in tx when it is due.
func (s *Store) indexLater(ctx context.Context, tx *wtx, rows []termsRow) error {
	if len(rows) == 0 {
		return nil
	}
	if !s.later.stage(tx, rows) {
		return nil
	}
	return s.indexWaiting(ctx, tx)
}

// indexWaiting enters every article above terms_indexed.through that is past
// StepText into articles_terms, in tx, with the terms memory holds or, for
// those it lacks, terms made from the stored text, and moves through to the
// last article's id.
func (s *Store) indexWaiting(ctx context.Context, tx *wtx) error {
	var through, last int64
	if err := tx.QueryRowContext(ctx, sqlIndexedThrough).Scan(&through, &last); err != nil {
		return fmt.Errorf("index waiting articles: %w", err)
	}
	if last <= through {
		s.later.indexed(tx, through)
		return nil
	}
	rows, err := tx.QueryContext(ctx, sqlWaitingArticles, through)
	if err != nil {
		return fmt.Errorf("index waiting articles: %w", err)
	}
	ids, err := collect(rows, func(rs scanner) (id int64, err error) { return id, rs.Scan(&id) })
	if err != nil {
		return fmt.Errorf("index waiting articles: %w", err)
	}
	batch := make([]termsRow, 0, len(ids))
	for _, id := range ids {
		c, ok := s.later.columns(tx, id)
		if !ok {
			if c, err = storedColumns(ctx, tx, id); err != nil {
				return fmt.Errorf("index waiting article %d: %w", id, err)
			}
		}
		batch = append(batch, termsRow{id, c})
	}
	if err := s.insertTermsRows(ctx, tx, batch); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE terms_indexed SET through = ?`, last); err != nil {
		return fmt.Errorf("index waiting articles: %w", err)
	}
	s.later.indexed(tx, last)
	return nil
}

// storedColumns makes the terms of a stored article from its stored title
// and text.
func storedColumns(ctx context.Context, tx *wtx, id int64) (query.Columns, error) {
	var title, text, summary string
	t := newArticleText(&text, &summary)
	if err := tx.QueryRowContext(ctx, `SELECT title, text, summary FROM articles WHERE id = ?`, id).Scan(&title, &t.Text, &t.Summary); err != nil {
		return query.Columns{}, err
	}
	if err := t.set(); err != nil {
		return query.Columns{}, err
	}
	return query.IndexColumns(news.Article{Title: title, Text: text}), nil
}

// indexNow indexes the articles waiting to be, in a write of its own, when
// any may wait: a search reads the index only after it. It fails when the
// database does; the articles then wait on.
func (s *Store) indexNow(ctx context.Context) error {
	if !s.later.waiting() {
		return nil
	}
	if err := s.tx(ctx, func(tx *wtx) error { return s.indexWaiting(ctx, tx) }); err != nil {
		return fmt.Errorf("index the new articles: %w", err)
	}
	return nil
}

// indexBeforeRead is indexNow for a search or a preview that the in-memory
// index cannot serve (termsLater.view), without FTS5's
// automerge: the batch is written as a segment of its own, and the merging
// that a write does when a level of the index fills is left to the next
// write of the poller's. In a running bot the write before a read found 1
// to 4 new articles and cost 0.3 ms, but one in 64 merged four segments
// into the next level: 40–140 ms, paid by the user's /subscribe or /search
// (at 1,000,000 articles, probed; BENCHMARKS.md, session 38). Setting an
// FTS5 option writes what the table holds in memory first, so the batch is
// written while automerge is 0, and the transaction sets it back: what is
// stored is always 4 (TestIndexBeforeReadLeavesMergingToWrites). A failure
// is logged, and the search reads the index as it is (without the newest
// articles) rather than failing, unless ctx is done.
func (s *Store) indexBeforeRead(ctx context.Context) error {
	if !s.later.waiting() {
		return nil
	}
	err := s.tx(ctx, func(tx *wtx) error {
		if _, err := tx.ExecContext(ctx, sqlAutomerge, 0); err != nil {
			return fmt.Errorf("automerge off: %w", err)
		}
		if err := s.indexWaiting(ctx, tx); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, sqlAutomerge, termsAutomerge); err != nil {
			return fmt.Errorf("automerge on: %w", err)
		}
		return nil
	})
	if err == nil || ctx.Err() != nil {
		return err
	}
	s.log.Warn("search without the newest articles", "err", fmt.Errorf("index the new articles: %w", err))
	return nil
}

// termsAutomerge is FTS5's automerge of articles_terms (0051_terms_leaves.sql,
// see terms_merge.go), and sqlAutomerge sets it.
const (
	termsAutomerge = 4
	sqlAutomerge   = `INSERT INTO articles_terms (articles_terms, rank) VALUES ('automerge', ?)`
)

// isIndexed says whether article id is in articles_terms' range (at or
// below terms_indexed.through), read in tx.
func isIndexed(ctx context.Context, tx *wtx, id int64) (bool, error) {
	var through int64
	err := tx.QueryRowContext(ctx, `SELECT through FROM terms_indexed`).Scan(&through)
	if errors.Is(err, sql.ErrNoRows) {
		return true, nil
	}
	return id <= through, err
}

// The reads of a batch: how far the index goes and the last article's id,
// and the articles above through past StepText (by the primary key).
const (
	sqlIndexedThrough  = `SELECT through, coalesce((SELECT max(id) FROM articles), 0) FROM terms_indexed`
	sqlWaitingArticles = `SELECT id FROM articles WHERE id > ? AND pending <> 'text' ORDER BY id`
)
