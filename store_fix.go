package main

import (
	"fmt"
	"path/filepath"

	"github.com/newshound/newshound/store"
)

// storeFix says what the operator does about err, the database failing to
// store what a fetch brought, for the poller's "fetch failed" line: a full
// disk or file-size limit names the folder to free space in, a lock held
// by another process how to find it; "" for anything else (the poller then
// names where to look). dbPath is storage.path.
func storeFix(dbPath string) func(err error) string {
	dir := filepath.Dir(dbPath)
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return func(err error) string {
		switch {
		case store.DiskFull(err):
			return fmt.Sprintf("the disk is full, or a file-size limit (ulimit -f, LimitFSIZE=) was reached: free space in %s (old logs, old backups), "+
				"or move storage.path to a disk with room; fetches store again by themselves then, the sources need no change", dir)
		case store.Busy(err):
			return fmt.Sprintf("another process holds the database's lock (a `newshound backup` or `vacuum`, a sqlite3 shell): find it with `fuser -v %s`; "+
				"the sources need no change", dbPath)
		}
		return ""
	}
}
