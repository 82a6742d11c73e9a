package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/newshound/newshound/bot"
	"github.com/newshound/newshound/config"
	"github.com/newshound/newshound/locale"
)

// consoleFarewell prints the console's last line once it stopped (Ctrl-D,
// Ctrl-C, the piped input's end): where the chat's subscriptions are kept
// and the command that brings them back. The console used to end on its
// prompt, and a stranger did not know whether what they set was kept nor
// how to come back. It prints nothing outside console mode.
func (m *Main) consoleFarewell(cfg config.Config) {
	if m.console == nil || !cfg.ConsoleMode() {
		return
	}
	p := locale.For(m.console.Spoke())
	fmt.Fprintln(m.stdout, "\n"+farewellLine(p, os.Args[0], m.configPath, absPath(cfg.Storage.Path)))
}

// farewellLine is consoleFarewell's line for the binary run as arg0 with
// -config configPath ("" for none) on the database db.
func farewellLine(p locale.Printer, arg0, configPath, db string) string {
	cmd := demoName(arg0)
	if configPath != "" {
		cmd += " -config " + shellWord(configPath)
	}
	return p.Sprintf("Stopped. Your subscriptions are kept in %s; to come back, run %s", db, cmd)
}

// shellWord quotes s for a shell when it holds a space or a quote.
func shellWord(s string) string {
	if !strings.ContainsAny(s, " '\"\t") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// fileSources says where the configuration's sources come from, for
// /removesource's refusal: -demo's newsroom, the built-in list of a run
// without -config, or the file's full path.
func (m *Main) fileSources() bot.SourcesOrigin {
	switch {
	case m.demo:
		return bot.SourcesOrigin{Demo: true}
	case m.configPath == "":
		return bot.SourcesOrigin{BuiltIn: true}
	}
	return bot.SourcesOrigin{File: absPath(m.configPath)}
}
