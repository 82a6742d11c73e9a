//go:build !linux

package query

// hugeSlice returns a zeroed slice of n elements (huge pages are asked for on Linux only).
func hugeSlice[T any](n int) []T { return make([]T, n) }

// collapse does nothing but on Linux.
func collapse[T any](s []T) {}

// unadvise does nothing but on Linux.
func unadvise[T any](s []T) {}
