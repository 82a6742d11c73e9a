package summarize

import (
	"strings"
	"testing"

	"github.com/newshound/newshound/internal/shareddata"
)

// cleanersBothWays returns the built-in cleaner as Summarize uses it and
// one that searches every hint of every line (no setOfLine).
func cleanersBothWays(tb testing.TB) (fast, slow *cleaner) {
	tb.Helper()
	fast, err := newCleaner(nil)
	if err != nil {
		tb.Fatal(err)
	}
	slow, err = newCleaner(nil)
	if err != nil {
		tb.Fatal(err)
	}
	slow.searchAllHints = true
	return fast, slow
}

// TestLineBytesCleanAsBefore: skipping the hints a line's bytes and pairs
// rule out (setOfLine), and the drop check a lead line had already, cleans
// every text as searching every hint did: the fixtures with their sources and
// titles, the rule table's lines, and the real articles of the shared data
// (cmd/rouge's, and a quarter of cmd/storyeval's), raw and cleaned once.
func TestLineBytesCleanAsBefore(t *testing.T) {
	fast, slow := cleanersBothWays(t)
	same := func(text, source, title string) {
		t.Helper()
		if got, want := fast.clean(text, source, title), slow.clean(text, source, title); got != want {
			t.Fatalf("text %.200q (source %q, title %q):\ncleaned to %q\nsearching every hint: %q", text, source, title, got, want)
		}
	}
	for _, f := range loadFixtures(t) {
		same(f.Text, f.Source, f.Title)
		same(f.Text, "", "")
	}
	for _, tt := range ruleRows {
		same(tt.in, "", "")
		same("Lead paragraph of the story.\n\n"+tt.in+"\n\n"+tt.in, "", "")
	}
	texts := shareddata.Texts(t) // title, text, title, text ...: the real news, then the stories' articles
	for i := 0; i+1 < len(texts); i += 2 {
		if i >= 2*300 && i%8 != 0 {
			continue // a quarter of the stories' 2,991 articles keeps the test within seconds
		}
		title, text := texts[i], texts[i+1]
		same(text, "", title)
		same(Clean(text), "", title)
	}
	if len(texts) == 0 {
		t.Log("no shared/realnews or shared/stories beside the checkout: fixtures and test lines only")
	}
}

// TestPairsOfAChangedLine: a removed match brings two bytes together, and
// the pairs of the line are taken again (lineSet.changedTo): without that,
// "Getty Images" made by removing "ADVERTISEMENT" was not looked for.
func TestPairsOfAChangedLine(t *testing.T) {
	fast, slow := cleanersBothWays(t)
	for _, text := range []string{
		"GettyADVERTISEMENT Images",
		"Lead paragraph of the story.\n\nJane Doe/GettyADVERTISEMENT Images\n\nThe story goes on.",
		"Lead paragraph of the story.\n\nJane Doe/Getty\u00a0ADVERTISEMENT\u00a0Images",
	} {
		got, want := fast.clean(text, "", ""), slow.clean(text, "", "")
		if got != want || strings.Contains(got, "Getty") {
			t.Errorf("%q cleaned to %q, searching every hint %q; want no Getty Images line", text, got, want)
		}
	}
}

// TestPairsOf checks the pair set against the pairs of a string counted
// one by one, and that a hint's pairs are in the set of every line that
// holds it, in any case.
func TestPairsOf(t *testing.T) {
	for _, s := range []string{"", "a", "ab", "Getty Images", "A\u00a0b—c", "\xff\x00Z"} {
		p := pairsOf(s)
		var want pairSet
		for i := 1; i < len(s); i++ {
			b := pairBit(foldByte[s[i-1]], foldByte[s[i]])
			want[b>>6] |= 1 << (b & 63)
		}
		if p != want {
			t.Errorf("pairsOf(%q) = %x, want %x", s, p, want)
		}
		var bytes byteSet
		for _, c := range []byte(s + " ") {
			bytes.add(c)
		}
		if set := setOfLine(s); set.pairs != p || set.bytes != bytes {
			t.Errorf("setOfLine(%q) is not its bytes and pairsOf", s)
		}
	}
	for _, h := range []string{"getty images", "(photo", "©", "tribune)", "-"} {
		hs := hintSetOf(h)
		for _, line := range []string{h, strings.ToUpper(h), "Before " + strings.ToUpper(h) + " after"} {
			if set := setOfLine(line); !set.covers(&hs) {
				t.Errorf("the set of %q does not cover hint %q", line, h)
			}
		}
	}
}

// FuzzLineBytes checks the same on any text.
func FuzzLineBytes(f *testing.F) {
	fast, slow := cleanersBothWays(f)
	for _, tt := range ruleRows {
		f.Add(tt.in, "")
	}
	f.Add("Jane Doe/GettyADVERTISEMENT Images", "")
	f.Add("Storm hits coast\n\nFILE - A photo. (AP Photo/Jane Doe)\n\nLONDON (Reuters) - Storm hits coast. Photo: Getty Images", "Storm hits coast")
	f.Fuzz(func(t *testing.T, text, title string) {
		if got, want := fast.clean(text, "", title), slow.clean(text, "", title); got != want {
			t.Fatalf("text %q, title %q: cleaned to %q, searching every hint %q", text, title, got, want)
		}
	})
}
