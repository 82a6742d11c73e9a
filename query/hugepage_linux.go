package query

import (
	"syscall"
	"unsafe"
)

// hugePageSize is the size of a transparent huge page on amd64 and arm64 Linux.
const hugePageSize = 2 << 20

// madvCollapse is MADV_COLLAPSE (Linux 6.1), which the syscall package does not name.
const madvCollapse = 25

// hugeSlice returns a zeroed slice of n elements whose whole 2 MB pages are advised for transparent huge pages
// (MADV_HUGEPAGE) before anything is written to them, so that a system whose transparent_hugepage setting is
// "madvise" — the usual default — backs them with huge pages as they are first written. It is an ordinary Go
// allocation: the collector frees it, and a kernel without transparent huge pages ignores the advice.
func hugeSlice[T any](n int) []T {
	s := make([]T, n)
	advise(s, syscall.MADV_HUGEPAGE)
	return s
}

// collapse asks the kernel to back the whole 2 MB pages of s, written since hugeSlice, with huge pages now
// (MADV_COLLAPSE): pages that were in memory before the advice (a reused part of the heap that make cleared) stay
// small otherwise. It is best effort: a kernel before 6.1, or one short of free huge pages, leaves them as they are.
func collapse[T any](s []T) { advise(s, madvCollapse) }

// unadvise withdraws the advice of hugeSlice from s, which is about to be dropped: the heap that reuses its memory
// gets ordinary pages.
func unadvise[T any](s []T) { advise(s, syscall.MADV_NOHUGEPAGE) }

// advise gives advice about the whole 2 MB pages that s covers, ignoring errors: advice changes no contents.
func advise[T any](s []T, advice int) {
	if len(s) == 0 {
		return
	}
	var zero T
	p := unsafe.Pointer(unsafe.SliceData(s))
	start := uintptr(p)
	end := start + uintptr(len(s))*unsafe.Sizeof(zero)
	from, to := (start+hugePageSize-1)&^(hugePageSize-1), end&^(hugePageSize-1)
	if from >= to {
		return
	}
	_ = syscall.Madvise(unsafe.Slice((*byte)(unsafe.Add(p, from-start)), to-from), advice)
}
