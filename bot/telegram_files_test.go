package bot

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestFileURL(t *testing.T) {
	tests := []struct {
		name     string
		endpoint string
		want     string
		fails    bool
	}{
		{"telegram", "https://api.telegram.org/bot%s/%s", "https://api.telegram.org/file/bot123:abc/documents/a.opml", false},
		{"local server under a path", "http://localhost:8081/tg/bot%s/%s", "http://localhost:8081/tg/file/bot123:abc/documents/a.opml", false},
		{"no bot placeholder", "https://api.telegram.org/", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := fileURL(tt.endpoint, "123:abc", "documents/a.opml")
			if (err != nil) != tt.fails || got != tt.want {
				t.Errorf("fileURL(%q) = %q, %v; want %q (fails: %v)", tt.endpoint, got, err, tt.want, tt.fails)
			}
		})
	}
}

// fileAPI is a Bot API that answers getMe and getFile (without file_size)
// and serves the file with serve.
func fileAPI(t *testing.T, serve http.HandlerFunc) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/bot"+testToken+"/getMe", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"ok":true,"result":{"id":777,"is_bot":true,"first_name":"N","username":"n_bot"}}`))
	})
	mux.HandleFunc("/bot"+testToken+"/getFile", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"ok":true,"result":{"file_id":"f1","file_unique_id":"u1","file_path":"documents/f1.opml"}}`))
	})
	mux.HandleFunc("/file/bot"+testToken+"/documents/f1.opml", serve)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestDownloadFile(t *testing.T) {
	var sent atomic.Int64
	tests := []struct {
		name  string
		serve http.HandlerFunc
		want  string // the data, or a part of the error
		err   error
	}{
		{"small", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("<opml/>")) }, "<opml/>", nil},
		{"over the cap, no length given", func(w http.ResponseWriter, r *http.Request) {
			chunk := make([]byte, 4096)
			for range 16 << 10 { // 64 MiB, more than socket buffers hold, flushed in chunks: no Content-Length
				n, err := w.Write(chunk)
				sent.Add(int64(n))
				if err != nil {
					return
				}
				w.(http.Flusher).Flush()
			}
		}, "", ErrFileTooLarge},
		{"over the cap by its length", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", "2000000")
			w.Write(make([]byte, 2000000))
		}, "", ErrFileTooLarge},
		{"not found", http.NotFound, "HTTP status 404", nil},
		{"connection closed", func(w http.ResponseWriter, r *http.Request) {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err != nil {
				panic(err) // the test server's writer can always hang up
			}
			conn.Close()
		}, "download file", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := fileAPI(t, tt.serve)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			tg, err := NewTelegram(ctx, TelegramOptions{Token: testToken, Endpoint: srv.URL + "/bot%s/%s", PollTimeout: time.Second})
			if err != nil {
				t.Fatal(err)
			}
			data, err := tg.DownloadFile(ctx, "f1", 1<<20)
			switch {
			case tt.err != nil:
				if !errors.Is(err, tt.err) {
					t.Errorf("DownloadFile = %d bytes, %v; want %v", len(data), err, tt.err)
				}
			case strings.HasPrefix(tt.want, "<"):
				if err != nil || string(data) != tt.want {
					t.Errorf("DownloadFile = %q, %v; want %q", data, err, tt.want)
				}
			default:
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("DownloadFile error %v, want one saying %q", err, tt.want)
				}
			}
			if err != nil && strings.Contains(err.Error(), testToken) {
				t.Errorf("the error names the token: %v", err)
			}
		})
	}
	if n := sent.Load(); n >= 64<<20 {
		t.Errorf("the server sent all %d bytes of the file over the cap: the download read on", n)
	}
}
