package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/newshound/newshound/store"
)

// runVacuum is `newshound vacuum [-config FILE]`: the one-off maintenance
// step after upgrading a database created before incremental vacuum was the
// default. It rewrites the database of storage.path so that retention gives
// space back by itself from then on; the bot may keep running meanwhile
// (its writers wait). It fails on a bad command line or configuration, or
// as store.Open and Store.Vacuum do.
func runVacuum(ctx context.Context, args []string, getenv func(string) string, out io.Writer) error {
	cfg, _, err := storageCommand("vacuum", "usage: newshound vacuum [-config FILE]\ncompacts the database and turns on incremental vacuum; needs free disk space about the size of the database", 0, args, getenv, out)
	if err != nil {
		return err
	}
	if err := existingDatabase(cfg.Storage.Path); err != nil {
		return err
	}
	if err := olderBotRuns(ctx, cfg.Storage.Path); err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg.Storage.Path, nil)
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("storage.path %q: vacuum stopped (a signal) before it began; nothing was changed: %w", cfg.Storage.Path, err)
		}
		if unusableDatabase(err) {
			return &configError{fmt.Errorf("storage.path %q: %w", cfg.Storage.Path, err)}
		}
		return unusableFile(ctx, cfg.Storage.Path, err)
	}
	defer st.Close()
	if err := st.Vacuum(ctx); err != nil {
		if ctx.Err() != nil { // VACUUM is one transaction: it rolled back
			return fmt.Errorf("storage.path %q: vacuum stopped (a signal) before it finished; the database is unchanged: run it again when there is time: %w", cfg.Storage.Path, err)
		}
		if store.DiskFull(err) { // VACUUM is one transaction: nothing changed
			size := "the database's size"
			if fi, serr := os.Stat(cfg.Storage.Path); serr == nil {
				size = fmt.Sprintf("%d MB, the database's size,", fi.Size()>>20+1)
			}
			return fmt.Errorf("storage.path %q: %w: vacuum needs about %s free, in %s and in the folder of SQLite's temporary files (SQLITE_TMPDIR, else /var/tmp or /tmp); free some and run it again; the database is unchanged",
				cfg.Storage.Path, err, size, filepath.Dir(cfg.Storage.Path))
		}
		return fmt.Errorf("storage.path %q: %w", cfg.Storage.Path, err)
	}
	fmt.Fprintf(out, "compacted %s; retention now gives space back as it prunes\n", cfg.Storage.Path)
	return nil
}

// olderBotRuns refuses a vacuum while another process runs on the database
// at path and the file lacks migrations this binary has: opening it would
// change the schema under that (older) Newshound. A database no process
// holds, or one already at this version's schema, passes.
func olderBotRuns(ctx context.Context, path string) error {
	unlock, err := lockAsOwner(path)
	if err == nil {
		return unlock()
	}
	if !errors.Is(err, store.ErrLocked) {
		return err
	}
	pending, perr := store.PendingMigrations(ctx, path)
	if perr != nil {
		return fmt.Errorf("storage.path %q: %w", path, perr)
	}
	if pending > 0 {
		return fmt.Errorf("storage.path %q: the Newshound running on it (pid %s) is older than this one, which would change the database's schema under it (the file lacks %d of this version's migrations): "+
			"restart the service with this version first (its start migrates the database), then run vacuum; nothing was changed", path, lockHolder(path), pending)
	}
	return nil
}
