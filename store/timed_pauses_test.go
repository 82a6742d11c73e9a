package store

import (
	"context"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// A timed pause (0067) holds until its time by the store's clock and no
// later, where alerts are decided (AlertTargets) and where the chat is
// read; a timed mute likewise. Reopened, the database keeps both; an
// untimed pause or /resume clears the time.
func TestTimedPauseAndMuteEndAtTheirTime(t *testing.T) {
	ctx := context.Background()
	start := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	var clock atomic.Int64
	clock.Store(start.Unix())
	now := func() time.Time { return time.Unix(clock.Load(), 0).UTC() }
	path := filepath.Join(t.TempDir(), "store.db")
	st, err := Open(ctx, path, now)
	if err != nil {
		t.Fatal(err)
	}
	for _, chat := range []int64{1, 2} {
		if _, err := st.EnsureChat(ctx, chat, "private", "", news.ChatDefaults{}); err != nil {
			t.Fatal(err)
		}
	}
	a, _, err := st.CreateSubscription(ctx, 1, "a", "a", 5)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := st.CreateSubscription(ctx, 2, "b", "b", 5)
	if err != nil {
		t.Fatal(err)
	}
	until := start.Add(2 * time.Hour)
	if err := st.PauseChatUntil(ctx, 1, until); err != nil {
		t.Fatal(err)
	}
	if err := st.MuteSubscriptionUntil(ctx, 2, b.ID, until); err != nil {
		t.Fatal(err)
	}
	if err := st.PauseChatUntil(ctx, 99, until); err == nil {
		t.Error("pausing an unknown chat should fail")
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	clock.Store(until.Add(-time.Second).Unix())
	st, err = Open(ctx, path, now) // a restart keeps both
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	targets, err := st.AlertTargets(ctx, []int64{a.ID, b.ID})
	if err != nil || len(targets) != 1 || targets[0].SubscriptionID != b.ID || !targets[0].Muted {
		t.Fatalf("a second before the time: targets = %+v, %v; want only b, muted", targets, err)
	}
	if c, err := st.FindChat(ctx, 1); err != nil || !c.Paused || !c.PausedUntil.Equal(until) {
		t.Errorf("chat 1 = %+v, %v; want paused until %v", c, err, until)
	}
	if s, err := st.FindSubscription(ctx, 2, b.ID); err != nil || !s.Muted || !s.MutedUntil.Equal(until) {
		t.Errorf("subscription b = %+v, %v; want muted until %v", s, err, until)
	}

	clock.Store(until.Unix())
	targets, err = st.AlertTargets(ctx, []int64{a.ID, b.ID})
	if err != nil || len(targets) != 2 || targets[0].Muted || targets[1].Muted {
		t.Fatalf("at the time: targets = %+v, %v; want a and b, neither muted", targets, err)
	}
	if c, err := st.FindChatDelivery(ctx, 1); err != nil || c.Paused {
		t.Errorf("chat 1's delivery at the time = %+v, %v; want not paused", c, err)
	}

	// An untimed pause, and /resume, forget the time.
	if err := st.PauseChatUntil(ctx, 1, until.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := st.SetChatPaused(ctx, 1, true); err != nil {
		t.Fatal(err)
	}
	clock.Store(until.Add(48 * time.Hour).Unix())
	if c, err := st.FindChat(ctx, 1); err != nil || !c.Paused || !c.PausedUntil.IsZero() {
		t.Errorf("after a /pause without a time, chat 1 = %+v, %v; want paused for ever", c, err)
	}
}
