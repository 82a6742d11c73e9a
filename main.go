// Command newshound is a self-hosted Telegram bot for keyword news alerts.
// Without a token it runs as a console chat in the terminal.
//
//	newshound [-config FILE]        run the bot (console mode without a token)
//	newshound -demo                 the console on bundled sample news, offline
//	newshound -version              print the version and exit
//	newshound backup [-config FILE] DEST   copy the live database to DEST
//	newshound restore [-config FILE] BACKUP  put a backup in place, Newshound stopped
//	newshound vacuum [-config FILE]        compact an older database once (see README)
//	newshound healthcheck [-config FILE]   ask the running bot's /healthz
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/newshound/newshound/internal/earlystop"
)

func main() {
	// A stop (Ctrl-C, SIGTERM) ends a subcommand through its context, so
	// that it cleans up: killed at once, a backup left its partial copy
	// behind, a file that read like a backup.
	// It catches them from package initialisation on (earlystop): a stop
	// during the start ends the process cleanly, not by the signal.
	ctx, stop := earlystop.Context()
	defer stop()
	commands := map[string]func(context.Context, []string, func(string) string, io.Writer) error{
		"backup": runBackup, "restore": runRestore, "vacuum": runVacuum, "healthcheck": runHealthcheck, "check": runCheck,
	}
	if len(os.Args) > 1 && commands[os.Args[1]] != nil {
		// logrotate's postrotate "kill -HUP $(pidof newshound)" (as
		// config.example.toml suggests for log.file) reaches a backup or
		// vacuum running then too, and SIGHUP's default ended it midway.
		// A subcommand has no log file to reopen: it goes on.
		signal.Ignore(syscall.SIGHUP)
		if err := commands[os.Args[1]](ctx, os.Args[2:], os.Getenv, os.Stdout); err != nil && !errors.Is(err, flag.ErrHelp) {
			reportFailure(os.Stderr, os.Args[1], err)
			stop()
			os.Exit(exitStatus(err))
		}
		return
	}
	configPath := flag.String("config", "", "path to the TOML configuration (default: built-in defaults and world-news sources)")
	demo := flag.Bool("demo", false, "run the console on bundled sample news served on this machine: no configuration, no network")
	showVersion := flag.Bool("version", false, "print the version, commit and build date, and exit")
	checkDB := flag.Bool("check-db", false, "run SQLite's quick_check on the database at start even above 512 MiB (smaller files are always checked)")
	flag.Usage = usage(flag.CommandLine)
	flag.Parse()
	if err := argsError(flag.Args(), *demo, *configPath); err != nil {
		fmt.Fprintln(os.Stderr, "newshound:", err)
		os.Exit(2)
	}
	if *showVersion {
		fmt.Println("newshound", versionString())
		return
	}

	m := NewMain(os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	m.CheckDB = *checkDB
	m.Environ = os.Environ
	// SIGHUP's default ends the process at once, and systemd counts an end
	// by SIGHUP as clean: `kill -HUP`, the habit of asking a daemon to
	// reload, stopped the service for good. Newshound reloads nothing; it
	// says so and goes on. earlystop catches it from package initialisation
	// on: one during the start is handled once the log is set up.
	m.Hangups = earlystop.Hangups()
	run := func() error { return m.Run(ctx, *configPath) }
	if *demo {
		run = func() error { return m.RunDemo(ctx) }
	}
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "newshound:", err)
		os.Exit(exitStatus(err))
	}
}

// argsError refuses words left after the flags: the bot takes none, and a
// configuration file named without -config would otherwise be ignored for
// the built-in defaults. It refuses -demo with -config too: the demo runs
// on its own sample news and would ignore the file. It returns nil when
// the command line is fine.
func argsError(args []string, demo bool, configPath string) error {
	switch {
	case demo && configPath != "":
		return fmt.Errorf("-demo runs on its own sample news and reads no configuration: drop -config %s, or drop -demo", configPath)
	case len(args) == 0:
		return nil
	case strings.HasSuffix(args[0], ".toml"):
		return fmt.Errorf("unexpected argument %q: give the configuration with -config %s (flags go before other words)", args[0], args[0])
	case args[0] == "backup" || args[0] == "restore" || args[0] == "vacuum" || args[0] == "healthcheck" || args[0] == "check":
		// newshound -config x.toml backup copy.db: the command's own
		// -config comes after the command's name.
		return fmt.Errorf("%q comes first, its flags after it: %s", args[0], strings.Join(append([]string{"newshound", args[0], "-config", cmp.Or(configPath, "FILE")}, args[1:]...), " "))
	case args[0] == "version" || args[0] == "help":
		return fmt.Errorf("unexpected argument %q: it is the flag -%s (newshound -%[2]s)", args[0], map[string]string{"version": "version", "help": "h"}[args[0]])
	}
	return fmt.Errorf("unexpected argument %q: newshound takes flags (-config FILE, -demo, -version) or the commands check, backup, restore, vacuum and healthcheck; flags go before other words", args[0])
}

// usage returns the -help text of fs, the bot's flags: how to run it, its
// commands and the environment it reads, then the flags.
func usage(fs *flag.FlagSet) func() {
	return func() {
		fmt.Fprint(fs.Output(), `usage:
  newshound [-config FILE]               run the bot: on Telegram with a token, else a console chat in this terminal
  newshound -demo                        the console on bundled sample news, offline
  newshound -version                     print the version and exit
  newshound check [-config FILE]         name every problem a start would refuse, at once, without starting: 0 none, 78 each
  newshound backup [-config FILE] DEST   copy the live database to DEST, while the bot runs
  newshound restore [-config FILE] BACKUP  put BACKUP in place of the database, the bot stopped (the old one kept aside)
  newshound vacuum [-config FILE]        compact a database made by an older version, once (see README)
  newshound healthcheck [-config FILE]   ask the running bot's /healthz (metrics.listen): 0 ready, 1 not (a container's HEALTHCHECK)

The token comes from NEWSHOUND_TELEGRAM_TOKEN (or telegram.token); without one the bot runs in the console.
NEWSHOUND_WEBHOOK_SECRET overrides telegram.webhook_secret; HTTPS_PROXY carries the Telegram calls.
config.example.toml documents every key of the configuration. SIGTERM and SIGINT stop the bot; SIGHUP
reopens log.file and reloads nothing.

exit status: 0 stopped, 1 failed (the error says why), 2 a wrong command line,
78 a configuration error (fix the file or the environment; the systemd unit does not restart it)

flags:
`)
		fs.PrintDefaults()
	}
}
