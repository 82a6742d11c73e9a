package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/newshound/newshound/bot"
	"github.com/newshound/newshound/config"
	"github.com/newshound/newshound/digest"
	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/internal/gctarget"
	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/metrics"
	"github.com/newshound/newshound/settings"
	"github.com/newshound/newshound/store"
	"github.com/newshound/newshound/stories"
	"github.com/newshound/newshound/subscriptions"
)

// Main is the whole program, built from a configuration; tests run it as main does.
type Main struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// Now is the clock of every part; tests replace it.
	Now func() time.Time
	// Ready, when set, is called once every part runs.
	Ready func(*Parts)
	// CheckDB forces the start's quick_check of a database above
	// store.QuickCheckMaxBytes (the -check-db flag).
	CheckDB bool
	// After is the timer of the start's waits for the database (see
	// openDatabase); nil: time.After. Tests replace it.
	After func(time.Duration) <-chan time.Time
	// Hangups, when set, delivers SIGHUP: each reopens the log file (for
	// logrotate) and is logged (the configuration is not reloaded), and
	// the bot goes on.
	Hangups <-chan os.Signal
	// Environ, when set, is the process's environment (os.Environ), whose
	// NEWSHOUND_ variables Newshound does not read the start warns of.
	Environ func() []string

	logOut *reopenableLog // the log file, when the log goes to one
	// configPath is the -config file Run loaded ("" for none), whose
	// permissions the start checks (readableSecrets).
	configPath string

	watch *watch // the progress of this run, for /status and /healthz
	// console is the console transport of this run (console mode), whose
	// language the last line after Ctrl-D speaks.
	console *bot.Console
	// demo is set by RunDemo: the sources are the demo's newsroom.
	demo bool
}

// Parts are the running components, for tests that drive them directly.
type Parts struct {
	Store  *store.Store
	Poller *feeds.Poller
	Sender *bot.Sender
	Subs   *subscriptions.Service
	Digest *digest.Scheduler
	// MetricsAddr is where /metrics and /healthz are served; "" when off.
	MetricsAddr string
}

// NewMain returns a Main reading the console from stdin and writing it to stdout, logs to stderr.
func NewMain(stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) *Main {
	return &Main{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv, Now: time.Now}
}

// updater is a source of incoming messages: Telegram's long poll or webhook, or the console.
type updater interface {
	Updates(ctx context.Context, handle func(context.Context, bot.Incoming)) error
}

// Run loads the configuration at path, builds every part and runs them until
// ctx is done (or the console input ends). It fails when the configuration
// is invalid, the database cannot be opened or Telegram refuses the token, and when a part stops on its own
// while running (the webhook's port taken, say); a Telegram that cannot be
// reached at start is waited for, while the sources are polled and the
// digests queued, and so is a database another process holds or a disk too
// full to open it (see openDatabase): stopped while waiting, it returns nil.
func (m *Main) Run(ctx context.Context, path string) error {
	cfg, err := config.Load(path, m.getenv)
	m.configPath = path
	if err != nil {
		return &configError{m.withStartChecks(ctx, cfg, err)}
	}
	if err := m.run(ctx, cfg, ""); err != nil {
		return err
	}
	m.consoleFarewell(cfg)
	return nil
}

// withStartChecks is err, the mistakes of the configuration file, joined
// by what the start checks find in the rest of cfg, what Load read (see
// startProblems): an operator who mended a typo heard only at the next
// start that storage.path's folder was missing or metrics.listen's port
// taken. A check is left out when a mistake names a key it reads, which
// the file's fix may change; a file that could not be read (cfg zero)
// gets none.
func (m *Main) withStartChecks(ctx context.Context, cfg config.Config, err error) error {
	if cfg.Storage.Path == "" {
		return err
	}
	keys := config.MistakeKeys(err)
	mistaken := func(tables ...string) bool { return keysIn(keys, tables...) }
	more, hard := m.startProblems(ctx, cfg, mistaken, true)
	if hard != nil {
		more = append(more, hard)
	}
	if len(more) == 0 {
		return err
	}
	errs := []error{err}
	var ms *config.Mistakes
	if errors.As(err, &ms) {
		errs = slices.Clone(ms.Errs)
	}
	return &config.Mistakes{Errs: append(errs, more...)}
}

// RunDemo runs the console on the bundled sample news, served to itself on
// a loopback port: no configuration, no network. It fails as Run does, and
// on a standard input of /dev/null (errDemoNoConsole, a usageError).
func (m *Main) RunDemo(ctx context.Context) error {
	if devNull(m.stdin) {
		return &usageError{err: errDemoNoConsole}
	}
	cfg, d, err := demoConfig(m.Now)
	if err != nil {
		return err
	}
	defer d.close()
	m.demo = true
	if err := m.run(ctx, cfg, demoBanner); err != nil {
		return err
	}
	// Its database is a scratch copy, removed on the way out: a stranger
	// who ran the demo again found the subscriptions gone without a word.
	p := locale.For(envLanguage(m.getenv))
	fmt.Fprintln(m.stdout, "\n"+p.Sprintf("Demo over: what you set was in a scratch database, now removed. To keep your subscriptions, run %s without -demo (it keeps them in ./newshound.db).", demoName(os.Args[0])))
	return nil
}

// run builds every part of cfg and runs them; banner, when set, is the
// console's first line. A stop (ctx done: SIGTERM, Ctrl-C) is no failure,
// whatever step of the start it interrupted: it returns nil then, so the
// process exits 0 and a supervisor does not count `systemctl stop` as a
// crash (a stop while the router was being built returned "context
// canceled" and exit status 1).
func (m *Main) run(ctx context.Context, cfg config.Config, banner string) error {
	err := m.runParts(ctx, cfg, banner)
	var gone *fileGone
	if errors.As(err, &gone) {
		gone.putBack() // the store is closed now: its -wal is empty
		err = gone     // its text says where the database is now
	}
	if err != nil && ctx.Err() != nil && gone == nil {
		return nil
	}
	if errors.Is(err, bot.ErrUnauthorized) {
		err = fmt.Errorf("%w; %s", err, m.tokenSource(cfg))
	}
	if errors.Is(err, bot.ErrUnauthorized) || errors.Is(err, bot.ErrWebhookRefused) { // a wrong token or webhook_url: asking again every 5 s mends nothing
		err = &configError{err}
	}
	var checked *configError // startChecks' own says where the key is
	if listenRefused(err) && m.configPath != "" && !errors.As(err, &checked) {
		err = fmt.Errorf("%w; the key is in %s", err, m.configPath)
	}
	if unusableDatabase(err) || listenRefused(err) {
		err = &configError{err}
	}
	if err != nil && cfg.Log.File != "" {
		m.logFailure(cfg, err)
	}
	return err
}

// unusableDatabase reports whether err refused the file at storage.path as
// it is: another application's, empty or damaged, or written by a newer
// Newshound. Only the operator mends it (storage.path, a backup restored,
// the newer binary), and with status 1 the systemd unit started the bot
// again every 5 s into the same refusal, each time reading the whole file.
func unusableDatabase(err error) bool {
	return errors.Is(err, store.ErrForeign) || errors.Is(err, store.ErrNewer) || errors.Is(err, store.ErrDamaged)
}

// logFailure writes why the bot could not run into log.file, which held no
// word of it (the error went to stderr alone): an operator reading the file
// saw the bot stop mid-sentence, or never start. A file that cannot be
// opened is skipped: stderr has the error anyway.
func (m *Main) logFailure(cfg config.Config, err error) {
	f, ferr := os.OpenFile(cfg.Log.File, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o640)
	if ferr != nil {
		return
	}
	defer f.Close()
	newLogger(f, cfg, false).Error("stopped: cannot run", "err", err)
}

// keysIn reports whether one of keys (dotted, as config.MistakeKeys names
// them) is one of tables, or a key in one. A key above every table
// ("path = …" with its [storage] line left out) may be any table's: it
// is in each (an environment variable's name is no such key).
func keysIn(keys []string, tables ...string) bool {
	for _, k := range keys {
		if !strings.ContainsAny(k, ".[") && k != strings.ToUpper(k) && !slices.Contains(configTables, k) {
			return true
		}
		for _, t := range tables {
			if k == t || strings.HasPrefix(k, t+".") || strings.HasPrefix(k, t+"[") {
				return true
			}
		}
	}
	return false
}

// unreadEnv is unreadEnv of m.Environ, nil when it is not set.
func (m *Main) unreadEnv(cfg config.Config) []string {
	if m.Environ == nil {
		return nil
	}
	return unreadEnv(m.Environ(), cfg)
}

// startChecks refuses what only the configuration or the environment
// mends, before the database and Telegram: no token for a service, a
// storage.path that cannot be used, a source's ca_file, a listen address
// whose port is taken. Each was its own start: no token, then the folder,
// then each CA file. They are named at once in a *configError; a
// storage.path refused for another reason (a failing disk) is returned
// alone, as it is.
func (m *Main) startChecks(ctx context.Context, cfg config.Config) error {
	errs, hard := m.startProblems(ctx, cfg, func(...string) bool { return false }, false)
	if hard != nil {
		return hard
	}
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return &configError{errs[0]}
	}
	return &configError{&config.Mistakes{Errs: errs}}
}

// startProblems is startChecks' work: what only the configuration mends,
// in errs, and a storage.path refused for another reason in hard. A check
// is skipped when mistaken reports true for one of the tables (or
// environment variables) it reads. When the start fails anyway (failing,
// or a problem found), the database file's schema is read too
// (store.CheckSchema), for a file another application's, damaged or
// written by a newer Newshound, and its lock tried, for another bot
// running on it: the start met each only once the rest was mended.
func (m *Main) startProblems(ctx context.Context, cfg config.Config, mistaken func(tables ...string) bool, failing bool) (errs []error, hard error) {
	if !mistaken("telegram", config.TokenEnv) {
		if err := consoleInput(cfg, m.stdin, m.getenv); err != nil {
			errs = append(errs, err)
		}
	}
	storageOK := false
	if err := configAsDatabase(cfg.Storage.Path, m.configPath); err != nil && !mistaken("storage") {
		errs = append(errs, err)
	} else if !mistaken("storage", "log") {
		err := checkStorage(cfg.Storage.Path, m.configPath, logPathOf(cfg)) // a root run's log too: one chown
		storageOK = err == nil
		if err != nil {
			var ce *configError
			if !errors.As(err, &ce) {
				hard = err
			} else {
				err := storageBesideConfig(ce.err, cfg.Storage.Path, m.configPath)
				errs = append(errs, storageInContainer(storageWithoutConfig(err, cfg.Storage.Path, m.configPath), cfg.Storage.Path, inContainer(), os.Geteuid()))
			}
		}
	}
	if !mistaken("sources") {
		if _, err := sourceCAs(cfg.Sources, http.DefaultTransport); err != nil {
			errs = append(errs, caBesideConfig(err, cfg.Sources, m.configPath))
		}
	}
	if !mistaken("metrics", "telegram") {
		// A second bot on the same database meets the first one's ports:
		// the database's lock, taken next, names that bot.
		if taken := listensTaken(cfg, m.configPath); len(taken) > 0 && !databaseHeld(cfg.Storage.Path) {
			errs = append(errs, taken...)
		}
	}
	if storageOK && (failing || len(errs) > 0) {
		if err := store.CheckSchema(ctx, cfg.Storage.Path); unusableDatabase(err) {
			errs = append(errs, fmt.Errorf("storage.path %q: %w", cfg.Storage.Path, err))
		}
		if err := heldBy(cfg.Storage.Path); err != nil { // a second bot
			errs = append(errs, err)
		}
	}
	return errs, hard
}

// runParts is run's work: every part of cfg built, run, and stopped.
func (m *Main) runParts(ctx context.Context, cfg config.Config, banner string) error {
	if err := m.startChecks(ctx, cfg); err != nil {
		return err
	}
	useSQLiteTemp(m.getenv, cfg.Storage.Path)
	log, logPath, closeLog := m.openLog(cfg)
	defer closeLog()
	for _, w := range slices.Concat(cfg.Warnings(), loopbackInContainer(cfg, inContainer()), m.unreadEnv(cfg)) {
		log.Warn(w)
	}
	if w := readableSecrets(m.configPath, cfg, m.getenv); w != "" {
		log.Warn(w)
	}
	if w := rootRunWarning(os.Geteuid(), cfg.Storage.Path, cfg.Log.File); w != "" {
		log.Warn(w)
	}
	// The collector's target for this run (memory.gc_percent, memory.limit_bytes; GOGC and GOMEMLIMIT win), put
	// back when it ends: a test runs the bot inside its own process.
	gc, restoreGC := gctarget.Apply(cfg.Memory.GCPercent, cfg.Memory.LimitBytes, m.getenv)
	defer restoreGC()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go m.logHangups(ctx, log)

	st, unlock, err := m.openDatabase(ctx, cfg.Storage.Path, log, logPath)
	if err != nil || st == nil { // st nil: stopped while waiting for the database
		return err
	}
	lock := newHeldLock(cfg.Storage.Path, unlock)
	defer lock.release()
	defer st.Close()
	// Every stop says so, with what waits in the outbox, whichever step of
	// the start it interrupted (a SIGTERM while the router was being built
	// ended the process with no word of it).
	defer logStopped(st, log)
	polled, err := syncSources(ctx, st, cfg, log)
	if err != nil {
		return err
	}
	watch := newWatch(st, nil, nil, m.Now)
	watch.dbPath = cfg.Storage.Path
	if err := watch.noteStart(ctx); err != nil {
		return err
	}
	b := buildOf()
	obs := metrics.New(metrics.Options{Pending: st, Ready: watch, Sources: watch, DatabasePath: cfg.Storage.Path,
		Build: metrics.Build{Version: b.version, Commit: cmp.Or(b.commit, "unknown"), GoVersion: b.goVersion}})
	watch.polls, watch.sends = obs, obs
	watch.reach = bot.NewReach(m.Now)
	m.watch = watch
	subs, err := m.loadSubscriptions(ctx, cfg, st, obs, log)
	if err != nil {
		return err
	}
	sum, err := newSummarizer(cfg, log, m.Now, m.getenv)
	if err != nil {
		return err
	}
	push, err := m.newPushes(ctx, cfg, st, log)
	if err != nil {
		return err
	}
	// The poller and the digest scheduler do not wait for Telegram: what
	// they queue waits in the outbox, and news that drops off a feed while
	// Telegram is unreachable at start (the network up after the machine)
	// is stored, not missed. late wakes the sender once there is one.
	late := &lateNotify{}
	linker := stories.NewLinker(stories.Options{Store: st, Window: cfg.Alerts.DedupWindow.D(), Threshold: cfg.Alerts.DedupThreshold, Logger: log, Now: m.Now})
	digests := digest.NewScheduler(digest.Options{Store: st, Languages: settings.NewService(settings.Options{Store: st, Logger: log}), MaxItems: cfg.Digest.MaxItems, CatchUp: cfg.Digest.CatchUp.D(),
		SendEmpty: cfg.Digest.SendEmpty, Notify: late.Notify, Logger: log, Now: m.Now})
	poller, err := m.newPoller(cfg, st, alertSink{subs, late.Notify}, linker, sum, newPageTexter(cfg), watch, push.hubs(), log)
	if err != nil {
		return err
	}
	push.poller = poller
	watch.nextPoll = poller.NextPoll
	parts := &Parts{Store: st, Poller: poller, Subs: subs, Digest: digests}
	run := newRunner(ctx, cancel, st, log, parts)
	syncKick, kickSync := kicker()
	run.start(task{"log sync", func(ctx context.Context) error {
		tick := time.NewTicker(logSyncEvery)
		defer tick.Stop()
		return syncLog(ctx, st, tick.C, syncKick, log)
	}})
	// A database file replaced or deleted under the bot stops it: the sends
	// it records would go to a file nobody opens again, and repeat after the
	// next start from the new one. A lock file deleted is made again.
	run.start(task{"database file", func(ctx context.Context) error {
		tick := time.NewTicker(fileCheckEvery)
		defer tick.Stop()
		return watchDatabaseFile(ctx, st, lock, cfg.Storage.Path, tick.C, m.Now, log)
	}})
	background := []task{
		{"poller", poller.Run},
		{"digests", digests.Run},
		{"retention", func(ctx context.Context) error { return m.prune(ctx, st, cfg.Storage.Retention.D(), log) }},
		{"re-index", func(ctx context.Context) error { return reindexTerms(ctx, st, time.After, log) }},
	}
	if !cfg.ConsoleMode() { // the console connects at once, and its banner counts the sources fetched before any is
		run.start(background...)
	}
	// /metrics and /healthz are served before Telegram is reached: an
	// operator whose bot cannot reach it sees so there (healthz: not ready,
	// with the reason) rather than a refused connection.
	watch.connecting()
	if cfg.Metrics.Listen != "" {
		metricsSrv, err := metrics.NewServer(cfg.Metrics.Listen, push.metricsHandler(cfg, obs.Handler()))
		if err != nil {
			cancel()
			run.wait()
			return err
		}
		log.Info("serving metrics", "addr", metricsSrv.Addr())
		run.start(task{"metrics", func(ctx context.Context) error {
			// A metrics endpoint that fails is no reason to stop delivering news.
			if err := metricsSrv.Run(ctx); err != nil && ctx.Err() == nil {
				log.Error("metrics server stopped; the bot goes on without it", "err", err)
			}
			<-ctx.Done()
			return nil
		}})
		parts.MetricsAddr = metricsSrv.Addr()
	}
	transport, updates, botName, err := m.connect(ctx, cfg, st, push.mount(), obs, watch.reach, log)
	if err != nil {
		stopped := ctx.Err() != nil // a stop while Telegram was unreachable: no failure
		cancel()
		if first := run.wait(); first != nil {
			return first
		}
		if stopped {
			log.Info("Telegram had not answered when the stop came", "err", err)
			return nil
		}
		return err
	}
	watch.connected()

	sender := m.newSender(cfg, syncedOutbox{st, kickSync}, transport, watch, watch.reach, log)
	late.set(sender.Notify)
	watch.setDelivery(st.CountPending, sender.FailingSince, sender.InFlight)
	watch.setHeld(st.HeldMessages)
	parts.Sender = sender
	router, err := m.newRouter(ctx, cfg, st, subs, sender, transport, botName, digests, poller, log)
	if err != nil {
		cancel()
		run.wait()
		return err
	}
	m.consoleStatus(ctx, transport, watch, st, cfg, banner, logPath)
	// The sender starts before the menus are registered: some twenty calls
	// that a slow Telegram (answers near the 30 s timeout) made take
	// minutes, and the queued alerts and replies do not wait for them.
	run.start(task{"sender", sender.Run})
	tasks := []task{
		{"updates", func(ctx context.Context) error {
			defer router.Wait()
			if cfg.ConsoleMode() {
				return updates.Updates(ctx, router.Handle) // one user, one line at a time
			}
			return bot.Dispatch(ctx, updates, handleOnce(transport, st, router.Handle, m.Now, log), bot.DispatchOptions{Workers: cfg.Telegram.CommandWorkers, Logger: log})
		}},
	}
	if cfg.ConsoleMode() {
		tasks = append(tasks, background...)
	}
	tasks = append(tasks, push.tasks()...)
	run.start(tasks...)
	// The menus are registered once the commands are taken: a 429 that
	// the registration waits out (SetMenus) holds back no command.
	if err := router.RegisterMenus(ctx); err != nil {
		log.Warn("could not register the command list (menus per scope) or the description; going on", "err", err)
	}
	// What an operator reads first in the journal after an upgrade or a
	// move: which binary runs, on which database (a relative storage.path
	// depends on the working folder), how many sources it polls (the
	// file's and the chat's), how updates come and the collector's target.
	log.Info("started", "version", versionString(), "database", absPath(cfg.Storage.Path), "sources", polled, "updates", updatesMode(cfg), "console", cfg.ConsoleMode(),
		"gc", gc.String())
	if m.Ready != nil {
		m.Ready(parts)
	}
	return run.wait()
}

// handleOnce is handle with the updates taken recorded in st, so that one
// Telegram delivers again after a restart is handled once (bot.HandleOnce).
func handleOnce(transport bot.Transport, st *store.Store, handle func(context.Context, bot.Incoming), now func() time.Time, log *slog.Logger) func(context.Context, bot.Incoming) {
	tg, ok := transport.(*bot.Telegram)
	if !ok {
		return handle
	}
	return bot.HandleOnce(handle, bot.OnceOptions{Log: st, BotID: tg.BotID(), Logger: log, Now: now})
}

// logHangups reopens the log file and logs each SIGHUP of m.Hangups until
// ctx is done.
func (m *Main) logHangups(ctx context.Context, log *slog.Logger) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-m.Hangups:
			if m.logOut != nil { // logrotate's postrotate: kill -HUP
				if err := m.logOut.Reopen(); err != nil {
					log.Error("SIGHUP", "err", err)
				} else {
					log.Info("SIGHUP: log file reopened", "path", m.logOut.path)
				}
			}
			log.Warn("SIGHUP: Newshound does not reload its configuration; going on as before (restart it to apply a change: systemctl restart newshound)")
		}
	}
}

// logStopped says that the bot stopped and what waits for the next start.
func logStopped(st *store.Store, log *slog.Logger) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	n, err := st.CountPending(ctx)
	if err != nil {
		log.Info("stopped")
		return
	}
	log.Info("stopped", "outbox_pending", n)
}

// task is one part that runs until ctx is done.
type task struct {
	name string
	run  func(context.Context) error
}

// runner runs tasks and waits for them. The first task to return stops
// the others; console input ending (io.EOF) first lets the queued replies
// out. wait returns the error of a task that failed on its own, before any
// stop (the webhook's port taken, Telegram refusing the token later), so
// that the process exits with a failure and a supervisor restarts it;
// errors of tasks ending after the stop are only logged.
type runner struct {
	ctx    context.Context
	cancel context.CancelFunc
	st     *store.Store
	log    *slog.Logger
	parts  *Parts

	wg    sync.WaitGroup
	mu    sync.Mutex
	first error
}

func newRunner(ctx context.Context, cancel context.CancelFunc, st *store.Store, log *slog.Logger, parts *Parts) *runner {
	return &runner{ctx: ctx, cancel: cancel, st: st, log: log, parts: parts}
}

// start runs each task in a goroutine of its own.
func (r *runner) start(tasks ...task) {
	for _, t := range tasks {
		r.wg.Add(1)
		go func() {
			defer r.wg.Done()
			err := t.run(r.ctx)
			if errors.Is(err, io.EOF) {
				r.log.Info("console input ended; stopping once the replies are out")
				drain(r.ctx, r.st, r.parts.Sender, 5*time.Second) // io.EOF comes from the updates, started after the sender
			} else if err != nil {
				r.log.Error(t.name+" stopped", "err", err)
				r.mu.Lock()
				if r.first == nil && r.ctx.Err() == nil {
					r.first = fmt.Errorf("%s stopped: %w", t.name, err)
				}
				r.mu.Unlock()
			}
			r.cancel()
		}()
	}
}

// wait waits for every task started and returns the first failure.
func (r *runner) wait() error {
	r.wg.Wait()
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.first
}

// updatesMode says how updates come in: "console", "webhook <url> on
// <listen>" (a token written into the URL's path shown as <token>) or
// "long poll".
func updatesMode(cfg config.Config) string {
	switch {
	case cfg.ConsoleMode():
		return "console"
	case cfg.WebhookMode():
		return "webhook " + strings.ReplaceAll(cfg.Telegram.WebhookURL, cfg.Telegram.Token, "<token>") + " on " + cfg.Telegram.WebhookListen
	}
	return "long poll"
}

// absPath is path made absolute against the working folder, or path itself
// when that fails.
func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}
