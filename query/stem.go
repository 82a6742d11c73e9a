package query

import (
	"hash/maphash"
	"strings"
	"sync"
	"unicode"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/french"
	"github.com/blevesearch/snowballstem/german"
	"github.com/blevesearch/snowballstem/italian"
	"github.com/blevesearch/snowballstem/portuguese"
	"github.com/blevesearch/snowballstem/russian"
	"github.com/blevesearch/snowballstem/spanish"

	"github.com/newshound/newshound/internal/porter2"
)

// stemKey returns the stem of token t read as a word of language l: by Stem for English, by the Snowball stemmer
// of l otherwise. A token that is not entirely letters of l's script (a number, a word of another script, a mixed
// one) is its own stem under every language: it is matched as written.
func stemKey(l language, t string) string {
	switch l {
	case langEnglish:
		return Stem(t)
	case langRussian:
		if !allLettersOf(t, unicode.Cyrillic) || strings.ContainsAny(t, "іїєґў") {
			return t // not Russian: Ukrainian and Belarusian have no stemmer here
		}
		return snowball(l, t)
	}
	if len(t) <= 2 || !allLettersOf(t, unicode.Latin) {
		return t
	}
	if l == langPortuguese {
		t = portugueseSingular(t)
	}
	return snowball(l, t)
}

// portugueseSingular returns t with the plural -ões of a noun in -ão written as the singular ("eleicoes" →
// "eleicao", "milhoes" → "milhao"), t itself otherwise. Snowball's Portuguese stemmer relates the two through
// the letters ã and õ, which folding has removed by the time a token is stemmed; without this, "eleição" and
// "eleições" stem apart. Only tokens of six letters or more: shorter ones ending in -oes are mostly verbs
// ("poe", "doe").
func portugueseSingular(t string) string {
	if len(t) >= 6 && strings.HasSuffix(t, "oes") {
		return t[:len(t)-3] + "ao"
	}
	return t
}

// Restemmed reports whether the stems of token t, a token as Terms writes it, differ from those the query
// engine gave it before Portuguese plurals in -ões were read as their singulars (store migration 0046): the
// store indexes the articles holding such a token again.
func Restemmed(t string) bool { return portugueseSingular(t) != t && allLettersOf(t, unicode.Latin) }

// snowballStemmers holds the Snowball stemmer of each language but English, which has Stem.
var snowballStemmers = [numLanguages]func(*snowballstem.Env) bool{
	langGerman:     german.Stem,
	langFrench:     french.Stem,
	langSpanish:    spanish.Stem,
	langItalian:    italian.Stem,
	langPortuguese: portuguese.Stem,
	langRussian:    russian.Stem,
}

// snowballCache remembers the keys of recent words per language: a generated stemmer takes about a
// microsecond a word, ten times Stem, and news repeats its words. Each map is emptied when it reaches
// snowballCacheSize words, which bounds its memory.
var snowballCache [numLanguages]struct {
	sync.Mutex
	m map[string]string
}

const snowballCacheSize = 1 << 15

// snowball returns the key of t under l, a language with a Snowball stemmer: its stem.
func snowball(l language, t string) string {
	c := &snowballCache[l]
	c.Lock()
	s, ok := c.m[t]
	c.Unlock()
	if ok {
		return s
	}
	env := snowballstem.NewEnv(t)
	snowballStemmers[l](env)
	if s = env.Current(); s == "" {
		s = t
	}
	c.Lock()
	if c.m == nil || len(c.m) >= snowballCacheSize {
		c.m = make(map[string]string, 1024)
	}
	c.m[strings.Clone(t)] = s
	c.Unlock()
	return s
}

// allLettersOf reports whether t is entirely letters of script.
func allLettersOf(t string, script *unicode.RangeTable) bool {
	for _, r := range t {
		if !unicode.Is(script, r) || !unicode.IsLetter(r) {
			return false
		}
	}
	return t != ""
}

// stemKeys returns the distinct stems of a document's token t under the languages of set, under Russian for a
// Cyrillic token and by arabicStem for an Arabic one, appending them to dst.
func stemKeys(dst []string, t string, set langSet) []string {
	start := len(dst)
	add := func(k string) {
		for _, have := range dst[start:] {
			if have == k {
				return
			}
		}
		dst = append(dst, k)
	}
	if r := firstRune(t); r >= 0x400 && unicode.Is(unicode.Cyrillic, r) {
		add(stemKey(langRussian, t))
		return dst
	} else if r >= 0x600 && isArabicStart(r) {
		s, kept := arabicStems(t)
		if add(s); kept != "" {
			add(kept)
		}
		return dst
	}
	for l := range language(latinLanguages) {
		if set.has(l) {
			add(stemKey(l, t))
		}
	}
	return dst
}

// wordStems returns the stems by which a bare query word t matches: first its primary stem — the English one for a
// Latin-script word, the Russian one for a Cyrillic word, the Light10 one for an Arabic word (see arabicStem), t
// itself for others — then its other stems under the
// German, French, Spanish, Italian and Portuguese stemmers that differ from it. An article read in English only
// (see Document) is matched by the primary stem alone, so that English keeps its guarantees whatever other languages
// make of a word ("election" does not match "elected", which French would allow); an article read in another
// language, or in several, by any.
func wordStems(t string) []string {
	if r := firstRune(t); r >= 0x400 && unicode.Is(unicode.Cyrillic, r) {
		return []string{stemKey(langRussian, t)}
	} else if r >= 0x600 && isArabicStart(r) {
		return stemKeys(nil, t, 0)
	}
	return stemKeys(nil, t, allLatin)
}

func firstRune(t string) rune {
	for _, r := range t {
		return r
	}
	return 0
}

// Stem returns the stem of a token produced by Terms, by which bare query words match: the inflectional steps of
// the Snowball English (Porter2) stemmer — its exceptional forms, steps 1a, 1b and 1c — so that tariffs → tariff,
// deminers → deminer, hoping → hope, cries → cri, but tariffication stays tariffication. Tokens that are not
// entirely a-z are returned unchanged.
//
// The full algorithm (github.com/kljensen/snowball/english.Stem, the summarizer's) goes on to strip derivational
// suffixes: it stems deminers to demin, tariffication to tariff and organization to organ, so that a subscription to
// "organ" would be alerted by every organization. docs/QUERY.md wants tariff never to match tariffication; that
// library does not export its steps, hence porter2.Inflections, which stops after step 1c.
func Stem(token string) string {
	if len(token) <= 2 || !isLowerASCIIWord(token) {
		return token // porter2 leaves words of two letters or fewer as they are
	}
	if len(token) > stemCacheMaxWord {
		return porter2.Inflections(token)
	}
	return englishStems.stem(token)
}

// stemCache remembers Stem's answers for recent words, as snowballCache does the other languages': news repeats
// its words, and a look-up costs a fraction of porter2's steps. It is an open-addressing table whose slots hold
// the word inline, and the stem too when it is the word cut (most are), so that the collector marks only the
// other stems (a map of strings was marked whole at every cycle) and the cache never keeps a caller's text; it is
// emptied when stemCacheSize words fill it.
type stemCache struct {
	sync.Mutex
	slots []stemSlot // stemCacheSlots of them once used
	other []string   // the stems that are not their word cut, copies
	used  int
}

// stemSlot is one word of a stemCache and its stem: the word's first sn bytes when other is -1, else
// stemCache.other[other].
type stemSlot struct {
	tag   uint32 // high bits of the word's hash, never 0; 0 marks an empty slot
	other int32
	n, sn uint8
	w     [stemCacheMaxWord]byte
}

var englishStems stemCache

const (
	stemCacheMaxWord = 32
	stemCacheSlots   = 1 << 16
	stemCacheSize    = stemCacheSlots / 2
)

// stem returns Inflections(w) for a word w of 3 to stemCacheMaxWord bytes of a-z.
func (c *stemCache) stem(w string) string {
	h := maphash.String(strIndexSeed, w)
	tag := uint32(h>>32) | 1
	c.Lock()
	if c.slots == nil {
		c.slots = make([]stemSlot, stemCacheSlots)
	}
	i := int(h) & (stemCacheSlots - 1)
	for ; c.slots[i].tag != 0; i = (i + 1) & (stemCacheSlots - 1) {
		if sl := &c.slots[i]; sl.tag == tag && int(sl.n) == len(w) && string(sl.w[:sl.n]) == w {
			other, sn := sl.other, int(sl.sn)
			var s string
			if other >= 0 {
				s = c.other[other]
			}
			c.Unlock()
			if other < 0 {
				return w[:sn]
			}
			return s
		}
	}
	c.Unlock()
	s := porter2.Inflections(w)
	c.Lock()
	if c.used >= stemCacheSize {
		clear(c.slots)
		clear(c.other)
		c.other = c.other[:0]
		c.used = 0
	}
	i = int(h) & (stemCacheSlots - 1)
	for c.slots[i].tag != 0 {
		if sl := &c.slots[i]; sl.tag == tag && int(sl.n) == len(w) && string(sl.w[:sl.n]) == w {
			c.Unlock() // another goroutine put it meanwhile
			return s
		}
		i = (i + 1) & (stemCacheSlots - 1)
	}
	sl := &c.slots[i]
	sl.tag, sl.n, sl.sn = tag, uint8(len(w)), uint8(len(s))
	copy(sl.w[:], w)
	sl.other = -1
	if len(s) > len(w) || w[:len(s)] != s {
		sl.other = int32(len(c.other))
		c.other = append(c.other, strings.Clone(s))
	}
	c.used++
	c.Unlock()
	return s
}

func isLowerASCIIWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}
