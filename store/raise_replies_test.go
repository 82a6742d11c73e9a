package store

import (
	"context"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// RaiseToReplies makes a chat's hint (between a reply and an alert) a
// reply, so its queue goes in id order; its alerts, another chat's hint
// and a sent hint stay as they were.
func TestRaiseToRepliesRaisesOnlyTheChatsHints(t *testing.T) {
	ctx := context.Background()
	st := mustOpenStore(t)
	for _, id := range []int64{7, 8} {
		if _, err := st.EnsureChat(ctx, id, "private", "", news.ChatDefaults{}); err != nil {
			t.Fatal(err)
		}
	}
	enqueue := func(chat int64, priority int, text string) int64 {
		id, err := st.Enqueue(ctx, news.Message{ChatID: chat, Kind: news.KindReply, Priority: priority, Text: text})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	sent := enqueue(7, 5, "an older hint, sent")
	if err := st.MarkSent(ctx, sent, 1); err != nil {
		t.Fatal(err)
	}
	enqueue(7, 5, "hint")
	enqueue(7, news.PriorityAlert, "alert")
	enqueue(8, 5, "another chat's hint")
	enqueue(7, news.PriorityReply, "reply")
	n, err := st.RaiseToReplies(ctx, 7)
	if err != nil || n != 1 {
		t.Fatalf("RaiseToReplies = %d, %v; want the one pending hint", n, err)
	}
	var order []string
	for range 5 {
		due, err := st.DueMessages(ctx, time.Now().Add(time.Hour), 10)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range due {
			order = append(order, m.Text)
			if err := st.MarkSent(ctx, m.ID, 1); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := []string{"hint", "another chat's hint", "reply", "alert"}
	if len(order) != len(want) {
		t.Fatalf("sent %q, want %q", order, want)
	}
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("sent %q, want %q", order, want)
		}
	}
}
