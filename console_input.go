package main

import (
	"errors"
	"io"
	"os"

	"github.com/newshound/newshound/config"
)

// errNoTokenNoConsole is returned by consoleInput: no token, so the console
// would run, on a standard input that can never say anything.
var errNoTokenNoConsole = errors.New("no bot token: set " + config.TokenEnv +
	" (systemd: in /etc/newshound/env; Docker: -e " + config.TokenEnv + "=...) or telegram.token; " +
	"without one Newshound is a console chat, and its standard input is /dev/null (a service manager, or docker run without -i)")

// consoleInput refuses console mode (no token) when stdin is /dev/null, as
// under systemd or `docker run -d`: the console would read its end at once
// and stop with exit status 0, its log in a file beside the database, so a
// token missing from the service's environment looked like a clean exit and
// nothing in the journal said why. It returns nil with a token, or when
// stdin is a terminal, a pipe, a file or no *os.File (tests).
func consoleInput(cfg config.Config, stdin io.Reader) error {
	f, ok := stdin.(*os.File)
	if !cfg.ConsoleMode() || !ok {
		return nil
	}
	in, err := f.Stat()
	if err != nil {
		return nil
	}
	null, err := os.Stat(os.DevNull)
	if err != nil || !os.SameFile(in, null) {
		return nil
	}
	return errNoTokenNoConsole
}
