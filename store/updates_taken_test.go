package store_test

import (
	"context"
	"testing"
	"time"

	"path/filepath"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/store"
)

func TestTakeUpdateOncePerBotAcrossReopen(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	path := filepath.Join(t.TempDir(), "test.db")
	st, err := store.Open(ctx, path, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		name      string
		bot, id   int64
		wantFresh bool
	}{
		{"new", 1, 10, true},
		{"again", 1, 10, false},
		{"another bot's same id", 2, 10, true},
		{"next", 1, 11, true},
	} {
		fresh, err := st.TakeUpdate(ctx, step.bot, step.id, now)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if fresh != step.wantFresh {
			t.Errorf("%s: TakeUpdate(%d, %d) = %v, want %v", step.name, step.bot, step.id, fresh, step.wantFresh)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st = testkit.OpenStoreAt(t, path, time.Now) // as a restarted process
	if fresh, err := st.TakeUpdate(ctx, 1, 10, now.Add(time.Hour)); err != nil || fresh {
		t.Errorf("after reopening: TakeUpdate(1, 10) = %v, %v; want false, nil", fresh, err)
	}
	n, err := st.PruneUpdates(ctx, now.Add(time.Minute))
	if err != nil || n != 3 {
		t.Errorf("PruneUpdates = %d, %v; want the 3 taken at noon", n, err)
	}
	if fresh, err := st.TakeUpdate(ctx, 1, 11, now.Add(time.Hour)); err != nil || !fresh {
		t.Errorf("after pruning: TakeUpdate(1, 11) = %v, %v; want true, nil", fresh, err)
	}
}
