package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/newshound/newshound/store"
)

// withLockHolder adds to store.Lock's ErrLocked who holds the database, as
// procfs (proc, "/proc") tells it: the holder's command line, and for a
// console (a holder reading a terminal) the terminal where Ctrl-D stops
// it. A stranger who started a second console on ./newshound.db read a
// pid and had to find out what it was, and that it was the console left
// open in another window. Any other error, or a holder procfs does not
// show (another system, another user's process), comes back as it was.
func withLockHolder(err error, path, proc string) error {
	if !errors.Is(err, store.ErrLocked) {
		return err
	}
	data, rerr := os.ReadFile(store.LockPath(path))
	if rerr != nil {
		return err
	}
	pid, perr := strconv.Atoi(strings.TrimSpace(string(data)))
	if perr != nil || pid <= 0 {
		return err
	}
	holder := holderProcess(proc, pid)
	if holder == "" {
		return err
	}
	return fmt.Errorf("%w; %s", err, holder)
}

// holderProcess describes process pid from procfs at proc, "" when it cannot
// be read.
func holderProcess(proc string, pid int) string {
	dir := filepath.Join(proc, strconv.Itoa(pid))
	raw, err := os.ReadFile(filepath.Join(dir, "cmdline"))
	if err != nil || len(raw) == 0 {
		return ""
	}
	cmd := strings.Join(strings.Split(strings.TrimRight(string(raw), "\x00"), "\x00"), " ")
	s := fmt.Sprintf("pid %d is %q", pid, cmd)
	if tty, err := os.Readlink(filepath.Join(dir, "fd", "0")); err == nil && (strings.HasPrefix(tty, "/dev/pts/") || strings.HasPrefix(tty, "/dev/tty")) {
		s += fmt.Sprintf(", a console in the terminal %s: type Ctrl-D there to stop it (or kill %d)", tty, pid)
	}
	return s
}
