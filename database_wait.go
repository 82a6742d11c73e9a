package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/newshound/newshound/store"
)

// The start's waits for a database another process holds, or a full disk:
// the first retry after firstRetry, each next one twice as late, at most
// lastRetry apart.
const (
	firstRetry = time.Second
	lastRetry  = 30 * time.Second
)

// openDatabase takes the database's lock (store.Lock), checks it
// (checkDatabase) and opens it. A second bot, holding the lock, is refused
// at once (store.ErrLocked). While another process holds SQLite's write
// lock past its busy timeout (a `newshound backup` or `vacuum`, a sqlite3
// shell left in a transaction, another program) or the
// disk is too full to open an existing database, it says so once (in the log
// and, when the log is a file, on stderr) and tries again with backoff, so
// that the bot starts by itself once the other process is done or space is
// freed, not by its supervisor's restarts; each migration is a transaction
// of its own, so a try that fails leaves the database as the last whole one
// left it. When ctx ends while it waits it returns nil, nil, nil. It fails
// at once on anything else, as store.Lock, checkDatabase and
// store.OpenLogged do. unlock releases the lock; call it after closing st.
func (m *Main) openDatabase(ctx context.Context, path string, log *slog.Logger, logPath string) (st *store.Store, unlock func() error, err error) {
	said := ""
	delay := firstRetry
	checked := false // a retry does not read the whole file again
	for {
		st, unlock, err := m.openOnce(ctx, path, log, &checked)
		if err == nil {
			if said != "" {
				log.Info("the database is available again; starting", "path", path)
			}
			return st, unlock, nil
		}
		why := waitReason(path, err)
		if ctx.Err() != nil && (why != "" || said != "") {
			m.tell(log, logPath, "stopped while waiting for the database", "path", path)
			return nil, nil, nil
		}
		if why == "" {
			return nil, nil, err
		}
		if why != said {
			m.tell(log, logPath, why, "path", path, "err", err, "retry", "with backoff, at most every "+lastRetry.String())
			said = why
		}
		t := m.after(delay)
		select {
		case <-ctx.Done():
			m.tell(log, logPath, "stopped while waiting for the database", "path", path)
			return nil, nil, nil
		case <-t:
			if ctx.Err() != nil {
				m.tell(log, logPath, "stopped while waiting for the database", "path", path)
				return nil, nil, nil
			}
		}
		delay = min(2*delay, lastRetry)
	}
}

// openOnce is one try of openDatabase.
// checkDatabase runs unless *checked, which a check that passes sets.
func (m *Main) openOnce(ctx context.Context, path string, log *slog.Logger, checked *bool) (*store.Store, func() error, error) {
	unlock, err := lockAsOwner(path) // one process per database; run as root, the database's owner's
	if err != nil {
		return nil, nil, err
	}
	if !*checked {
		if err := walLeftBehind(ctx, path); err != nil {
			unlock()
			return nil, nil, err
		}
		_, statErr := os.Stat(path)
		if err := checkDatabase(ctx, path, m.CheckDB, log); err != nil {
			unlock()
			if statErr != nil { // a first start's failure is createDatabase's, told as it is
				err = &firstStart{err}
			}
			return nil, nil, err
		}
		*checked = true
		if statErr != nil {
			m.newDatabase(path, log)
		}
	}
	st, err := store.OpenLogged(ctx, path, m.Now, log)
	if err != nil {
		unlock()
		return nil, nil, storageError(path, err)
	}
	notePath(ctx, st, path, log)
	return st, unlock, nil
}

// firstStart is a failure to create the database, which the start does not
// wait out.
type firstStart struct{ err error }

func (e *firstStart) Error() string { return e.err.Error() }
func (e *firstStart) Unwrap() error { return e.err }

// waitReason is what the start waits for when opening the database at path
// failed with err, for the operator; "" when err is not waited out.
func waitReason(path string, err error) string {
	var first *firstStart
	switch {
	case errors.As(err, &first):
		return ""
	case store.Busy(err):
		return fmt.Sprintf("storage.path %q: the database is locked by another process (a `newshound backup` or `newshound vacuum`, "+
			"a sqlite3 shell left in a transaction, another program): find it with `fuser -v %s %s-wal` or `lsof %s`, and let it finish or stop it; "+
			"waiting for it: the bot starts once the lock is freed", path, path, path, path)
	case store.DiskFull(err):
		dir, aerr := filepath.Abs(filepath.Dir(path))
		if aerr != nil {
			dir = filepath.Dir(path)
		}
		return fmt.Sprintf("storage.path %q: the disk is full, or a file-size limit (ulimit -f, LimitFSIZE=) was reached: "+
			"free space in %s (old logs, old backups), or move storage.path to a disk with room; waiting: the bot starts once there is room", path, dir)
	}
	return ""
}

// tell logs msg as a warning and, when the log goes to a file (the
// console's), writes it to stderr too, where the operator looks.
func (m *Main) tell(log *slog.Logger, logPath, msg string, args ...any) {
	log.Warn(msg, args...)
	if logPath != "" {
		fmt.Fprintln(m.stderr, "newshound:", msg)
	}
}

// after is m.After, or time.After when unset.
func (m *Main) after(d time.Duration) <-chan time.Time {
	if m.After != nil {
		return m.After(d)
	}
	return time.After(d)
}

// newDatabase logs that a new database was made at path; when path is
// relative and the configuration lies in another folder than the working
// one (newshound -config /etc/newshound/newshound.toml run by hand from a
// home folder, where the unit's WorkingDirectory is not), it warns that the
// database went to the working folder, perhaps beside the real one.
func (m *Main) newDatabase(path string, log *slog.Logger) {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	wd, _ := os.Getwd()
	cfgDir, _ := filepath.Abs(filepath.Dir(m.configPath))
	if filepath.IsAbs(path) || m.configPath == "" || cfgDir == wd {
		log.Info("created a new database", "path", abs)
		return
	}
	log.Warn("created a new, empty database: storage.path is relative, so it is in the working folder, not the configuration's; if the bot's database is elsewhere (the systemd unit's is /var/lib/newshound/newshound.db), stop now and write its whole path in storage.path",
		"path", abs, "storage.path", path, "working_folder", wd, "config", m.configPath)
}
