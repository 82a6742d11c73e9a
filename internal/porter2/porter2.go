// Package porter2 stems English words by the Snowball English (Porter2)
// algorithm (https://snowballstem.org/algorithms/english/stemmer.html) as
// github.com/kljensen/snowball/english writes it, a byte at a time on words
// of ASCII letters and digits. The library turns the word and every suffix
// it tries into a []rune, some sixty conversions a word, and does not export
// its steps. Two callers want two depths of the same steps: the summarizer
// the whole algorithm (Stem), the query engine its inflectional steps only
// (Inflections), so that "tariff" never matches "tariffication".
//
// The steps follow the library's, suffix lists in its order (the first of a
// list that the word ends with counts, not the longest), its regions kept
// within the word as its resetR1R2 does; the summarizer's tests compare Stem
// with the library on every word of the shared news and on random words.
package porter2

// MaxWord bounds the words Stem stems: a stem grows by a byte at most
// ("hoped" → "hope"), and the word's bytes stay in an array on the stack.
const MaxWord = 40

// Stem returns the Porter2 stem of w, as english.Stem(w, true) of
// github.com/kljensen/snowball/english writes it, and true, for a word of
// a-z and 0-9 shorter than MaxWord bytes; "" and false for any other word,
// which the caller stems otherwise.
func Stem(w string) (string, bool) {
	if len(w) >= MaxWord || !lowerASCIIWord(w) {
		return "", false
	}
	return stem(w, true), true
}

// Inflections returns the stem of w, a word of a-z and 0-9 of any length,
// by the inflectional steps of Porter2 alone — its exceptional forms, steps
// 1a, 1b and 1c: tariffs → tariff, deminers → deminer, hoping → hope,
// cries → cri, but tariffication stays tariffication. The caller checks
// the word's letters.
func Inflections(w string) string { return stem(w, false) }

// stem returns the stem of w by every step (full) or by those up to 1c.
func stem(w string, full bool) string {
	if len(w) <= 2 {
		return w
	}
	if s, ok := special(w); ok {
		return s
	}
	var buf [MaxWord + 1]byte
	a := buf[:]
	if len(w) >= MaxWord {
		a = make([]byte, len(w)+1) // Inflections' long words alone
	}
	s := word{a: a, n: copy(a, w)}
	s.capitalizeYs()
	s.regions()
	s.step1a()
	s.step1b()
	s.step1c()
	if full {
		s.step2()
		s.step3()
		s.step4()
		s.step5()
	}
	b := s.b()
	for i, c := range b {
		if c == 'Y' {
			b[i] = 'y'
		}
	}
	if len(b) <= len(w) && string(b) == w[:len(b)] {
		return w[:len(b)] // most stems cut the word only: share its bytes
	}
	return string(b)
}

// lowerASCIIWord reports whether w holds only a-z and 0-9.
func lowerASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// special returns the library's stem of the words it treats apart
// (stemSpecialWord). Their stems are the same by the inflectional steps.
func special(w string) (string, bool) {
	switch w {
	case "skis":
		return "ski", true
	case "skies":
		return "sky", true
	case "dying":
		return "die", true
	case "lying":
		return "lie", true
	case "tying":
		return "tie", true
	case "idly":
		return "idl", true
	case "gently":
		return "gentl", true
	case "ugly":
		return "ugli", true
	case "early":
		return "earli", true
	case "only":
		return "onli", true
	case "singly":
		return "singl", true
	case "sky", "news", "howe", "atlas", "cosmos", "bias", "andes", "inning", "outing", "canning", "herring",
		"earring", "proceed", "exceed", "succeed":
		return w, true
	case "innings", "outings", "cannings", "herrings", "earrings":
		return w[:len(w)-1], true
	case "proceeds", "proceeded", "proceeding":
		return "proceed", true
	case "exceeds", "exceeded", "exceeding":
		return "exceed", true
	case "succeeds", "succeeded", "succeeding":
		return "succeed", true
	}
	return "", false
}

// word is a word being stemmed: its bytes ('Y' for a y that is a
// consonant) and where its regions R1 and R2 start. The array a has room
// for a byte more than the word: a stem grows by a byte at most.
type word struct {
	a      []byte
	n      int // the word is a[:n]
	r1, r2 int
}

func (s *word) b() []byte { return s.a[:s.n] }

// isVowel is the library's isLowerVowel: 'Y' is no vowel.
func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

func (s *word) capitalizeYs() {
	b := s.b()
	for i, c := range b {
		if c == 'y' && (i == 0 || isVowel(b[i-1])) {
			b[i] = 'Y'
		}
	}
}

// regions sets R1 and R2 (the library's r1r2).
func (s *word) regions() {
	s.r1 = -1
	b := s.b()
	for _, p := range [...]string{"gener", "commun", "arsen"} {
		if len(b) >= len(p) && string(b[:len(p)]) == p {
			s.r1 = len(p)
			break
		}
	}
	if s.r1 < 0 {
		s.r1 = s.vnv(0)
	}
	s.r2 = s.vnv(s.r1)
}

// vnv returns the index after the first non-vowel that follows a vowel,
// looking from start, or the length of the word (romance.VnvSuffix).
func (s *word) vnv(start int) int {
	b := s.b()
	for j := start + 1; j < len(b); j++ {
		if isVowel(b[j-1]) && !isVowel(b[j]) {
			return j + 1
		}
	}
	return len(b)
}

// firstSuffix returns the first of suffixes that the word ends with, or "".
func (s *word) firstSuffix(suffixes ...string) string {
	b := s.b()
	if len(b) == 0 {
		return ""
	}
	last := b[len(b)-1]
	for _, x := range suffixes {
		// The last byte first: most suffixes of a list end otherwise.
		if len(x) <= len(b) && x[len(x)-1] == last && string(b[len(b)-len(x):]) == x {
			return x
		}
	}
	return ""
}

// replace replaces the last n bytes by repl and keeps the regions within
// the word.
func (s *word) replace(n int, repl string) {
	s.n = s.n - n + copy(s.a[s.n-n:], repl)
	s.r1 = min(s.r1, s.n)
	s.r2 = min(s.r2, s.n)
}

func (s *word) step1a() {
	switch x := s.firstSuffix("sses", "ied", "ies", "us", "ss", "s"); x {
	case "sses":
		s.replace(4, "ss")
	case "ies", "ied":
		if s.n > 4 {
			s.replace(3, "i")
		} else {
			s.replace(3, "ie")
		}
	case "s":
		for i := 0; i < s.n-2; i++ {
			if isVowel(s.a[i]) {
				s.replace(1, "")
				return
			}
		}
	}
}

func (s *word) step1b() {
	x := s.firstSuffix("eedly", "ingly", "edly", "ing", "eed", "ed")
	switch x {
	case "":
		return
	case "eed", "eedly":
		if len(x) <= s.n-s.r1 {
			s.replace(len(x), "ee")
		}
		return
	}
	vowel := false
	for i := 0; i < s.n-len(x); i++ {
		if isVowel(s.a[i]) {
			vowel = true
			break
		}
	}
	if !vowel {
		return
	}
	r1, r2 := s.r1, s.r2
	s.replace(len(x), "")
	switch y := s.firstSuffix("at", "bl", "iz", "bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"); y {
	case "":
		if s.r1 >= s.n && s.endsShortSyllable(s.n) {
			s.replace(0, "e")
			s.r1, s.r2 = s.n, s.n
			return
		}
	case "at", "bl", "iz":
		s.replace(0, "e")
	default:
		s.replace(1, "")
	}
	s.r1 = min(r1, s.n)
	s.r2 = min(r2, s.n)
}

// endsShortSyllable reports whether the word's first i bytes end in a
// short syllable.
func (s *word) endsShortSyllable(i int) bool {
	switch {
	case i == 2:
		return isVowel(s.a[0]) && !isVowel(s.a[1])
	case i >= 3:
		c1, c2, c3 := s.a[i-1], s.a[i-2], s.a[i-3]
		return !isVowel(c1) && c1 != 'w' && c1 != 'x' && c1 != 'Y' && isVowel(c2) && !isVowel(c3)
	}
	return false
}

func (s *word) step1c() {
	n := s.n
	if n > 2 && (s.a[n-1] == 'y' || s.a[n-1] == 'Y') && !isVowel(s.a[n-2]) {
		s.a[n-1] = 'i'
	}
}

func (s *word) step2() {
	x := s.firstSuffix("ational", "fulness", "iveness", "ization", "ousness",
		"biliti", "lessli", "tional", "alism", "aliti", "ation",
		"entli", "fulli", "iviti", "ousli", "anci", "abli",
		"alli", "ator", "enci", "izer", "bli", "ogi", "li")
	if x == "" || len(x) > s.n-s.r1 {
		return
	}
	n := s.n
	var repl string
	switch x {
	case "li":
		if n >= 3 {
			switch s.a[n-3] {
			case 'c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't':
				s.replace(2, "")
			}
		}
		return
	case "ogi":
		if n >= 4 && s.a[n-4] == 'l' {
			s.replace(3, "og")
		}
		return
	case "tional":
		repl = "tion"
	case "enci":
		repl = "ence"
	case "anci":
		repl = "ance"
	case "abli":
		repl = "able"
	case "entli":
		repl = "ent"
	case "izer", "ization":
		repl = "ize"
	case "ational", "ation", "ator":
		repl = "ate"
	case "alism", "aliti", "alli":
		repl = "al"
	case "fulness", "fulli":
		repl = "ful"
	case "ousli", "ousness":
		repl = "ous"
	case "iveness", "iviti":
		repl = "ive"
	case "biliti", "bli":
		repl = "ble"
	case "lessli":
		repl = "less"
	}
	s.replace(len(x), repl)
}

func (s *word) step3() {
	x := s.firstSuffix("ational", "tional", "alize", "icate", "ative", "iciti", "ical", "ful", "ness")
	if x == "" || len(x) > s.n-s.r1 {
		return
	}
	var repl string
	switch x {
	case "ative":
		if s.n-s.r2 >= 5 {
			s.replace(5, "")
		}
		return
	case "ational":
		repl = "ate"
	case "tional":
		repl = "tion"
	case "alize":
		repl = "al"
	case "icate", "iciti", "ical":
		repl = "ic"
	}
	s.replace(len(x), repl)
}

func (s *word) step4() {
	x := s.firstSuffix("ement", "ance", "ence", "able", "ible", "ment",
		"ent", "ant", "ism", "ate", "iti", "ous", "ive",
		"ize", "ion", "al", "er", "ic")
	if x == "" || len(x) > s.n-s.r2 {
		return
	}
	if x == "ion" {
		if n := s.n; n >= 4 && (s.a[n-4] == 's' || s.a[n-4] == 't') {
			s.replace(3, "")
		}
		return
	}
	s.replace(len(x), "")
}

func (s *word) step5() {
	last := s.n - 1
	if s.r1 > last {
		return
	}
	switch {
	case s.a[last] == 'e':
		if s.r2 <= last || !s.endsShortSyllable(last) {
			s.replace(1, "")
		}
	case s.r2 <= last && s.a[last] == 'l' && last >= 1 && s.a[last-1] == 'l':
		s.replace(1, "")
	}
}
