package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/newshound/newshound/config"
)

// storageCommand reads the command line of a maintenance subcommand that
// works on the database of storage.path: its -config flag, then exactly
// nargs arguments. It returns the configuration and the arguments; it fails
// with a *usageError that carries the usage (exit status 2; reportFailure
// prints both to stderr, nothing goes to out) when the command line is
// wrong, with flag.ErrHelp (the usage printed to out: no failure, main
// exits 0) for -h, and as config.Load does (a *configError: exit status 78).
func storageCommand(name, usage string, nargs int, args []string, getenv func(string) string, out io.Writer) (config.Config, []string, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	var help bytes.Buffer
	fs.SetOutput(&help)
	what := "the configuration whose storage.path to use (default: ./newshound.db)"
	if name == "healthcheck" {
		what = "the configuration whose metrics.listen to ask (the one the bot runs with)"
	}
	configPath := fs.String("config", "", what)
	fs.Usage = func() {
		help.Reset() // the flag package's own line of the fault: the error says it
		fmt.Fprintln(&help, usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			_, _ = out.Write(help.Bytes())
			return config.Config{}, nil, err
		}
		return config.Config{}, nil, &usageError{err: err, usage: help.String()}
	}
	if fs.NArg() != nargs {
		fs.Usage()
		return config.Config{}, nil, &usageError{err: argumentsError(name, nargs, fs.Args()), usage: help.String()}
	}
	if nargs == 1 && strings.EqualFold(filepath.Ext(fs.Arg(0)), ".toml") {
		// newshound restore newshound.toml: the configuration given
		// without -config was read as the backup ("empty or damaged"),
		// and as backup's DEST was answered "already exists: give a new
		// file name, such as newshound-2.toml".
		fs.Usage()
		return config.Config{}, nil, &usageError{err: fmt.Errorf("%[1]s is a configuration file (.toml), not %[2]s, %[3]s: give it with -config, then %[2]s: newshound %[4]s -config %[1]s %[2]s",
			fs.Arg(0), commandArgs[name][0], commandArgs[name][1], name), usage: help.String()}
	}
	cfg, err := config.Load(*configPath, getenv)
	if err != nil {
		if !elsewhereMistakes(name, cfg, err) {
			return config.Config{}, nil, &configError{err}
		}
		// A typo in [poller] made since the bot started refused the
		// backup, or the restore in an incident, until it was mended.
		fmt.Fprintf(out, "newshound %[1]s: warning: %[2]s has mistakes the bot will refuse at its next start; they do not touch %[3]s, so %[1]s goes on:\n  %[4]v\n",
			name, *configPath, commandKey(name), err)
	}
	useSQLiteTemp(getenv, cfg.Storage.Path) // vacuum's and backup's copies: in the image, no /tmp
	return cfg, fs.Args(), nil
}

// commandKey is the key of the configuration a maintenance command uses.
func commandKey(name string) string {
	if name == "healthcheck" {
		return "metrics.listen"
	}
	return "storage.path"
}

// elsewhereMistakes reports whether err, the configuration's mistakes
// (cfg as Load read it), leave the command name what it uses: every
// mistake names a key, none in the table of commandKey.
func elsewhereMistakes(name string, cfg config.Config, err error) bool {
	if cfg.Storage.Path == "" { // the file could not be read
		return false
	}
	errs := []error{err}
	var m *config.Mistakes
	if errors.As(err, &m) {
		errs = m.Errs
	}
	for _, e := range errs {
		if len(config.MistakeKeys(e)) == 0 {
			return false
		}
	}
	table, _, _ := strings.Cut(commandKey(name), ".")
	return !keysIn(config.MistakeKeys(err), table)
}

// commandArgs names the one argument of the subcommands that take one:
// its name in the usage line, and what it is.
var commandArgs = map[string][2]string{
	"backup":  {"DEST", "the file to write the copy to"},
	"restore": {"BACKUP", "the copy (made by newshound backup) to put in place"},
}

// argumentsError says what is wrong with args, the words after the flags of
// the subcommand name, which takes nargs (0 or 1): the argument missing,
// a flag written after it (the flag package stops at the first word), or
// the word too many.
func argumentsError(name string, nargs int, args []string) error {
	arg := commandArgs[name]
	if len(args) < nargs {
		return fmt.Errorf("%s needs %s, %s", name, arg[0], arg[1])
	}
	for i, a := range args {
		if i > 0 && strings.HasPrefix(a, "-") {
			flags := strings.Join(args[i:], " ")
			words := strings.Join(args[:i], " ")
			return fmt.Errorf("%q comes after %s, where it is no flag: flags go first: newshound %s %s %s", a, words, name, flags, words)
		}
	}
	if nargs == 0 {
		return fmt.Errorf("unexpected argument %q: %s takes none, only -config FILE", args[0], name)
	}
	return fmt.Errorf("unexpected argument %q: %s takes one %s, %s", args[nargs], name, arg[0], arg[1])
}

// existingDatabase refuses a storage.path where there is no file: a
// maintenance command run in the wrong folder, or without the -config the bot
// runs with, would otherwise make a new empty database there (vacuum did, and
// said it had compacted it). It returns nil when a file is there, and
// names storage.path and who may run the command when this user may not
// reach the file.
func existingDatabase(path string) error {
	_, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) && !filepath.IsAbs(path) {
		wd, _ := os.Getwd()
		return fmt.Errorf("no database at storage.path %q, which is relative: it is taken from the working folder %s; run this in the folder the bot runs in (the systemd unit's is /var/lib/newshound), "+
			"or write the whole path in storage.path, and give the configuration the bot runs with (-config FILE)", path, wd)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("no database at storage.path %q: give the configuration the bot runs with (-config FILE), or run this in the folder of its database", path)
	}
	if errors.Is(err, fs.ErrPermission) {
		// The systemd unit's database is in /var/lib/private (mode
		// 0700, DynamicUser=), which only root may enter.
		return fmt.Errorf("storage.path %q: this user (uid %d) may not read it or its folder: run the command as root (sudo newshound ...) or as the user the bot runs as: %w", path, os.Geteuid(), err)
	}
	if err != nil {
		return fmt.Errorf("storage.path %q: %w", path, err)
	}
	return folderAsDatabase(path)
}

// reportFailure prints to w (stderr) why the subcommand name failed, and
// the usage after a wrong command line (a *usageError). It prints nothing
// for flag.ErrHelp, whose usage went to stdout.
func reportFailure(w io.Writer, name string, err error) {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return
	}
	fmt.Fprintf(w, "newshound %s: %v\n", name, err)
	var ue *usageError
	if errors.As(err, &ue) && ue.usage != "" {
		fmt.Fprint(w, ue.usage)
	}
}
