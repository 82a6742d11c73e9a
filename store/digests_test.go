package store

import (
	"context"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// HasDigest tells a chat that has had a digest of either kind from one that
// has not, without reading the others' digests.
func TestHasDigest(t *testing.T) {
	ctx := context.Background()
	st := mustOpenStore(t)
	for _, id := range []int64{10, 11} {
		if _, err := st.EnsureChat(ctx, id, "private", "", news.ChatDefaults{Timezone: "UTC", DigestTime: "08:00"}); err != nil {
			t.Fatal(err)
		}
	}
	if had, err := st.HasDigest(ctx, 10); err != nil || had {
		t.Fatalf("before any digest: %v, %v; want false", had, err)
	}
	now := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	empty := func(news.DigestContent) ([]string, error) { return []string{"Daily digest"}, nil }
	if _, err := st.QueueDigest(ctx, news.Digest{ChatID: 10, Kind: news.DigestScheduled, LocalDate: "2026-11-30", DueAt: now, Since: now.Add(-24 * time.Hour), Until: now}, empty); err != nil {
		t.Fatal(err)
	}
	if had, err := st.HasDigest(ctx, 10); err != nil || !had {
		t.Errorf("after a daily digest: %v, %v; want true", had, err)
	}
	if had, err := st.HasDigest(ctx, 11); err != nil || had {
		t.Errorf("another chat: %v, %v; want false", had, err)
	}
}
