package main

import (
	"testing"
	"time"
)

// A send the wire wrote down a few milliseconds after a kill was taken by
// the fake as the kill fell (the kill aims at the fake's record of the
// call): in flight at that kill, not one answered long before the next
// (seed 3003 named such a send "taken 3 s before" the next power cut).
func TestKillOfCountsASendNotedJustAfterAKillAsInFlightAtIt(t *testing.T) {
	t0 := time.Date(2026, 12, 1, 1, 0, 0, 0, time.UTC)
	kills := []time.Time{t0, t0.Add(3 * time.Second)}
	for _, c := range []struct {
		name string
		at   time.Time
		i    int
		gap  time.Duration
	}{
		{"noted 2 ms after the first kill", t0.Add(2 * time.Millisecond), 0, 0},
		{"taken 40 ms before the first kill", t0.Add(-40 * time.Millisecond), 0, 40 * time.Millisecond},
		{"taken 1 s after the first kill", t0.Add(time.Second), 1, 2 * time.Second},
		{"at the second kill", t0.Add(3 * time.Second), 1, 0},
		{"after the last kill", t0.Add(4 * time.Second), 2, 0},
	} {
		if i, gap := killOf(kills, c.at); i != c.i || gap != c.gap {
			t.Errorf("%s: kill %d, %s before it; want kill %d, %s", c.name, i, gap, c.i, c.gap)
		}
	}
}
