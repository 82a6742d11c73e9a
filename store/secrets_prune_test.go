package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

// Telegram's pause for a chat and a source's churn streak are kept in
// secrets; they went on after the chat was deleted (or moved to a
// supergroup's id) and after the source was removed or retired. They go
// with it now; another chat's pause and a live source's streak stay.
func TestSecretsRowsGoWithTheirChatOrSource(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 12, 1, 7, 0, 0, 0, time.UTC)
	st := testkit.OpenStore(t, func() time.Time { return now })
	for _, id := range []int64{41, 42, 43} {
		if _, err := st.EnsureChat(ctx, id, "group", "G", news.ChatDefaults{Timezone: "UTC", DigestTime: "08:00"}); err != nil {
			t.Fatal(err)
		}
		if err := st.SavePause(ctx, id, now.Add(time.Hour), time.Hour); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.DeleteChat(ctx, 41); err != nil {
		t.Fatal(err)
	}
	if err := st.MigrateChat(ctx, 42, -10042); err != nil {
		t.Fatal(err)
	}
	pauses, err := st.Pauses(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := pauses[41]; ok {
		t.Errorf("a deleted chat's pause is kept: %v", pauses)
	}
	if _, ok := pauses[42]; ok {
		t.Errorf("a migrated chat's old id keeps its pause: %v", pauses)
	}
	if _, ok := pauses[43]; !ok {
		t.Errorf("another chat's pause is gone: %v", pauses)
	}

	gone := testkit.UpsertSource(t, st, "Gone", "https://gone.example/rss", news.OriginChat)
	retired := testkit.UpsertSource(t, st, "Retired", "https://retired.example/rss", news.OriginConfig)
	live := testkit.UpsertSource(t, st, "Live", "https://live.example/rss", news.OriginChat)
	for _, src := range []news.Source{gone, retired, live} {
		if err := st.SetChurnStreak(ctx, src.ID, 3); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.DeleteSource(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RetireConfigSources(ctx, nil); err != nil {
		t.Fatal(err)
	}
	streaks, err := st.ChurnStreaks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(streaks) != 1 || streaks[live.ID] != 3 {
		t.Errorf("churn streaks = %v, want only the live source's (%d)", streaks, live.ID)
	}
}
