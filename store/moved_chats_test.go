package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

// The bot kept a group's move to a supergroup in memory only: after a
// restart a button on a message sent before the move answered as stale.
// MigrateChat keeps the move (a chain of moves ends at the last id);
// deleting the supergroup prunes it.
func TestMigrateChatKeepsTheMoveUntilTheChatGoes(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 12, 1, 7, 0, 0, 0, time.UTC)
	st := testkit.OpenStore(t, func() time.Time { return now })
	if _, err := st.EnsureChat(ctx, -5, "group", "G", news.ChatDefaults{Timezone: "UTC", DigestTime: "08:00"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.MovedChat(ctx, -5); !errors.Is(err, news.ErrNotFound) {
		t.Fatalf("MovedChat before any move: %v, want ErrNotFound", err)
	}
	if err := st.MigrateChat(ctx, -5, -1005); err != nil {
		t.Fatal(err)
	}
	if to, err := st.MovedChat(ctx, -5); err != nil || to != -1005 {
		t.Fatalf("MovedChat(-5) = %d, %v; want -1005", to, err)
	}
	if err := st.MigrateChat(ctx, -1005, -1006); err != nil {
		t.Fatal(err)
	}
	for _, from := range []int64{-5, -1005} {
		if to, err := st.MovedChat(ctx, from); err != nil || to != -1006 {
			t.Errorf("after a second move, MovedChat(%d) = %d, %v; want -1006", from, to, err)
		}
	}
	if err := st.DeleteChat(ctx, -1006); err != nil {
		t.Fatal(err)
	}
	for _, from := range []int64{-5, -1005} {
		if _, err := st.MovedChat(ctx, from); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("MovedChat(%d) after the supergroup was deleted: %v, want ErrNotFound", from, err)
		}
	}
}
