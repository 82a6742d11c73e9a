package feeds

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// A server that compresses its feed with an encoding the fetcher did not
// ask for: deflate (zlib or raw) and x-gzip are read; br or zstd fail
// naming the encoding; a deflate bomb stops at the size cap. (Each was
// "not a feed (RSS, Atom or JSON Feed)": the parser got compressed bytes.)
func TestFetchReadsOrNamesAnUnaskedEncoding(t *testing.T) {
	const feed = `<rss version="2.0"><channel><title>Encoded</title></channel></rss>`
	compress := func(enc string, data []byte) []byte {
		var b bytes.Buffer
		var w interface {
			Write([]byte) (int, error)
			Close() error
		}
		switch enc {
		case "deflate":
			w = zlib.NewWriter(&b)
		case "raw-deflate":
			w, _ = flate.NewWriter(&b, flate.BestSpeed)
		case "x-gzip":
			w = gzip.NewWriter(&b)
		default:
			return []byte("\x1b\x00 not really " + enc)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	cases := []struct {
		name, header string
		body         []byte
		want         string // the body read, or a part of the error
		wantErr      error
	}{
		{"zlib deflate", "deflate", compress("deflate", []byte(feed)), feed, nil},
		{"raw deflate", "deflate", compress("raw-deflate", []byte(feed)), feed, nil},
		{"x-gzip", "x-gzip", compress("x-gzip", []byte(feed)), feed, nil},
		{"brotli", "br", compress("br", nil), `compressed as "br"`, errEncoding},
		{"zstd", "zstd", compress("zstd", nil), `compressed as "zstd"`, errEncoding},
		{"deflate bomb", "deflate", compress("deflate", bytes.Repeat([]byte(" "), 8<<20)), "decompressed", ErrTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Encoding", c.header)
				w.Header().Set("Content-Type", "application/rss+xml")
				w.Write(c.body)
			}))
			defer srv.Close()
			resp, err := newTestFetcher(1<<20, 5*time.Second).Fetch(context.Background(), srv.URL, "", "")
			if c.wantErr == nil {
				if err != nil || string(resp.Body) != c.want {
					t.Fatalf("Fetch = %q, %v; want the feed", resp.Body, err)
				}
				return
			}
			if !errors.Is(err, c.wantErr) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Fetch error = %v; want %v naming %q", err, c.wantErr, c.want)
			}
		})
	}
}

// /addsource reads a feed sent as deflate as the poller does: it was refused
// as "no feed found", though every poll would have read it.
func TestDiscoverReadsADeflateFeed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b bytes.Buffer
		z := zlib.NewWriter(&b)
		z.Write([]byte(`<rss version="2.0"><channel><title>Deflated</title><item><title>One</title><guid>1</guid></item></channel></rss>`))
		z.Close()
		w.Header().Set("Content-Encoding", "deflate")
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(b.Bytes())
	}))
	defer srv.Close()
	got, err := NewDiscoverer(DiscoverOptions{AllowPrivate: true}).Discover(context.Background(), srv.URL+"/feed.xml")
	if err != nil || got.Title != "Deflated" || got.Items != 1 {
		t.Fatalf("Discover = %+v, %v; want the deflated feed", got, err)
	}
}
