//go:build !(linux && cgo)

package store

// keepSQLiteMemory does nothing: the thresholds are glibc's (see keptMemory).
func keepSQLiteMemory() bool { return false }
