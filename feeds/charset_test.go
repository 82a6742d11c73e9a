package feeds

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// A feed whose encoding only its HTTP header names (Content-Type: text/xml;
// charset=windows-1251, a prolog without encoding="…", as older Russian
// sites serve) failed every fetch as "not a feed": the header's charset is
// used when the prolog names none; the prolog's still wins when it does (a
// server's default "charset=utf-8" is wrong more often than a feed's own
// declaration).
func TestAFeedsCharsetFromItsHTTPHeader(t *testing.T) {
	win := func(s string) []byte {
		b, err := charmap.Windows1251.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	item := `<rss version="2.0"><channel><title>Новости</title><item><title>Курская область: саперы</title><guid>g1</guid></item></channel></rss>`
	tests := []struct {
		name, contentType string
		body              []byte
	}{
		{"the header's charset, no encoding in the prolog", "text/xml; charset=windows-1251", win(`<?xml version="1.0"?>` + item)},
		{"the header's charset, no prolog", "application/rss+xml; charset=Windows-1251", win(item)},
		{"the prolog's encoding against a header's utf-8", "application/rss+xml; charset=utf-8", win(`<?xml version="1.0" encoding="windows-1251"?>` + item)},
		{"utf-8 both", "application/rss+xml; charset=utf-8", []byte(`<?xml version="1.0" encoding="utf-8"?>` + item)},
		{"no charset at all", "application/rss+xml", []byte(item)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fetchCyrillicFeed(t, tt.contentType, tt.body)
		})
	}
}

// /addsource of such a feed found it too (Discover parses what it fetched).
func TestDiscoverAFeedWhoseCharsetOnlyItsHeaderNames(t *testing.T) {
	body, err := charmap.Windows1251.NewEncoder().Bytes([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Новости</title><item><title>Курск</title><guid>g1</guid></item></channel></rss>`))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/xml; charset=windows-1251")
		w.Write(body)
	}))
	defer srv.Close()
	d, err := NewDiscoverer(DiscoverOptions{AllowPrivate: true, Timeout: 5 * time.Second}).Discover(context.Background(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Новости" {
		t.Errorf("discovered %+v, want the title Новости", d)
	}
}

// A feed in UTF-16 (as some Windows-made feeds are: a byte-order mark, or
// encoding="UTF-16" in the prolog) failed every fetch and /addsource as "not
// a feed": gofeed sniffs the feed's type from its first bytes as if they
// were ASCII. It is read as the UTF-8 it decodes to, whatever the header
// says; a UTF-8 body whose prolog wrongly names UTF-16 is read as UTF-8.
func TestAFeedInUTF16(t *testing.T) {
	item := `<rss version="2.0"><channel><title>Новости</title><item><title>Курская область: саперы</title><guid>g1</guid></item></channel></rss>`
	enc := func(e encoding.Encoding, s string) []byte {
		b, err := e.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	le, be := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	leBOM, beBOM := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	tests := []struct {
		name, contentType string
		body              []byte
	}{
		{"little-endian with a BOM and the prolog's UTF-16", "application/rss+xml", enc(leBOM, `<?xml version="1.0" encoding="UTF-16"?>`+item)},
		{"big-endian with a BOM and the prolog's UTF-16", "text/xml", enc(beBOM, `<?xml version="1.0" encoding="utf-16"?>`+item)},
		{"little-endian with a BOM, no prolog", "application/rss+xml", enc(leBOM, item)},
		{"little-endian, no BOM, the prolog's UTF-16", "text/xml", enc(le, `<?xml version="1.0" encoding="UTF-16"?>`+item)},
		{"big-endian, no BOM, the prolog's UTF-16BE", "text/xml", enc(be, `<?xml version='1.0' encoding='UTF-16BE'?>`+item)},
		{"a BOM against a header's charset=utf-8", "application/rss+xml; charset=utf-8", enc(leBOM, `<?xml version="1.0" encoding="UTF-16"?>`+item)},
		{"utf-8 bytes whose prolog says UTF-16", "application/rss+xml", []byte(`<?xml version="1.0" encoding="UTF-16"?>` + item)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := fetchCyrillicFeed(t, tt.contentType, tt.body)
			d, err := NewDiscoverer(DiscoverOptions{AllowPrivate: true, Timeout: 5 * time.Second}).Discover(context.Background(), srv.URL)
			if err != nil {
				t.Fatalf("discover: %v", err)
			}
			if d.Title != "Новости" {
				t.Errorf("discovered %+v, want the title Новости", d)
			}
		})
	}
}

// fetchCyrillicFeed serves body as contentType (until the test ends), fetches
// it as a poll does and checks that it parses with its Cyrillic titles. It
// returns the server, for a discovery of the same address.
func fetchCyrillicFeed(t *testing.T, contentType string, body []byte) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	resp, err := newTestFetcher(1<<20, 5*time.Second).Fetch(context.Background(), srv.URL, "", "")
	if err != nil {
		t.Fatal(err)
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(resp.Body)) // as pollSource parses it
	if err != nil {
		t.Fatalf("not a feed: %v", err)
	}
	if len(feed.Items) != 1 || feed.Items[0].Title != "Курская область: саперы" || feed.Title != "Новости" {
		t.Errorf("feed %q, items %+v; want the Cyrillic titles", feed.Title, feed.Items)
	}
	return srv
}

// A feed in Latin-1 or windows-1252 that names no encoding anywhere (a
// prolog without encoding="…", Content-Type: text/xml), as older European
// sites serve, failed every fetch: its bytes are no UTF-8, which XML
// assumes. Bytes that are no UTF-8 and that nothing names are read as
// windows-1252, the superset of Latin-1 the web reads such pages as; a
// UTF-8 feed with a broken byte (a character cut in two) keeps its UTF-8.
func TestAFeedInAnUndeclaredLatinEncoding(t *testing.T) {
	const title = "Café fire: owner «devastated» – “no one hurt”"
	body, err := charmap.Windows1252.NewEncoder().Bytes([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Le Petit Écho</title>` +
		`<item><title>` + title + `</title><guid>g1</guid><description>A fire destroyed the café on the main square.</description></item></channel></rss>`))
	if err != nil {
		t.Fatal(err)
	}
	for _, contentType := range []string{"text/xml", "application/rss+xml", ""} {
		t.Run(contentType, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", contentType)
				w.Write(body)
			}))
			defer srv.Close()
			resp, err := newTestFetcher(1<<20, 5*time.Second).Fetch(context.Background(), srv.URL, "", "")
			if err != nil {
				t.Fatal(err)
			}
			feed, err := gofeed.NewParser().Parse(bytes.NewReader(resp.Body)) // as pollSource parses it
			if err != nil {
				t.Fatalf("not a feed: %v", err)
			}
			if feed.Title != "Le Petit Écho" || len(feed.Items) != 1 || feed.Items[0].Title != title ||
				feed.Items[0].Description != "A fire destroyed the café on the main square." {
				t.Errorf("feed %q, items %+v; want the Latin titles", feed.Title, feed.Items)
			}
		})
	}
	broken := []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Новости</title><item><title>Курская область: саперы</title><guid>g1</guid>` +
		"<description>Саперы начали работу \xd0</description></item></channel></rss>")
	fetchCyrillicFeed(t, "text/xml", broken)
}
