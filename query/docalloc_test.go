package query

import (
	"testing"

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
