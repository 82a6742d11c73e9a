package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/newshound/newshound/bot"
	"github.com/newshound/newshound/config"
	"github.com/newshound/newshound/digest"
	"github.com/newshound/newshound/feeds"
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

	watch *watch // the progress of this run, for /status and /healthz
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
// is invalid, another process uses the database, the database cannot be
// opened or Telegram refuses the token, and when a part stops on its own
// while running (the webhook's port taken, say); a Telegram that cannot be
// reached at start is waited for.
func (m *Main) Run(ctx context.Context, path string) error {
	cfg, err := config.Load(path, m.getenv)
	if err != nil {
		return err
	}
	return m.run(ctx, cfg, "")
}

// RunDemo runs the console on the bundled sample news, served to itself on
// a loopback port: no configuration, no network. It fails as Run does.
func (m *Main) RunDemo(ctx context.Context) error {
	cfg, d, err := demoConfig(m.Now)
	if err != nil {
		return err
	}
	defer d.close()
	return m.run(ctx, cfg, demoBanner)
}

// run builds every part of cfg and runs them; banner, when set, is the
// console's first line.
func (m *Main) run(ctx context.Context, cfg config.Config, banner string) error {
	if err := checkStorage(cfg.Storage.Path); err != nil {
		return err
	}
	if _, err := sourceCAs(cfg.Sources, http.DefaultTransport); err != nil {
		return err // before the database and Telegram: the fix is in the file
	}
	log, logPath, closeLog := m.openLog(cfg)
	defer closeLog()
	for _, w := range cfg.Warnings() {
		log.Warn(w)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	unlock, err := store.Lock(cfg.Storage.Path) // one process per database
	if err != nil {
		return err
	}
	defer unlock()
	if err := checkDatabase(ctx, cfg.Storage.Path, m.CheckDB, log); err != nil {
		return err
	}
	st, err := store.OpenLogged(ctx, cfg.Storage.Path, m.Now, log)
	if err != nil {
		return storageError(cfg.Storage.Path, err)
	}
	defer st.Close()
	if err := syncSources(ctx, st, cfg, log); err != nil {
		return err
	}
	watch := newWatch(st, nil, nil, m.Now)
	if err := watch.noteStart(ctx); err != nil {
		return err
	}
	obs := metrics.New(metrics.Options{Pending: st, Ready: watch})
	watch.polls, watch.sends = obs, obs
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
	transport, updates, botName, err := m.connect(ctx, cfg, st, push.mount(), log)
	if err != nil {
		return err
	}

	sender := m.newSender(cfg, st, transport, watch, log)
	linker := stories.NewLinker(stories.Options{Store: st, Window: cfg.Alerts.DedupWindow.D(), Threshold: cfg.Alerts.DedupThreshold, Logger: log, Now: m.Now})
	digests := digest.NewScheduler(digest.Options{Store: st, Languages: settings.NewService(settings.Options{Store: st, Logger: log}), MaxItems: cfg.Digest.MaxItems, CatchUp: cfg.Digest.CatchUp.D(),
		SendEmpty: cfg.Digest.SendEmpty, Notify: sender.Notify, Logger: log, Now: m.Now})
	poller, err := m.newPoller(cfg, st, alertSink{subs, sender}, linker, sum, newPageTexter(cfg), watch, push.hubs(), log)
	if err != nil {
		return err
	}
	push.poller = poller
	watch.nextPoll = poller.NextPoll
	router, err := m.newRouter(ctx, cfg, st, subs, sender, transport, botName, digests, poller, log)
	if err != nil {
		return err
	}
	m.consoleStatus(ctx, transport, watch, cfg, banner, logPath)
	if tg, ok := transport.(*bot.Telegram); ok {
		if err := tg.SetMenus(ctx, router.Menus(), router.Profiles()); err != nil {
			log.Warn("could not register the command list (menus per scope) or the description; going on", "err", err)
		}
	}
	var metricsSrv *metrics.Server
	if cfg.Metrics.Listen != "" {
		if metricsSrv, err = metrics.NewServer(cfg.Metrics.Listen, push.metricsHandler(cfg, obs.Handler())); err != nil {
			return err
		}
		log.Info("serving metrics", "addr", metricsSrv.Addr())
	}

	tasks := []task{
		{"sender", sender.Run},
		{"poller", poller.Run},
		{"updates", func(ctx context.Context) error {
			defer router.Wait()
			if cfg.ConsoleMode() {
				return updates.Updates(ctx, router.Handle) // one user, one line at a time
			}
			return bot.Dispatch(ctx, updates, router.Handle, bot.DispatchOptions{Workers: cfg.Telegram.CommandWorkers, Logger: log})
		}},
		{"digests", digests.Run},
		{"retention", func(ctx context.Context) error { return m.prune(ctx, st, cfg.Storage.Retention.D(), log) }},
	}
	tasks = append(tasks, push.tasks()...)
	parts := &Parts{Store: st, Poller: poller, Sender: sender, Subs: subs, Digest: digests}
	if metricsSrv != nil {
		tasks = append(tasks, task{"metrics", func(ctx context.Context) error {
			// A metrics endpoint that fails is no reason to stop delivering news.
			if err := metricsSrv.Run(ctx); err != nil && ctx.Err() == nil {
				log.Error("metrics server stopped; the bot goes on without it", "err", err)
			}
			<-ctx.Done()
			return nil
		}})
		parts.MetricsAddr = metricsSrv.Addr()
	}
	return m.runTasks(ctx, cancel, st, log, tasks, parts)
}

// task is one part that runs until ctx is done.
type task struct {
	name string
	run  func(context.Context) error
}

// runTasks runs every task, calls Ready, and waits for all of them. The
// first task to return stops the others; console input ending (io.EOF)
// first lets the queued replies out. It returns the error of a task that
// failed on its own, before any stop (the webhook's port taken, Telegram
// refusing the token later), so that the process exits with a failure and
// a supervisor restarts it; errors of tasks ending after the stop are only
// logged.
func (m *Main) runTasks(ctx context.Context, cancel context.CancelFunc, st *store.Store, log *slog.Logger, tasks []task, parts *Parts) error {
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	for _, t := range tasks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := t.run(ctx)
			if errors.Is(err, io.EOF) {
				log.Info("console input ended; stopping once the replies are out")
				drain(ctx, st, parts.Sender, 5*time.Second)
			} else if err != nil {
				log.Error(t.name+" stopped", "err", err)
				mu.Lock()
				if first == nil && ctx.Err() == nil {
					first = fmt.Errorf("%s stopped: %w", t.name, err)
				}
				mu.Unlock()
			}
			cancel()
		}()
	}
	if m.Ready != nil {
		m.Ready(parts)
	}
	wg.Wait()
	return first
}
