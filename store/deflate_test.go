package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// realnewsTexts returns the texts of the realnews corpus (../shared/realnews
// beside the checkout or one of its parents), or nil when it is not there.
func realnewsTexts(t testing.TB) []string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for ; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "shared", "realnews", "cnndm.jsonl")); err == nil {
			break
		}
		if dir == filepath.Dir(dir) {
			return nil
		}
	}
	var texts []string
	for _, name := range []string{"cnndm.jsonl", "xsum.jsonl"} {
		b, err := os.ReadFile(filepath.Join(dir, "shared", "realnews", name))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range bytes.Split(b, []byte("\n")) {
			var v struct{ Text string }
			if json.Unmarshal(line, &v) == nil && len(v.Text) > 500 {
				texts = append(texts, v.Text)
			}
		}
	}
	return texts
}

// textCodeFromCounts returns the lengths of a code of the symbols the
// texts make (each symbol counted once more, so that every one has a
// code), no code longer than 15 bits.
func textCodeFromCounts(texts []string) []uint8 {
	var count [286 + 30]int
	e := &textDeflater{count: &count}
	c := newTextCode(flatLengths())
	for _, t := range texts {
		e.deflate(nil, []byte(t), c)
	}
	for i := range count {
		count[i]++
	}
	lit := huffmanLengths(count[:286], 15)
	dist := huffmanLengths(count[286:], 15)
	return append(lit, dist...)
}

// flatLengths is a code of every symbol (not a complete one, which
// counting needs not): 9 bits for the literal/length symbols, 5 for the
// distances.
func flatLengths() []uint8 {
	l := make([]uint8, 286+30)
	for i := range 286 {
		l[i] = 9
	}
	for i := range 30 {
		l[286+i] = 5
	}
	return l
}

// TestTextCodeFromCorpus: textLengths is the code the realnews texts
// make (skipped without the corpus); on a difference it prints the code
// they make now, which takes a new mark (stored text is read with
// textLengths: TestTextCodeNeverChanges).
func TestTextCodeFromCorpus(t *testing.T) {
	texts := realnewsTexts(t)
	if texts == nil {
		t.Skip("no realnews corpus beside the checkout")
	}
	got := textCodeFromCounts(texts)
	if !bytes.Equal(got, textLengths[:]) {
		var b strings.Builder
		for i, l := range got {
			if i%32 == 0 {
				b.WriteString("\n\t")
			}
			fmt.Fprintf(&b, "%d, ", l)
		}
		t.Errorf("textLengths is not the corpus's code (keep it: stored text is read with it; a new code takes a new mark); the corpus makes:%s", b.String())
	}
}

// TestTextCodeNeverChanges: text stored with textCodeMark is read with
// textLengths, and its header ends at a byte's end (the packed text
// starts after it).
func TestTextCodeNeverChanges(t *testing.T) {
	if sum := fmt.Sprintf("%x", sha256.Sum256(textLengths[:])); sum != textLengthsSum {
		t.Errorf("textLengths changed (sha256 %s): text stored with mark %#x reads wrong", sum, textCodeMark)
	}
	if c := textCodeOf(); c.nbits != 8 {
		t.Errorf("the header ends at bit %d of its last byte, want 8", c.nbits)
	}
}

const textLengthsSum = "ec4e64124eb874e341819b6b06128dcc2bda223215739e0adea13b7a0a6f5872"

// TestTextCodeIsComplete: every symbol has a code of at most 15 bits, and
// the codes fill their space (a complete prefix code, as inflaters want).
func TestTextCodeIsComplete(t *testing.T) {
	for _, part := range []struct {
		name    string
		lengths []uint8
	}{{"literal/length", textLengths[:286]}, {"distance", textLengths[286:]}} {
		sum := 0
		for s, l := range part.lengths {
			if l == 0 || l > 15 {
				t.Errorf("%s symbol %d: length %d", part.name, s, l)
			}
			sum += 1 << (15 - l)
		}
		if sum != 1<<15 {
			t.Errorf("%s code: Kraft sum %d/32768, want 1", part.name, sum)
		}
	}
}

// TestPackedTextReadsBack: what packArticle stores reads back the same
// through the standard library's inflater, on news text (the corpus when
// it is there), on text the news code fits badly (random bytes, another
// script, long runs), past deflate's 32 KB window and around its match
// lengths; text with another mark than textCodeMark's type 3 is refused;
// news text takes fewer bytes than BestSpeed's own code gives it.
func TestPackedTextReadsBack(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("the minister said on Tuesday that talks with unions would resume after the strike ended, officials reported; “we will not give up,” she told reporters — prices rose 3.5% in March")
	prose := func(n int) string {
		var b strings.Builder
		for b.Len() < n {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteByte(' ')
		}
		return b.String()
	}
	randomBytes := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.UintN(256))
		}
		return string(b)
	}
	cases := []struct{ name, text, summary string }{
		{"prose", prose(2700), prose(300)},
		{"long prose", prose(100_000), ""},
		{"random bytes", randomBytes(3000), ""},
		{"Chinese", strings.Repeat("新闻报道说，市政府周二宣布新的住房计划。", 40), "市政府宣布"},
		{"German", strings.Repeat("Die Bahn streikt am Montag, sagte ein Sprecher der Gewerkschaft GDL. Züge fallen aus. ", 30), ""},
		{"one byte", strings.Repeat("a", 5000), ""},
		{"runs", strings.Repeat("ab", 129) + strings.Repeat("xyz", 1000) + prose(500), ""},
	}
	for n := 250; n < 270; n++ { // around the longest match
		cases = append(cases, struct{ name, text, summary string }{fmt.Sprintf("run of %d", n), strings.Repeat("q", n) + "|" + strings.Repeat("q", n) + prose(200), ""})
	}
	for i, text := range realnewsTexts(t) {
		cases = append(cases, struct{ name, text, summary string }{fmt.Sprintf("realnews %d", i), text, text[:len(text)/8]})
	}
	var ours, best, in int
	for _, tt := range cases {
		textCol, summaryCol := packArticle(tt.text, tt.summary)
		text, summary, err := unpackArticle(textCol, summaryCol)
		if err != nil || text != tt.text || summary != tt.summary {
			t.Errorf("%s: reads back %.20q, %.20q, %v", tt.name, text, summary, err)
		}
		if strings.HasPrefix(tt.name, "realnews") {
			b, _ := textCol.([]byte)
			ours += len(b)
			in += len(tt.text) + len(tt.summary)
			best += len(deflateOwnCode(append(binary.AppendUvarint(nil, uint64(len(tt.summary))), tt.summary+tt.text...)))
		}
	}
	for _, v := range [][]byte{{0x0e, 1, 2, 3}, {0xfe}} { // type 3, not the mark
		if _, _, err := unpackArticle(v, ""); !errors.Is(err, errPacked) {
			t.Errorf("unpackArticle(%x) = %v, want errPacked", v, err)
		}
	}
	if ours > best {
		t.Errorf("news text packed to %d bytes, BestSpeed's own code %d", ours, best)
	}
	t.Logf("news text (%d bytes) packed to %d bytes, BestSpeed's own code %d", in, ours, best)
}

// FuzzPackedTextReadsBack: any text and summary read back as stored.
func FuzzPackedTextReadsBack(f *testing.F) {
	f.Add("Storm nears the coast. Winds rise and the coast guard warns ships to stay in port.", "Storm nears.")
	f.Add(strings.Repeat("abc", 100), "")
	f.Fuzz(func(t *testing.T, text, summary string) {
		textCol, summaryCol := packArticle(text, summary)
		got, gotSummary, err := unpackArticle(textCol, summaryCol)
		if err != nil || got != text || gotSummary != summary {
			t.Fatalf("reads back %q, %q, %v", got, gotSummary, err)
		}
	})
}

// BenchmarkPackArticle packs news articles' text with a summary of an
// eighth of it (the realnews texts when they are there, else made-up
// prose), one after the other.
func BenchmarkPackArticle(b *testing.B) {
	texts := realnewsTexts(&testing.T{})
	if texts == nil {
		rng := rand.New(rand.NewPCG(1, 2))
		words := strings.Fields("the minister said on Tuesday that talks with unions would resume after the strike ended officials reported prices rose in March")
		for range 100 {
			var s strings.Builder
			for s.Len() < 2700 {
				s.WriteString(words[rng.IntN(len(words))] + " ")
			}
			texts = append(texts, s.String())
		}
	}
	size := 0
	for i := 0; b.Loop(); i++ {
		t := texts[i%len(texts)]
		textCol, _ := packArticle(t, t[:len(t)/8])
		b, _ := textCol.([]byte)
		size += len(b)
	}
}
