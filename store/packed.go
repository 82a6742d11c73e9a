package store

import (
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"sync"
)

// The text and summary of an article are stored compressed (issue 18's
// compact storage): a row of 2.5 KB took a 4 KB page of its own, and deflate
// halves news text. The columns keep their TEXT declaration; a value is
// either TEXT (short text, or text stored before 0020 until the store's
// upgrade packs it) or a BLOB of raw deflate (RFC 1951) data. Only Go reads
// them: no SQL compares or searches these columns.

// packMin is the shortest text worth compressing: below it deflate's
// overhead eats the gain.
const packMin = 96

var deflaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.DefaultCompression) // fails only on a bad level
	return w
}}

// packText returns what an articles row stores of s: s itself when short,
// else its deflated bytes when they are smaller.
func packText(s string) any {
	if len(s) < packMin {
		return s
	}
	var buf bytes.Buffer
	buf.Grow(len(s) / 2)
	w := deflaters.Get().(*flate.Writer)
	w.Reset(&buf)
	// Writes to a bytes.Buffer do not fail.
	_, _ = io.WriteString(w, s)
	_ = w.Close()
	deflaters.Put(w)
	if buf.Len() >= len(s) {
		return s
	}
	return buf.Bytes()
}

var inflaters sync.Pool

// unpackText returns the text a packed value holds. It fails on a BLOB that
// is not deflate data.
func unpackText(b []byte) (string, error) {
	r, _ := inflaters.Get().(io.ReadCloser)
	if r == nil {
		r = flate.NewReader(bytes.NewReader(b))
	} else if err := r.(flate.Resetter).Reset(bytes.NewReader(b), nil); err != nil {
		return "", err
	}
	var out bytes.Buffer
	out.Grow(3 * len(b))
	_, err := out.ReadFrom(r)
	inflaters.Put(r)
	if err != nil {
		return "", fmt.Errorf("inflate stored text: %w", err)
	}
	return out.String(), nil
}

// packed scans a text column that packText wrote into the string it points to.
type packed struct{ s *string }

// Scan implements sql.Scanner.
func (p packed) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*p.s = ""
	case string:
		*p.s = v
	case []byte:
		s, err := unpackText(v)
		if err != nil {
			return err
		}
		*p.s = s
	default:
		return fmt.Errorf("stored text of type %T", src)
	}
	return nil
}
