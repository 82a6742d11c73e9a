package query

import (
	"slices"
	"testing"
)

// TestStemCacheAsStemKeys: the cached stems of a token are stemKeys', for
// every set of languages, the first time and after, and the cache keeps
// at most stemCacheMax tokens.
func TestStemCacheAsStemKeys(t *testing.T) {
	c := stemCache{stems: make(map[stemCacheKey][]string)}
	tokens := append(Terms("Officials said the elections were postponed; élections reportées, Wahlen verschoben, eleições adiadas, выборы отложены, الانتخابات 2026 x"), "running", "runs", "eleicoes")
	sets := []langSet{0, 1, allLatin, 1 << langGerman, 1<<langFrench | 1<<langPortuguese}
	for round := range 2 {
		for _, set := range sets {
			for _, tok := range tokens {
				want := stemKeys(nil, tok, set)
				got := c.keys([]string{"before"}, tok, set)
				if got[0] != "before" || !slices.Equal(got[1:], want) {
					t.Fatalf("round %d: stems of %q under %b: %q, want %q after \"before\"", round, tok, set, got, want)
				}
			}
		}
	}
	for i := range stemCacheMax + 10 {
		c.keys(nil, string(rune('a'+i%26))+string(rune(0x4e00+i)), 1)
		if len(c.stems) > stemCacheMax {
			t.Fatalf("%d tokens kept, at most %d", len(c.stems), stemCacheMax)
		}
	}
}
