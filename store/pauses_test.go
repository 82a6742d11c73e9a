package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
)

// A pause read back ends at its time, but no later than its wait after the
// read (a clock set back an hour does not make a 30 s wait last an hour
// and 30 s), and one that ended is gone.
func TestAPauseReadBackIsBoundedByItsWait(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 12, 1, 6, 0, 0, 0, time.UTC)
	st := testkit.OpenStore(t, func() time.Time { return now })
	if err := st.SavePause(ctx, 0, now.Add(30*time.Second), 30*time.Second); err != nil {
		t.Fatal(err)
	}
	if err := st.SavePause(ctx, 42, now.Add(10*time.Minute), 10*time.Minute); err != nil {
		t.Fatal(err)
	}
	got, err := st.Pauses(ctx, now.Add(-time.Hour)) // the clock set back
	if err != nil {
		t.Fatal(err)
	}
	if want := now.Add(-time.Hour + 30*time.Second); !got[0].Equal(want) || len(got) != 2 {
		t.Fatalf("pauses read an hour back: %v, want all sending until %v and chat 42", got, want)
	}
	got, err = st.Pauses(ctx, now.Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := got[0]; ok || !got[42].Equal(now.Add(10*time.Minute)) {
		t.Fatalf("pauses a minute on: %v, want chat 42's only", got)
	}
	got, err = st.Pauses(ctx, now.Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := got[0]; ok {
		t.Fatalf("the ended pause of all sending read again: %v", got)
	}
}
