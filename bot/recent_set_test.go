package bot

import (
	"testing"
	"time"
)

func TestRecentSetRemembersForItsTTLWithinItsBound(t *testing.T) {
	s := recentSet[int]{ttl: time.Minute, max: 3}
	t0 := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	if !s.first(1, t0) || s.first(1, t0.Add(59*time.Second)) {
		t.Fatal("a key is not first once, then remembered within its TTL")
	}
	if !s.first(1, t0.Add(time.Minute)) {
		t.Error("a key is still remembered at its TTL")
	}
	if !s.first(1, t0.Add(30*time.Second)) {
		t.Error("a key recorded after now (the clock stepped back) is still remembered")
	}
	s.first(2, t0.Add(31*time.Second))
	s.first(3, t0.Add(32*time.Second))
	s.first(4, t0.Add(33*time.Second)) // full, none expired: all go
	if len(s.seen) != 1 || !s.first(2, t0.Add(34*time.Second)) {
		t.Errorf("a full set kept %d keys, want only the newest", len(s.seen))
	}
	s.first(5, t0.Add(35*time.Second))
	s.first(6, t0.Add(2*time.Minute)) // full: 4, 2 and 5 expired
	if len(s.seen) != 1 {
		t.Errorf("a full set kept %d keys after its expired went, want 1", len(s.seen))
	}
}
