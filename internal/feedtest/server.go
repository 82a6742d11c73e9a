// Package feedtest serves fixture feeds over HTTP for tests, with ETag and
// Last-Modified validators that answer 304 when nothing changed.
package feedtest

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"
	"time"
)

// Server serves one body at a time; Set swaps it.
type Server struct {
	*httptest.Server
	mu          sync.Mutex
	body        []byte
	contentType string
	modified    time.Time
	requests    int
	notModified int
	conditional int
}

// New serves the file at path (a fixture under testdata/) with contentType.
func New(t testing.TB, path, contentType string) *Server {
	t.Helper()
	s := &Server{}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	s.SetFile(t, path, contentType)
	return s
}

// SetFile makes the server answer with the file at path from now on.
func (s *Server) SetFile(t testing.TB, path, contentType string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("feedtest: %v", err)
	}
	s.Set(b, contentType)
}

// Set makes the server answer with body from now on.
func (s *Server) Set(body []byte, contentType string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.body, s.contentType = body, contentType
	s.modified = time.Now().UTC().Truncate(time.Second).Add(time.Duration(s.requests+1) * time.Second)
}

// Counts returns how many requests came, how many carried a validator, and
// how many were answered 304.
func (s *Server) Counts() (requests, conditional, notModified int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests, s.conditional, s.notModified
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	body, ct, mod := s.body, s.contentType, s.modified
	s.requests++
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	inm := r.Header.Get("If-None-Match")
	if inm != "" || r.Header.Get("If-Modified-Since") != "" {
		s.conditional++
	}
	if inm == etag {
		s.notModified++
		s.mu.Unlock()
		w.WriteHeader(http.StatusNotModified)
		return
	}
	s.mu.Unlock()
	w.Header().Set("ETag", etag)
	w.Header().Set("Last-Modified", mod.Format(http.TimeFormat))
	w.Header().Set("Content-Type", ct)
	w.Write(body)
}
