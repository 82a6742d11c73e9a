//go:build linux && cgo

package store

/*
#include <malloc.h>

// keepFreed sets glibc's malloc to keep up to keep bytes of freed memory at
// the top of its heaps and to take blocks below mmap bytes from them: 0 when
// glibc refuses either (or is not the C library).
static int keepFreed(int keep, int mmap) {
#if defined(M_TRIM_THRESHOLD) && defined(M_MMAP_THRESHOLD)
	return mallopt(M_TRIM_THRESHOLD, keep) && mallopt(M_MMAP_THRESHOLD, mmap);
#else
	return 0;
#endif
}
*/
import "C"

// keepSQLiteMemory has the C library keep the memory SQLite frees, for the
// next read (see keptMemory).
func keepSQLiteMemory() bool {
	return C.keepFreed(C.int(keptMemory), C.int(mappedBlock)) == 1
}
