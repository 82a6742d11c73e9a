package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
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

// TestLogSyncedAtEveryTickAndKick: the bot puts the database's log on the
// disk at every tick and every kick, a failure included (logged, and the
// loop goes on), until it stops. Without it a power cut took back up to the
// last ~30 s of commits (synchronous = NORMAL): outbox rows marked sent,
// sent again after.
func TestLogSyncedAtEveryTickAndKick(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	st := &syncCounter{calls: make(chan struct{}), err: errors.New("input/output error")}
	tick := make(chan time.Time)
	kicks, kick := kicker()
	done := make(chan error)
	go func() { done <- syncLog(ctx, st, tick, kicks, slog.New(slog.NewTextHandler(io.Discard, nil))) }()
	for i := range 4 {
		if i%2 == 0 {
			tick <- time.Now()
		} else {
			kick()
		}
		select {
		case <-st.calls:
		case err := <-done:
			t.Fatalf("the loop ended at wake %d: %v", i+1, err)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("syncLog = %v at the stop; want nil", err)
	}
}

// TestAMessageRecordedSentKicksTheSync: the sender's outbox kicks the
// log's sync when it has recorded a message (or a burst) as sent, so that a
// power cut right after does not take the record back (and the message is
// not sent again); a record that failed kicks nothing.
func TestAMessageRecordedSentKicksTheSync(t *testing.T) {
	ctx := context.Background()
	st := testkit.OpenStoreAt(t, filepath.Join(t.TempDir(), "kick.db"), nil)
	if _, err := st.EnsureChat(ctx, 7, "private", "", news.ChatDefaults{}); err != nil {
		t.Fatal(err)
	}
	kicks, kick := kicker()
	out := syncedOutbox{st, kick}
	kicked := func() bool {
		select {
		case <-kicks:
			return true
		default:
			return false
		}
	}
	var ids []int64
	for range 3 {
		id, err := st.Enqueue(ctx, news.Message{ChatID: 7, Kind: news.KindReply, Priority: news.PriorityReply, Text: "hi"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if err := out.MarkSent(ctx, ids[0], 100); err != nil || !kicked() {
		t.Fatalf("MarkSent = %v, or it did not kick the sync", err)
	}
	if err := out.MarkBurstSent(ctx, ids[1:], 101); err != nil || !kicked() {
		t.Fatalf("MarkBurstSent = %v, or it did not kick the sync", err)
	}
	st.Close()
	if err := out.MarkSent(ctx, ids[0], 102); err == nil || kicked() {
		t.Fatalf("MarkSent on a closed store = %v, and kicked the sync; want an error and no kick", err)
	}
}
