//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package store

import (
	"errors"
	"os"
)

var errWouldBlock = errors.New("would block")

// lockFile does nothing where flock is not available: one process per
// database is then the operator's to ensure.
func lockFile(*os.File) error { return nil }
