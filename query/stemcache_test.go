package query

import (
	"math/rand"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"github.com/newshound/newshound/internal/porter2"
	"github.com/newshound/newshound/internal/shareddata"
)

// uncachedStem is Stem as it was before englishStems: porter2's inflectional steps on every word of a-z.
func uncachedStem(token string) string {
	if !isLowerASCIIWord(token) {
		return token
	}
	return porter2.Inflections(token)
}

// randomWord returns a word of 1–40 bytes, mostly a-z with English endings, sometimes a capital, a digit or a
// non-ASCII letter.
func randomWord(rnd *rand.Rand) string {
	endings := []string{"", "s", "es", "ies", "ed", "ing", "ly", "eed", "ied", "ss", "us", "y", "ings", "eedly"}
	var b strings.Builder
	for range 1 + rnd.Intn(12) {
		switch k := rnd.Intn(40); {
		case k == 0:
			b.WriteByte('A' + byte(rnd.Intn(26)))
		case k == 1:
			b.WriteByte('0' + byte(rnd.Intn(10)))
		case k == 2:
			b.WriteString("é")
		default:
			b.WriteByte("aeiouybcdfghlmnprstw"[rnd.Intn(20)])
		}
	}
	b.WriteString(endings[rnd.Intn(len(endings))])
	if rnd.Intn(30) == 0 {
		b.WriteString(strings.Repeat("x", 20+rnd.Intn(20))) // past stemCacheMaxWord
	}
	return b.String()
}

// TestStemCacheAsPorter2: Stem, with its cache, gives every word what porter2's steps give it, first seen and
// seen again, from eight goroutines at once (run with -race), across more words than the cache holds (so that it
// is emptied), on random words and on every word of the shared real news.
func TestStemCacheAsPorter2(t *testing.T) {
	words := map[string]bool{}
	rnd := rand.New(rand.NewSource(1))
	for range stemCacheSize + stemCacheSize/2 {
		words[randomWord(rnd)] = true
	}
	for _, w := range []string{"", "a", "is", "skies", "dying", "news", "proceeds", "tariffs", "hoping", "cries", "deminers", "tariffication"} {
		words[w] = true
	}
	for _, text := range shareddata.Texts(t) {
		for _, w := range Terms(text) {
			words[w] = true
		}
	}
	list := make([]string, 0, len(words))
	for w := range words {
		list = append(list, w)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewSource(int64(g)))
			for range 3 * len(list) / 8 {
				w := list[r.Intn(len(list))]
				if got, want := Stem(w), uncachedStem(w); got != want {
					t.Errorf("Stem(%q) = %q, want %q", w, got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestStemCacheKeepsCopies: the cache keeps neither the word nor its stem as a part of the caller's text, which
// would keep an article alive as long as the cache.
func TestStemCacheKeepsCopies(t *testing.T) {
	text := strings.Repeat("z", 100) + " unrelatedwordings hopingly"
	for _, w := range strings.Fields(text)[1:] {
		s := Stem(w)
		again := Stem(strings.Clone(w))
		if again != s {
			t.Fatalf("Stem(%q) = %q, then %q", w, s, again)
		}
		lo, hi := uintptr(unsafe.Pointer(unsafe.StringData(text))), uintptr(unsafe.Pointer(unsafe.StringData(text)))+uintptr(len(text))
		if p := uintptr(unsafe.Pointer(unsafe.StringData(again))); p >= lo && p < hi {
			t.Errorf("Stem(%q) = %q from the cache shares the first caller's text", w, again)
		}
	}
}

// FuzzStem checks Stem against porter2's steps on any word, asked twice (the second answer from the cache).
func FuzzStem(f *testing.F) {
	for _, w := range []string{"tariffs", "skies", "hoping", "a", "ÉTÉ", "news", strings.Repeat("ing", 20)} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		want := uncachedStem(w)
		for range 2 {
			if got := Stem(w); got != want {
				t.Fatalf("Stem(%q) = %q, want %q", w, got, want)
			}
		}
	})
}
