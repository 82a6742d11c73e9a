package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	"github.com/newshound/newshound/bot"
	"github.com/newshound/newshound/config"
	"github.com/newshound/newshound/digest"
	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/metrics"
	"github.com/newshound/newshound/store"
	"github.com/newshound/newshound/stories"
	"github.com/newshound/newshound/subscriptions"
	"github.com/newshound/newshound/summarize"
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
// is invalid, the database cannot be opened or Telegram cannot be reached at start.
func (m *Main) Run(ctx context.Context, path string) error {
	cfg, err := config.Load(path, m.getenv)
	if err != nil {
		return err
	}
	log := newLogger(m.stderr, cfg)
	for _, w := range cfg.Warnings() {
		log.Warn(w)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	st, err := store.Open(ctx, cfg.Storage.Path, m.Now)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := syncSources(ctx, st, cfg, log); err != nil {
		return err
	}

	obs := metrics.New(metrics.Options{Pending: st})
	subs := subscriptions.NewService(subscriptions.Options{Store: st, MaxPerChat: cfg.Subscriptions.MaxPerChat, Now: m.Now, Logger: log, Observer: obs})
	if err := obs.WatchSubscriptions(subs); err != nil {
		return err
	}
	started := time.Now()
	n, err := subs.Load(ctx)
	if err != nil {
		return err
	}
	log.Info("subscriptions loaded", "count", n, "took", time.Since(started).Round(time.Millisecond))

	sum, err := newSummarizer(cfg, log, m.Now, m.getenv)
	if err != nil {
		return err
	}
	var pages feeds.PageTexter
	if cfg.Summary.FetchFullText {
		pages = feeds.NewPageFetcher(feeds.PageOptions{Timeout: cfg.Poller.Timeout.D(), MaxBytes: cfg.Poller.MaxBytes,
			AllowPrivate: cfg.Telegram.AllowPrivateURLs, UserAgent: cfg.Poller.UserAgent})
	}

	var transport bot.Transport
	var updates updater
	botName := ""
	if cfg.ConsoleMode() {
		c := bot.NewConsole(m.stdin, m.stdout)
		transport, updates = c, c
		if err := m.ensureConsoleChat(ctx, st, cfg); err != nil {
			return err
		}
	} else {
		tg, err := bot.NewTelegram(ctx, bot.TelegramOptions{Token: cfg.Telegram.Token, Endpoint: cfg.Telegram.APIEndpoint,
			PollTimeout: cfg.Telegram.PollTimeout.D(), Logger: log})
		if err != nil {
			return err
		}
		transport, updates, botName = tg, tg, tg.BotName()
		if cfg.WebhookMode() {
			updates = bot.NewWebhook(tg, bot.WebhookOptions{URL: cfg.Telegram.WebhookURL, Listen: cfg.Telegram.WebhookListen, Secret: cfg.Telegram.WebhookSecret})
		}
		log.Info("connected to telegram", "bot", botName)
	}

	rates := bot.Rates{GlobalPerSecond: cfg.Telegram.GlobalPerSecond, ChatPerSecond: cfg.Telegram.ChatPerSecond, GroupPerMinute: cfg.Telegram.GroupPerMinute}
	if cfg.ConsoleMode() {
		rates = bot.Rates{GlobalPerSecond: 1000, ChatPerSecond: 1000, GroupPerMinute: 60000} // a terminal has no flood limits
	}
	sender := bot.NewSender(bot.SenderOptions{Store: st, Transport: transport, Logger: log, Now: m.Now, Rates: rates,
		BurstMax: cfg.Alerts.BurstMax, QuietMode: cfg.Alerts.QuietMode, Observer: obs})
	linker := stories.NewLinker(stories.Options{Store: st, Window: cfg.Alerts.DedupWindow.D(), Threshold: cfg.Alerts.DedupThreshold, Logger: log, Now: m.Now})
	digests := digest.NewScheduler(digest.Options{Store: st, MaxItems: cfg.Digest.MaxItems, CatchUp: cfg.Digest.CatchUp.D(),
		SendEmpty: cfg.Digest.SendEmpty, Notify: sender.Notify, Logger: log, Now: m.Now})
	poller, err := m.newPoller(cfg, st, alertSink{subs, sender}, linker, sum, pages, obs, log)
	if err != nil {
		return err
	}
	router, err := m.newRouter(ctx, cfg, st, subs, sender, transport, botName, digestCommands{st, digests}, poller.NextPoll, log)
	if err != nil {
		return err
	}
	if tg, ok := transport.(*bot.Telegram); ok {
		if err := tg.SetCommands(router.Commands()); err != nil {
			log.Warn("could not register the command list; going on", "err", err)
		}
	}

	var metricsSrv *metrics.Server
	if cfg.Metrics.Listen != "" {
		if metricsSrv, err = metrics.NewServer(cfg.Metrics.Listen, obs.Handler()); err != nil {
			return err
		}
		log.Info("serving metrics", "addr", metricsSrv.Addr())
	}

	var wg sync.WaitGroup
	run := func(name string, fn func(context.Context) error) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := fn(ctx)
			if errors.Is(err, io.EOF) {
				log.Info("console input ended; stopping once the replies are out")
				drain(ctx, st, 5*time.Second)
			} else if err != nil {
				log.Error(name+" stopped", "err", err)
			}
			cancel()
		}()
	}
	run("sender", sender.Run)
	run("poller", poller.Run)
	run("updates", func(ctx context.Context) error {
		defer router.Wait()
		return updates.Updates(ctx, router.Handle)
	})
	run("digests", digests.Run)
	run("retention", func(ctx context.Context) error { return m.prune(ctx, st, cfg.Storage.Retention.D(), log) })
	parts := &Parts{Store: st, Poller: poller, Sender: sender, Subs: subs, Digest: digests}
	if metricsSrv != nil {
		run("metrics", func(ctx context.Context) error {
			// A metrics endpoint that fails is no reason to stop delivering news.
			if err := metricsSrv.Run(ctx); err != nil && ctx.Err() == nil {
				log.Error("metrics server stopped; the bot goes on without it", "err", err)
			}
			<-ctx.Done()
			return nil
		})
		parts.MetricsAddr = metricsSrv.Addr()
	}
	if m.Ready != nil {
		m.Ready(parts)
	}
	wg.Wait()
	return nil
}

// newRouter builds the command router: the callback signing key from the
// database, the transport's interactions (Telegram only), the operators, and
// the guarded fetcher for the URLs that chat users give.
func (m *Main) newRouter(ctx context.Context, cfg config.Config, st *store.Store, subs *subscriptions.Service, sender *bot.Sender,
	transport bot.Transport, botName string, digests bot.Digests, nextPoll func(time.Time) time.Time, log *slog.Logger) (*bot.Router, error) {
	secret, err := st.Secret(ctx, "callback_data", 32)
	if err != nil {
		return nil, err
	}
	opts := bot.RouterOptions{Store: st, Subscriptions: subs, BotName: botName, Notify: sender.Notify, Logger: log, Now: m.Now,
		ChatDefaults: store.ChatDefaults{Timezone: cfg.Digest.Timezone, DigestTime: cfg.Digest.Time}, QuietMode: cfg.Alerts.QuietMode,
		Secret: secret, Operators: cfg.Telegram.Admins, Digests: digests, NextPoll: nextPoll,
		CommandBurst: cfg.Telegram.CommandBurst, CommandEvery: cfg.Telegram.CommandInterval.D(),
		Feeds: feeds.NewDiscoverer(feeds.DiscoverOptions{AllowPrivate: cfg.Telegram.AllowPrivateURLs,
			Timeout: cfg.Poller.Timeout.D(), MaxBytes: cfg.Poller.MaxBytes, UserAgent: cfg.Poller.UserAgent}),
	}
	if in, ok := transport.(bot.Interactor); ok {
		opts.Interactor = in // Telegram, or the console, which shows answers and edits in the terminal
	}
	if _, ok := transport.(*bot.Telegram); !ok {
		opts.Operators = append(opts.Operators, bot.ConsoleChatID) // the console's one user runs the bot
		opts.CommandBurst = 1000                                   // and may paste a script of commands
	}
	return bot.NewRouter(opts), nil
}

// newPoller builds the poller of the [poller] section: config sources through
// the plain fetcher, chat-added ones through the address guard.
func (m *Main) newPoller(cfg config.Config, st *store.Store, sink feeds.Sink, linker feeds.Stories, sum feeds.Summarizer,
	pages feeds.PageTexter, obs feeds.Observer, log *slog.Logger) (*feeds.Poller, error) {
	fetch := feeds.FetcherOptions{Timeout: cfg.Poller.Timeout.D(), MaxBytes: cfg.Poller.MaxBytes, UserAgent: cfg.Poller.UserAgent}
	guarded := fetch
	guarded.Transport = feeds.GuardedTransport(feeds.DiscoverOptions{AllowPrivate: cfg.Telegram.AllowPrivateURLs})
	return feeds.NewPoller(feeds.Options{
		Schedule: cfg.Poller.Schedule, MaxAge: cfg.Poller.MaxAge.D(), Concurrency: cfg.Poller.Concurrency,
		Fetcher: feeds.NewFetcher(fetch), ChatFetcher: feeds.NewFetcher(guarded),
		Store: st, Sink: sink, Stories: linker, Summarizer: sum, Pages: pages, Logger: log, Now: m.Now, Observer: obs,
	})
}

// prune deletes what is older than retention at start and then daily, until
// ctx is done; a failed prune is logged and tried again the next day.
func (m *Main) prune(ctx context.Context, st *store.Store, retention time.Duration, log *slog.Logger) error {
	if retention <= 0 {
		<-ctx.Done() // every part runs until the end: returning early would stop them all
		return nil
	}
	tick := time.NewTicker(24 * time.Hour)
	defer tick.Stop()
	for {
		p, err := st.Prune(ctx, m.Now().Add(-retention))
		switch {
		case err != nil && ctx.Err() == nil:
			log.Error("prune old data", "err", err)
		case p != store.Pruned{}:
			log.Info("old data pruned", "articles", p.Articles, "messages", p.Messages, "digests", p.Digests)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
	}
}

// syncSources makes the store's configuration sources those of the file:
// listed ones are added or renamed, ones no longer listed are retired (not
// fetched, their articles kept).
func syncSources(ctx context.Context, st *store.Store, cfg config.Config, log *slog.Logger) error {
	keep := make([]string, len(cfg.Sources))
	for i, src := range cfg.Sources {
		if _, err := st.UpsertSource(ctx, src.Name, src.URL, store.OriginConfig); err != nil {
			return err
		}
		keep[i] = src.URL
	}
	retired, err := st.RetireConfigSources(ctx, keep)
	if err != nil {
		return err
	}
	for _, src := range retired {
		log.Info("source no longer in the configuration: not fetched any more, its articles kept", "source", src.Name, "url", src.URL)
	}
	return nil
}

// ensureConsoleChat makes the console chat exist, so alerts can reach it
// before its first command.
func (m *Main) ensureConsoleChat(ctx context.Context, st *store.Store, cfg config.Config) error {
	_, err := st.EnsureChat(ctx, bot.ConsoleChatID, "private", "console", store.ChatDefaults{Timezone: cfg.Digest.Timezone, DigestTime: cfg.Digest.Time})
	return err
}

// newSummarizer builds the summarizer of the [summary] section: extractive,
// or an OpenAI-compatible backend that falls back to it.
func newSummarizer(cfg config.Config, log *slog.Logger, now func() time.Time, getenv func(string) string) (*summarize.Summarizer, error) {
	opts := summarize.Options{Sentences: cfg.Summary.Sentences, MaxChars: cfg.Summary.MaxChars, Logger: log, Now: now}
	for _, r := range cfg.Summary.Rules {
		opts.ExtraRules = append(opts.ExtraRules, summarize.Rule{Name: r.Name, Pattern: r.Pattern, Kind: summarize.Kind(r.Kind), Sources: r.Sources})
	}
	if cfg.Summary.Backend == "openai" {
		opts.Backend = summarize.NewOpenAI(summarize.OpenAIConfig{Endpoint: cfg.Summary.Endpoint, Model: cfg.Summary.Model,
			APIKey: getenv(cfg.Summary.APIKeyEnv), Timeout: cfg.Summary.Timeout.D()})
	}
	sum, err := summarize.New(opts)
	if err != nil {
		return nil, fmt.Errorf("summary.rules: %w", err)
	}
	return sum, nil
}

// drain waits until the outbox is empty, at most limit.
func drain(ctx context.Context, st *store.Store, limit time.Duration) {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		if n, err := st.CountPending(ctx); err != nil || n == 0 {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// digestCommands serves /timezone and /digest: the settings from the store,
// digests on demand from the scheduler.
type digestCommands struct {
	*store.Store
	*digest.Scheduler
}

// alertSink queues the alerts of new articles and wakes the sender.
type alertSink struct {
	subs   *subscriptions.Service
	sender *bot.Sender
}

func (a alertSink) HandleArticles(ctx context.Context, arts []store.Article) error {
	if err := a.subs.HandleArticles(ctx, arts); err != nil {
		return err
	}
	a.sender.Notify()
	return nil
}

func newLogger(w io.Writer, cfg config.Config) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.Log.Level))
	if cfg.ConsoleMode() && level < slog.LevelWarn && cfg.Log.Level != "debug" {
		// The terminal is the chat: keep routine log lines out of it.
		level = slog.LevelWarn
	}
	opts := &slog.HandlerOptions{Level: level}
	if cfg.Log.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
