package store

import (
	"bytes"
	"compress/flate"
	"io"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestScannedArticleAllocatesItsTextOnly: scanning a packed article's
// columns and unpacking them allocates about the text and summary
// themselves (rounded up to Go's size classes), not copies of the packed
// bytes and of the inflated ones, nor the 6–8 KB of link tables that
// compress/flate makes for each block's code (the /subscribe preview reads
// 20 articles: 14–23 KB a realnews article was allocated, of 2–5 KB of
// text and summary), and a BLOB that is not packed text still fails.
func TestScannedArticleAllocatesItsTextOnly(t *testing.T) {
	var texts []string
	for i, text := range realnewsTexts(t) {
		if i == 8 {
			break
		}
		texts = append(texts, text)
	}
	texts = append(texts, strings.Repeat("Борис сказал, что ", 300)) // not mostly ASCII: its own code
	for _, text := range texts {
		summary := text[:len(text)/8]
		textCol, summaryCol := packArticle(text, summary)
		packed, ok := textCol.([]byte)
		if !ok {
			t.Fatalf("%.20q was not packed", text)
		}
		read := func() {
			var tx, sm string
			col := newArticleText(&tx, &sm)
			if err := col.Text.Scan(packed); err != nil {
				t.Fatal(err)
			}
			if err := col.Summary.Scan(summaryCol); err != nil {
				t.Fatal(err)
			}
			if err := col.set(); err != nil || tx != text || sm != summary {
				t.Fatalf("%.20q reads back %.20q, %.20q, %v", text, tx, sm, err)
			}
		}
		read() // the pools filled
		const runs = 50
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		for range runs {
			read()
		}
		runtime.ReadMemStats(&after)
		per := float64(after.TotalAlloc-before.TotalAlloc) / runs
		if want := 1.25*float64(len(text)+len(summary)) + 256; per > want {
			t.Errorf("%.20q (%d bytes of text and summary, %d packed): %.0f bytes allocated a read, want at most %.0f", text, len(text)+len(summary), len(packed), per, want)
		}
	}
	var col rawColumn
	if err := col.Scan([]byte{0x0e, 1, 2, 3}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := unpackArticle(col.v, ""); err == nil {
		t.Error("a BLOB that is not packed text unpacked")
	}
}

// TestTextDecoderAgreesWithFlate: textDecoder reads what compress/flate
// reads from the block with textCode's header, for packed news text and for
// it cut short or with a byte changed (both fail, or both read the same).
func TestTextDecoderAgreesWithFlate(t *testing.T) {
	c, d := textCodeOf(), textDecoderOf()
	flateOf := func(body []byte) ([]byte, error) {
		in := append(slices.Clone(c.header), body...)
		return io.ReadAll(flate.NewReader(bytes.NewReader(in)))
	}
	texts := realnewsTexts(t)
	if len(texts) == 0 {
		t.Skip("no realnews corpus beside the checkout")
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	agreed := 0
	for i, text := range texts {
		if i == 40 {
			break
		}
		textCol, _ := packArticle(text, "")
		packed, ok := textCol.([]byte)
		if !ok || packed[0] != textCodeMark {
			continue
		}
		bodies := [][]byte{packed[1:], packed[1 : len(packed)/2], packed[1 : len(packed)-1]}
		for range 20 {
			b := slices.Clone(packed[1:])
			b[rnd.IntN(len(b))] ^= byte(1 + rnd.IntN(255))
			bodies = append(bodies, b)
		}
		for j, body := range bodies {
			want, werr := flateOf(body)
			got, gerr := d.inflate(nil, body)
			if (werr == nil) != (gerr == nil) || (werr == nil && !bytes.Equal(got, want)) {
				t.Fatalf("text %d, body %d: textDecoder read %d bytes (%v), flate %d (%v)", i, j, len(got), gerr, len(want), werr)
			}
			agreed++
		}
	}
	if agreed < 200 {
		t.Fatalf("only %d blocks compared", agreed)
	}
}

// FuzzTextDecoderAgreesWithFlate: on any block after textCode's header,
// textDecoder and compress/flate both fail or read the same bytes.
func FuzzTextDecoderAgreesWithFlate(f *testing.F) {
	textCol, _ := packArticle(strings.Repeat("Storm nears the coast; the coast guard warns ships. ", 20), "Storm nears.")
	f.Add(textCol.([]byte)[1:])
	f.Add([]byte{0})
	f.Fuzz(func(t *testing.T, body []byte) {
		c := textCodeOf()
		want, werr := io.ReadAll(flate.NewReader(bytes.NewReader(append(slices.Clone(c.header), body...))))
		got, gerr := textDecoderOf().inflate(nil, body)
		if (werr == nil) != (gerr == nil) || (werr == nil && !bytes.Equal(got, want)) {
			t.Fatalf("textDecoder read %d bytes (%v), flate %d (%v)", len(got), gerr, len(want), werr)
		}
	})
}
