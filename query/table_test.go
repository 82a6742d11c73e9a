package query

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestTermTable inserts and deletes short and long strings at random and checks every look-up against a map,
// through growth and shrinking.
func TestTermTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var tab termTable
	terms := []term{{}}
	model := map[string]uint32{}
	str := func(i int) string {
		if i%3 == 0 {
			return fmt.Sprintf("a-long-word-of-more-than-nineteen-bytes-%d", i)
		}
		return fmt.Sprintf("w%d", i)
	}
	check := func(step int) {
		for i := 0; i < 3000; i++ {
			s := str(i)
			if got, want := tab.find(hashString(s), s, terms), model[s]; got != want {
				t.Fatalf("step %d: find(%q) = %d, want %d", step, s, got, want)
			}
		}
	}
	for step := 0; step < 20000; step++ {
		s := str(rng.IntN(3000))
		if id, ok := model[s]; ok {
			tab.delete(s, id)
			delete(model, s)
		} else if step < 15000 {
			id := uint32(len(terms))
			terms = append(terms, term{s: s})
			tab.insert(s, id)
			model[s] = id
		}
		if step%1000 == 0 {
			check(step)
		}
	}
	check(20000)
	if tab.n != len(model) {
		t.Errorf("table counts %d strings, holds %d", tab.n, len(model))
	}
	for s, id := range model {
		tab.delete(s, id)
	}
	if tab.n != 0 || len(tab.slots) > 64 {
		t.Errorf("emptied: %d strings, %d slots", tab.n, len(tab.slots))
	}
}
