package summarize

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/newshound/newshound/internal/shareddata"

	"github.com/kljensen/snowball/english"
)

// englishSuffixes are the endings the steps of the English stemmer look
// for, and some of their pieces: random words ending in them reach every
// branch.
var englishSuffixes = strings.Fields("s' 's sses ied ies us ss s eedly ingly edly ing eed ed at bl iz bb dd ff gg mm nn pp rr tt " +
	"ational fulness iveness ization ousness biliti lessli tional alism aliti ation entli fulli iviti ousli anci abli " +
	"alli ator enci izer bli ogi logi li cli eli alize icate ative iciti ical ful ness ement ance ence able ible ment " +
	"ent ant ism ate iti ous ive ize ion sion tion al er ic e l ll y yy ey ay")

// TestEnglishStemAsLibrary checks englishStem against the library's
// english.Stem on the words of the fixtures and of the shared news, on the
// library's special words, and on 300,000 random words built of letters,
// syllables and the suffixes the steps look for.
func TestEnglishStemAsLibrary(t *testing.T) {
	check := func(w string) {
		t.Helper()
		if got, want := englishStem(w), english.Stem(w, true); got != want {
			t.Fatalf("englishStem(%q) = %q, the library %q", w, got, want)
		}
	}
	for _, w := range strings.Fields("a an by sky skis skies dying lying tying idly gently ugly early only singly news howe atlas " +
		"cosmos bias andes inning innings outing outings canning cannings herring herrings earring earrings proceed proceeds " +
		"proceeded proceeding exceed exceeds exceeded exceeding succeed succeeds succeeded succeeding generous generously " +
		"communism communist arsenal arsenals yellow yyy hoped hoping hopped cried cries ties tied gas gaps kiwis this " +
		"agreed agreedly feed bleed luxuriated hopeful conditional 2024s covid19 x1y2 " + strings.Repeat("a", 39) + "ing " +
		strings.Repeat("b", 40) + "ing café naïve Capital") {
		check(w)
	}
	texts := shareddata.Texts(t)
	for _, f := range loadFixtures(t) {
		texts = append(texts, f.Title, f.Text)
	}
	var ws wordScanner
	words := map[string]bool{}
	for _, text := range texts {
		ws.reset(text)
		for w, ok := ws.next(); ok; w, ok = ws.next() {
			words[string(w)] = true
		}
	}
	for w := range words {
		check(w)
	}
	rnd := rand.New(rand.NewPCG(5, 6))
	letters := "abcdefghijklmnopqrstuvwxyzaeiouyyy0123"
	syllables := strings.Fields("gener commun arsen ka lo mi ne ru sa ti vo ber dan hel jun mar pol sen tor vin zel quo a e i o u y w x")
	for range 300000 {
		var b strings.Builder
		for range rnd.IntN(4) {
			if rnd.IntN(2) == 0 {
				b.WriteByte(letters[rnd.IntN(len(letters))])
			} else {
				b.WriteString(syllables[rnd.IntN(len(syllables))])
			}
		}
		for range rnd.IntN(3) {
			b.WriteString(englishSuffixes[rnd.IntN(len(englishSuffixes))])
		}
		check(b.String())
	}
	t.Logf("%d distinct words of %d texts", len(words), len(texts))
}

// FuzzEnglishStem checks englishStem against the library on any word.
func FuzzEnglishStem(f *testing.F) {
	for _, s := range englishSuffixes {
		f.Add("hop" + s)
		f.Add("y" + s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := englishStem(w), english.Stem(w, true); got != want {
			t.Fatalf("englishStem(%q) = %q, the library %q", w, got, want)
		}
	})
}

// BenchmarkEnglishStem stems the distinct words of the fixtures, each new
// to the summarizer's vocabulary once.
func BenchmarkEnglishStem(b *testing.B) {
	var ws wordScanner
	var words []string
	seen := map[string]bool{}
	for _, f := range loadFixtures(b) {
		ws.reset(f.Text)
		for w, ok := ws.next(); ok; w, ok = ws.next() {
			if !seen[string(w)] {
				seen[string(w)] = true
				words = append(words, string(w))
			}
		}
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		stem(langEnglish, words[i%len(words)])
	}
}
