package main

import (
	"errors"
	"fmt"
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
// nothing in the journal said why; a token set under another name
// (TELEGRAM_BOT_TOKEN) is named with the one to use. It returns nil with a token, or when
// stdin is a terminal, a pipe, a file or no *os.File (tests).
func consoleInput(cfg config.Config, stdin io.Reader, getenv func(string) string) error {
	if !cfg.ConsoleMode() || !devNull(stdin) {
		return nil
	}
	if name := misnamedToken(getenv); name != "" {
		return fmt.Errorf("%w; %s is set, which Newshound does not read: rename it %s", errNoTokenNoConsole, name, config.TokenEnv)
	}
	return errNoTokenNoConsole
}

// misnamedTokens are the names a token is put under by mistake (other
// bots' conventions, a word left out or added).
var misnamedTokens = []string{"NEWSHOUND_TOKEN", "NEWSHOUND_BOT_TOKEN", "NEWSHOUND_TELEGRAM_BOT_TOKEN", "TELEGRAM_TOKEN", "TELEGRAM_BOT_TOKEN", "BOT_TOKEN"}

// misnamedToken returns the first of misnamedTokens set in the
// environment, or "".
func misnamedToken(getenv func(string) string) string {
	if getenv == nil {
		return ""
	}
	for _, name := range misnamedTokens {
		if getenv(name) != "" {
			return name
		}
	}
	return ""
}

// errDemoNoConsole is RunDemo's refusal of a standard input that can never
// say anything: the demo is a console chat and reads no token.
var errDemoNoConsole = errors.New("-demo is a console chat, and its standard input is /dev/null (started with & in a shell, by a service manager, or docker run without -i): " +
	"run newshound -demo in a terminal and type /subscribe meridian")

// devNull reports whether stdin is /dev/null; false for a terminal, a
// pipe, a file, or no *os.File (tests).
func devNull(stdin io.Reader) bool {
	f, ok := stdin.(*os.File)
	if !ok {
		return false
	}
	in, err := f.Stat()
	if err != nil {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err == nil && os.SameFile(in, null)
}
