package query

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/newshound/newshound/internal/shareddata"
)

// sameFold checks that folded gives text what the transformers give it,
// but for ASCII text, which folded returns as it is (the tokenizer folds
// ASCII itself), as before foldSimple.
func sameFold(t *testing.T, text string) {
	t.Helper()
	if isASCII(text) {
		return
	}
	n := newNormalizer()
	if got, want := n.folded(text), newNormalizer().foldedByChain(text); got != want {
		t.Fatalf("text %q folded to %q, by the transformers %q", text, got, want)
	}
}

// TestFoldSimpleAsTheTransformers: text of ASCII and inertRunes folds to
// what NFKC, case folding and NFD make of it, each rune beside every ASCII
// byte and every other inert rune, and a rune the transformers change
// (combining marks, ligatures, a no-break space) sends text to them.
func TestFoldSimpleAsTheTransformers(t *testing.T) {
	inert := inertRunes()
	if len(inert) < 20 || !inert['“'] || !inert['—'] || inert['\u00a0'] || inert['™'] || inert['″'] {
		t.Fatalf("inert runes %v: want the curly quotes and dashes, not the no-break space, ™ or ″", inert)
	}
	for r := range inert {
		for c := 0; c < 128; c++ {
			sameFold(t, string(rune(c))+string(r)+string(rune(c)))
		}
		for q := range inert {
			sameFold(t, "A"+string(r)+string(q)+"b")
		}
		for _, other := range []string{"\u0301", "\u0308", "ﬁ", "\u00a0", "É", "ß", "\xff", "İ", "Ⅻ", "ｆｕｌｌ"} {
			sameFold(t, "e"+string(r)+other)
			sameFold(t, other+string(r)+"E")
		}
	}
	sameFold(t, "Talks “resume” in KURSK — officials’ reports")
}

// TestFoldSimpleOnRealText checks the same on the real articles of the
// shared data beside the checkout (cmd/rouge's and cmd/storyeval's).
func TestFoldSimpleOnRealText(t *testing.T) {
	n, simple := 0, 0
	for _, s := range shareddata.Texts(t) {
		sameFold(t, s)
		n++
		if _, ok := foldSimple(s); ok && !isASCII(s) {
			simple++
		}
	}
	if n == 0 {
		t.Skip("no shared/realnews or shared/stories beside the checkout")
	}
	t.Logf("%d texts, %d of them of ASCII and inert runes with at least one of the latter", n, simple)
}

// FuzzFoldSimple checks the same on any text, and on text made of ASCII,
// inert runes and a few others.
func FuzzFoldSimple(f *testing.F) {
	f.Add("Talks “resume” in KURSK — officials’ reports", int64(1))
	f.Add("e\u0301 – café", int64(2))
	var inert []rune
	for r := range inertRunes() {
		inert = append(inert, r)
	}
	f.Fuzz(func(t *testing.T, text string, seed int64) {
		sameFold(t, text)
		rnd := rand.New(rand.NewSource(seed))
		var b strings.Builder
		for range 1 + rnd.Intn(20) {
			switch rnd.Intn(4) {
			case 0:
				b.WriteRune(inert[rnd.Intn(len(inert))])
			case 1:
				if text != "" {
					b.WriteString(text[:rnd.Intn(len(text)+1)])
				}
			default:
				b.WriteByte(byte(rnd.Intn(128)))
			}
		}
		sameFold(t, b.String())
	})
}

// TestFoldSimpleCopiesCapitalsInRuns: the lower-cased copy, made in runs
// between the capitals, is the text lower-cased byte by byte wherever the
// capitals stand (first, last, side by side, beside an inert rune), in one
// allocation.
func TestFoldSimpleCopiesCapitalsInRuns(t *testing.T) {
	for _, s := range []string{"A", "a", "Ab", "bA", "ABC", "aBCd", "“A”", "x—Y—z", "KURSK — Minsk’s “Talks”", "already lower — “quoted”", strings.Repeat("Ab “C” ", 50)} {
		got, ok := foldSimple(s)
		if want := strings.ToLower(s); !ok || got != want {
			t.Errorf("foldSimple(%q) = %q, %v; want %q", s, got, ok, want)
		}
	}
	text := strings.Repeat("Officials said “Talks” in KURSK — resumed. ", 40)
	if n := testing.AllocsPerRun(20, func() { foldSimple(text) }); n != 1 {
		t.Errorf("foldSimple of a text with capitals: %v allocations, want 1", n)
	}
}
