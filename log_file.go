package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"
)

// reopenableLog is the log file's writer, reopened by name on SIGHUP: logrotate
// renames the file (its default "create" mode) and sends SIGHUP, and a
// writer holding the old file went on writing into newshound.log.1 for
// good while the new newshound.log stayed empty.
type reopenableLog struct {
	mu   sync.Mutex
	path string
	f    *os.File
}

// openLogFile opens (or creates) path for appending. A file it creates
// as root gets its folder's owner: a root run in a service's folder left
// a log the service could not open. It fails as os.OpenFile does.
func openLogFile(path string) (*reopenableLog, error) {
	_, statErr := os.Stat(path)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o640)
	if err != nil {
		return nil, err
	}
	if errors.Is(statErr, fs.ErrNotExist) {
		_ = sameOwner(path, filepath.Dir(path)) // best effort: the log is written either way
	}
	return &reopenableLog{path: path, f: f}, nil
}

func (l *reopenableLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.f.Write(p)
}

// Reopen opens the file by its name again and closes the one written so
// far; when the name cannot be opened, it goes on with the old file and
// fails saying so.
func (l *reopenableLog) Reopen() error {
	f, err := os.OpenFile(l.path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o640)
	if err != nil {
		return fmt.Errorf("reopen the log file: %w; going on writing to the file open so far", err)
	}
	l.mu.Lock()
	old := l.f
	l.f = f
	l.mu.Unlock()
	return old.Close()
}

// Close closes the file.
func (l *reopenableLog) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.f.Close()
}

// logFileFix says what to do about err, the failure to open the log file
// at path: create its folder, give write access, or, on a read-only file
// system (the systemd unit's ProtectSystem=strict), use the unit's
// writable folders or leave log.file empty for the journal. A relative
// path's missing folder is said to be looked for in the working folder,
// and, when it is beside the configuration at configPath ("" for none),
// the whole path to write is given, as for storage.path.
func logFileFix(path, configPath string, err error) string {
	dir := filepath.Dir(path)
	if abs, aerr := filepath.Abs(dir); aerr == nil {
		dir = abs
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		fix := fmt.Sprintf("create the folder (mkdir -p %s), or set log.file to a file in an existing folder, or leave log.file empty to log to stderr%s", dir, relativeNote("log.file", path, configPath))
		if beside := besideConfig(path, configPath); beside != "" {
			fix += fmt.Sprintf("; that folder is beside the configuration: log.file = %q", beside)
		}
		return fix
	case errors.Is(err, syscall.EROFS):
		return "the file system is read-only here (under the systemd unit, ProtectSystem=strict leaves writable only /var/lib/newshound and, by LogsDirectory=newshound, /var/log/newshound): " +
			"set log.file = \"/var/log/newshound/newshound.log\", or leave it empty: the journal keeps stderr"
	case errors.Is(err, fs.ErrPermission) && exists(path):
		// A run as root left it root's: the fix is the file's owner, in
		// the same words as the database's chown.
		return fmt.Sprintf("the file is not writable (another user's: a run as root?): give the user running Newshound (uid %d) write access to it (chown %[1]d %s), or set log.file elsewhere, or leave it empty to log to stderr", os.Geteuid(), path)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Sprintf("give the user running Newshound write access to %s (and to the file, if it exists), or set log.file elsewhere, or leave it empty to log to stderr", dir)
	}
	return "set log.file to a file Newshound can write, or leave it empty to log to stderr"
}

// besideConfig is the whole path of path, relative, read beside the
// configuration at configPath rather than in the working folder, when its
// folder is there; "" when path is absolute, there is no configuration, or
// no such folder.
func besideConfig(path, configPath string) string {
	if configPath == "" || filepath.IsAbs(path) {
		return ""
	}
	beside, err := filepath.Abs(filepath.Join(filepath.Dir(configPath), path))
	if err != nil {
		return ""
	}
	if fi, err := os.Stat(filepath.Dir(beside)); err != nil || !fi.IsDir() {
		return ""
	}
	return beside
}

// exists reports whether path names a file, whatever this process may do
// with it.
func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
