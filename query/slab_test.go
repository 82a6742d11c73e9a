package query

import (
	"slices"
	"testing"
	"unsafe"
)

// TestIndexPack checks Index.Match against each query's own Match after Pack, and after Adds, replacements and
// Removes that grow, shrink and compact packed lists (a list that grows must leave its slab, not write over the
// list after it), until Add packs again by itself; and that Pack leaves every list in its slabs.
func TestIndexPack(t *testing.T) {
	g := newCorpusGen(46, 300)
	ix := NewIndex()
	queries := map[int64]*Query{}
	add := func(id int64) {
		for {
			q, err := Parse(g.query(g.rng.IntN(3)))
			if err != nil {
				continue
			}
			queries[id] = q
			ix.Add(id, q)
			return
		}
	}
	check := func(step string) {
		t.Helper()
		hits := 0
		for i := 0; i < 40; i++ {
			d := NewDocument(g.article(20 + g.rng.IntN(100)))
			want := naiveMatch(queries, d)
			if got := ix.Match(d); !slices.Equal(got, want) {
				t.Fatalf("%s, article %d: Index.Match = %v, want %v", step, i, got, want)
			}
			hits += len(want)
		}
		if hits == 0 {
			t.Fatalf("%s: no query matched any article: the test is vacuous", step)
		}
	}
	for id := int64(0); id < 2000; id++ {
		add(id)
	}
	ix.Pack()
	if len(ix.slabs.words) == 0 || len(ix.slabs.checks) == 0 {
		t.Fatalf("after Pack, slabs of %d words and %d checks", len(ix.slabs.words), len(ix.slabs.checks))
	}
	for id, l := range ix.lists {
		for _, s := range [][]uint32{l.direct.ids, l.block} {
			if len(s) > 0 && !within(s, ix.slabs.words) {
				t.Fatalf("after Pack, a list of term %q is outside the slab", ix.terms[id].s)
			}
		}
		if len(l.checks) > 0 && !within(l.checks, ix.slabs.checks) {
			t.Fatalf("after Pack, the checks of term %q are outside the slab", ix.terms[id].s)
		}
	}
	check("packed")
	packed := ix.slabs.words
	for round := 0; round < 3; round++ {
		for i := 0; i < 300; i++ {
			switch id := g.rng.Int64N(2600); {
			case id%3 == 0:
				delete(queries, id)
				ix.Remove(id)
			default:
				add(id) // a new id, or a replacement
			}
		}
		check("after changes to a packed index")
	}
	for n := 0; unsafe.SliceData(ix.slabs.words) == unsafe.SliceData(packed); n++ {
		if n == 5000 {
			t.Fatal("5,000 Adds after Pack and no new Pack")
		}
		add(2600 + int64(n))
	}
	if packedWords := len(ix.slabs.words) + 2*len(ix.slabs.checks); 2*ix.written >= packedWords {
		t.Errorf("%d words counted as written since the last Pack, of %d packed: it should have packed again", ix.written, packedWords)
	}
	check("packed again by Add")
	ix.Refile()
	check("refiled and packed")
	for id := range queries {
		ix.Remove(id)
	}
	ix.Pack()
	if len(ix.slabs.words) != 0 || len(ix.slabs.checks) != 0 {
		t.Errorf("an empty index packed into slabs of %d words and %d checks", len(ix.slabs.words), len(ix.slabs.checks))
	}
	if got := ix.Match(NewDocument(g.article(50))); got != nil {
		t.Errorf("empty index: Match = %v", got)
	}
}

// within reports whether s lies in slab's backing array.
func within[T any](s, slab []T) bool {
	if len(slab) == 0 {
		return false
	}
	var zero T
	size := unsafe.Sizeof(zero)
	lo := uintptr(unsafe.Pointer(unsafe.SliceData(slab)))
	p := uintptr(unsafe.Pointer(unsafe.SliceData(s)))
	return p >= lo && p+uintptr(cap(s))*size <= lo+uintptr(len(slab))*size
}
