package store

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
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
//     the summary, then the text; and summary ''.
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
	var buf bytes.Buffer
	buf.Grow((len(text) + len(summary)) / 2)
	w := deflaters.Get().(*flate.Writer)
	w.Reset(&buf)
	// Writes to a bytes.Buffer do not fail.
	_, _ = w.Write(binary.AppendUvarint(nil, uint64(len(summary))))
	_, _ = io.WriteString(w, summary)
	_, _ = io.WriteString(w, text)
	_ = w.Close()
	deflaters.Put(w)
	if buf.Len() >= len(text)+len(summary) {
		return text, summary
	}
	return buf.Bytes(), ""
}

var inflaters sync.Pool

// errPacked reports stored text that packArticle did not write.
var errPacked = errors.New("stored text is not packed article text")

// unpackArticle returns the text and summary that the columns hold (see
// packArticle). It fails on a BLOB that is not what packArticle writes.
func unpackArticle(textCol, summaryCol any) (text, summary string, err error) {
	summary, _ = summaryCol.(string)
	switch v := textCol.(type) {
	case nil:
		return "", summary, nil
	case string:
		return v, summary, nil
	case []byte:
		data, err := inflate(v)
		if err != nil {
			return "", "", err
		}
		n, k := binary.Uvarint(data)
		if k <= 0 || uint64(len(data)-k) < n {
			return "", "", errPacked
		}
		return string(data[k+int(n):]), string(data[k : k+int(n)]), nil
	}
	return "", "", fmt.Errorf("%w: of type %T", errPacked, textCol)
}

func inflate(b []byte) ([]byte, error) {
	r, _ := inflaters.Get().(io.ReadCloser)
	if r == nil {
		r = flate.NewReader(bytes.NewReader(b))
	} else if err := r.(flate.Resetter).Reset(bytes.NewReader(b), nil); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.Grow(3 * len(b))
	_, err := out.ReadFrom(r)
	inflaters.Put(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errPacked, err)
	}
	return out.Bytes(), nil
}

// rawColumn scans a column's value as it is, for unpackArticle.
type rawColumn struct{ v any }

// Scan implements sql.Scanner.
func (r *rawColumn) Scan(src any) error {
	if b, ok := src.([]byte); ok {
		src = bytes.Clone(b) // the driver may reuse b
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
