package store

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// steppingClock is a clock a test steps both ways.
type steppingClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *steppingClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *steppingClock) Step(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// A retry written by a clock 6 hours ahead (a clock stepped back since, or
// a database from another machine) waits at most FutureMargin, whether the
// step happens while running or between runs; a step forward makes it due.
func TestClockStepsNeverHoldMessagesForTheStep(t *testing.T) {
	ctx := context.Background()
	const step = 6 * time.Hour
	for _, tt := range []struct {
		name   string
		step   time.Duration
		reopen bool
	}{
		{"back while running", -step, false},
		{"back between runs", -step, true},
		{"forward", step, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			clock := &steppingClock{t: testNow}
			path := filepath.Join(t.TempDir(), "clock.db")
			st, err := Open(ctx, path, clock.Now)
			if err != nil {
				t.Fatal(err)
			}
			defer func() { st.Close() }()
			if _, err := st.EnsureChat(ctx, 7, "private", "", news.ChatDefaults{}); err != nil {
				t.Fatal(err)
			}
			id, err := st.Enqueue(ctx, news.Message{ChatID: 7, Kind: news.KindReply, Priority: news.PriorityReply, Text: "hi"})
			if err != nil {
				t.Fatal(err)
			}
			if err := st.MarkRetry(ctx, id, clock.Now().Add(2*time.Minute), "502"); err != nil {
				t.Fatal(err)
			}
			if due, err := st.DueMessages(ctx, clock.Now(), 10); err != nil || len(due) != 0 {
				t.Fatalf("before the step: due %v, %v; want nothing (the retry waits)", due, err)
			}
			clock.Step(tt.step)
			if tt.reopen {
				if err := st.Close(); err != nil {
					t.Fatal(err)
				}
				if st, err = Open(ctx, path, clock.Now); err != nil {
					t.Fatal(err)
				}
			}
			due, err := st.DueMessages(ctx, clock.Now().Add(FutureMargin), 10)
			if err != nil || len(due) != 1 || due[0].ID != id {
				t.Fatalf("after a step of %v: due %v, %v; want message %d within %v", tt.step, due, err, id, FutureMargin)
			}
			if tt.reopen && due[0].CreatedAt.After(clock.Now()) {
				t.Errorf("created_at %v still lies ahead of the clock %v", due[0].CreatedAt, clock.Now())
			}
		})
	}
}

// A daily digest recorded by a clock 6 hours ahead neither hides the next
// day's digest nor empties the next window.
func TestClockStepBackKeepsDigestsComing(t *testing.T) {
	ctx := context.Background()
	clock := &steppingClock{t: time.Date(2026, 11, 27, 22, 0, 0, 0, time.UTC)}
	path := filepath.Join(t.TempDir(), "digest.db")
	st, err := Open(ctx, path, clock.Now)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.EnsureChat(ctx, 7, "private", "", news.ChatDefaults{Timezone: "UTC", DigestTime: "08:00"}); err != nil {
		t.Fatal(err)
	}
	// Written 6 h ahead: the 28th's digest, due 08:00 on the 28th... at 04:00 true time.
	clock.Step(6 * time.Hour)
	ahead := clock.Now()
	empty := func(news.DigestContent) ([]string, error) { return nil, nil }
	if _, err := st.QueueDigest(ctx, news.Digest{ChatID: 7, Kind: news.DigestScheduled, LocalDate: "2026-11-28", DueAt: ahead, Since: ahead.Add(-24 * time.Hour), Until: ahead}, empty); err != nil {
		t.Fatal(err)
	}
	st.Close()
	clock.Step(-6 * time.Hour)
	if st, err = Open(ctx, path, clock.Now); err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	chats, err := st.ListDigestChats(ctx)
	if err != nil || len(chats) != 1 {
		t.Fatalf("digest chats = %v, %v", chats, err)
	}
	if chats[0].LastDate >= "2026-11-28" {
		t.Errorf("LastDate = %q: a digest recorded ahead of the clock would hide the 28th's", chats[0].LastDate)
	}
	var content news.DigestContent
	now := clock.Now()
	if _, err := st.QueueDigest(ctx, news.Digest{ChatID: 7, Kind: news.DigestNow, DueAt: now, Since: now.Add(-24 * time.Hour), Until: now},
		func(c news.DigestContent) ([]string, error) { content = c; return nil, nil }); err != nil {
		t.Fatal(err)
	}
	if content.Since.After(content.Until) {
		t.Errorf("window [%v, %v) is empty: its start was written ahead of the clock", content.Since, content.Until)
	}
}
