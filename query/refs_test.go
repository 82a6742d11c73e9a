package query

import (
	"math"
	"slices"
	"testing"
)

// TestIndexRefs checks Index.Match against each query's own Match while the stored ids force the 32-bit refs of
// the direct lists and check ids through every change (see refCoder): offsets from a first id, a new base for an id
// far below, slots for an id 2^32 or more away, slots reused after removals, offsets again when Refile finds the
// far ids gone, and a fresh base once the index is empty.
func TestIndexRefs(t *testing.T) {
	g := newCorpusGen(47, 300)
	ix := NewIndex()
	queries := map[int64]*Query{}
	add := func(ids ...int64) {
		t.Helper()
		for _, id := range ids {
			for {
				q, err := Parse(g.query(g.rng.IntN(3)))
				if err != nil {
					continue
				}
				queries[id] = q
				ix.Add(id, q)
				break
			}
		}
	}
	remove := func(ids ...int64) {
		for _, id := range ids {
			delete(queries, id)
			ix.Remove(id)
		}
	}
	span := func(lo, hi int64) []int64 {
		var out []int64
		for id := lo; id < hi; id++ {
			out = append(out, id)
		}
		return out
	}
	check := func(step string, wide bool) {
		t.Helper()
		if ix.refs.wide != wide {
			t.Fatalf("%s: refs wide %v, want %v", step, ix.refs.wide, wide)
		}
		hits := 0
		var buf []int64
		for i := 0; i < 60; i++ {
			d := NewDocument(g.article(20 + g.rng.IntN(100)))
			want := naiveMatch(queries, d)
			if got := ix.Match(d); !slices.Equal(got, want) {
				t.Fatalf("%s, article %d: Match = %v, want %v", step, i, got, want)
			}
			if buf = ix.MatchAppend(buf[:0], d); !slices.Equal(buf, want) {
				t.Fatalf("%s, article %d: MatchAppend = %v, want %v", step, i, buf, want)
			}
			hits += len(want)
		}
		if hits == 0 {
			t.Fatalf("%s: no query matched any article: the step is vacuous", step)
		}
	}
	add(span(1000, 1400)...)
	check("offsets from the first id", false)
	add(span(-1<<31-400, -1<<31)...) // beyond the room below the first base
	check("a new base below", false)
	far := span(1<<33, 1<<33+300)
	add(far...)
	check("slots for ids 2^33 away", true)
	remove(span(1000, 1200)...)
	add(span(5000, 5200)...) // the removed ids' slots, reused
	add(math.MinInt64, math.MaxInt64)
	check("slots reused", true)
	remove(far...)
	remove(math.MinInt64, math.MaxInt64)
	remove(span(-1<<31-400, -1<<31)...)
	ix.Refile()
	check("offsets again after Refile", false)
	if _, _, dense := ix.idSpan(); !dense {
		t.Fatal("after Refile, the bitset of matches is not used")
	}
	empty := func() {
		for id := range queries {
			remove(id)
		}
	}
	empty()
	add(math.MaxInt64-100, math.MaxInt64)
	add(span(math.MaxInt64-400, math.MaxInt64-200)...)
	check("a fresh base at the top of int64", false)
	empty()
	add(span(math.MinInt64, math.MinInt64+300)...) // the base wraps round to the top
	check("a base below the least int64", false)
}
