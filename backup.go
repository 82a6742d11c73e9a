package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/newshound/newshound/config"
	"github.com/newshound/newshound/store"
)

// runBackup is `newshound backup [-config FILE] DEST`: a consistent copy of
// the database of storage.path, taken while the bot runs. It fails on a bad
// command line or configuration, when DEST exists, or as store.Backup does.
func runBackup(ctx context.Context, args []string, getenv func(string) string, out io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(out)
	configPath := fs.String("config", "", "the configuration whose storage.path to copy (default: ./newshound.db)")
	fs.Usage = func() {
		fmt.Fprintln(out, "usage: newshound backup [-config FILE] DEST\nwrites a consistent copy of the live database to DEST (a new file)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("give one destination file, e.g. newshound backup newshound-%s.db", "2026-01-31")
	}
	cfg, err := config.Load(*configPath, getenv)
	if err != nil {
		return err
	}
	dest := fs.Arg(0)
	if err := store.Backup(ctx, cfg.Storage.Path, dest); err != nil {
		return fmt.Errorf("storage.path %q: %w", cfg.Storage.Path, err)
	}
	fmt.Fprintf(out, "copied %s to %s\n", cfg.Storage.Path, dest)
	return nil
}
