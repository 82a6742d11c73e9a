package feeds

import (
	"compress/gzip"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func newTestFetcher(maxBytes int64, timeout time.Duration) *Fetcher {
	return NewFetcher(FetcherOptions{Timeout: timeout, MaxBytes: maxBytes, UserAgent: "newshound-test"})
}

func TestFetchConditionalGet(t *testing.T) {
	var gotINM, gotIMS, gotUA string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotINM, gotIMS, gotUA = r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since"), r.Header.Get("User-Agent")
		if gotINM == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Fri, 27 Nov 2026 10:00:00 GMT")
		w.Write([]byte("<rss/>"))
	}))
	defer srv.Close()
	f := newTestFetcher(1<<20, 5*time.Second)
	r1, err := f.Fetch(context.Background(), srv.URL, "", "")
	if err != nil || r1.NotModified || string(r1.Body) != "<rss/>" || r1.ETag != `"v1"` {
		t.Fatalf("first fetch = %+v, %v", r1, err)
	}
	if gotUA != "newshound-test" {
		t.Errorf("User-Agent = %q", gotUA)
	}
	r2, err := f.Fetch(context.Background(), srv.URL, r1.ETag, r1.LastModified)
	if err != nil || !r2.NotModified {
		t.Fatalf("second fetch = %+v, %v; want 304", r2, err)
	}
	if gotINM != `"v1"` || gotIMS != "Fri, 27 Nov 2026 10:00:00 GMT" {
		t.Errorf("validators sent: If-None-Match %q, If-Modified-Since %q", gotINM, gotIMS)
	}
	if r2.ETag != `"v1"` {
		t.Errorf("a 304 should keep the validators, got %+v", r2)
	}
}

func TestFetchGzip(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			t.Errorf("no gzip in Accept-Encoding: %q", r.Header.Get("Accept-Encoding"))
		}
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write([]byte("<rss>compressed</rss>"))
		zw.Close()
	}))
	defer srv.Close()
	r, err := newTestFetcher(1<<20, 5*time.Second).Fetch(context.Background(), srv.URL, "", "")
	if err != nil || string(r.Body) != "<rss>compressed</rss>" {
		t.Fatalf("got %q, %v", r.Body, err)
	}
}

func TestFetchSizeCap(t *testing.T) {
	chunk := []byte(strings.Repeat("x", 64<<10))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// 50 MB, streamed without a Content-Length.
		for i := 0; i < 50<<20/len(chunk); i++ {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	_, err := newTestFetcher(1<<20, 10*time.Second).Fetch(context.Background(), srv.URL, "", "")
	// The log line names the key to raise.
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "poller.max_bytes") {
		t.Fatalf("err = %v, want ErrTooLarge naming poller.max_bytes", err)
	}
	announced := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "52428800")
		w.Write(chunk)
	}))
	defer announced.Close()
	if _, err := newTestFetcher(1<<20, 10*time.Second).Fetch(context.Background(), announced.URL, "", ""); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "poller.max_bytes") {
		t.Fatalf("announced: err = %v, want ErrTooLarge", err)
	}
}

func TestFetchTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	_, err := newTestFetcher(1<<20, 200*time.Millisecond).Fetch(context.Background(), srv.URL, "", "")
	if err == nil {
		t.Fatal("want a timeout error")
	}
}

func TestFetchStatusErrors(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()
	_, err := newTestFetcher(1<<20, 5*time.Second).Fetch(context.Background(), srv.URL, "", "")
	var se *StatusError
	if !errors.As(err, &se) || se.Code != 429 || se.RetryAfter != 2*time.Minute {
		t.Fatalf("err = %#v, want a 429 StatusError with RetryAfter 2m", err)
	}
}

func TestFetchRefusesNonHTTPRedirect(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	}))
	defer srv.Close()
	if _, err := newTestFetcher(1<<20, 5*time.Second).Fetch(context.Background(), srv.URL, "", ""); err == nil {
		t.Fatal("want an error for a redirect to file://")
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		in   string
		want time.Duration
	}{
		{"empty", "", 0},
		{"seconds", "30", 30 * time.Second},
		{"date", "Fri, 27 Nov 2026 12:05:00 GMT", 5 * time.Minute},
		{"past date", "Fri, 27 Nov 2026 11:00:00 GMT", 0},
		{"garbage", "soon", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := retryAfter(tt.in, now); got != tt.want {
				t.Fatalf("retryAfter(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// A server that dates its files to the second (python3 -m http.server,
// many static servers) answers 304 to If-Modified-Since for any change made
// within the second it named. A Last-Modified in the same second as the
// answer's Date is therefore not kept: the next fetch is a full one, and a
// second change within that second is not hidden by 304s until the file
// changes again.
func TestFetchDropsLastModifiedOfTheSameSecond(t *testing.T) {
	mod := time.Date(2026, 11, 30, 3, 6, 31, 0, time.UTC) // the file's time, to the second
	body := "<rss>A</rss>"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Date", mod.Add(400*time.Millisecond).Format(http.TimeFormat))
		if ims, err := http.ParseTime(r.Header.Get("If-Modified-Since")); err == nil && !mod.After(ims) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Last-Modified", mod.Format(http.TimeFormat))
		w.Write([]byte(body))
	}))
	defer srv.Close()
	f := newTestFetcher(1<<20, 5*time.Second)
	r1, err := f.Fetch(context.Background(), srv.URL, "", "")
	if err != nil || string(r1.Body) != "<rss>A</rss>" {
		t.Fatalf("first fetch = %+v, %v", r1, err)
	}
	if r1.LastModified != "" {
		t.Errorf("Last-Modified %q of the answer's own second was kept", r1.LastModified)
	}
	body = "<rss>A B</rss>" // changed again within the same second
	r2, err := f.Fetch(context.Background(), srv.URL, r1.ETag, r1.LastModified)
	if err != nil || r2.NotModified || string(r2.Body) != "<rss>A B</rss>" {
		t.Fatalf("second fetch = %+v, %v; want the changed feed", r2, err)
	}
}

// A Last-Modified at least a second older than the answer is kept, and a
// missing Date is read as the time of the answer.
func TestFetchKeepsAnOlderLastModified(t *testing.T) {
	for _, tt := range []struct{ date, lastModified string }{
		{"Mon, 30 Nov 2026 03:06:32 GMT", "Mon, 30 Nov 2026 03:06:31 GMT"},
		{"", "Mon, 01 Jan 2001 00:00:00 GMT"},
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header()["Date"] = nil // net/http adds one unless told not to
			if tt.date != "" {
				w.Header().Set("Date", tt.date)
			}
			w.Header().Set("Last-Modified", tt.lastModified)
			w.Write([]byte("<rss/>"))
		}))
		r, err := newTestFetcher(1<<20, 5*time.Second).Fetch(context.Background(), srv.URL, "", "")
		srv.Close()
		if err != nil || r.LastModified != tt.lastModified {
			t.Errorf("Date %q: fetch = %+v, %v; want Last-Modified %q kept", tt.date, r, err, tt.lastModified)
		}
	}
}
