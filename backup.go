package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/newshound/newshound/store"
)

// runBackup is `newshound backup [-config FILE] DEST`: a consistent copy of
// the database of storage.path, taken while the bot runs. It fails on a bad
// command line or configuration, when DEST exists, or as store.Backup does;
// a copy that failed midway (a full disk) is removed, not left as an empty
// or partial file that reads like a backup.
func runBackup(ctx context.Context, args []string, getenv func(string) string, out io.Writer) error {
	cfg, rest, err := storageCommand("backup", "usage: newshound backup [-config FILE] DEST\nwrites a consistent copy of the live database to DEST (a new file)", 1, args, getenv, out)
	if err != nil {
		return err
	}
	if err := existingDatabase(cfg.Storage.Path); err != nil {
		return err
	}
	dest := rest[0]
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
	_, statErr := os.Stat(dest)
	if err := store.Backup(ctx, cfg.Storage.Path, dest); err != nil {
		if statErr != nil { // no file there before: what the failed copy left is no backup
			removed := os.Remove(dest) == nil
			os.Remove(dest + "-journal")
			if removed {
				err = fmt.Errorf("%w (the unfinished %s is removed)", err, dest)
			}
		}
		if store.DiskFull(err) {
			return fmt.Errorf("storage.path %q: %w: free space in %s, or give a file on another disk (a backup needs about the database's size)", cfg.Storage.Path, err, dir)
		}
		return fmt.Errorf("storage.path %q: %w", cfg.Storage.Path, err)
	}
	fmt.Fprintf(out, "copied %s to %s\n", cfg.Storage.Path, dest)
	return nil
}

// isDir reports whether path is a folder.
func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}
