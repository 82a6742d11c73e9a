package store

import (
	"context"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// /status said "Outbox: 1 message waiting" and nothing more while an alert
// was held to gather a burst: HeldMessages counts the messages of chats
// whose first pending message is held past now, a burst apart from a retry,
// with when each goes.
func TestHeldMessagesTellsABurstFromARetry(t *testing.T) {
	ctx := context.Background()
	st := mustOpenStore(t)
	for _, id := range []int64{1, 2, 3} {
		if _, err := st.EnsureChat(ctx, id, "private", "", news.ChatDefaults{}); err != nil {
			t.Fatal(err)
		}
	}
	enqueue := func(chat int64) int64 {
		t.Helper()
		id, err := st.Enqueue(ctx, news.Message{ChatID: chat, Kind: news.KindAlert, Priority: news.PriorityAlert, Text: "a"})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	burstHead := enqueue(1)
	enqueue(1)
	enqueue(1)
	retryHead := enqueue(2)
	enqueue(2)
	enqueue(3) // due now: not held
	if h, err := st.HeldMessages(ctx, testNow); err != nil || h != (news.OutboxHold{}) {
		t.Fatalf("nothing held yet: %+v, %v", h, err)
	}
	if err := st.DeferMessage(ctx, burstHead, testNow.Add(40*time.Second)); err != nil {
		t.Fatal(err)
	}
	if err := st.MarkRetry(ctx, retryHead, testNow.Add(2*time.Minute), "502"); err != nil {
		t.Fatal(err)
	}
	want := news.OutboxHold{Burst: 3, Retry: 2, BurstUntil: testNow.Add(40 * time.Second), RetryUntil: testNow.Add(2 * time.Minute)}
	if h, err := st.HeldMessages(ctx, testNow); err != nil || h != want {
		t.Fatalf("held = %+v, %v; want %+v", h, err, want)
	}
	if h, err := st.HeldMessages(ctx, testNow.Add(time.Minute)); err != nil || h.Burst != 0 || h.Retry != 2 {
		t.Fatalf("a minute on, the burst has gone: %+v, %v", h, err)
	}
}
