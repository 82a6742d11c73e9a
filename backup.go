package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newshound/newshound/store"
)

// runBackup is `newshound backup [-config FILE] DEST`: a consistent copy of
// the database of storage.path, taken while the bot runs. It fails on a bad
// command line or configuration, when DEST exists, or as store.Backup does;
// a copy that failed or was stopped midway (a full disk, a signal) is
// removed, and one killed leaves only DEST.unfinished, never an empty or
// partial file at DEST that reads like a backup.
func runBackup(ctx context.Context, args []string, getenv func(string) string, out io.Writer) error {
	cfg, rest, err := storageCommand("backup", "usage: newshound backup [-config FILE] DEST\nwrites a consistent copy of the live database to DEST (a new file)", 1, args, getenv, out)
	if err != nil {
		return err
	}
	if err := existingDatabase(cfg.Storage.Path); err != nil {
		return err
	}
	dest := rest[0]
	if isDir(dest) { // it said "already exists; give a new file name"
		return fmt.Errorf("%s is a folder: give the copy's file name in it, such as %s", dest, filepath.Join(dest, "newshound-"+time.Now().Format(time.DateOnly)+".db"))
	}
	dir := filepath.Dir(dest)
	if !isDir(dir) {
		return fmt.Errorf("the folder of %s, %s, does not exist or is no folder: create it (mkdir -p %s), or give a file in another folder", dest, dir, dir)
	}
	// SQLite says only "unable to open database ... no such file or
	// directory" of a folder it may not write (read-only, another owner).
	probe, err := os.CreateTemp(dir, ".newshound-write-check-*")
	if err != nil {
		return fmt.Errorf("cannot write in %s, the folder of %s: give a file in a folder you may write to: %w", dir, dest, err)
	}
	probe.Close()
	os.Remove(probe.Name())
	if _, err := os.Stat(dest); err == nil {
		// It named storage.path, which is not what to change, and the
		// README's newshound-$(date +%F).db meets it at the second backup
		// of a day.
		return fmt.Errorf("%s already exists, and a backup never overwrites a file: give a new file name, such as %s "+
			"(for several a day: newshound-$(date +%%F-%%H%%M).db)", dest, freeName(dest))
	}
	// The copy is written as DEST.unfinished and takes DEST's name only
	// once whole: a backup killed midway (SIGKILL, the OOM killer) left a
	// partial file at DEST that read like a backup. A leftover of such a
	// kill is removed first.
	tmp := dest + ".unfinished"
	removeCopy(tmp)
	if err := store.Backup(ctx, cfg.Storage.Path, tmp); err != nil {
		if removeCopy(tmp) {
			err = fmt.Errorf("%w (the unfinished copy is removed)", err)
		}
		if store.DiskFull(err) {
			return fmt.Errorf("storage.path %q: %w: free space in %s, or give a file on another disk (a backup needs about the database's size)", cfg.Storage.Path, err, dir)
		}
		return unusableFile(ctx, cfg.Storage.Path, err)
	}
	if err := placeCopy(tmp, dest); err != nil {
		removeCopy(tmp)
		return fmt.Errorf("storage.path %q: backup: %w", cfg.Storage.Path, err)
	}
	fmt.Fprintf(out, "copied %s to %s\n", cfg.Storage.Path, dest)
	return nil
}

// removeCopy removes an unfinished copy and its -journal, and reports
// whether there was one.
func removeCopy(path string) bool {
	removed := os.Remove(path) == nil
	os.Remove(path + "-journal")
	return removed
}

// placeCopy gives the whole copy at tmp the name dest, never over a file
// that appeared there meanwhile: a hard link, which fails when dest exists,
// then tmp removed; where the file system has no hard links, a rename
// after a last look.
func placeCopy(tmp, dest string) error {
	err := os.Link(tmp, dest)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s appeared while the copy was written; the copy is removed: give a new file name", dest)
	}
	if err == nil {
		return os.Remove(tmp)
	}
	if _, serr := os.Stat(dest); serr == nil {
		return fmt.Errorf("%s appeared while the copy was written; the copy is removed: give a new file name", dest)
	}
	return os.Rename(tmp, dest)
}

// isDir reports whether path is a folder.
func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// freeName is a file name beside dest that does not exist yet: dest with
// -2, -3 … before its extension.
func freeName(dest string) string {
	ext := filepath.Ext(dest)
	base := strings.TrimSuffix(dest, ext)
	for n := 2; ; n++ {
		name := fmt.Sprintf("%s-%d%s", base, n, ext)
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name
		}
	}
}

// unusableFile is err, a maintenance command's failure on the database at
// path, explained as the bot's start explains that file (store.CheckFile:
// another application's, not a database at all, damaged, with what to do)
// when the file is one it refuses: "file is not a database" named no fix,
// and a storage.path naming the wrong file (another -config) is the
// likeliest cause. Such a file is a *configError, as at the bot's start.
// The check runs only after a failure: it reads the whole file.
func unusableFile(ctx context.Context, path string, err error) error {
	if _, cerr := store.CheckFile(ctx, path, false); cerr != nil && unusableDatabase(cerr) {
		return &configError{fmt.Errorf("storage.path %q: %w", path, cerr)}
	}
	return fmt.Errorf("storage.path %q: %w", path, err)
}
