package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/newshound/newshound/config"
)

// storageCommand reads the command line of a maintenance subcommand that
// works on the database of storage.path: its -config flag, then exactly
// nargs arguments. It returns the configuration and the arguments; it fails
// with the usage printed to out when the command line is wrong, with
// flag.ErrHelp (the usage printed: no failure, main exits 0) for -h, and as
// config.Load does.
func storageCommand(name, usage string, nargs int, args []string, getenv func(string) string, out io.Writer) (config.Config, []string, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(out)
	configPath := fs.String("config", "", "the configuration whose storage.path to use (default: ./newshound.db)")
	fs.Usage = func() {
		fmt.Fprintln(out, usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return config.Config{}, nil, err
	}
	if fs.NArg() != nargs {
		fs.Usage()
		return config.Config{}, nil, fmt.Errorf("%s takes %d argument(s) besides -config, got %d", name, nargs, fs.NArg())
	}
	cfg, err := config.Load(*configPath, getenv)
	if err != nil {
		return config.Config{}, nil, err
	}
	return cfg, fs.Args(), nil
}
