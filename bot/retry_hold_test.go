package bot

import (
	"context"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

// A message held for a retry stays held in the store, however many times it
// failed: its hold, rounded up to a second, never reads as one written before
// the clock stepped back (beyond the store's FutureMargin), which the store
// serves at once. A message that failed nine times (a 5-minute hold) was
// retried round after round without a pause while Telegram was down.
func TestRetryHoldsStayHeldInTheStore(t *testing.T) {
	clock := testkit.NewClock(time.Date(2026, 11, 30, 12, 0, 0, 250_000_000, time.UTC)) // a fraction of a second
	st := testkit.OpenStore(t, clock.Now)
	ctx := context.Background()
	if _, err := st.EnsureChat(ctx, 7, "private", "", news.ChatDefaults{}); err != nil {
		t.Fatal(err)
	}
	id, err := st.Enqueue(ctx, news.Message{ChatID: 7, Kind: news.KindReply, Priority: news.PriorityReply, Text: "x"})
	if err != nil {
		t.Fatal(err)
	}
	for attempts := range 20 {
		wait := retryBackoff(attempts + 1)
		if err := st.MarkRetry(ctx, id, ceilSecond(clock.Now().Add(wait)), "502"); err != nil {
			t.Fatal(err)
		}
		due, err := st.DueMessages(ctx, clock.Now(), 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(due) != 0 {
			t.Fatalf("after %d failures, held for %v: the store serves it at once", attempts+1, wait)
		}
		due, err = st.DueMessages(ctx, clock.Now().Add(wait+time.Second), 10)
		if err != nil || len(due) != 1 {
			t.Fatalf("after %d failures: %d due once the hold of %v passed (%v), want 1", attempts+1, len(due), wait, err)
		}
	}
}
