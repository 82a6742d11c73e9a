package digest

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// fullStore is the store with every digest refused, as on a full disk.
type fullStore struct {
	Store
	refused int
}

func (f *fullStore) QueueDigest(context.Context, news.Digest, func(news.DigestContent) ([]string, error)) (news.Digest, error) {
	f.refused++
	return news.Digest{}, errors.New("database or disk is full")
}

// 100 chats due while the database refuses writes: the failures of a minute
// give one log line, the next minute's first failure the next, with the
// count held back; every chat is tried again at each tick.
func TestFailingDigestsLoggedOncePerMinute(t *testing.T) {
	due := time.Date(2026, 6, 10, 8, 0, 0, 0, time.UTC)
	f := newFixture(t, due.Add(-time.Minute))
	for id := int64(1); id <= 100; id++ {
		f.chat(id, "UTC", "08:00")
	}
	var logs bytes.Buffer
	store := &fullStore{Store: f.st}
	s := NewScheduler(Options{Store: store, MaxItems: 20, CatchUp: time.Hour, Now: f.clk.Now,
		Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	lines := func() int { return strings.Count(logs.String(), `msg="daily digest failed`) }

	if _, err := s.Tick(f.ctx, f.clk.Now()); err != nil {
		t.Fatalf("tick before the digests are due: %v", err)
	}
	f.clk.Advance(time.Minute)
	if _, err := s.Tick(f.ctx, f.clk.Now()); err == nil || !strings.Contains(err.Error(), "100 of 100 chats failed") {
		t.Fatalf("tick with every digest refused: %v, want 100 of 100 failed", err)
	}
	f.clk.Advance(30 * time.Second)
	if _, err := s.Tick(f.ctx, f.clk.Now()); err == nil {
		t.Fatal("the second tick with every digest refused succeeded")
	}
	if store.refused != 200 || lines() != 1 {
		t.Fatalf("%d refused digests within a minute logged %d lines, want 200 refused and 1 line:\n%s", store.refused, lines(), logs.String())
	}
	f.clk.Advance(30 * time.Second)
	if _, err := s.Tick(f.ctx, f.clk.Now()); err == nil {
		t.Fatal("the third tick with every digest refused succeeded")
	}
	if lines() != 2 || !strings.Contains(logs.String(), "suppressed_since_last_log=199") {
		t.Fatalf("a minute later: %d lines, want 2, the second with the 199 held back:\n%s", lines(), logs.String())
	}

	s.opts.Store = f.st // the disk has room again
	f.clk.Advance(time.Minute)
	n, err := s.Tick(f.ctx, f.clk.Now())
	if err != nil || n != 100 {
		t.Fatalf("once the database takes writes: %d digests queued (%v), want 100", n, err)
	}
}
