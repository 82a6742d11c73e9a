package summarize

import (
	"math/rand/v2"
	"testing"
)

// TestWordTableAsMap checks wordTable against a map on words of every
// length around wordInline, through its growth and after clear.
func TestWordTableAsMap(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	table := newWordTable()
	for round := range 2 {
		want := map[string]int32{}
		for i := range 20000 {
			w := make([]byte, rnd.IntN(2*wordInline+2))
			for k := range w {
				w[k] = "abcé"[rnd.IntN(4)] // few letters, so that words repeat
			}
			id, ok := table.get(w)
			wid, wok := want[string(w)]
			if ok != wok || id != wid {
				t.Fatalf("round %d, word %d %q: get = %d, %v; want %d, %v", round, i, w, id, ok, wid, wok)
			}
			if !ok {
				table.put(w, int32(i))
				want[string(w)] = int32(i)
			}
		}
		for w, id := range want {
			if got, ok := table.get([]byte(w)); !ok || got != id {
				t.Fatalf("round %d: get(%q) = %d, %v after all puts; want %d", round, w, got, ok, id)
			}
		}
		if n := table.used + len(table.long); n != len(want) {
			t.Fatalf("round %d: %d words kept, want %d", round, n, len(want))
		}
		table.clear()
		for w := range want {
			if _, ok := table.get([]byte(w)); ok {
				t.Fatalf("round %d: %q found after clear", round, w)
			}
		}
	}
}

// TestVocabularyFitsItsTable checks the bound wordTable's comment gives: a
// vocabulary emptied at maxVocabulary words never doubles its table past
// 2^18 slots.
func TestVocabularyFitsItsTable(t *testing.T) {
	table := newWordTable()
	w := []byte("...word") // the first three bytes make each word its own
	for i := range maxVocabulary {
		w[0], w[1], w[2] = byte(i), byte(i>>8), byte(i>>16)
		table.put(w, int32(i))
	}
	if n := len(table.slots); n != 1<<18 {
		t.Fatalf("%d words in %d slots, want %d", maxVocabulary, n, 1<<18)
	}
}
