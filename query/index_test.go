package query

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"unsafe"
)

func mustParse(tb testing.TB, text string) *Query {
	tb.Helper()
	q, err := Parse(text)
	if err != nil {
		tb.Fatalf("Parse(%q): %v", text, err)
	}
	return q
}

// naiveMatch is what Index.Match must equal: every query evaluated on its own.
func naiveMatch(queries map[int64]*Query, d *Document) []int64 {
	var out []int64
	for id, q := range queries {
		if q.Match(d) {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

// TestIndexAgreesWithQuery files generated queries of the whole language and checks Index.Match against each
// query's own Match on generated articles: English ones, and articles each in one of several languages (where a
// word's other stems count, so a check on its primary stem must not rule an article out); filed by NewIndex's
// heuristic and by frequencies from a sample, which choose other keys and checks; before and after Refile.
func TestIndexAgreesWithQuery(t *testing.T) {
	for _, tt := range []struct {
		name string
		gen  func() *corpusGen
		freq bool
	}{
		{"english", func() *corpusGen { return newCorpusGen(42, 300) }, false},
		{"english/frequencies", func() *corpusGen { return newCorpusGen(43, 300) }, true},
		{"languages", func() *corpusGen { return newLangCorpusGen(44) }, false},
		{"languages/frequencies", func() *corpusGen { return newLangCorpusGen(45) }, true},
		{"scripts", func() *corpusGen { return newScriptsCorpusGen(46) }, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g := tt.gen()
			ix := NewIndex()
			if tt.freq {
				var sample []Article
				for i := 0; i < 50; i++ {
					sample = append(sample, g.article(20+g.rng.IntN(100)))
				}
				ix = NewIndexWithFrequencies(Frequencies(sample))
			}
			testIndexAgrees(t, g, ix)
		})
	}
}

// TestIndexSparseIDs checks Index.Match where the stored ids are too spread out for its bitset of matches (see
// idSpan), so that it sorts them instead, and where they are spread but still within the bitset's reach.
func TestIndexSparseIDs(t *testing.T) {
	for _, tt := range []struct {
		name  string
		id    func(i int64) int64
		dense bool
	}{
		{"spread over int64", func(i int64) int64 { return (i*2654435761)%(1<<40)*(1<<22) - 1<<61 }, false},
		{"a gap", func(i int64) int64 {
			if i%2 == 0 {
				return -i
			}
			return i + 1<<30
		}, false},
		{"within reach", func(i int64) int64 { return 1_000_000 + i*(setSpanPerID-1) }, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ix := NewIndex()
			testIndexAgreesIDs(t, newCorpusGen(46, 300), ix, tt.id)
			if _, _, dense := ix.idSpan(); dense != tt.dense {
				t.Fatalf("bitset of matches used: %v, want %v", dense, tt.dense)
			}
		})
	}
}

func testIndexAgrees(t *testing.T, g *corpusGen, ix *Index) {
	testIndexAgreesIDs(t, g, ix, func(i int64) int64 { return i })
}

// testIndexAgreesIDs files 2,000 generated queries under the ids that idOf gives 0, 1, … and checks Index.Match
// against each query's own Match on 600 generated articles, with a Refile on the way; and Index.MatchAppend, into
// one buffer reused from article to article after ids already there.
func testIndexAgreesIDs(t *testing.T, g *corpusGen, ix *Index, idOf func(int64) int64) {
	queries := map[int64]*Query{}
	for len(queries) < 2000 {
		q, err := Parse(g.query(g.rng.IntN(3)))
		if err != nil {
			continue
		}
		id := idOf(int64(len(queries)))
		queries[id] = q
		ix.Add(id, q)
	}
	hits := 0
	var buf []int64
	for i := 0; i < 600; i++ {
		if i == minObserved+10 {
			ix.Refile() // refiles many queries by what Match has seen; matches must not change
		}
		d := NewDocument(g.article(20 + g.rng.IntN(100)))
		want := naiveMatch(queries, d)
		if got := ix.Match(d); !slices.Equal(got, want) {
			t.Fatalf("article %d: Index.Match = %v, want %v", i, got, want)
		}
		prefix := []int64{int64(i), -1, int64(i)} // not sorted, and not merged with
		buf = ix.MatchAppend(append(buf[:0], prefix...), d)
		if !slices.Equal(buf[:len(prefix)], prefix) || !slices.Equal(buf[len(prefix):], want) {
			t.Fatalf("article %d: Index.MatchAppend(%v) = %v, want %v after it", i, prefix, buf, want)
		}
		if got := ix.MatchAppend(nil, d); !slices.Equal(got, want) {
			t.Fatalf("article %d: Index.MatchAppend(nil) = %v, want %v", i, got, want)
		}
		hits += len(want)
	}
	if hits == 0 {
		t.Fatal("no query matched any article: the test is vacuous")
	}
}

// TestTermListsSize checks that what Match reads of a term fits two cache lines (see Index.lists).
func TestTermListsSize(t *testing.T) {
	if n := unsafe.Sizeof(termLists{}); n != 128 {
		t.Errorf("termLists takes %d bytes, want 128", n)
	}
}

func TestIndexAddReplaceRemove(t *testing.T) {
	ix := NewIndex()
	d := NewDocument(Article{Title: "Kursk deminers", Text: "Ukrainian sappers", SourceName: "Reuters", URL: "https://www.reuters.com/x"})
	steps := []struct {
		name   string
		do     func()
		want   []int64
		wantLn int
	}{
		{name: "empty", do: func() {}, want: nil, wantLn: 0},
		{name: "add", do: func() { ix.Add(7, mustParse(t, "kursk")) }, want: []int64{7}, wantLn: 1},
		{name: "add another", do: func() { ix.Add(3, mustParse(t, "ukrain* site:reuters.com")) }, want: []int64{3, 7}, wantLn: 2},
		{name: "replace with a non-match", do: func() { ix.Add(7, mustParse(t, "belgorod")) }, want: []int64{3}, wantLn: 2},
		{name: "replace with a match again", do: func() { ix.Add(7, mustParse(t, `title:"kursk deminers"`)) }, want: []int64{3, 7}, wantLn: 2},
		{name: "remove", do: func() { ix.Remove(3) }, want: []int64{7}, wantLn: 1},
		{name: "remove unknown", do: func() { ix.Remove(99) }, want: []int64{7}, wantLn: 1},
		{name: "add nil removes", do: func() { ix.Add(7, nil) }, want: nil, wantLn: 0},
		{name: "OR found once", do: func() { ix.Add(1, mustParse(t, "kursk OR deminers OR source:reuters")) }, want: []int64{1}, wantLn: 1},
		{name: "negative id", do: func() { ix.Add(-5, mustParse(t, "sappers -belgorod")) }, want: []int64{-5, 1}, wantLn: 2},
	}
	for _, st := range steps {
		st.do()
		if got := ix.Match(d); !slices.Equal(got, st.want) || ix.Len() != st.wantLn {
			t.Errorf("%s: Match = %v, Len = %d; want %v, %d", st.name, got, ix.Len(), st.want, st.wantLn)
		}
	}
	if ix.Match(nil) != nil {
		t.Error("Match(nil) is not nil")
	}
	if got := ix.MatchAppend([]int64{7}, nil); !slices.Equal(got, []int64{7}) {
		t.Errorf("MatchAppend([7], nil) = %v, want [7]", got)
	}
}

// TestIndexForgetsTerms checks that removing every query leaves no term, prefix or program behind, and that a
// block is compacted once half of it is removed records.
func TestIndexForgetsTerms(t *testing.T) {
	g := newCorpusGen(3, 200)
	ix := NewIndex()
	var ids []int64
	for id := int64(0); len(ids) < 20000; id++ {
		q, err := Parse(g.query(2))
		if err != nil {
			continue
		}
		ix.Add(id, q)
		ids = append(ids, id)
	}
	d := NewDocument(g.article(200))
	before := ix.Match(d)
	// Remove the first half; the rest must still match as before.
	for _, id := range ids[:len(ids)/2] {
		ix.Remove(id)
	}
	var want []int64
	for _, id := range before {
		if id >= ids[len(ids)/2] {
			want = append(want, id)
		}
	}
	if got := ix.Match(d); !slices.Equal(got, want) {
		t.Fatalf("after removing half: Match = %v, want %v", got, want)
	}
	for id := range ix.lists {
		b := ix.lists[id].block
		if dead := ix.terms[id].dead; 2*dead >= uint32(len(b)) && len(b) > 0 {
			t.Errorf("block of term %d not compacted: %d of %d words are removed records", id, dead, len(b))
		}
		// A removed record's entry is passed over without reading the record; a live one's is not checkDead.
		checks := ix.lists[id].checks
		for off, i := uint32(0), 0; off < uint32(len(b)); off, i = off+b[off+recLen], i+1 {
			if removed, dead := b[off+recKeys]&recDead != 0, uint32(checks[i]>>32) == checkDead; removed != dead {
				t.Errorf("term %d, record at %d: removed %v, entry checkDead %v", id, off, removed, dead)
			}
		}
	}
	for _, id := range ids[len(ids)/2:] {
		ix.Remove(id)
	}
	for ns, m := range ix.dict {
		if len(m) != 0 {
			t.Errorf("namespace %d keeps %d terms", ns, len(m))
		}
	}
	for id := range ix.lists {
		b := ix.lists[id].block
		if len(b) != 0 || len(ix.lists[id].direct.ids) != 0 {
			t.Errorf("term %d keeps a block of %d words and %d direct entries", id, len(b), len(ix.lists[id].direct.ids))
		}
	}
	if len(ix.prefixLens) != 0 || ix.Len() != 0 || len(ix.freeTerms) != len(ix.terms)-1 {
		t.Errorf("left behind: %d prefix lengths, %d queries, %d of %d term ids free",
			len(ix.prefixLens), ix.Len(), len(ix.freeTerms), len(ix.terms)-1)
	}
	// Term ids are reused.
	ix.Add(1, mustParse(t, "kursk"))
	if got := ix.Match(NewDocument(Article{Text: "Kursk"})); !slices.Equal(got, []int64{1}) {
		t.Errorf("after reuse: Match = %v", got)
	}
}

func TestIndexFrequencies(t *testing.T) {
	freq := map[string]float64{"common": 0.9, "rare": 0.001}
	ix := NewIndexWithFrequencies(func(s string) float64 {
		if f, ok := freq[s]; ok {
			return f
		}
		return -1
	})
	ix.Add(1, mustParse(t, "common rare"))
	if got := keyStrings(ix, 1); !slices.Equal(got, []string{"rare"}) {
		t.Errorf("filed under %q, want rare", got)
	}
	if got := ix.Match(NewDocument(Article{Text: "a common and rare thing"})); !slices.Equal(got, []int64{1}) {
		t.Errorf("Match = %v", got)
	}
}

// TestIndexConcurrent runs Match beside Add and Remove; run it with -race.
func TestIndexConcurrent(t *testing.T) {
	g := newCorpusGen(5, 200)
	var queries []*Query
	for len(queries) < 500 {
		if q, err := Parse(g.query(1)); err == nil {
			queries = append(queries, q)
		}
	}
	docs := make([]*Document, 50)
	for i := range docs {
		docs[i] = NewDocument(g.article(100))
	}
	ix := NewIndex()
	var wg sync.WaitGroup
	wg.Add(3)
	go func() {
		defer wg.Done()
		for i, q := range queries {
			ix.Add(int64(i), q)
		}
	}()
	go func() {
		defer wg.Done()
		for i := range queries {
			if i%3 == 0 {
				ix.Remove(int64(i))
			}
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 200; i++ {
			ix.Match(docs[i%len(docs)])
		}
	}()
	wg.Wait()
	for _, d := range docs {
		want := map[int64]*Query{}
		for i, q := range queries {
			if _, ok := ix.byID[int64(i)]; ok {
				want[int64(i)] = q
			}
		}
		if got := ix.Match(d); !slices.Equal(got, naiveMatch(want, d)) {
			t.Fatalf("after concurrent changes: Match = %v, want %v", got, naiveMatch(want, d))
		}
	}
}

func TestSortIDs(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	tests := []struct {
		name string
		ids  []int64
	}{
		{name: "empty", ids: nil},
		{name: "one", ids: []int64{5}},
		{name: "few", ids: []int64{3, -1, 2, 3}},
		{name: "many small", ids: randomIDs(rng, 1000, 5000)},
		{name: "many with negatives and large", ids: append(randomIDs(rng, 3000, 1<<62), -1, math.MinInt64, math.MaxInt64, -7, 0)},
		{name: "many equal", ids: slices.Repeat([]int64{42}, 500)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := slices.Sorted(slices.Values(tt.ids))
			got := slices.Clone(tt.ids)
			var buf []int64
			sortIDs(got, &buf)
			if !slices.Equal(got, want) {
				t.Errorf("sortIDs gave an unsorted or changed list")
			}
		})
	}
}

// TestSortUnique checks both ways of sortUnique — a bitset over the span of the ids when they are dense, the radix
// sort when they are not — against a plain sort and compaction, with repeats, negative and extreme ids, one scratch
// set reused from call to call (it must be left empty).
func TestSortUnique(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	dense := func(n int, base, span int64) []int64 {
		ids := randomIDs(rng, n, span)
		for i := range ids {
			ids[i] += base + span/2
		}
		return ids
	}
	tests := []struct {
		name string
		ids  []int64
	}{
		{name: "empty", ids: nil},
		{name: "few with repeats", ids: []int64{3, -1, 2, 3, 3}},
		{name: "dense from zero", ids: dense(7000, 0, 1_000_000)},
		{name: "dense, many repeats", ids: dense(5000, 0, 300)},
		{name: "dense negative", ids: dense(3000, -2_000_000, 1_000_000)},
		{name: "dense near the top", ids: append(dense(3000, math.MaxInt64-1_000_000, 999_000), math.MaxInt64)},
		{name: "dense near the bottom", ids: append(dense(3000, math.MinInt64+1, 999_000), math.MinInt64)},
		{name: "span just within", ids: append(dense(1000, 0, 1000*setSpanPerID-1), 0, 1000*setSpanPerID-1)},
		{name: "sparse", ids: randomIDs(rng, 3000, 1<<62)},
		{name: "sparse with extremes", ids: append(randomIDs(rng, 3000, 1<<40), math.MinInt64, math.MaxInt64, 0, 0)},
		{name: "all equal", ids: slices.Repeat([]int64{-42}, 500)},
	}
	var set idSet
	var buf []int64
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := slices.Compact(slices.Sorted(slices.Values(tt.ids)))
			got := sortUnique(slices.Clone(tt.ids), &set, &buf)
			if !slices.Equal(got, want) {
				t.Fatalf("sortUnique gave %d ids, want %d (or not the same)", len(got), len(want))
			}
			for i, w := range set.words {
				if w != 0 {
					t.Fatalf("word %d of the set left non-empty", i)
				}
			}
			for i, w := range set.summary {
				if w != 0 {
					t.Fatalf("summary word %d of the set left non-empty", i)
				}
			}
		})
	}
}

// TestIDSetDrain checks that drain appends the set's ids after those already in the slice, ascending, writes nothing
// past the result's length (as append), grows a slice without room or with room for only some of the ids, and
// leaves the set empty.
func TestIDSetDrain(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 18))
	for _, tt := range []struct {
		name string
		ids  []uint32
	}{
		{name: "one", ids: []uint32{5}},
		{name: "one per word", ids: []uint32{0, 64, 130, 255, 4095}},
		{name: "full words", ids: func() []uint32 {
			var ids []uint32
			for i := range uint32(200) {
				ids = append(ids, i)
			}
			return ids
		}()},
		{name: "last word of four", ids: []uint32{1, 70, 71, 72, 73}},
		{name: "last word of five", ids: []uint32{1, 70, 71, 72, 73, 74}},
		{name: "random", ids: func() []uint32 {
			var ids []uint32
			for range 3000 {
				ids = append(ids, rng.Uint32N(20000))
			}
			return ids
		}()},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var set idSet
			set.reset(1 << 16)
			var want []int64
			for _, i := range tt.ids {
				set.add(i)
				want = append(want, 100+int64(i))
			}
			want = slices.Compact(slices.Sorted(slices.Values(want)))
			for _, room := range []int{len(want) + 50, len(want), len(want) / 2, 0} {
				backing := slices.Repeat([]int64{-7}, 3+room)
				for _, i := range tt.ids {
					set.add(i)
				}
				got := set.drain(backing[:3], 100)
				if !slices.Equal(got[:3], []int64{-7, -7, -7}) || !slices.Equal(got[3:], want) {
					t.Fatalf("room %d: drain gave %d ids after the first three, want %d (or not the same)", room, len(got)-3, len(want))
				}
				if room < len(want) {
					continue // got has an array of its own
				}
				for i, x := range backing[len(got):] {
					if x != -7 {
						t.Fatalf("room %d: drain wrote %d at %d, past the result's length %d", room, x, len(got)+i, len(got))
					}
				}
			}
			if set.count() != 0 {
				t.Fatalf("drain left %d ids in the set", set.count())
			}
		})
	}
}

func randomIDs(rng *rand.Rand, n int, max int64) []int64 {
	ids := make([]int64, n)
	for i := range ids {
		ids[i] = rng.Int64N(max) - max/2
	}
	return ids
}

// keyStrings returns the terms that query id is filed under, but for the words' stems other than the primary (see
// wordStems), which come along with it.
func keyStrings(ix *Index, id int64) []string {
	place := ix.byID[id]
	var keys []uint32
	other := map[uint32]bool{}
	switch {
	case place&directFlag == 0:
		rec := ix.lists[place>>32].block[uint32(place):]
		rec = rec[:rec[recLen]]
		keys = rec[recHeader : recHeader+rec[recKeys]]
		prog := rec[recHeader+len(keys):]
		for pc := 0; pc < len(prog); {
			op, n := prog[pc]&0xf, int(prog[pc]>>8)
			pc++
			switch op {
			case opWord:
				for _, k := range prog[pc+1 : pc+n] {
					other[k] = true
				}
				pc += n
			case opPrefix:
				pc++
			case opPhrase:
				pc += n
			case opSource:
				pc += 1 + n
			}
		}
	default:
		// A direct query: its entries form a ring through its terms.
		first := uint32(place)
		for t := first; ; {
			l := &ix.lists[t].direct
			kind, ok := l.kindOf(ix.refs.ref(id))
			if !ok {
				break
			}
			keys = append(keys, t)
			if kind&^kindTitle == kindOtherStem {
				other[t] = true
			}
			next := ix.nexts[t][slices.Index(l.ids, ix.refs.ref(id))]
			if next == 0 || next == first {
				break
			}
			t = next
		}
	}
	var out []string
	for _, k := range keys {
		if !other[k] {
			out = append(out, ix.terms[k].s)
		}
	}
	slices.Sort(out)
	return out
}

// TestIndexRefile checks that Refile files queries under the terms that the articles seen by Match show to be
// rarest, in place or by moving a record whose number of keys changes, without changing what matches.
func TestIndexRefile(t *testing.T) {
	ix := NewIndex()
	// By length, "administration" is the rarest of each query; in these articles it is the commonest.
	ix.Add(1, mustParse(t, "kim administration"))
	ix.Add(2, mustParse(t, "(kim OR moon) administration"))
	ix.Add(3, mustParse(t, "administration OR kim"))
	ix.Add(4, mustParse(t, "seoul"))
	// These stay under "administration", their only key, and keep its block from being compacted by the removals
	// alone; none of them matches the articles below.
	ix.Add(6, mustParse(t, "administration -(said OR kim OR moon)"))
	ix.Add(7, mustParse(t, "administration -(said OR kim OR moon OR seoul)"))
	want := map[int64][]string{1: {"administration"}, 2: {"administration"}, 3: {"administration", "kim"}, 4: {"seoul"}}
	for id, w := range want {
		if got := keyStrings(ix, id); !slices.Equal(got, w) {
			t.Fatalf("before Refile, query %d filed under %q, want %q", id, got, w)
		}
	}
	common := NewDocument(Article{Text: "the administration said"})
	for i := 0; i < minObserved; i++ {
		if got := ix.Match(common); !slices.Equal(got, []int64{3}) {
			t.Fatalf("Match = %v, want [3]", got)
		}
	}
	ix.Refile()
	for id := range ix.lists {
		if dead := ix.terms[id].dead; dead != 0 {
			t.Errorf("after Refile, the block of %q keeps %d words of removed records", ix.terms[id].s, dead)
		}
	}
	want = map[int64][]string{1: {"kim"}, 2: {"kim", "moon"}, 3: {"administration", "kim"}, 4: {"seoul"}}
	for id, w := range want {
		if got := keyStrings(ix, id); !slices.Equal(got, w) {
			t.Errorf("after Refile, query %d filed under %q, want %q", id, got, w)
		}
	}
	for _, tt := range []struct {
		text string
		want []int64
	}{
		{"the administration said", []int64{3}},
		{"kim and the administration", []int64{1, 2, 3}},
		{"moon administration", []int64{2, 3}},
		{"seoul kim", []int64{3, 4}},
	} {
		if got := ix.Match(NewDocument(Article{Text: tt.text})); !slices.Equal(got, tt.want) {
			t.Errorf("after Refile, Match(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	// Added after the observations, a query is filed by them at once.
	ix.Add(5, mustParse(t, "administration moon"))
	if got := keyStrings(ix, 5); !slices.Equal(got, []string{"moon"}) {
		t.Errorf("query added after observations filed under %q, want [moon]", got)
	}
	for _, id := range []int64{1, 2, 3, 4, 5, 6, 7} {
		ix.Remove(id)
	}
	for ns, m := range ix.dict {
		if len(m) != 0 {
			t.Errorf("after removing all, namespace %d keeps %d terms", ns, len(m))
		}
	}
}

// TestIndexStubAfterCompaction checks that a query filed under several keys is still found through the stub under
// its second key after the block of its first key has been compacted (its record moved), and that removing it
// removes the stub too.
func TestIndexStubAfterCompaction(t *testing.T) {
	ix := NewIndex()
	// Filed under "kursk" (first) and "belgorod": an OR needs a key per branch.
	for id := int64(1); id <= 50; id++ {
		ix.Add(id, mustParse(t, "kursk sappers"))
	}
	ix.Add(100, mustParse(t, "(kursk deminers) OR belgorod"))
	if got := keyStrings(ix, 100); !slices.Equal(got, []string{"belgorod", "kursk"}) {
		t.Fatalf("query 100 filed under %q", got)
	}
	kursk := ix.dict[nsWord]["kursk"]
	before := ix.byID[100]
	if before>>32 != uint64(kursk) {
		t.Fatalf("query 100's record is in the block of %q, want kursk's", ix.terms[before>>32].s)
	}
	for id := int64(1); id <= 50; id++ {
		ix.Remove(id) // the records before 100's in kursk's block: the block is compacted, 100's record moves
	}
	if after := ix.byID[100]; after == before {
		t.Fatalf("query 100's record did not move (at %d in a block of %d words)", uint32(after), len(ix.lists[kursk].block))
	}
	if got := ix.Match(NewDocument(Article{Text: "shelling near Belgorod"})); !slices.Equal(got, []int64{100}) {
		t.Errorf("through the stub: Match = %v, want [100]", got)
	}
	if got := ix.Match(NewDocument(Article{Text: "Kursk deminers and Belgorod"})); !slices.Equal(got, []int64{100}) {
		t.Errorf("under both keys: Match = %v, want [100] once", got)
	}
	ix.Remove(100)
	for id := range ix.lists {
		b := ix.lists[id].block
		if len(b) != 0 {
			t.Errorf("term %d (%q) keeps a block of %d words", id, ix.terms[id].s, len(b))
		}
	}
	if got := ix.Match(NewDocument(Article{Text: "shelling near Belgorod"})); got != nil {
		t.Errorf("after Remove: Match = %v", got)
	}
}

// recordCheck returns the check of query id's record (see checkOf) as a string, with "!en" after a check that holds
// only in articles read in English alone and "(pair)" or "(pair, not)" after a pair check (see checkPair), or ""
// when it has none.
func recordCheck(t *testing.T, ix *Index, id int64) string {
	t.Helper()
	place, ok := ix.byID[id]
	if !ok || place&directFlag != 0 {
		t.Fatalf("query %d has no record", id)
	}
	k, off := uint32(place>>32), uint32(place)
	i, found := slices.BinarySearch(ix.offs[k], off)
	if !found {
		t.Fatalf("query %d's record has no entry in checks", id)
	}
	check := uint32(ix.lists[k].checks[i] >> 32)
	if check == 0 {
		return ""
	}
	s := ix.terms[check&checkTerm].s
	if check&checkEnglish != 0 {
		s += " !en"
	}
	switch {
	case check&checkNot != 0:
		s += " (pair, not)"
	case check&checkPair != 0:
		s += " (pair)"
	}
	return s
}

// TestIndexCheck checks that a record is tested on the rarest needed term besides its keys before it is evaluated,
// whatever the index knows of the terms: a term the frequencies do not know, a word with other stems (whose check
// does not hold in an article read in German), a phrase's second word, a needed term under an OR or a NOT (none).
func TestIndexCheck(t *testing.T) {
	freq := map[string]float64{"common": 0.5, "commoner": 0.8, "wahlen": 0.3, "wahl": 0.3}
	ix := NewIndexWithFrequencies(func(s string) float64 {
		if f, ok := freq[s]; ok {
			return f
		}
		if strings.HasPrefix(s, "bid") {
			return 0.001 // biden, under each language's stemmer
		}
		return -1 // unknown: the length heuristic
	})
	queries := map[int64]*Query{
		1: mustParse(t, "biden common commoner"),
		2: mustParse(t, "biden wahlen"),
		3: mustParse(t, `"common biden" commoner`),
		4: mustParse(t, "biden (common OR commoner)"),
		5: mustParse(t, "biden -common"),
		6: mustParse(t, "biden zyx"),
		7: mustParse(t, "biden title:common ukrain*"),
	}
	for id, q := range queries {
		ix.Add(id, q)
	}
	for id, want := range map[int64]string{
		1: "common",             // the rarer of the two others
		2: "wahlen !en (pair)",  // wahlen's primary stem: an article read in German may have its German stem "wahl" instead
		3: "common",             // the phrase is filed under biden, its rarer word; its other word is needed too
		4: "",                   // neither word of the OR is needed
		5: "common (pair, not)", // a NOT needs nothing, but a word and a negated word are decided by the check
		6: "zyx (pair)",         // unknown to the frequencies (1/9 by length), but needed
		7: "ukrain",             // the prefix (4/36 by length) is rarer than common (0.5)
	} {
		if got := recordCheck(t, ix, id); got != want {
			t.Errorf("query %d (%s): check %q, want %q", id, queries[id], got, want)
		}
	}
	for _, a := range []Article{
		{Text: "Biden said nothing"},
		{Text: "Biden and the common commoner; Biden common"},
		{Title: "Common ukrainians", Text: "Biden"},
		{Text: "Biden zyx commoner"},
		{Title: "Die Wahl ist nicht mit der Biden", Text: "und das von auf sich"}, // read in German: query 2 matches

		{Title: "The wahlen of Biden", Text: "and the of to"},
	} {
		d := NewDocument(a)
		if got, want := ix.Match(d), naiveMatch(queries, d); !slices.Equal(got, want) {
			t.Errorf("%q / %q: Index.Match = %v, want %v", a.Title, a.Text, got, want)
		}
	}
	german := NewDocument(Article{Title: "Die Wahl ist nicht mit der Biden", Text: "und das von auf sich"})
	_, token := german.byToken.find("wahlen", german.tokens)
	_, stem := german.byStem.find("wahlen", german.stems)
	if !queries[2].Match(german) || token || stem {
		t.Error("the German article must match query 2 without its check term wahlen: the test is vacuous")
	}
}

// TestIndexPair checks the queries that Match decides from their check entry alone (see checkPair) — a word and a
// word, a word and a negated word — against each query's own Match: in English and German articles, where the other
// word's German stem counts and only the record can tell (pairMaybe), through the stub of a word's other stem, and
// after Remove, whose entries must no longer count.
func TestIndexPair(t *testing.T) {
	ix := NewIndexWithFrequencies(func(s string) float64 {
		if strings.HasPrefix(s, "bid") {
			return 0.001 // biden, under each language's stemmer
		}
		return 0.3
	})
	queries := map[int64]*Query{
		1: mustParse(t, "biden wahlen"),
		2: mustParse(t, "wahlen biden"),
		3: mustParse(t, "biden -wahlen"),
		4: mustParse(t, "wahlen -biden"),
		5: mustParse(t, "title:biden wahlen"),
		6: mustParse(t, "biden wahlen kursk"),
		7: mustParse(t, "-wahlen biden"),
	}
	for id, q := range queries {
		ix.Add(id, q)
	}
	for id, want := range map[int64]string{
		1: "wahlen !en (pair)", 2: "wahlen !en (pair)", 3: "wahlen !en (pair, not)", 4: "biden !en (pair, not)",
		5: "wahlen !en", 6: "kursk", 7: "wahlen !en (pair, not)",
	} {
		if got := recordCheck(t, ix, id); got != want {
			t.Errorf("query %d (%s): check %q, want %q", id, queries[id], got, want)
		}
	}
	if keys := keyStrings(ix, 4); !slices.Equal(keys, []string{"wahlen"}) {
		t.Fatalf("query 4 filed under %q, want wahlen and its other stems", keys)
	}
	if wahl := ix.dict[nsWord]["wahl"]; wahl == 0 || len(ix.lists[wahl].checks) == 0 || uint32(ix.lists[wahl].checks[0]>>32)&checkOther == 0 {
		t.Fatal("query 4 has no stub under wahlen's German stem wahl: the test is vacuous")
	}
	articles := []Article{
		{Text: "Biden and the wahlen"},
		{Text: "Biden said nothing"},
		{Text: "the wahlen and the vote"},
		{Title: "Biden", Text: "the wahlen"},
		{Title: "Die Wahl ist nicht mit der Biden", Text: "und das von auf sich"},
		{Title: "Die Wahl ist nicht mit der", Text: "und das von auf sich"},
		{Title: "Die Wahlen sind nicht mit der Biden", Text: "und das von auf sich kursk"},
		{Title: "Biden", Text: "und das von auf sich"},
	}
	check := func(when string, queries map[int64]*Query) {
		t.Helper()
		for _, a := range articles {
			d := NewDocument(a)
			if got, want := ix.Match(d), naiveMatch(queries, d); !slices.Equal(got, want) {
				t.Errorf("%s, %q / %q: Index.Match = %v, want %v", when, a.Title, a.Text, got, want)
			}
		}
	}
	check("all", queries)
	german := NewDocument(articles[4])
	if _, ok := german.byStem.find("wahlen", german.stems); ok || !queries[1].Match(german) || queries[3].Match(german) {
		t.Fatal("the German article must match query 1 and not 3 through wahl alone: the test is vacuous")
	}
	for _, id := range []int64{1, 4, 7} {
		ix.Remove(id)
		delete(queries, id)
	}
	check("after removing 1, 4 and 7", queries)
}

// TestIndexDirectOr checks that an OR of words, quoted words and prefixes is kept as direct entries (no program), one
// under each of its terms, matched once however many of them an article has, and removed whole; an OR that names a
// term twice keeps a program.
func TestIndexDirectOr(t *testing.T) {
	ix := NewIndex()
	queries := map[int64]*Query{
		1: mustParse(t, `kursk OR title:belgorod OR ukrain* OR "sappers"`),
		2: mustParse(t, "wahlen OR kursk"),
		3: mustParse(t, "kursk OR title:kursk"),
	}
	for id, q := range queries {
		ix.Add(id, q)
	}
	for id, direct := range map[int64]bool{1: true, 2: true, 3: false} {
		if got := ix.byID[id]&directFlag != 0; got != direct {
			t.Errorf("query %d (%s): direct %v, want %v", id, queries[id], got, direct)
		}
	}
	if got, want := keyStrings(ix, 1), []string{"belgorod", "kursk", "sappers", "ukrain"}; !slices.Equal(got, want) {
		t.Errorf("query 1 has entries under %q, want %q", got, want)
	}
	for _, a := range []Article{
		{Text: "Kursk and Belgorod, Ukrainian sappers"},
		{Text: "Belgorod"},
		{Title: "Belgorod"},
		{Text: "Ukraine"},
		{Text: "sapper"},
		{Text: "die Wahl ist nicht mit der"},
		{Text: "the wahlen"},
	} {
		d := NewDocument(a)
		if got, want := ix.Match(d), naiveMatch(queries, d); !slices.Equal(got, want) {
			t.Errorf("%q / %q: Index.Match = %v, want %v", a.Title, a.Text, got, want)
		}
	}
	for id := range queries {
		ix.Remove(id)
	}
	for id := range ix.lists {
		if len(ix.lists[id].direct.ids) != 0 || len(ix.lists[id].block) != 0 {
			t.Errorf("after Remove, term %d keeps %d direct entries and %d block words", id, len(ix.lists[id].direct.ids), len(ix.lists[id].block))
		}
	}
	if ix.Len() != 0 || len(ix.dict[nsWord]) != 0 || len(ix.dict[nsPrefix]) != 0 {
		t.Errorf("after Remove: %d queries, %d words, %d prefixes left", ix.Len(), len(ix.dict[nsWord]), len(ix.dict[nsPrefix]))
	}
}

// TestIndexCapitalKey checks that, before any frequency is known, a word the query writes with a capital (a name)
// counts as rarer than a lower-case word of its length, and that this changes the key, never the matches; with
// frequencies, they decide.
func TestIndexCapitalKey(t *testing.T) {
	ix := NewIndex()
	queries := map[int64]*Query{
		1: mustParse(t, "Kursk pyongyang"),
		2: mustParse(t, "kursk pyongyang"),
		3: mustParse(t, "pyongyang Kursk -Belgorod"),
	}
	for id, q := range queries {
		ix.Add(id, q)
	}
	// By length alone kursk (5 letters, 1/25) is commoner than pyongyang (9, 1/81); capitalised, 4 times rarer.
	for id, want := range map[int64]string{1: "kursk", 2: "pyongyang", 3: "kursk"} {
		if got := keyStrings(ix, id); !slices.Equal(got, []string{want}) {
			t.Errorf("query %d (%s) filed under %q, want %q", id, queries[id].Text(), got, want)
		}
	}
	if got := recordCheck(t, ix, 1); got != "pyongyang (pair)" {
		t.Errorf("query 1's check is %q, want pyongyang", got)
	}
	for _, a := range []Article{{Text: "Kursk pyongyang"}, {Text: "sapper"}, {Text: "Kursk"}, {Text: "Kursk and Belgorod sappers"}} {
		d := NewDocument(a)
		if got, want := ix.Match(d), naiveMatch(queries, d); !slices.Equal(got, want) {
			t.Errorf("%q: Index.Match = %v, want %v", a.Text, got, want)
		}
	}
	withFreq := NewIndexWithFrequencies(func(s string) float64 {
		if s == "pyongyang" {
			return 0.001
		}
		return 0.2
	})
	withFreq.Add(1, queries[1])
	if got := keyStrings(withFreq, 1); !slices.Equal(got, []string{"pyongyang"}) {
		t.Errorf("with frequencies, query 1 filed under %q, want pyongyang", got)
	}
}
