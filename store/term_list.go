package store

import (
	"context"
	"fmt"
	"hash/maphash"
	"strings"
	"sync"
)

// knownTerms remembers, in memory, terms that terms_list holds, so that
// storing an article writes only the terms the list does not have yet (a
// few, where asking the list for each of an article's 200 terms cost 140 µs).
// It is a cache: forgetting it costs the next articles a look-up of their
// terms, never a term. It is forgotten whenever a transaction that may have
// added terms fails (Store.tx) and when a refresh rewrites the list. It
// holds 64-bit hashes of the terms in an open-addressed table of knownSlots
// (8 MB, a term in a cache miss where a map of strings took several), at
// most half full; beyond, new terms are looked up in the list each time. Two
// terms of one hash would keep the second out of the list: at a million
// terms, a chance of about 5·10⁻¹⁴ for each new one.
type knownTerms struct {
	mu    sync.Mutex
	slots []uint64 // 0: empty
	n     int
}

// knownSlots is the size of knownTerms' table (a power of 2).
const knownSlots = 1 << 20

var knownSeed = maphash.MakeSeed()

func (k *knownTerms) forget() {
	k.mu.Lock()
	k.slots, k.n = nil, 0
	k.mu.Unlock()
}

// unknown returns the terms of the space-separated columns that k does not
// hold, and takes them in (while at most half full): the caller
// writes them to terms_list in the transaction, which forgets k if it fails.
func (k *knownTerms) unknown(cols ...string) []string {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.slots == nil {
		k.slots = make([]uint64, knownSlots)
	}
	var out []string
	for _, c := range cols {
		for len(c) > 0 {
			i := strings.IndexByte(c, ' ')
			t := c
			if i >= 0 {
				t, c = c[:i], c[i+1:]
			} else {
				c = ""
			}
			if t == "" {
				continue
			}
			// A term met again in the article is found in the table (in
			// the cache by then), or, once the table is full, listed twice.
			if !k.take(maphash.String(knownSeed, t) | 1) {
				out = append(out, t)
			}
		}
	}
	return out
}

// take says whether the table holds h, and enters it when it does not and
// the table is less than half full.
func (k *knownTerms) take(h uint64) bool {
	for i := h & (knownSlots - 1); ; i = (i + 1) & (knownSlots - 1) {
		switch k.slots[i] {
		case h:
			return true
		case 0:
			if k.n < knownSlots/2 {
				k.slots[i], k.n = h, k.n+1
			}
			return false
		}
	}
}

// sqlNoteTerms adds the terms of a JSON array to terms_list, their count -1
// (listed since the last refresh): the queue of new terms (termQueue).
const sqlNoteTerms = `INSERT OR IGNORE INTO terms_list (term, docs) SELECT value, -1 FROM json_each(?)`

// sqlRefreshTerms reads the terms of the title and text columns after one,
// in order, with the number of articles holding each there (see
// 0043_terms_list.sql).
const sqlRefreshTerms = `SELECT term, sum(doc) FROM articles_vocab_cols WHERE term > ? AND col IN ('title', 'body')
	GROUP BY term ORDER BY term LIMIT ?`

// refreshBatch is how many terms RefreshTerms reads, then rewrites in one
// transaction (a variable for the tests only).
var refreshBatch = 2000

// refreshRead, when set (by tests), runs between a batch's read and its
// rewrite.
var refreshRead func()

// RefreshTerms rewrites terms_list from the full-text index's title and
// text columns, refreshBatch terms at a time: a term no article holds any
// more (its articles were pruned) goes, and each term's article count is
// brought up to date. It reads every posting list of the index (seconds of
// CPU at a million articles: see BENCHMARKS.md), outside the writer's
// transactions, so Prune runs it, at start and then once a day. A term
// listed since it began (docs -1, see noteTerms) stays. It returns how many
// terms it read, and fails when the database does.
func (s *Store) RefreshTerms(ctx context.Context) (int, error) {
	// The terms listed before this refresh (the queue of new terms written
	// first) are to be read from the index (or go): only those listed from
	// now on are kept unread.
	err := s.tx(ctx, func(tx *wtx) error {
		// The articles waiting for the index first (see termsLater).
		if err := s.indexWaiting(ctx, tx); err != nil {
			return err
		}
		if err := s.writeTerms(ctx, tx, nil, true); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE terms_list SET docs = 0 WHERE docs < 0`)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("refresh terms: %w", err)
	}
	after, total := "", 0 // every term is > ""
	for {
		rows, err := s.r.QueryContext(ctx, sqlRefreshTerms, after, refreshBatch)
		if err != nil {
			return total, fmt.Errorf("refresh terms: %w", err)
		}
		batch, err := collect(rows, func(rs scanner) (t listedTerm, err error) { return t, rs.Scan(&t.term, &t.docs) })
		if err != nil {
			return total, fmt.Errorf("refresh terms: %w", err)
		}
		n := len(batch)
		if refreshRead != nil {
			refreshRead()
		}
		err = s.tx(ctx, func(tx *wtx) error {
			// The memory of known terms is forgotten in the writer's
			// transaction, before a term that is to go can be taken for
			// known. A term listed before the read is in the batch if an
			// article holds it; one listed after (-1) stays.
			s.known.forget()
			del, args := `DELETE FROM terms_list WHERE term > ? AND docs >= 0`, []any{after}
			if n == refreshBatch {
				del, args = del+` AND term <= ?`, append(args, batch[n-1].term)
			}
			if _, err := tx.ExecContext(ctx, del, args...); err != nil {
				return err
			}
			ins, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO terms_list (term, docs) VALUES (?, ?)`)
			if err != nil {
				return err
			}
			defer ins.Close()
			for _, t := range batch {
				if _, err := ins.ExecContext(ctx, t.term, t.docs); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return total, fmt.Errorf("refresh terms: %w", err)
		}
		total += n
		if n < refreshBatch {
			return total, nil
		}
		after = batch[n-1].term
	}
}
