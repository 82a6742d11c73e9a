package store

import (
	"context"
	"database/sql"
	"encoding/json"
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

// sqlNoteTerms adds the terms of a JSON array to terms_list.
const sqlNoteTerms = `INSERT OR IGNORE INTO terms_list (term, docs) SELECT value, 0 FROM json_each(?)`

// noteTerms adds to terms_list the terms of an article's title and text
// columns (query.Columns: the tokens; the stem columns are never read by a
// prefix) that it may not hold yet.
func (s *Store) noteTerms(ctx context.Context, tx *sql.Tx, title, body string) error {
	terms := s.known.unknown(title, body)
	if len(terms) == 0 {
		return nil
	}
	list, err := json.Marshal(terms)
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

// sqlRefreshTerms reads the terms of the title and text columns after one,
// in order, with the number of articles holding each there (see
// 0043_terms_list.sql).
const sqlRefreshTerms = `SELECT term, sum(doc) FROM articles_vocab_cols WHERE term > ? AND col IN ('title', 'body')
	GROUP BY term ORDER BY term LIMIT ?`

// refreshBatch is how many terms RefreshTerms rewrites in one transaction
// (a variable for the tests only).
var refreshBatch = 5000

// RefreshTerms rewrites terms_list from the full-text index's title and
// text columns, refreshBatch terms a transaction: a term no article holds
// any more (its articles were pruned) goes, and each term's article count is
// brought up to date. It reads every posting list of the index (seconds of
// CPU at a million articles: see BENCHMARKS.md), so Prune runs it, at start
// and then once a day. It returns how many terms the
// list holds, and fails when the database does.
func (s *Store) RefreshTerms(ctx context.Context) (int, error) {
	after, total := "", 0 // every term is > ""
	for {
		var n int
		var last string
		err := s.tx(ctx, func(tx *sql.Tx) error {
			// In the writer's transaction: no article is stored meanwhile,
			// and the memory of known terms is forgotten before a term
			// that is to go can be taken for known.
			s.known.forget()
			rows, err := tx.QueryContext(ctx, sqlRefreshTerms, after, refreshBatch)
			if err != nil {
				return err
			}
			type row struct {
				term string
				docs int64
			}
			var batch []row
			for rows.Next() {
				var r row
				if err := rows.Scan(&r.term, &r.docs); err != nil {
					rows.Close()
					return err
				}
				batch = append(batch, r)
			}
			if err := rows.Close(); err != nil {
				return err
			}
			n = len(batch)
			del, args := `DELETE FROM terms_list WHERE term > ?`, []any{after}
			if n == refreshBatch {
				last = batch[n-1].term
				del, args = del+` AND term <= ?`, append(args, last)
			}
			if _, err := tx.ExecContext(ctx, del, args...); err != nil {
				return err
			}
			ins, err := tx.PrepareContext(ctx, `INSERT INTO terms_list (term, docs) VALUES (?, ?)`)
			if err != nil {
				return err
			}
			defer ins.Close()
			for _, r := range batch {
				if _, err := ins.ExecContext(ctx, r.term, r.docs); err != nil {
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
		after = last
	}
}
