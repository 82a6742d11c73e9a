package summarize

import "slices"

// maxVocabulary bounds the word caches of one scratch; past it they are
// emptied, so memory stays flat however many articles pass through.
const maxVocabulary = 200_000

// noTerm marks a cached word that is a stop word.
const noTerm = -1

// vocabulary turns words into small integer term IDs, caching the
// stop-word test and the stem of every word it has seen: stemming is the
// most expensive step per word, and news vocabulary repeats.
type vocabulary struct {
	words [numLanguages]*wordTable // lower-cased word -> term ID or noTerm
	stems map[string]int32         // stem -> term ID
	size  int
}

func newVocabulary() *vocabulary {
	v := &vocabulary{stems: make(map[string]int32, 4096)}
	for i := range v.words {
		v.words[i] = newWordTable()
	}
	return v
}

// term returns the term ID of the lower-cased word w in lang, or noTerm
// for stop words and one-letter words. Call maybeReset between articles,
// never during one: IDs change when the caches are emptied.
func (v *vocabulary) term(lang language, w []byte) int32 {
	m := v.words[lang]
	if id, ok := m.get(w); ok {
		return id
	}
	word := string(w)
	id := int32(noTerm)
	if len(word) > 1 && !isStopWord(lang, word) {
		s := stem(lang, word)
		var ok bool
		if id, ok = v.stems[s]; !ok {
			id = int32(len(v.stems))
			v.stems[s] = id
		}
	}
	m.put(w, id)
	v.size++
	return id
}

// maybeReset empties the caches when they have grown past maxVocabulary.
func (v *vocabulary) maybeReset() {
	if v.size < maxVocabulary {
		return
	}
	for _, m := range v.words {
		m.clear()
	}
	clear(v.stems)
	v.size = 0
}

// appendTerms appends the sorted, distinct term IDs of s to dst, and their
// counts to counts.
func (v *vocabulary) appendTerms(dst []int32, counts []float32, lang language, s string, ws *wordScanner) ([]int32, []float32) {
	start := len(dst)
	ws.reset(s)
	for w, ok := ws.next(); ok; w, ok = ws.next() {
		if id := v.term(lang, w); id != noTerm {
			dst = append(dst, id)
		}
	}
	ids := dst[start:]
	slices.Sort(ids)
	n := 0
	for i, id := range ids {
		if i > 0 && id == ids[n-1] {
			counts[len(counts)-1]++
			continue
		}
		ids[n] = id
		n++
		counts = append(counts, 1)
	}
	return dst[:start+n], counts
}
