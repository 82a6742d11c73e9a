package query

import (
	"runtime"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/querytest"
)

// NewDocument of an 800-word article makes its tables in at most 30 allocations: the positions' fill cursor is the
// stem-to-token array before the stems fill it (a clone of its own took a 31st, 4 bytes a distinct token), and a
// change that makes a table more must say so here.
func TestNewDocumentAllocations(t *testing.T) {
	g := querytest.NewGenerator(2)
	a := Article(g.Article())
	if n := testing.AllocsPerRun(20, func() { NewDocument(a) }); n > 30 {
		t.Errorf("NewDocument of an 800-word article: %v allocations, want at most 30", n)
	}
}

// A Document matched once is garbage at the next collection: Query.Match's spare evaluator is a field, not a
// sync.Pool, which the runtime keeps until the second collection after its first Put (each /subscribe preview's
// and /search's confirmed articles stayed in the heap, 157 MB of the fill driver's 195 MB live).
func TestMatchedDocumentIsFreedByOneCollection(t *testing.T) {
	q := mustParse(t, "police")
	freed := make(chan struct{})
	matchOnce(q, freed)
	runtime.GC()
	select {
	case <-freed:
	case <-time.After(30 * time.Second):
		t.Fatal("a Document matched once outlived a collection")
	}
}

// matchOnce matches q against a Document that nothing keeps, whose cleanup closes freed.
//
//go:noinline
func matchOnce(q *Query, freed chan struct{}) {
	d := NewDocument(Article{Title: "Police report", Text: "The police said"})
	if !q.Match(d) {
		panic("no match")
	}
	runtime.AddCleanup(d, func(c chan struct{}) { close(c) }, freed)
}
