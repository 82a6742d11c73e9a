package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/newshound/newshound/config"
	"github.com/newshound/newshound/store"
)

// checkUsage is `newshound check`'s -h text.
const checkUsage = "usage: newshound check [-config FILE]\n" +
	"checks the configuration and what the start checks (the token in the environment, storage.path and its database file, each listen address's port, each source's ca_file) " +
	"without starting the bot or calling Telegram; names every problem at once: exit status 0 when there is none, 78 with each one"

// runCheck is `newshound check [-config FILE]`: what a start would refuse,
// all at once (the file's mistakes, then startProblems and walLeftBehind),
// without starting the bot, so that an operator fixes the configuration
// before `systemctl restart` rather than after each failed start. A bot
// already running on the database is said, not counted: its ports and
// lock are its own. It fails with a *configError naming every problem,
// and on a bad command line.
func runCheck(ctx context.Context, args []string, getenv func(string) string, out io.Writer) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	configPath := fs.String("config", "", "the configuration to check (default: the built-in one)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(out, checkUsage)
			return err
		}
		return &usageError{err: err, usage: checkUsage + "\n"}
	}
	if fs.NArg() != 0 {
		return &usageError{err: fmt.Errorf("unexpected argument %q: give the configuration with -config", fs.Arg(0)), usage: checkUsage + "\n"}
	}
	// The service's standard input: no console to fall back on without a
	// token.
	devnull, err := os.Open(os.DevNull)
	if err != nil {
		return err
	}
	defer devnull.Close()
	m := NewMain(devnull, out, out, getenv)
	m.configPath = *configPath
	cfg, err := config.Load(*configPath, getenv)
	if err != nil {
		return &configError{m.withStartChecks(ctx, cfg, err)}
	}
	errs, hard := m.startProblems(ctx, cfg, func(...string) bool { return false }, true)
	if hard != nil {
		errs = append(errs, hard)
	}
	if err := walLeftBehind(ctx, cfg.Storage.Path); err != nil {
		errs = append(errs, err)
	}
	var problems []error
	for _, e := range errs {
		if errors.Is(e, store.ErrLocked) {
			fmt.Fprintf(out, "note: a bot runs on this database now (%v); its ports are its own\n", e)
			continue
		}
		problems = append(problems, e)
	}
	switch len(problems) {
	case 0:
		fmt.Fprintf(out, "no problem found: storage.path %s", cfg.Storage.Path)
		if cfg.Metrics.Listen != "" {
			fmt.Fprintf(out, ", metrics.listen %s", cfg.Metrics.Listen)
		}
		fmt.Fprintln(out)
		return nil
	case 1:
		return &configError{problems[0]}
	}
	return &configError{&config.Mistakes{Errs: problems}}
}
