package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
)

// TermsWrite is how long a term first stored in an article waits in memory
// before terms_list is written (see termQueue), by the process's clock
// (time.Now, not the store's injected clock, which a simulation such as
// cmd/fill runs far faster than the machine: the cadence is the writer's
// work, not the news's time).
const TermsWrite = 5 * time.Minute

// termsBatch is how many terms termQueue holds before terms_list is written
// whatever their age (a variable for the tests only).
var termsBatch = 4096

// termQueue keeps, in memory, the new terms of stored articles that
// terms_list does not hold yet, so that a fetch's write does not insert its
// few new terms at as many random pages of the list: they are written in one
// sorted batch, with the write that stores articles once the oldest has
// waited TermsWrite or termsBatch are waiting, and at Close. Prefix
// expansion (prefixTerms, prefixDocs) reads the waiting terms too, so a
// prefix finds a word first stored a minute ago. The list is derived data:
// a crash loses only the waiting terms, which the refresh at the next start
// (RefreshTerms, run by Prune) reads back from the full-text index.
//
// A term noted in a transaction is staged until the transaction commits
// (Store.tx calls committed or aborted with it): a rolled back article's
// terms are not kept. Terms taken from the queue for a write stay visible to
// prefix readers until that write commits, and return to the queue if it
// fails. The state is kept per transaction: the next one may begin on the
// writer before the last one's end is reported.
type termQueue struct {
	mu      sync.Mutex
	pending map[string]struct{} // committed, not in terms_list yet
	since   time.Time           // when the oldest pending term was committed
	open    map[*wtx]*txTerms
	clock   func() time.Time // nil: time.Now (tests set it)
}

// txTerms is what one open transaction did with the queue.
type txTerms struct {
	staged []string // noted, to wait once it commits
	taken  []string // pending terms it writes
}

func (q *termQueue) now() time.Time {
	if q.clock != nil {
		return q.clock()
	}
	return time.Now()
}

// note stages terms of the open transaction tx and, when the queue is due
// (or force), returns every waiting term, sorted, for tx to write.
func (q *termQueue) note(tx *wtx, terms []string, force bool) []string {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.open == nil {
		q.open = map[*wtx]*txTerms{}
	}
	t := q.open[tx]
	if t == nil {
		t = &txTerms{}
		q.open[tx] = t
	}
	t.staged = append(t.staged, terms...)
	n := len(q.pending) + len(t.staged)
	due := force || n >= termsBatch || (len(q.pending) > 0 && q.now().Sub(q.since) >= TermsWrite)
	if !due || n == 0 {
		return nil
	}
	batch := make([]string, 0, n)
	for term := range q.pending {
		batch = append(batch, term)
	}
	t.taken = append(t.taken, batch...)
	batch = append(batch, t.staged...)
	clear(q.pending)
	t.staged = nil
	slices.Sort(batch)
	return slices.Compact(batch)
}

// committed ends transaction tx, committed: its staged terms wait, and those
// it wrote are listed.
func (q *termQueue) committed(tx *wtx) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if t := q.open[tx]; t != nil {
		delete(q.open, tx)
		q.wait(t.staged)
	}
}

// aborted ends transaction tx, failed: its staged terms are dropped (its
// articles were not stored), and the waiting terms it took wait again.
func (q *termQueue) aborted(tx *wtx) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if t := q.open[tx]; t != nil {
		delete(q.open, tx)
		q.wait(t.taken)
	}
}

// wait adds terms to the pending ones (q.mu held).
func (q *termQueue) wait(terms []string) {
	if len(terms) == 0 {
		return
	}
	if q.pending == nil {
		q.pending = map[string]struct{}{}
	}
	if len(q.pending) == 0 {
		q.since = q.now()
	}
	for _, t := range terms {
		q.pending[t] = struct{}{}
	}
}

// empty says whether no term waits (but in transactions that write them).
func (q *termQueue) empty() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.pending) == 0
}

// withPrefix returns the waiting terms (committed, or being written) that
// begin with prefix, sorted.
func (q *termQueue) withPrefix(prefix string) []string {
	q.mu.Lock()
	defer q.mu.Unlock()
	var out []string
	for t := range q.pending {
		if strings.HasPrefix(t, prefix) {
			out = append(out, t)
		}
	}
	for _, t := range q.open {
		for _, term := range t.taken {
			if strings.HasPrefix(term, prefix) {
				out = append(out, term)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// noteTerms takes the terms of articles' title and text columns
// (query.Columns: the tokens; the stem columns are never read by a prefix)
// that terms_list may not hold yet into the store's queue of new terms, and
// writes the queue into terms_list in tx when it is due (see termQueue).
func (s *Store) noteTerms(ctx context.Context, tx *wtx, cols ...string) error {
	return s.writeTerms(ctx, tx, s.known.unknown(cols...), false)
}

// writeTerms stages terms in the queue, then writes the queue when it is
// due or force.
func (s *Store) writeTerms(ctx context.Context, tx *wtx, terms []string, force bool) error {
	batch := s.termq.note(tx, terms, force)
	if len(batch) == 0 {
		return nil
	}
	list, err := json.Marshal(batch)
	if err != nil {
		return err
	}
	stmt, err := s.stmt(ctx, tx, sqlNoteTerms)
	if err != nil {
		return err
	}
	_, err = stmt.ExecContext(ctx, string(list))
	return err
}

// flushTerms writes the queue of new terms into terms_list now (Close,
// RefreshTerms). It fails when the database does; the terms then wait.
func (s *Store) flushTerms(ctx context.Context) error {
	if s.termq.empty() {
		return nil
	}
	err := s.tx(ctx, func(tx *wtx) error { return s.writeTerms(ctx, tx, nil, true) })
	if err != nil {
		return fmt.Errorf("write the new terms: %w", err)
	}
	return nil
}

// unlistedTerms returns the waiting terms that begin with prefix and that
// terms_list does not hold (a term known before a refresh forgot it may be
// in both), sorted.
func (s *Store) unlistedTerms(ctx context.Context, prefix string) ([]string, error) {
	waiting := s.termq.withPrefix(prefix)
	if len(waiting) == 0 {
		return nil, nil
	}
	list, err := json.Marshal(waiting)
	if err != nil {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, sqlUnlistedTerms, string(list))
	if err != nil {
		return nil, err
	}
	return collect(rows, func(rs scanner) (t string, err error) { return t, rs.Scan(&t) })
}

// sqlUnlistedTerms keeps the terms of a JSON array that terms_list lacks
// (a look-up of its key each).
const sqlUnlistedTerms = `SELECT value FROM json_each(?1) WHERE NOT EXISTS (SELECT 1 FROM terms_list WHERE term = value) ORDER BY value`
