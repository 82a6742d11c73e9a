package store

import (
	"context"
	"errors"
	"testing"

	"github.com/newshound/newshound/news"
)

// TurnChatDigestOff keeps the time a chat had, says it again when the digest
// is off already, and refuses an unknown chat.
func TestTurnChatDigestOffReturnsTheKeptTime(t *testing.T) {
	ctx := context.Background()
	st := mustOpenStore(t)
	if _, err := st.EnsureChat(ctx, 10, "private", "", news.ChatDefaults{}); err != nil {
		t.Fatal(err)
	}
	if kept, err := st.TurnChatDigestOff(ctx, 10); err != nil || kept != "" {
		t.Fatalf("off with no time = %q, %v; want none kept", kept, err)
	}
	if err := st.SetChatDigestTime(ctx, 10, "13:00"); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if kept, err := st.TurnChatDigestOff(ctx, 10); err != nil || kept != "13:00" {
			t.Fatalf("off #%d = %q, %v; want 13:00 kept", i+1, kept, err)
		}
	}
	if got, err := st.FindChatDigestOff(ctx, 10); err != nil || got != "13:00" {
		t.Fatalf("FindChatDigestOff = %q, %v; want 13:00", got, err)
	}
	if _, err := st.TurnChatDigestOff(ctx, 99); !errors.Is(err, news.ErrNotFound) {
		t.Fatalf("off for an unknown chat: %v, want ErrNotFound", err)
	}
}
