package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newshound/newshound/store"
)

// runRestore is `newshound restore [-config FILE] BACKUP`: BACKUP (a copy
// made by `newshound backup`) put in place of the database of storage.path
// while Newshound is stopped. The database it replaces moves aside with its
// -wal and -shm files, as one consistent set, to
// <path>.replaced-<time>: a -wal file left by a process that was killed
// belongs to that database, and SQLite would replay it into the backup
// (which then reads as damaged). The new file gets the owner of the one it
// replaces (or of its folder), so a service's user can write it after a
// restore run as root. It fails on a bad command line or configuration,
// while a Newshound runs on the database, when BACKUP is missing, empty or
// damaged, when BACKUP is another application's file or was written by a
// newer Newshound (store.CheckSchema), or when a file cannot be copied,
// moved or renamed.
func runRestore(ctx context.Context, args []string, getenv func(string) string, out io.Writer) error {
	cfg, rest, err := storageCommand("restore", "usage: newshound restore [-config FILE] BACKUP\nputs BACKUP (made by newshound backup) in place of the database, with Newshound stopped; the database it replaces is kept beside it", 1, args, getenv, out)
	if err != nil {
		return err
	}
	path, backup := cfg.Storage.Path, rest[0]
	if err := checkStorage(path, ""); err != nil {
		return err
	}
	if bi, err := os.Stat(backup); err == nil {
		if di, err := os.Stat(path); err == nil && os.SameFile(bi, di) {
			// It "restored" the database onto itself, moving aside its
			// -wal (the latest writes, after a kill) with the copy.
			return fmt.Errorf("the backup %s is the database at storage.path itself: give the file `newshound backup` wrote; nothing was changed", backup)
		}
	}
	unlock, err := lockAsOwner(path)
	if errors.Is(err, store.ErrLocked) {
		// The lock's own advice, "or give this one another storage.path",
		// is the bot's: a restore must replace this very file.
		return fmt.Errorf("storage.path %s: %w (pid %s holds %s.lock): stop it first (systemctl stop newshound, or docker stop newshound), then restore; nothing was changed",
			path, store.ErrLocked, lockHolder(path), path)
	}
	if err != nil {
		return err
	}
	defer unlock()
	fc, err := store.CheckFile(ctx, backup, true)
	switch {
	case ctx.Err() != nil:
		return errRestoreStopped
	case errors.Is(err, store.ErrDamaged): // its advice is for storage.path's file
		return fmt.Errorf("the backup %s is empty or damaged (SQLite's check of it failed): choose another backup; nothing was changed", backup)
	case err != nil:
		return fmt.Errorf("the backup %s: %w", backup, err)
	case fc.New:
		return missingBackup(backup, path)
	}
	if err := store.CheckSchema(ctx, backup); err != nil {
		// Put in place, it would have been refused at the next start, with
		// the database it replaced already moved aside.
		return fmt.Errorf("the backup %s cannot be restored by this version: %w; nothing was changed", backup, err)
	}
	tmp := path + ".restoring"
	if err := copyNew(ctx, backup, tmp); err != nil {
		os.Remove(tmp)
		if ctx.Err() != nil {
			return errRestoreStopped
		}
		return fmt.Errorf("storage.path %q: copy the backup: %w", path, err)
	}
	if ctx.Err() != nil { // the last moment a stop leaves everything as it was
		os.Remove(tmp)
		return errRestoreStopped
	}
	aside, err := moveAside(path, time.Now())
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("storage.path %q: %w", path, err)
	}
	like := aside
	if like == "" {
		like = filepath.Dir(path)
	}
	if err := sameOwner(tmp, like); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("storage.path %q: give the restored file the database's owner: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("storage.path %q: put the backup in place: %w", path, err)
	}
	fmt.Fprintf(out, "restored %s to %s", backup, path)
	if aside != "" {
		fmt.Fprintf(out, "; the database it replaced is %s (with its -wal and -shm files, if it had them)", aside)
	}
	fmt.Fprintln(out, "; start Newshound")
	return nil
}

// errRestoreStopped is a restore stopped by a signal (its context) before
// it moved the database aside.
var errRestoreStopped = errors.New("restore stopped (a signal) before it changed anything; nothing was changed: run it again to restore")

// copyNew copies src to dst, a file it creates (a leftover is replaced),
// and syncs it to the disk. It stops with ctx's error, dst removed, when
// ctx ends.
func copyNew(ctx context.Context, src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.Remove(dst); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	outf, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(outf, ctxReader{ctx, in}); err != nil {
		outf.Close()
		os.Remove(dst)
		return err
	}
	if err := outf.Sync(); err != nil {
		outf.Close()
		return err
	}
	return outf.Close()
}

// ctxReader is r that fails with ctx's error once ctx ends.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// moveAside renames the database at path and its -wal, -shm and -journal
// files, those that exist, to <path>.replaced-<at> plus their suffixes,
// and returns that name ("" when there was no database).
func moveAside(path string, at time.Time) (string, error) {
	if _, err := os.Stat(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", err
	}
	aside := path + ".replaced-" + at.UTC().Format("20060102-150405")
	moved := ""
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		err := os.Rename(path+suffix, aside+suffix)
		switch {
		case err == nil:
			if suffix == "" {
				moved = aside
			}
		case errors.Is(err, os.ErrNotExist):
		default:
			return "", fmt.Errorf("move the database aside: %w", err)
		}
	}
	return moved, nil
}

// lockHolder is the pid written in the lock file of the database at path,
// or "unknown".
func lockHolder(path string) string {
	b, err := os.ReadFile(store.LockPath(path))
	pid := strings.TrimSpace(string(b))
	if _, perr := strconv.Atoi(pid); err != nil || perr != nil {
		return "unknown"
	}
	return pid
}

// missingBackup is the error of a BACKUP that names no file, with the fix:
// the path newshound backup wrote, from the working folder when relative,
// and the backups beside it there are, the database at path left out (it
// said only "does not exist").
func missingBackup(backup, path string) error {
	where := ""
	if !filepath.IsAbs(backup) {
		if wd, err := os.Getwd(); err == nil {
			where = fmt.Sprintf(" (a relative path is taken from the working folder, %s)", wd)
		}
	}
	found, _ := filepath.Glob(filepath.Join(filepath.Dir(backup), "*.db"))
	live, lerr := os.Stat(path)
	found = slices.DeleteFunc(found, func(f string) bool {
		fi, err := os.Stat(f)
		return lerr == nil && err == nil && os.SameFile(fi, live)
	})
	if len(found) > 5 {
		found = append(found[:5], "…")
	}
	there := ""
	if len(found) > 0 {
		there = "; there are " + strings.Join(found, " ")
	}
	return fmt.Errorf("the backup %s does not exist%s: give the path of the file newshound backup wrote%s; nothing was changed", backup, where, there)
}
