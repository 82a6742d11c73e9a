package store

import (
	"errors"
	"strings"
	"syscall"

	"github.com/mattn/go-sqlite3"
)

// DiskFull reports whether err is the disk refusing to let a file grow:
// SQLite's "database or disk is full", no space left (ENOSPC, also when
// SQLite reports it as a disk I/O error with that errno), a quota
// (EDQUOT), or a file-size limit (EFBIG, "file too large": ulimit -f,
// systemd's LimitFSIZE=). SQLite reports the last as a disk I/O error
// naming it, which is how it is told.
func DiskFull(err error) bool {
	if err == nil {
		return false
	}
	full := func(e syscall.Errno) bool { return e == syscall.ENOSPC || e == syscall.EDQUOT || e == syscall.EFBIG }
	var se sqlite3.Error
	// A disk with no room left while SQLite grows its shared-memory file
	// comes back as a disk I/O error carrying ENOSPC in SystemErrno, which
	// the error does not unwrap to: read it there.
	if errors.As(err, &se) && (se.Code == sqlite3.ErrFull || full(se.SystemErrno)) {
		return true
	}
	var errno syscall.Errno
	if errors.As(err, &errno) && full(errno) {
		return true
	}
	return strings.Contains(err.Error(), "file too large")
}
