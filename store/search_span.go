package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Bounds of the rowids a search lets FTS5 read. FTS5 honours a rowid range
// only when it walks upward: walking newest first (ORDER BY rowid DESC) it
// ignored the lower bound of a phrase whose words are all common and which
// matches few articles, and checked the positions of its words in every
// article holding them (300 ms for "said the" at 1,000,000 articles,
// whatever the bound). So a search reads spans of the newest ids, newest
// span first, each upward between a lower and an upper bound: the first
// firstSpan ids, then four times as many each time, and at most searchSpan
// ids in all. A phrase of three common words costs about 0.5 µs an id read,
// and a /search may walk twice (search.Service reads 64 candidates, then
// 200 when its matcher dropped too many): at 1,000,000 articles, 100,000
// ids made "police city report" 89 / 107 ms (p50 / p99), 50,000 made it
// 46–59 / 87–102 ms at a load of 3–4 on 2 cores. Every span is a query of
// its own, which costs an expression of many terms (a broad prefix)
// dearly: spans of 1,500 ids first made "ber*" 95 ms, of 4,000 51–83 ms
// (BENCHMARKS.md, Session 35 — bounded search). At the 90 days of a few
// hundred sources (1,000,000 articles) searchSpan is the newest four or
// five days; a search that reaches it says so (news.Found.Searched).
const (
	firstSpan  = 4000
	searchSpan = 50_000
)

// spanLimits are the bounds of one walk: firstSpan and searchSpan, smaller
// in tests.
type spanLimits struct{ first, total int64 }

// spanWalk reads the matches of an FTS5 expression newest span first.
type spanWalk struct {
	s      *Store
	limits spanLimits
	top    int64 // the newest id
	hi     int64 // the newest id not yet read
	floor  int64 // the oldest id the walk may read
	bound  int64 // the oldest id limits.total lets it read
	asked  int64 // the oldest id the caller wants read
	size   int64 // the next span's ids
	oldest int64 // the store's oldest id
	view   freshView
}

// newSpanWalk starts a walk down from the store's newest id to floor, or to
// the walk's bound when that is higher, reading the matches as view sees
// them. It fails when the database does.
func (s *Store) newSpanWalk(ctx context.Context, limits spanLimits, floor int64, view freshView) (*spanWalk, error) {
	var top, oldest int64
	if err := s.r.QueryRowContext(ctx, sqlIDRange).Scan(&top, &oldest); err != nil {
		return nil, fmt.Errorf("newest id: %w", err)
	}
	bound := top - limits.total + 1
	return &spanWalk{s: s, limits: limits, top: top, hi: top, floor: max(floor, bound, 1), bound: bound, asked: floor, size: limits.first, oldest: oldest, view: view}, nil
}

// done reports whether the walk has read down to its floor.
func (w *spanWalk) done() bool { return w.hi < w.floor }

// next returns the bounds of the next span and moves past it; the span
// after it is four times as large unless resize says otherwise.
func (w *spanWalk) next() (lo, hi int64) {
	lo, hi = max(w.floor, w.hi-w.size+1), w.hi
	w.hi, w.size = lo-1, w.size*4
	return lo, hi
}

// resize sizes the next span for want more matches of an expression that
// matched found of the ids read so far: an upward read cannot stop at the
// newest matches it needs, so the span is the one its density predicts,
// with a quarter more, at least limits.first ids. And each span is a query
// that opens every term of the expression again (about 7 ms for the 32
// terms of a broad prefix at 1,000,000 articles, against 0.4 µs an id
// read): with no density to go by (none found), or where the span would
// leave fewer ids below it than it reads, the next span is the rest down to
// the floor, in one query.
func (w *spanWalk) resize(found, want int) {
	read, rest := w.top-w.hi, w.hi-w.floor+1
	size := rest
	if found > 0 && read > 0 {
		size = max(w.limits.first, int64(want)*read*5/4/int64(found))
	}
	if rest-size < size {
		size = rest
	}
	w.size = max(size, 1)
}

// goOn moves the walk's floor up to id (a walk that need not read below
// it) and sizes its next span for want more matches of an expression that
// matched found of the ids read so far (the title matches, after the text
// walk; see resize).
func (w *spanWalk) goOn(id int64, found, want int) {
	w.floor = max(w.floor, id)
	w.resize(found, want)
}

// short reports whether the walk stopped at its bound, not at the store's
// oldest article or a floor the caller set: then it searched only the
// newest limits.total ids.
func (w *spanWalk) short() bool {
	return w.done() && w.floor == w.bound && w.bound > max(w.asked, w.oldest)
}

// matches returns the ids between lo and hi that match, newest first: of
// articles_terms up to the view's through, of its in-memory index above.
// They come in one row, as a list SQLite writes: a row each cost twice
// what FTS5 does to find them (50,000 ids of a common word: 10.7 ms a row
// each, 5.1 ms in one). It fails with the database's error.
func (w *spanWalk) matches(ctx context.Context, match string, lo, hi int64) ([]int64, error) {
	var ids []int64
	if top := w.view.top(hi); lo <= top {
		var list sql.NullString
		if err := w.s.r.QueryRowContext(ctx, sqlSpanMatches, match, lo, top).Scan(&list); err != nil {
			return nil, err
		}
		var err error
		if ids, err = parseIDList(list.String); err != nil {
			return nil, err
		}
	}
	fresh, err := w.view.matches(match, lo, hi)
	if err != nil {
		return nil, err
	}
	ids = append(ids, fresh...)
	slices.Reverse(ids)
	return ids, nil
}

// parseIDList reads ids written as decimal numbers parted by commas
// (group_concat's list; "" is none). It fails on anything else.
func parseIDList(list string) ([]int64, error) {
	if list == "" {
		return nil, nil
	}
	ids := make([]int64, 0, strings.Count(list, ",")+1)
	var id int64
	digits := 0
	for i := 0; i <= len(list); i++ {
		if i == len(list) || list[i] == ',' {
			if digits == 0 {
				return nil, fmt.Errorf("id list: empty id at byte %d", i)
			}
			ids, id, digits = append(ids, id), 0, 0
			continue
		}
		c := list[i]
		if c < '0' || c > '9' || digits == 18 {
			return nil, fmt.Errorf("id list: %q at byte %d", c, i)
		}
		id, digits = id*10+int64(c-'0'), digits+1
	}
	return ids, nil
}

// idList is ids as a JSON array, for json_each.
func idList(ids []int64) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(id, 10))
	}
	b.WriteByte(']')
	return b.String()
}

const (
	// sqlIDRange reads the newest and the oldest article ids (the ends of
	// the primary key).
	sqlIDRange = `SELECT coalesce((SELECT max(id) FROM articles), 0), coalesce((SELECT min(id) FROM articles), 0)`
	// sqlSpanMatches reads the matches of ?1 between ids ?2 and ?3, upward
	// (see searchSpan: the order in which FTS5 honours both bounds), as one
	// list of ids in that order (NULL when none).
	sqlSpanMatches = `SELECT group_concat(id, ',' ORDER BY id) FROM (SELECT rowid AS id FROM articles_terms
		WHERE articles_terms MATCH ?1 AND rowid >= ?2 AND rowid <= ?3 ORDER BY rowid)`
)
