package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// The full-text index (articles_terms) is a set of segments: every batch
// indexed (termsLater) writes one, and FTS5's automerge (4) merges four of
// a level into one of the next. A store filled over weeks holds one to
// four segments on each of five or six levels, and every search term is
// looked up in every segment, a prefix's terms merged across them: at 228k
// articles (BENCHMARKS.md, "Session 34 — FTS5 segments"), the /subscribe
// preview of ber* cost about 2.0 ms of CPU on 14 segments, 1.7 on the 3
// this merge leaves, 0.9 on one. MergeTerms, run by the daily maintenance,
// merges them when there are more than termSegmentsHigh, in steps of
// termMergePages pages, each its own write transaction, so that a fetch
// waits at most one step (about 0.25 s).
//
// The rule does not rewrite the whole index every day: with usermerge 2,
// FTS5's 'merge' with a positive number of pages merges the segments of
// each level that holds two or more into one on the next level, until
// every level holds at most one. The newest, smallest segments are merged
// most often; the oldest, largest ones only when a merge's output reaches
// their level (as a binary counter carries). A full merge into one segment
// ('merge' with a negative number) would rewrite the whole index each time
// (16 s of writer time at 228k articles), and new batches bring the count
// back up within the day anyway (20 batches of 256 articles: 3 to 10).
// automerge stays 4: at 2 each fetch's write merged more (CPU per stored
// article 1.05 → 1.19 ms, p99 of a fetch's write 120 → 218 ms, one run
// each) for 8 segments instead of 10.

// termSegmentsHigh is the number of segments above which MergeTerms merges.
const termSegmentsHigh = 8

// termMergePages is how many pages (of about 8 KB, 0051_terms_leaves.sql)
// one merge step writes at most: about 0.1–0.3 s of a writer's time.
// A variable for the tests only.
var termMergePages = 500

// termMergeBudget bounds the time of one MergeTerms: what is left waits
// for the next maintenance (a merge in progress is kept by FTS5 and goes on
// from where it stopped).
const termMergeBudget = 5 * time.Minute

// termsStructureRow is the rowid of FTS5's structure record in
// articles_terms_data (FTS5_STRUCTURE_ROWID in SQLite's fts5_index.c).
const termsStructureRow = 10

// MergedTerms says what MergeTerms did.
type MergedTerms struct {
	Before, After int           // segments of the index before and after
	Steps         int           // write transactions it ran, each a merge of at most termMergePages pages
	Took          time.Duration // by the store's clock
}

// mergeStepDone, when set (by the tests only), is called after each merge
// step's commit, with the writer free.
var mergeStepDone func(step int)

// TermSegments returns how many segments the full-text index holds, read
// from FTS5's structure record (one row). It fails when the database does
// or the record is not of a form it knows.
func (s *Store) TermSegments(ctx context.Context) (int, error) {
	rec, err := s.termsStructure(ctx, s.w)
	if err != nil {
		return 0, err
	}
	return termSegments(rec)
}

// queryRower is a *sql.DB or a write transaction.
type queryRower interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// termsStructure returns FTS5's structure record of articles_terms (nil
// when the index has none yet).
func (s *Store) termsStructure(ctx context.Context, q queryRower) ([]byte, error) {
	var rec []byte
	err := q.QueryRowContext(ctx, `SELECT block FROM articles_terms_data WHERE id = ?`, termsStructureRow).Scan(&rec)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the full-text index's structure: %w", err)
	}
	return rec, nil
}

// MergeTerms merges the segments of the full-text index when there are
// more than termSegmentsHigh (see above), in steps that are each a write
// transaction of their own, until a step changes nothing, or termMergeBudget
// has passed by the store's clock (the rest is done by the next call). With
// termSegmentsHigh or fewer segments it writes nothing. It fails when the
// database does, keeping the steps done until then.
func (s *Store) MergeTerms(ctx context.Context) (MergedTerms, error) {
	var m MergedTerms
	start := s.now()
	rec, err := s.termsStructure(ctx, s.w)
	if err != nil {
		return m, fmt.Errorf("merge the full-text index: %w", err)
	}
	if m.Before, err = termSegments(rec); err != nil {
		return m, fmt.Errorf("merge the full-text index: %w", err)
	}
	m.After = m.Before
	if m.Before <= termSegmentsHigh {
		return m, nil
	}
	// FTS5 keeps usermerge in articles_terms_config: written once, it
	// stays (and changes nothing but what a 'merge' command merges).
	var usermerge sql.NullInt64
	if err := s.w.QueryRowContext(ctx, `SELECT v FROM articles_terms_config WHERE k = 'usermerge'`).Scan(&usermerge); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return m, fmt.Errorf("merge the full-text index: %w", err)
	}
	if usermerge.Int64 != 2 {
		if err := s.tx(ctx, func(tx *wtx) error {
			_, err := tx.ExecContext(ctx, `INSERT INTO articles_terms (articles_terms, rank) VALUES ('usermerge', 2)`)
			return err
		}); err != nil {
			return m, fmt.Errorf("merge the full-text index: %w", err)
		}
		if rec, err = s.termsStructure(ctx, s.w); err != nil { // its cookie changed
			return m, fmt.Errorf("merge the full-text index: %w", err)
		}
	}
	for s.now().Sub(start) < termMergeBudget {
		var after []byte
		err := s.tx(ctx, func(tx *wtx) error {
			if _, err := tx.ExecContext(ctx, `INSERT INTO articles_terms (articles_terms, rank) VALUES ('merge', ?)`, termMergePages); err != nil {
				return err
			}
			after, err = s.termsStructure(ctx, tx)
			return err
		})
		if err != nil {
			return m, fmt.Errorf("merge the full-text index: %w", err)
		}
		m.Steps++
		if mergeStepDone != nil {
			mergeStepDone(m.Steps)
		}
		if n, err := termSegments(after); err == nil {
			m.After = n
		}
		if bytes.Equal(after, rec) { // the step merged nothing: done
			break
		}
		rec = after
	}
	m.Took = s.now().Sub(start)
	return m, nil
}

// termSegments returns the number of segments of an FTS5 structure record
// (fts5StructureDecode in SQLite's fts5_index.c): a 4-byte cookie, the
// 4-byte mark of the second version (tombstones, which contentless_delete
// uses) if there, then the number of levels and of segments as varints,
// followed by each level's segments, whose count it checks against the
// total. A nil record (an index never written) has none. It fails on a
// record it cannot read.
func termSegments(rec []byte) (int, error) {
	if rec == nil {
		return 0, nil
	}
	bad := func(what string) (int, error) {
		return 0, fmt.Errorf("the full-text index's structure record (%d bytes) is not of a known form: %s", len(rec), what)
	}
	if len(rec) < 4 {
		return bad("short")
	}
	p := rec[4:]
	v2 := len(p) >= 4 && bytes.Equal(p[:4], []byte{0xff, 0x00, 0x00, 0x01})
	if v2 {
		p = p[4:]
	}
	next := func() (uint64, bool) {
		v, n := sqliteVarint(p)
		if n == 0 {
			return 0, false
		}
		p = p[n:]
		return v, true
	}
	levels, ok1 := next()
	total, ok2 := next()
	_, ok3 := next() // the write counter
	if !ok1 || !ok2 || !ok3 || levels > 64 {
		return bad("header")
	}
	perSeg := 3 // segment id, first and last page
	if v2 {
		perSeg = 8 // and two origins, tombstone pages, tombstone entries, entries
	}
	var sum uint64
	for l := uint64(0); l < levels; l++ {
		_, ok1 := next() // segments of the level being merged
		nseg, ok2 := next()
		if !ok1 || !ok2 || nseg > total {
			return bad("level")
		}
		for i := 0; i < int(nseg)*perSeg; i++ {
			if _, ok := next(); !ok {
				return bad("segment")
			}
		}
		sum += nseg
	}
	if sum != total {
		return bad("segment count")
	}
	return int(total), nil
}

// sqliteVarint decodes SQLite's varint (big-endian groups of 7 bits, the
// ninth byte whole) at the start of p and returns it with its length, 0
// when p ends first.
func sqliteVarint(p []byte) (uint64, int) {
	var v uint64
	for i := 0; i < 9; i++ {
		if i >= len(p) {
			return 0, 0
		}
		if i == 8 {
			return v<<8 | uint64(p[i]), 9
		}
		v = v<<7 | uint64(p[i]&0x7f)
		if p[i]&0x80 == 0 {
			return v, i + 1
		}
	}
	return v, 9
}
