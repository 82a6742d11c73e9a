package throttle

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// TestLogOncePerMinute: 100 failures within a minute give one line; the
// first after the minute says how many were held back; a clock stepped back
// lets a line through.
func TestLogOncePerMinute(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, nil))
	c := &clock{t: time.Date(2026, 11, 29, 21, 0, 0, 0, time.UTC)}
	l := &Log{Every: time.Minute, Now: c.Now}
	for range 100 {
		l.Error(log, "record fetch", "err", errors.New("database or disk is full"))
		c.Advance(500 * time.Millisecond) // 100 failures in 50 s
	}
	if lines := strings.Count(buf.String(), "\n"); lines != 1 || !strings.Contains(buf.String(), `level=ERROR msg="record fetch" err="database or disk is full"`) {
		t.Fatalf("100 failures in 50 s logged %d lines, want 1:\n%s", lines, buf.String())
	}
	c.Advance(10 * time.Second)
	buf.Reset()
	l.Warn(log, "record fetch")
	if got := buf.String(); !strings.Contains(got, "level=WARN") || !strings.Contains(got, "suppressed_since_last_log=99") {
		t.Fatalf("first line after the minute = %q, want the 99 held back", got)
	}
	buf.Reset()
	l.Error(log, "again")
	if buf.Len() != 0 {
		t.Fatalf("a second line within the minute went through: %q", buf.String())
	}
	c.Advance(-time.Hour)
	l.Error(log, "stepped back")
	if got := buf.String(); !strings.Contains(got, "stepped back") || !strings.Contains(got, "suppressed_since_last_log=1") {
		t.Fatalf("after the clock stepped back: %q, want a line with the 1 held back", got)
	}
}

// TestZeroLogUsesTheRealClock: the zero Log lets the first line through and
// holds back the next, within a real minute.
func TestZeroLogUsesTheRealClock(t *testing.T) {
	var l Log
	if _, ok := l.Allow(); !ok {
		t.Fatal("the first line was held back")
	}
	if _, ok := l.Allow(); ok {
		t.Fatal("a second line within a minute went through")
	}
}

// TestLogConcurrent: many goroutines failing at once still log one line.
func TestLogConcurrent(t *testing.T) {
	var buf bytes.Buffer
	var mu sync.Mutex
	log := slog.New(slog.NewTextHandler(lockedWriter{&mu, &buf}, nil))
	c := &clock{t: time.Date(2026, 11, 29, 21, 0, 0, 0, time.UTC)}
	l := &Log{Now: c.Now}
	var wg sync.WaitGroup
	for range 100 {
		wg.Go(func() { l.Error(log, "read outbox") })
	}
	wg.Wait()
	if n := strings.Count(buf.String(), "\n"); n != 1 {
		t.Fatalf("100 concurrent failures logged %d lines, want 1", n)
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	b  *bytes.Buffer
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}
