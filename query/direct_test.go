package query

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestDirectList adds and removes entries of every kind at random and checks the groups against a plain list:
// the ids of each kind, and the ring successor of each id.
func TestDirectList(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	type entry struct {
		kind uint8
		next uint32
	}
	var l directList
	var nexts []uint32
	refs := refCoderFor(-100, 199) // the ids below
	model := map[int64]entry{}
	for step := 0; step < 5000; step++ {
		if id := int64(rng.IntN(300)) - 100; rng.IntN(3) > 0 {
			if _, ok := model[id]; ok {
				continue
			}
			e := entry{kind: uint8(rng.IntN(numKinds)), next: rng.Uint32()}
			l.add(refs.ref(id), e.next, e.kind, &nexts)
			model[id] = e
		} else {
			next, ok := l.remove(refs.ref(id), &nexts)
			e, had := model[id]
			if ok != had || next != e.next {
				t.Fatalf("step %d: remove(%d) = %d, %v; want %d, %v", step, id, next, ok, e.next, had)
			}
			delete(model, id)
		}
		if len(l.ids) != len(model) || len(nexts) != len(model) || int(l.ends[numKinds-1]) != len(model) {
			t.Fatalf("step %d: %d ids, %d nexts, last end %d; want %d", step, len(l.ids), len(nexts), l.ends[numKinds-1], len(model))
		}
		for k := 0; k < numKinds; k++ {
			var want []int64
			for id, e := range model {
				if int(e.kind) == k {
					want = append(want, id)
				}
			}
			got := l.appendMatches(nil, 1<<k, &refs)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Fatalf("step %d: kind %d holds %v, want %v", step, k, got, want)
			}
		}
		for i, r := range l.ids {
			id := refs.id(r)
			if e := model[id]; nexts[i] != e.next {
				t.Fatalf("step %d: id %d has next %d, want %d", step, id, nexts[i], e.next)
			}
			if k, _ := l.kindOf(r); k != model[id].kind {
				t.Fatalf("step %d: kindOf(%d) = %d, want %d", step, id, k, model[id].kind)
			}
		}
	}
}
