package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/newshound/newshound/bot"
	"github.com/newshound/newshound/config"
	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/news"
)

// logFile is the log of console mode, beside the database.
const logFile = "newshound.log"

// openLog returns the logger of cfg and where it writes ("" = stderr). Log
// lines go to log.file when set; in console mode, where the terminal is the
// chat, to newshound.log beside the database; else to stderr. When the file
// cannot be opened they go to stderr, in console mode warnings only.
func (m *Main) openLog(cfg config.Config) (*slog.Logger, string, func()) {
	path := logPathOf(cfg)
	if path == "" {
		return newLogger(m.stderr, cfg, cfg.ConsoleMode()), "", func() {}
	}
	f, err := openLogFile(path)
	if err != nil {
		log := newLogger(m.stderr, cfg, cfg.ConsoleMode())
		log.Warn("cannot open the log file (log.file); logging to stderr", "path", path, "err", err, "fix", logFileFix(path, m.configPath, err))
		return log, "", func() {}
	}
	m.logOut = f
	return newLogger(f, cfg, false), path, func() { f.Close() }
}

// logPathOf is the file cfg logs to: log.file, else in console mode
// newshound.log beside the database; "" for stderr.
func logPathOf(cfg config.Config) string {
	if cfg.Log.File == "" && cfg.ConsoleMode() {
		return filepath.Join(filepath.Dir(cfg.Storage.Path), logFile)
	}
	return cfg.Log.File
}

// consoleStatus prints, in console mode, what the bot is doing: a first line
// (the sources, where the log goes, what to type) and, after the first poll,
// what it stored and when the next poll runs, in the console chat's zone
// (/timezone; UTC when chats cannot say).
func (m *Main) consoleStatus(ctx context.Context, transport bot.Transport, w *watch, chats chatPeeker, cfg config.Config, banner, logPath string) {
	c, ok := transport.(*bot.Console)
	if !ok {
		return
	}
	p := consolePrinter(ctx, chats, c.Language())
	say := func(text string) {
		if _, err := c.Send(ctx, bot.Outgoing{ChatID: bot.ConsoleChatID, Text: text, Plain: true}); err != nil {
			fmt.Fprintln(m.stderr, "newshound:", err)
		}
	}
	demo := banner != ""
	if demo {
		banner = p.Sprintf(banner) // -demo's, a key of the catalog
	} else {
		before, never := w.fetchedSoFar(ctx)
		n := before + never // the active sources: the file's and those added in chats
		if n == 0 {
			n = len(cfg.Sources)
		}
		banner = p.Sprintf("Newshound console: %s to poll, %s. The first fetch is stored as the backlog, not alerted.",
			p.Count(n, "%d sources"), pollEvery(p, cfg.Poller.Schedule))
		switch {
		case before > 0 && never == 0:
			banner = p.Sprintf("Newshound console: %s to poll, %s. Fetched before: news new since the last run is alerted when it matches.",
				p.Count(n, "%d sources"), pollEvery(p, cfg.Poller.Schedule))
		case before > 0:
			banner = p.Sprintf("Newshound console: %s to poll, %s. The first fetch of the %s never fetched is stored as the backlog, not alerted; the others alert what is new since the last run.",
				p.Count(n, "%d sources"), pollEvery(p, cfg.Poller.Schedule), p.Count(never, "%d sources"))
		}
		banner += "\n" +
			p.Sprintf("Type /subscribe WORDS (e.g. /subscribe climate OR election) for alerts on news from now on, /status for progress, /help for every command.")
		if n == 0 {
			banner = p.Sprintf("Newshound console: no sources yet, nothing to poll.") + "\n" + consoleNoSources(p, os.Args[0])
		}
	}
	banner = oneFullStop(banner)
	if logPath != "" {
		banner += "\n" + p.Sprintf("Log: %s", logPath)
	}
	warnings := append(cfg.Warnings(), m.unreadEnv(cfg)...)
	if w := readableSecrets(m.configPath, cfg, m.getenv); w != "" {
		warnings = append(warnings, w) // a secret any local user may read: the log alone had it
	}
	if len(warnings) > 0 && !demo { // the demo's are its own choice (a poll every 3s)
		// The log holds them too, but the console's operator reads the
		// terminal: a feed written twice was fetched twice without a word.
		banner += "\n" + p.Sprintf("⚠️ The configuration has doubtful settings (the log has them too):")
		for _, w := range warnings {
			banner += "\n• " + w
		}
	}
	say(banner)
	w.firstPoll = func(stored int) {
		p := consolePrinter(ctx, chats, c.Language()) // a /language since the banner
		srcs, err := w.store.ListSources(ctx)
		if err == nil && activeSources(srcs) == 0 {
			say(p.Sprintf("Nothing was fetched: there are no sources.") + " " + consoleNoSources(p, os.Args[0]))
			return
		}
		line := p.Sprintf("First fetch done: stored %s (the backlog, not alerted).", p.Count(stored, "%d articles"))
		if err == nil && w.restarted(srcs) {
			line = p.Sprintf("First fetch done: %s new since the last run (alerted when they match).", p.Count(stored, "%d articles"))
		}
		note := ""
		if err == nil {
			note = firstFetchFailed(p, srcs, logPath)
		}
		if stored == 0 && note != "" && !anyNotStored(srcs) {
			// Every source failed: "First fetch done: stored 0 articles"
			// read as a fetch that went well and found nothing.
			line, note = note, ""
		}
		sep := " "
		if strings.HasSuffix(line, demoCommand(os.Args[0])) {
			sep = "\n" // not "Try the demo: newshound -demo Next fetch at"
		}
		if src, at, ok := nextFetch(srcs, m.Now()); err == nil && ok {
			line += sep + p.Sprintf("Next fetch at %s (%s).", clock(at, consoleZone(ctx, chats)), src.Name)
		}
		if note != "" {
			line += "\n" + note
		}
		say(line)
	}
}

// chatPeeker reads a chat's settings without waiting on the writer, and
// its delivery settings (its language).
type chatPeeker interface {
	PeekChat(ctx context.Context, id int64) (news.Chat, error)
	FindChatDelivery(ctx context.Context, id int64) (news.ChatDelivery, error)
}

// consoleZone is the console chat's stored zone (/timezone): "" (UTC) when
// it has none or it cannot be read.
func consoleZone(ctx context.Context, chats chatPeeker) string {
	if chats == nil {
		return ""
	}
	chat, err := chats.PeekChat(ctx, bot.ConsoleChatID)
	if err != nil {
		return ""
	}
	return chat.Timezone
}

// consolePrinter speaks the console chat's language: the one it chose
// with /language (stored, so it outlives a restart), else fallback, the
// terminal's. Reading only the terminal's, the banner and the first-fetch
// line stayed English after /language ru.
func consolePrinter(ctx context.Context, chats chatPeeker, fallback string) locale.Printer {
	if lang := chosenLanguage(chats)(ctx); lang != "" {
		return locale.For(lang)
	}
	return locale.For(fallback)
}

// chosenLanguage returns the language the console chat chose with
// /language, "" when it chose none, follows the terminal (/language auto:
// the language stored is the terminal's of an earlier run, and LANG=de
// got an English banner after a run without LANG) or cannot be read.
func chosenLanguage(chats chatPeeker) func(context.Context) string {
	return func(ctx context.Context) string {
		if chats == nil {
			return ""
		}
		chat, err := chats.FindChatDelivery(ctx, bot.ConsoleChatID)
		if err != nil || chat.LanguageFollowed {
			return ""
		}
		return chat.Language
	}
}

// noSourcesHint is the one line that tells an operator with no sources
// how to add one: /addsource, /import of an OPML list (a file, its link or
// the pasted list), or [[sources]] in the configuration file.
func noSourcesHint(p locale.Printer) string {
	return p.Sprintf("Add one: /addsource URL (a feed or a site), /import with an OPML list (a file or its URL), or [[sources]] in the configuration file (config.example.toml lists five world-news feeds).")
}

// consoleNoSources is noSourcesHint and, for a console maybe without
// network, the demo of the binary run as arg0.
func consoleNoSources(p locale.Printer, arg0 string) string {
	return noSourcesHint(p) + " " + p.Sprintf("No network here? Try the demo: %s", demoCommand(arg0))
}

// activeSources counts the sources that are polled (not retired).
func activeSources(srcs []news.Source) int {
	n := 0
	for _, s := range srcs {
		if s.Origin != news.OriginRetired {
			n++
		}
	}
	return n
}

// pollEvery says the schedule in words: "polled every 2m" or the cron spec.
func pollEvery(p locale.Printer, schedule string) string {
	if every := trimEvery(schedule); every != "" {
		if d, err := time.ParseDuration(every); err == nil && d > 0 {
			return p.Sprintf("polled every %s", p.Span(d)) // "каждые 1 ч", not the English "1h"
		}
	}
	return p.Sprintf("polled on the schedule %s", schedule)
}

func trimEvery(s string) string {
	const every = "@every "
	if len(s) > len(every) && s[:len(every)] == every {
		return s[len(every):]
	}
	return ""
}

// configFeed finds the feed of a configuration source's URL the way
// /addsource does; the operator's URLs may point at private addresses.
func configFeed(cfg config.Config) func(context.Context, string) (string, error) {
	d := feeds.NewDiscoverer(feeds.DiscoverOptions{AllowPrivate: true, Timeout: cfg.Poller.Timeout.D(),
		MaxBytes: cfg.Poller.MaxBytes, UserAgent: cfg.Poller.UserAgent})
	return func(ctx context.Context, pageURL string) (string, error) {
		found, err := d.Discover(ctx, pageURL)
		return found.URL, err
	}
}

// allFailing reports whether every active source failed its last fetch.
// firstFetchFailed is the console's line after the first poll when it
// stored nothing for a failure: the database refusing what the sources
// gave (a full disk: not the sources' fault), or every source failing (no
// network?); "" otherwise.
func firstFetchFailed(p locale.Printer, srcs []news.Source, logPath string) string {
	switch {
	case anyNotStored(srcs):
		return p.Sprintf("Fetched, but the database refused to store it (not the sources' fault): /status says why.")
	case len(srcs) > 0 && allFailing(srcs):
		return p.Sprintf("Every source failed (see /sources and %s). No network here? Try the demo: %s", logPathOr(p, logPath), demoCommand(os.Args[0]))
	}
	return ""
}

// anyNotStored reports whether some source's last fetch went well and the
// database refused to store it (notStored).
func anyNotStored(srcs []news.Source) bool {
	for _, s := range srcs {
		if s.Origin != news.OriginRetired && notStored(s) {
			return true
		}
	}
	return false
}

func allFailing(srcs []news.Source) bool {
	for _, s := range srcs {
		if s.Origin != news.OriginRetired && s.LastError == "" {
			return false
		}
	}
	return true
}

func logPathOr(p locale.Printer, path string) string {
	if path == "" {
		return p.Sprintf("the log")
	}
	return path
}

// envLanguage is the terminal's language from the environment, as a
// language code ("ru_RU.UTF-8" → "ru-RU"): LC_ALL, else LC_MESSAGES, else
// LANG; "" for none, C or POSIX (English).
func envLanguage(getenv func(string) string) string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(k)
		if v == "" {
			continue
		}
		v, _, _ = strings.Cut(v, ".")
		v, _, _ = strings.Cut(v, "@")
		if v == "C" || v == "POSIX" {
			return ""
		}
		return strings.ReplaceAll(v, "_", "-")
	}
	return ""
}

// demoName is the command that runs the binary run as arg0, as
// demoCommand says it, without -demo.
func demoName(arg0 string) string {
	return strings.TrimSuffix(demoCommand(arg0), " -demo")
}

// demoCommand is the command line that runs the demo, for a binary run as
// arg0: under go run (a binary in Go's build cache) the go run line of the
// README; a binary run by its path gets its full path (a stranger's
// /tmp/x/newshound was told "newshound -demo": command not found; and
// ./newshound is one only in its folder); a bare name, found on PATH, stays
// as it is. A path with a space is quoted for the shell.
func demoCommand(arg0 string) string {
	if strings.Contains(filepath.ToSlash(arg0), "/go-build") {
		return "go run -tags sqlite_fts5 . -demo"
	}
	if strings.Contains(filepath.ToSlash(arg0), "/") {
		if abs, err := filepath.Abs(arg0); err == nil {
			arg0 = abs
		}
		arg0 = shellWord(arg0)
	}
	return arg0 + " -demo"
}

// abbrevStop matches a sentence's full stop after an abbreviation's:
// "alle 2 Min.. Der erste Abruf" (German's "Min." for the poll's minutes).
var abbrevStop = regexp.MustCompile(`(\pL)\.\.(\s|$)`)

// oneFullStop writes one full stop where an abbreviation ends a sentence.
func oneFullStop(s string) string { return abbrevStop.ReplaceAllString(s, "$1.$2") }
