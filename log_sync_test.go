package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"
)

// syncCounter is a logSyncer that says on a channel each time it is asked.
type syncCounter struct {
	calls chan struct{}
	err   error
}

func (s *syncCounter) SyncLog() (bool, error) {
	s.calls <- struct{}{}
	return s.err == nil, s.err
}

// TestLogSyncedAtEveryTick: the bot puts the database's log on the disk at
// every tick, a failure included (logged, and the loop goes on), until it
// stops. Without it a power cut took back up to the last ~30 s of commits
// (synchronous = NORMAL): outbox rows marked sent, sent again after.
func TestLogSyncedAtEveryTick(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	st := &syncCounter{calls: make(chan struct{}), err: errors.New("input/output error")}
	tick := make(chan time.Time)
	done := make(chan error)
	go func() { done <- syncLog(ctx, st, tick, slog.New(slog.NewTextHandler(io.Discard, nil))) }()
	for range 3 {
		tick <- time.Now()
		select {
		case <-st.calls:
		case err := <-done:
			t.Fatalf("the loop ended at a tick: %v", err)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("syncLog = %v at the stop; want nil", err)
	}
}
