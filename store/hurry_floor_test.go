package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

// A source's hurry floor (set by a 429, see feeds/rolls.go) is kept in
// whole seconds across a reopening of the database, 0 forgets it, and it
// goes with its source when the source is removed or retired.
func TestHurryFloorsAreKeptAndGoWithTheirSource(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 12, 1, 7, 0, 0, 0, time.UTC)
	path := t.TempDir() + "/hurry.db"
	st := testkit.OpenStoreAt(t, path, func() time.Time { return now })
	gone := testkit.UpsertSource(t, st, "Gone", "https://gone.example/rss", news.OriginChat)
	retired := testkit.UpsertSource(t, st, "Retired", "https://retired.example/rss", news.OriginConfig)
	live := testkit.UpsertSource(t, st, "Live", "https://live.example/rss", news.OriginChat)
	forgotten := testkit.UpsertSource(t, st, "Forgotten", "https://forgotten.example/rss", news.OriginChat)
	for _, src := range []news.Source{gone, retired, live, forgotten} {
		if err := st.SetHurryFloor(ctx, src.ID, time.Hour+500*time.Millisecond); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.SetHurryFloor(ctx, forgotten.ID, 0); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteSource(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RetireConfigSources(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st = testkit.OpenStoreAt(t, path, func() time.Time { return now })
	floors, err := st.HurryFloors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(floors) != 1 || floors[live.ID] != time.Hour {
		t.Errorf("hurry floors = %v, want only the live source's 1h (%d)", floors, live.ID)
	}
}
