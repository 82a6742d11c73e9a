package store

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"sync"
)

// An article's text and summary are stored compressed together (issue 18's
// compact storage): a row of 2.5 KB took a 4 KB page of its own, deflate
// halves news text, and the summary's sentences, taken from the text, cost
// little more once they are compressed with it. The columns keep their TEXT
// declaration, and a row holds either
//
//   - text and summary as TEXT (short text, or rows stored before 0020 until
//     the store's upgrade packs them), or
//   - in text a BLOB of raw deflate (RFC 1951) data of uvarint(len(summary)),
//     the summary, then the text; and summary ''. Or the same deflated with
//     the news text code: textCodeMark, then the deflate block after its
//     header, which is the same for every article (deflate.go).
//
// Only Go reads them: no SQL compares or searches these columns.

// packMin is the shortest text worth compressing: below it deflate's
// overhead eats the gain.
const packMin = 96

// deflaters compress at BestSpeed: on news text it stores about 5% more
// than the default level (0.487 of the text against 0.461 on the realnews
// articles) in a third of the time, and its Reset clears no hash tables (the
// default level's clears 640 KB per article, most of its cost on 2.7 KB).
var deflaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed) // fails only on a bad level
	return w
}}

// packArticle returns the text and summary columns that store an article's
// text and summary.
func packArticle(text, summary string) (textCol, summaryCol any) {
	if len(text)+len(summary) < packMin {
		return text, summary
	}
	e := textDeflaters.Get().(*textDeflater)
	defer textDeflaters.Put(e)
	src := binary.AppendUvarint(e.src[:0], uint64(len(summary)))
	src = append(src, summary...)
	src = append(src, text...)
	if cap(src) <= 1<<20 {
		e.src = src // kept for the next article
	}
	var out []byte
	if len(src) <= maxTextCoded && mostlyASCII(src) {
		out = e.deflate(make([]byte, 0, len(src)/2), src, textCodeOf())
	}
	// Text the news code fits badly (above 0.6 of its size; news text in
	// English takes about 0.4) gets a code of its own.
	if out == nil || 5*len(out) > 3*len(src) {
		if own := deflateOwnCode(src); out == nil || len(own) < len(out) {
			out = own
		}
	}
	if len(out) >= len(text)+len(summary) {
		return text, summary
	}
	return out, ""
}

// maxTextCoded bounds the text packed with the news code: its matcher keeps
// positions in 32 bits, and so long a text is no news article.
const maxTextCoded = 1 << 24

// mostlyASCII reports whether at most one byte in 32 of b is not ASCII:
// text in another script than Latin's goes to deflateOwnCode, whose code
// is made for it.
func mostlyASCII(b []byte) bool {
	n, other := len(b), 0
	for len(b) >= 8 {
		other += bits.OnesCount64(binary.LittleEndian.Uint64(b) & 0x8080808080808080)
		b = b[8:]
	}
	for _, c := range b {
		other += int(c >> 7)
	}
	return 32*other <= n
}

// deflateOwnCode deflates src at BestSpeed with a code made for it.
func deflateOwnCode(src []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(src) / 2)
	w := deflaters.Get().(*flate.Writer)
	w.Reset(&buf)
	// Writes to a bytes.Buffer do not fail.
	_, _ = w.Write(src)
	_ = w.Close()
	deflaters.Put(w)
	return buf.Bytes()
}

var inflaters sync.Pool

// unpackScratch is what unpacking an article reuses: the text inflated by
// textDecoder, and for text with a code of its own the reader of it and
// the inflated bytes (three
// allocations an article, 10–17 KB, of the preview's 20 were most of its
// garbage).
type unpackScratch struct {
	body []byte // packed with textCode, inflated
	in   bytes.Reader
	out  bytes.Buffer
}

var unpackScratches = sync.Pool{New: func() any { return new(unpackScratch) }}

// errPacked reports stored text that packArticle did not write.
var errPacked = errors.New("stored text is not packed article text")

// unpackArticle returns the text and summary that the columns hold (see
// packArticle; a rawColumn has unpacked a BLOB as it was scanned). It fails
// on a BLOB that is not what packArticle writes.
func unpackArticle(textCol, summaryCol any) (text, summary string, err error) {
	summary, _ = summaryCol.(string)
	switch v := textCol.(type) {
	case nil:
		return "", summary, nil
	case string:
		return v, summary, nil
	case unpacked:
		return v.text, v.summary, v.err
	case []byte:
		return unpackBlob(v)
	}
	return "", "", fmt.Errorf("%w: of type %T", errPacked, textCol)
}

// unpackBlob returns the text and summary that packArticle packed into v.
// It reads v only while it runs.
func unpackBlob(v []byte) (text, summary string, err error) {
	sc := unpackScratches.Get().(*unpackScratch)
	defer unpackScratches.Put(sc)
	var data []byte
	if len(v) > 0 && v[0]&textCodeMark == textCodeMark {
		if v[0] != textCodeMark {
			return "", "", errPacked
		}
		sc.body, err = textDecoderOf().inflate(sc.body[:0], v[1:])
		data = sc.body
	} else {
		data, err = sc.inflate(v)
	}
	if err != nil {
		return "", "", err
	}
	n, k := binary.Uvarint(data)
	if k <= 0 || uint64(len(data)-k) < n {
		return "", "", errPacked
	}
	return string(data[k+int(n):]), string(data[k : k+int(n)]), nil
}

// inflate returns b inflated, in sc.out: valid until sc is used again.
func (sc *unpackScratch) inflate(b []byte) ([]byte, error) {
	sc.in.Reset(b)
	r, _ := inflaters.Get().(io.ReadCloser)
	if r == nil {
		r = flate.NewReader(&sc.in)
	} else if err := r.(flate.Resetter).Reset(&sc.in, nil); err != nil {
		return nil, err
	}
	sc.out.Reset()
	sc.out.Grow(3 * len(b))
	_, err := sc.out.ReadFrom(r)
	inflaters.Put(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errPacked, err)
	}
	return sc.out.Bytes(), nil
}

// unpacked is a BLOB column unpacked by rawColumn.Scan, and its failure.
type unpacked struct {
	text, summary string
	err           error
}

// rawColumn scans a column's value as it is, for unpackArticle; a BLOB
// (packed text, which the driver owns only until the next Scan) it unpacks
// at once rather than copy it to unpack later.
type rawColumn struct{ v any }

// Scan implements sql.Scanner.
func (r *rawColumn) Scan(src any) error {
	if b, ok := src.([]byte); ok {
		var u unpacked
		u.text, u.summary, u.err = unpackBlob(b)
		src = u
	}
	r.v = src
	return nil
}

// articleText scans the text and summary columns of an article into the
// strings it points to: Scan with its Text and Summary, then call set.
type articleText struct {
	text, summary *string
	Text, Summary rawColumn
}

func newArticleText(text, summary *string) *articleText {
	return &articleText{text: text, summary: summary}
}

// set unpacks the scanned columns into the strings.
func (t *articleText) set() error {
	var err error
	*t.text, *t.summary, err = unpackArticle(t.Text.v, t.Summary.v)
	return err
}
