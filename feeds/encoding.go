package feeds

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// errEncoding marks an answer compressed in a way the fetcher cannot read.
var errEncoding = errors.New("unreadable Content-Encoding")

// decodeBody undoes a Content-Encoding that net/http left in place: it
// decompresses gzip only when it asked for it, and the fetcher asks for
// nothing else, yet some servers send deflate (or x-gzip) all the same.
// Those are decompressed here, still within maxBytes; any other encoding
// (br, zstd: never asked for) fails naming it, where the feed parser would
// only have said "not a feed". It fails with ErrTooLarge past maxBytes.
func decodeBody(resp *http.Response, body []byte, maxBytes int64) ([]byte, error) {
	if resp.Uncompressed {
		return body, nil
	}
	enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding")))
	var r io.Reader
	var err error
	switch enc {
	case "", "identity":
		return body, nil
	case "gzip", "x-gzip":
		r, err = gzip.NewReader(bytes.NewReader(body))
	case "deflate":
		// RFC 9110's deflate is zlib-wrapped; some servers send raw deflate.
		if r, err = zlib.NewReader(bytes.NewReader(body)); err != nil {
			r, err = flate.NewReader(bytes.NewReader(body)), nil
		}
	default:
		return nil, fmt.Errorf("%w: the server sent the answer compressed as %q, which Newshound did not ask for and cannot read (it reads gzip and deflate)", errEncoding, enc)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", errEncoding, enc, err)
	}
	out, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", errEncoding, enc, err)
	}
	if int64(len(out)) > maxBytes {
		return nil, fmt.Errorf("%w: more than %d bytes once decompressed (poller.max_bytes)", ErrTooLarge, maxBytes)
	}
	return out, nil
}
