package query

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/newshound/newshound/internal/querytest"
)

// TestStrIndexFindsWhatItHolds: every string added is found at its
// position, by string and by bytes, through every growth of the table
// (from one slot's room to thousands); strings not added are not found,
// the empty string among them.
func TestStrIndexFindsWhatItHolds(t *testing.T) {
	for _, size := range []int{0, 1, 300} {
		x := newStrIndex(size)
		var strs []string
		for i := range 5000 {
			s := fmt.Sprintf("w%d", i*7)
			if i%97 == 0 {
				s = ""
			}
			if _, ok := x.find(s, strs); ok {
				continue
			}
			strs = append(strs, s)
			x.add(strs, int32(len(strs)-1))
			if 2*x.n > len(x.slots) {
				t.Fatalf("size %d: %d strings in %d slots", size, x.n, len(x.slots))
			}
		}
		for i, s := range strs {
			if j, ok := x.find(s, strs); !ok || j != int32(i) {
				t.Fatalf("size %d: find(%q) = %d, %v; want %d", size, s, j, ok, i)
			}
			if j, ok := x.findBytes([]byte(s), strs); !ok || j != int32(i) {
				t.Fatalf("size %d: findBytes(%q) = %d, %v; want %d", size, s, j, ok, i)
			}
		}
		for _, s := range []string{"w1", "w8", "x0", "w35000"} {
			if j, ok := x.find(s, strs); ok {
				t.Errorf("size %d: find(%q) = %d, not added", size, s, j)
			}
		}
	}
	var zero strIndex
	if _, ok := zero.find("w0", nil); ok {
		t.Error("an empty index found a string")
	}
}

// TestDocumentIndexesHoldNoPointers: a Document finds its tokens and stems
// through tables of positions, which the collector does not scan, not
// maps of strings: an 800-word article's Document takes under 45 KB (two
// maps made it 56 KB, and every map slot a pointer to mark).
func TestDocumentIndexesHoldNoPointers(t *testing.T) {
	g := querytest.NewGenerator(2)
	a := Article(g.Article())
	NewDocument(a)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	const n = 20
	for range n {
		NewDocument(a)
	}
	runtime.ReadMemStats(&after)
	if per := (after.TotalAlloc - before.TotalAlloc) / n; per > 45_000 {
		t.Errorf("NewDocument of an 800-word article: %d bytes, want under 45,000", per)
	}
}
