package summarize

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"

	"github.com/newshound/newshound/internal/shareddata"
)

// oneAlternation is the drop-line alternation as one expression, as it
// was before dropByFirst split it.
func oneAlternation(c *cleaner) *regexp.Regexp {
	var alts []string
	for _, r := range c.drop {
		if len(r.sources) == 0 && len(r.hints) == 0 {
			alts = append(alts, "(?:"+r.pattern+")")
		}
	}
	return regexp.MustCompile("^(?:" + strings.Join(alts, "|") + ")$")
}

// dropLines returns lines to try the drop-line rules on: those of the
// fixtures and of the rule table, cut and glued at random, with odd runes
// in front.
func dropLines(tb testing.TB) []string {
	var lines []string
	for _, f := range loadFixtures(tb) {
		for l := range logicalLines(f.Text) {
			lines = append(lines, l)
		}
	}
	for _, tt := range ruleRows {
		lines = append(lines, tt.in, strings.TrimSpace(tt.in))
	}
	r := rand.New(rand.NewSource(1))
	n := len(lines)
	fronts := []string{"", " ", "\t", "\u212a", "\u017f", "\xff", "é", "(", "[", "©", "1", "-", "Ф", "関"}
	for i := 0; i < 5000; i++ {
		a, b := []rune(lines[r.Intn(n)]), lines[r.Intn(n)]
		lines = append(lines, string(a[r.Intn(len(a)+1):]), string(a)+" "+b, fronts[r.Intn(len(fronts))]+string(a))
	}
	return append(lines, "")
}

// TestDropByFirstSameAsOneAlternation checks that splitting the drop-line
// alternation by first rune drops exactly the lines the one alternation
// drops.
func TestDropByFirstSameAsOneAlternation(t *testing.T) {
	c := defaultCleaner()
	one := oneAlternation(c)
	for _, l := range dropLines(t) {
		if got, want := c.dropAny.MatchString(l), one.MatchString(l); got != want {
			t.Fatalf("line %q: split by first rune says %v, one alternation %v", l, got, want)
		}
	}
}

// TestDropByFirstSameOnRealText checks the split against the one
// alternation on every line of the real articles of the shared data, as
// they come and as Clean leaves them.
func TestDropByFirstSameOnRealText(t *testing.T) {
	texts := shareddata.Texts(t)
	if len(texts) == 0 {
		t.Skip("no shared/realnews or shared/stories beside the checkout")
	}
	c := defaultCleaner()
	one := oneAlternation(c)
	n, dropped := 0, 0
	for _, text := range texts {
		for _, in := range []string{text, Clean(text)} {
			for l := range logicalLines(in) {
				got, want := c.dropAny.MatchString(l), one.MatchString(l)
				if got != want {
					t.Fatalf("line %q: split by first runes says %v, one alternation %v", l, got, want)
				}
				n++
				if got {
					dropped++
				}
			}
		}
	}
	t.Logf("%d lines of %d texts, %d dropped", n, len(texts), dropped)
}

// FuzzDropByFirst checks the same on any line.
func FuzzDropByFirst(f *testing.F) {
	c := defaultCleaner()
	one := oneAlternation(c)
	for _, tt := range ruleRows {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, l string) {
		if got, want := c.dropAny.MatchString(l), one.MatchString(l); got != want {
			t.Fatalf("line %q: split by first rune says %v, one alternation %v", l, got, want)
		}
	})
}
