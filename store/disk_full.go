package store

import (
	"errors"
	"strings"
	"syscall"

	"github.com/mattn/go-sqlite3"
)

// DiskFull reports whether err is the disk refusing to let a file grow:
// SQLite's "database or disk is full", no space left (ENOSPC), a quota
// (EDQUOT), or a file-size limit (EFBIG, "file too large": ulimit -f,
// systemd's LimitFSIZE=). SQLite reports the last as a disk I/O error
// naming it, which is how it is told.
func DiskFull(err error) bool {
	if err == nil {
		return false
	}
	var se sqlite3.Error
	if errors.As(err, &se) && se.Code == sqlite3.ErrFull {
		return true
	}
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) || errors.Is(err, syscall.EFBIG) {
		return true
	}
	return strings.Contains(err.Error(), "file too large")
}
