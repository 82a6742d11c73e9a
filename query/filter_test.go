package query

import (
	"fmt"
	"testing"
)

// TestTermFilter checks that the filter of an Index's words never rules out a stored word, through additions that
// rebuild it bigger and removals that rebuild it smaller, and that it rules out most words not stored.
func TestTermFilter(t *testing.T) {
	ix := NewIndex()
	for i := 0; i < 5000; i++ {
		ix.Add(int64(i), mustParse(t, fmt.Sprintf("word%dx", i)))
	}
	check := func(stage string, from int) {
		t.Helper()
		f := &ix.filters[nsWord]
		for s := range ix.dict[nsWord] {
			if !f.mayHave(hashString(s)) {
				t.Fatalf("%s: the filter rules out stored word %q", stage, s)
			}
		}
		wrong := 0
		for i := 0; i < from; i++ {
			if f.mayHave(hashString(fmt.Sprintf("other%dx", i))) {
				wrong++
			}
		}
		if wrong > from/10 {
			t.Errorf("%s: %d of %d absent words may be present", stage, wrong, from)
		}
	}
	check("after adding", 5000)
	for i := 0; i < 4900; i++ {
		ix.Remove(int64(i))
	}
	if n := ix.filters[nsWord].n; n > 1000 {
		t.Errorf("after removing 4,900 of 5,000 words the filter was not rebuilt: it holds %d", n)
	}
	check("after removing", 5000)
	d := NewDocument(Article{Text: "word4950x and word10x"})
	if got := ix.Match(d); len(got) != 1 || got[0] != 4950 {
		t.Errorf("Match = %v, want [4950]", got)
	}
}

// TestIndexPrefixLengths checks that the stored prefixes are found at every length, on rune boundaries only, and that
// their lengths are forgotten with them.
func TestIndexPrefixLengths(t *testing.T) {
	ix := NewIndex()
	queries := map[int64]*Query{
		1: mustParse(t, "kur*"),
		2: mustParse(t, "kursk*"),
		3: mustParse(t, "кур*"),
		4: mustParse(t, "курск*"),
		5: mustParse(t, "zél*"),
	}
	for id, q := range queries {
		ix.Add(id, q)
	}
	hits := 0
	for _, text := range []string{"Kursk", "Kurt", "Курской", "Курган", "zélenskiy", "zelensky", "ku", "кур"} {
		d := NewDocument(Article{Text: text})
		got, want := ix.Match(d), naiveMatch(queries, d)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%q: Index.Match = %v, want %v", text, got, want)
		}
		hits += len(want)
	}
	if hits < 8 {
		t.Errorf("only %d matches: the cases do not exercise the prefixes", hits)
	}
	for id := range queries {
		ix.Remove(id)
	}
	if len(ix.prefixLens) != 0 {
		t.Errorf("after removing every prefix, lengths %v are left", ix.prefixLens)
	}
}
