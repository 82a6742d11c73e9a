package main

import (
	"cmp"
	"fmt"
	"slices"
	"testing"
)

// TestColdStarts checks the runs -first picks: n articles in a row of the
// file in date order, the same for the same seed, and with -shuffle all on
// one date in another order; more than the file holds fails.
func TestColdStarts(t *testing.T) {
	var rows []Row
	for i := 0; i < 40; i++ {
		// the file's order is not the dates' order
		rows = append(rows, Row{ID: fmt.Sprint(i), Date: fmt.Sprintf("2016-01-%02d", 1+(i*7)%28)})
	}
	runs, err := coldStarts(rows, 10, 3, false)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := coldStarts(rows, 10, 3, false)
	if len(runs) != 3 {
		t.Fatalf("%d runs, want 3", len(runs))
	}
	starts := map[string]bool{}
	for k, run := range runs {
		if len(run) != 10 {
			t.Fatalf("run %d: %d articles, want 10", k, len(run))
		}
		if !slices.IsSortedFunc(run, func(a, b Row) int { return cmp.Compare(a.Date, b.Date) }) {
			t.Errorf("run %d not in date order: %v", k, run)
		}
		if !slices.Equal(run, again[k]) {
			t.Errorf("run %d differs for the same seed", k)
		}
		starts[run[0].ID] = true
	}
	if len(starts) < 2 {
		t.Errorf("three seeds, one start: %v", starts)
	}
	shuffled, _ := coldStarts(rows, 10, 3, true)
	for k, run := range shuffled {
		ids := func(rs []Row) []string {
			var out []string
			for _, r := range rs {
				out = append(out, r.ID)
			}
			slices.Sort(out)
			return out
		}
		if !slices.Equal(ids(run), ids(runs[k])) {
			t.Errorf("shuffled run %d holds other articles", k)
		}
		for _, r := range run {
			if r.Date != run[0].Date {
				t.Errorf("shuffled run %d: dates %s and %s, want one", k, run[0].Date, r.Date)
			}
		}
	}
	if _, err := coldStarts(rows, 41, 1, false); err == nil {
		t.Error("41 of 40 articles: no error")
	}
}
