//go:build linux && cgo

package store

import "testing"

// TestTheCLibraryKeepsFreedMemory: glibc takes both thresholds (a value it
// refuses, such as a block threshold above 32 MB, makes mallopt fail).
func TestTheCLibraryKeepsFreedMemory(t *testing.T) {
	if !keepSQLiteMemory() {
		t.Errorf("mallopt refused the trim threshold %d or the mmap threshold %d", keptMemory, mappedBlock)
	}
}
