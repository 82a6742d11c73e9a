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

// RedateDigest moves a digest to the date it was sent for, ends its window
// no later than asked, and leaves it without a date when another digest of
// the chat holds that date (the unique date would refuse it).
func TestRedateDigest(t *testing.T) {
	ctx := context.Background()
	st := mustOpenStore(t)
	if _, err := st.EnsureChat(ctx, 10, "private", "", news.ChatDefaults{Timezone: "UTC", DigestTime: "08:00"}); err != nil {
		t.Fatal(err)
	}
	empty := func(news.DigestContent) ([]string, error) { return []string{"Daily digest"}, nil }
	day := func(d int) time.Time { return time.Date(2026, 11, d, 8, 0, 0, 0, time.UTC) }
	var ids []int64
	for _, d := range []int{10, 12, 13} {
		got, err := st.QueueDigest(ctx, news.Digest{ChatID: 10, Kind: news.DigestScheduled, LocalDate: day(d).Format("2006-01-02"), DueAt: day(d), Since: day(d - 1), Until: day(d)}, empty)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, got.ID)
	}
	if err := st.RedateDigest(ctx, ids[1], "2026-11-11", day(11), day(11).Add(4*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := st.RedateDigest(ctx, ids[2], "2026-11-10", day(10), day(14)); err != nil {
		t.Fatal(err)
	}
	ds, err := st.ListDigests(ctx, 10)
	if err != nil || len(ds) != 3 {
		t.Fatalf("digests = %+v, %v", ds, err)
	}
	if d := ds[1]; d.LocalDate != "2026-11-11" || !d.DueAt.Equal(day(11)) || !d.Until.Equal(day(11).Add(4*time.Hour)) {
		t.Errorf("re-dated = %s due %s until %s, want 2026-11-11 due %s until %s", d.LocalDate, d.DueAt, d.Until, day(11), day(11).Add(4*time.Hour))
	}
	if d := ds[2]; d.LocalDate != "" || !d.DueAt.Equal(day(10)) || !d.Until.Equal(day(13)) {
		t.Errorf("re-dated onto a held date = %q due %s until %s, want no date, due %s, until unchanged %s", d.LocalDate, d.DueAt, d.Until, day(10), day(13))
	}
}
