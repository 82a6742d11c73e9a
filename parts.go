package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/newshound/newshound/bot"
	"github.com/newshound/newshound/config"
	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/metrics"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/search"
	"github.com/newshound/newshound/settings"
	"github.com/newshound/newshound/sources"
	"github.com/newshound/newshound/store"
	"github.com/newshound/newshound/subscriptions"
	"github.com/newshound/newshound/summarize"
)

// loadSubscriptions builds the subscription service and fills its index
// from the store.
func (m *Main) loadSubscriptions(ctx context.Context, cfg config.Config, st *store.Store, obs *metrics.Metrics, log *slog.Logger) (*subscriptions.Service, error) {
	subs := subscriptions.NewService(subscriptions.Options{Store: st, MaxPerChat: cfg.Subscriptions.MaxPerChat, Now: m.Now, Logger: log, Observer: obs})
	if err := obs.WatchSubscriptions(subs); err != nil {
		return nil, err
	}
	started := time.Now()
	n, err := subs.Load(ctx)
	if err != nil {
		return nil, err
	}
	log.Info("subscriptions loaded", "count", n, "took", time.Since(started).Round(time.Millisecond))
	return subs, nil
}

// connect returns the transport and the source of updates: the console
// without a token, else Telegram by long poll or webhook. It fails when
// Telegram cannot be reached (getMe).
// mount is served on the webhook's listener beside it (WebSub callbacks).
func (m *Main) connect(ctx context.Context, cfg config.Config, st *store.Store, mount map[string]http.Handler, obs bot.UpdateObserver, reach *bot.Reach, log *slog.Logger) (bot.Transport, updater, string, error) {
	if cfg.ConsoleMode() {
		c := bot.NewConsole(m.stdin, m.stdout)
		c.SetLanguage(envLanguage(m.getenv))
		c.SetChatLanguage(chosenLanguage(st))
		m.console = c
		if wd, err := os.Getwd(); err == nil {
			c.SetFileDir(wd) // /export's file, where the operator typed the command
		}
		return c, c, "", m.ensureConsoleChat(ctx, st, cfg)
	}
	tg, err := bot.NewTelegram(ctx, bot.TelegramOptions{Token: cfg.Telegram.Token, Endpoint: cfg.Telegram.APIEndpoint,
		PollTimeout: cfg.Telegram.PollTimeout.D(), Logger: log, PaidBroadcast: cfg.Telegram.PaidBroadcast, Observer: obs, Reach: reach, Getenv: m.getenv})
	if err != nil {
		return nil, nil, "", err
	}
	log.Info("connected to telegram", "bot", tg.BotName())
	noteBot(ctx, st, tg.BotID(), tg.BotName(), log)
	if cfg.WebhookMode() {
		return tg, bot.NewWebhook(tg, bot.WebhookOptions{URL: cfg.Telegram.WebhookURL, Listen: cfg.Telegram.WebhookListen, Secret: cfg.Telegram.WebhookSecret, Mount: mount}), tg.BotName(), nil
	}
	return tg, tg, tg.BotName(), nil
}

// noteBot records which bot runs on the database and warns when the token
// is another bot's than the one that ran on it last: a test bot's token
// swapped for the real one's (or the other way round) on the same
// storage.path sent every chat's alerts from a bot its people never wrote
// to; Telegram refuses those ("bot can't initiate conversation"), the chats
// went inactive one by one, and nothing said why. A database that refuses
// the write is logged and the start goes on.
func noteBot(ctx context.Context, st *store.Store, id int64, name string, log *slog.Logger) {
	prevID, prevName, err := st.SwapBot(ctx, id, name)
	if err != nil {
		log.Warn("could not record which bot runs on this database", "err", err)
		return
	}
	if prevID != 0 && prevID != id {
		log.Error(fmt.Sprintf("this token is @%s's, but the chats and subscriptions in this database are @%s's: Telegram refuses @%[1]s's "+
			"messages to people who never wrote to it, and those chats go inactive; use @%[2]s's token, or give @%[1]s a storage.path of its own", name, prevName),
			"database_bot", prevID, "token_bot", id)
	}
}

// newSender builds the outbox sender with Telegram's rates, or no limits
// for the console; st's records of messages sent kick the log's sync.
func (m *Main) newSender(cfg config.Config, st syncedOutbox, transport bot.Transport, obs bot.Observer, reach *bot.Reach, log *slog.Logger) *bot.Sender {
	rates := bot.Rates{GlobalPerSecond: cfg.Telegram.GlobalRate(), ChatPerSecond: cfg.Telegram.ChatPerSecond, GroupPerMinute: cfg.Telegram.GroupPerMinute}
	if cfg.ConsoleMode() {
		rates = bot.Rates{GlobalPerSecond: 1000, ChatPerSecond: 1000, GroupPerMinute: 60000} // a terminal has no flood limits
	}
	return bot.NewSender(bot.SenderOptions{Outbox: st, Alerts: st.Store, Chats: st.Store, Transport: transport, Logger: log, Now: m.Now, Rates: rates,
		BurstMax: cfg.Alerts.BurstMax, QuietMode: cfg.Alerts.QuietMode, Observer: obs, Reach: reach, Threads: st.Store})
}

// newPageTexter returns the article-page fetcher for teasers, or nil when
// summary.fetch_full_text is off.
func newPageTexter(cfg config.Config) feeds.PageTexter {
	if !cfg.Summary.FetchFullText {
		return nil
	}
	return feeds.NewPageFetcher(feeds.PageOptions{Timeout: cfg.Poller.Timeout.D(), MaxBytes: cfg.Poller.MaxBytes,
		AllowPrivate: cfg.Telegram.AllowPrivateURLs, UserAgent: cfg.Poller.UserAgent})
}

// newRouter builds the command router: the callback signing key from the
// database, the transport's interactions (Telegram only), the operators, and
// the sources service with the guarded fetcher for the URLs that chat users give
// and the poller, which says when a source is fetched and fetches one now.
func (m *Main) newRouter(ctx context.Context, cfg config.Config, st *store.Store, subs *subscriptions.Service, sender *bot.Sender,
	transport bot.Transport, botName string, digests bot.Digests, poller *feeds.Poller, log *slog.Logger) (*bot.Router, error) {
	secret, err := st.Secret(ctx, "callback_data", 32)
	if err != nil {
		return nil, err
	}
	chatSettings := settings.NewService(settings.Options{Store: st, Subscriptions: subs, QuietMode: cfg.Alerts.QuietMode,
		DigestTime: cfg.Digest.Time, Logger: log})
	opts := bot.RouterOptions{Store: bot.ReplyQueue{RouterStore: st, Sender: sender}, Subscriptions: subs, BotName: botName, Notify: sender.Notify, Logger: log, Now: m.Now,
		HintsPerSecond: cfg.Telegram.GlobalPerSecond / 10, // hints: at most a tenth of the send budget
		ChatDefaults:   news.ChatDefaults{Timezone: cfg.Digest.Timezone, DigestTime: cfg.Digest.Time},
		Settings:       chatSettings, Preview: chatSettings, Languages: chatSettings, Shares: st,
		Secret: secret, Operators: cfg.Telegram.Admins, Digests: digests,
		Search:       search.NewService(search.Options{Store: st, Now: m.Now, Logger: log}),
		CommandBurst: cfg.Telegram.CommandBurst, CommandEvery: cfg.Telegram.CommandInterval.D(), Migrator: st, Topics: st, Prompts: st,
		FileSources: m.fileSources(),
		Version:     versionReply, Status: m.watch.Status, Scheduled: poller.Scheduled, Moved: poller.MovedTo,
		Sources: sources.NewService(sources.Options{Store: st, Now: m.Now, NextPoll: poller.NextPoll, Scheduler: poller,
			Finder: feeds.NewDiscoverer(feeds.DiscoverOptions{AllowPrivate: cfg.Telegram.AllowPrivateURLs,
				Timeout: cfg.Poller.Timeout.D(), MaxBytes: cfg.Poller.MaxBytes, UserAgent: cfg.Poller.UserAgent})}),
	}
	if in, ok := transport.(bot.Interactor); ok {
		opts.Interactor = in // Telegram, or the console, which shows answers and edits in the terminal
	}
	if a, ok := transport.(bot.InlineAnswerer); ok {
		opts.Inline = a // Telegram: inline queries (@bot QUERY)
	}
	if ms, ok := transport.(bot.MenuSetter); ok {
		opts.Menus = ms // Telegram: menus per scope, an operator's when they first write
	}
	if f, ok := transport.(bot.Files); ok {
		opts.Files = f // Telegram: /import of an uploaded OPML file
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
	pages feeds.PageTexter, obs feeds.Observer, hubs feeds.Hubs, log *slog.Logger) (*feeds.Poller, error) {
	fetch := feeds.FetcherOptions{Timeout: cfg.Poller.Timeout.D(), MaxBytes: cfg.Poller.MaxBytes, UserAgent: cfg.Poller.UserAgent}
	guarded := fetch
	guarded.Transport = feeds.GuardedTransport(feeds.DiscoverOptions{AllowPrivate: cfg.Telegram.AllowPrivateURLs})
	base, err := sourceCAs(cfg.Sources, http.DefaultTransport) // a source's own CA (ca_file) for its host
	if err != nil {
		return nil, err
	}
	configured := fetch // the operator's own URLs: a site's page leads to its feed, as with /addsource
	configured.Transport = newFeedFinder(base, configFeed(cfg), log)
	return feeds.NewPoller(feeds.Options{
		Schedule: cfg.Poller.Schedule, MaxAge: cfg.Poller.MaxAge.D(), Concurrency: cfg.Poller.Concurrency,
		MinInterval: cfg.Poller.MinInterval.D(), MaxInterval: cfg.Poller.MaxInterval.D(),
		PerHost: cfg.Poller.PerHost, HostGap: cfg.Poller.HostGap.D(), MaxItems: cfg.Poller.MaxItems,
		Fetcher: feeds.NewFetcher(configured), ChatFetcher: feeds.NewFetcher(guarded),
		Store: st, Sink: sink, Stories: linker, Summarizer: sum, Pages: pages, Logger: log, Now: m.Now, Observer: obs, Hubs: hubs, Moves: st,
		StoreFix: storeFix(cfg.Storage.Path),
	})
}

// prune deletes what is older than retention at start and then daily, until
// ctx is done; a failed prune is logged and tried again the next day. With
// retention off nothing is deleted, but the store's list of terms (what a
// prefix in /search stands for, with its counts) is still brought up to date
// at start and daily, as a prune does. Either way, the segments of the
// full-text index are then merged when they have become many (mergeTerms).
func (m *Main) prune(ctx context.Context, st *store.Store, retention time.Duration, log *slog.Logger) error {
	tick := time.NewTicker(24 * time.Hour)
	defer tick.Stop()
	told := false
	for {
		if retention > 0 {
			p, err := st.Prune(ctx, m.Now().Add(-retention))
			switch {
			case err != nil && ctx.Err() == nil:
				log.Error("prune old data", "err", err)
			case p != store.Pruned{}:
				if !told && p.Pages == 0 { // said before the line below, which tells that the prune is done
					told = noteUnreclaimed(ctx, st, log)
				}
				log.Info("old data pruned", "articles", p.Articles, "messages", p.Messages, "digests", p.Digests, "seen_items", p.Seen, "pages_freed", p.Pages)
			}
		} else if _, err := st.RefreshTerms(ctx); err != nil && ctx.Err() == nil {
			log.Error("refresh the list of terms", "err", err)
		}
		mergeTerms(ctx, st, log)
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
	}
}

// mergeTerms merges the segments of the full-text index when they have
// become many (store.MergeTerms: in steps, fetches writing between them),
// so that searches and previews look a term up in a few segments, not a
// dozen. A failed merge is logged and tried again the next day.
func mergeTerms(ctx context.Context, st *store.Store, log *slog.Logger) {
	m, err := st.MergeTerms(ctx)
	switch {
	case err != nil && ctx.Err() == nil:
		log.Error("merge the full-text index", "err", err)
	case m.Steps > 0:
		log.Info("full-text index merged", "segments_before", m.Before, "segments_after", m.After, "steps", m.Steps, "took", m.Took.Round(time.Millisecond))
	}
}

// unreclaimedWarn is how many bytes of free pages, at least a tenth of the
// database, make a prune that gave none back say that `newshound vacuum`
// is due; tests lower it.
var unreclaimedWarn int64 = 16 << 20

// noteUnreclaimed says, after a prune that gave no space back, when the
// database holds many free pages: a database created by an older
// Newshound (without incremental vacuum) keeps pruned space until one
// `newshound vacuum`, which the README asks for after the upgrade and
// nothing in the logs did. It reports whether it said so.
func noteUnreclaimed(ctx context.Context, st *store.Store, log *slog.Logger) bool {
	size, free, err := st.Footprint(ctx)
	if err != nil || free < unreclaimedWarn || free*10 < size {
		return false
	}
	log.Warn("pruned data keeps its space in the database file: it was created by an older Newshound; run once `newshound vacuum -config FILE` (it may run while the bot runs, and needs free disk space about the database's size); pruning gives space back by itself from then on",
		"bytes", size, "free_bytes", free)
	return true
}

// syncSources makes the store's configuration sources those of the file:
// listed ones are added or renamed, ones no longer listed are retired (not
// fetched, their articles kept), or, when a chat added them too, the
// chat's again (store.RetireConfigSources). It returns how many sources are polled:
// the file's and those added in chat (/addsource, /import). It fails with
// the store's error.
func syncSources(ctx context.Context, st *store.Store, cfg config.Config, log *slog.Logger) (int, error) {
	keep := make([]string, len(cfg.Sources))
	for i, src := range cfg.Sources {
		if _, err := st.UpsertSource(ctx, src.Name, src.URL, news.OriginConfig); err != nil {
			return 0, err
		}
		keep[i] = src.URL
	}
	retired, err := st.RetireConfigSources(ctx, keep)
	if err != nil {
		return 0, err
	}
	for _, src := range retired {
		if src.Origin == news.OriginChat {
			log.Info("source no longer in the configuration: a chat added it too (/addsource, /import), so it stays, as the chat's (/removesource removes it)", "source", src.Name, "url", feeds.Redacted(src.URL))
			continue
		}
		log.Info("source no longer in the configuration: not fetched any more, its articles kept", "source", src.Name, "url", feeds.Redacted(src.URL))
	}
	srcs, err := st.ListSources(ctx)
	if err != nil {
		return 0, fmt.Errorf("list sources: %w", err)
	}
	active := activeSources(srcs)
	switch {
	case active > 0:
	case !cfg.ConsoleMode() && len(cfg.Telegram.Admins) == 0:
		// /addsource and /import are the operators': with no admin, the
		// way the warning named answered "only operators may".
		log.Warn("no sources to poll: add [[sources]] to the configuration file (config.example.toml lists five world-news feeds), " +
			"or put your user id in telegram.admins (send /id to the bot to learn it) and restart, then add one with /addsource URL (a feed or a site) or /import with an OPML list")
	default:
		log.Warn("no sources to poll: add one with /addsource URL (a feed or a site), /import with an OPML list (a file or its URL), or [[sources]] in the configuration file (config.example.toml lists five world-news feeds)")
	}
	return active, nil
}

// ensureConsoleChat makes the console chat exist, so alerts can reach it
// before its first command.
func (m *Main) ensureConsoleChat(ctx context.Context, st *store.Store, cfg config.Config) error {
	_, err := st.EnsureChat(ctx, bot.ConsoleChatID, "private", "console", news.ChatDefaults{Timezone: cfg.Digest.Timezone, DigestTime: cfg.Digest.Time})
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
		key := strings.TrimSpace(getenv(cfg.Summary.APIKeyEnv))
		if key == "" {
			// Set in the shell, not in the service's environment: every
			// summary fell back to the extractive one, and only a
			// throttled "summary backend failed" said anything.
			log.Warn("summary.backend \"openai\": the API key's environment variable is empty, so requests go without a key (a hosted API refuses them; a local server may not need one): set it where the service reads its environment (systemd: /etc/newshound/env; Docker: -e), or name another in summary.api_key_env",
				"api_key_env", cfg.Summary.APIKeyEnv, "endpoint", cfg.Summary.Endpoint)
		}
		opts.Backend = summarize.NewOpenAI(summarize.OpenAIConfig{Endpoint: cfg.Summary.Endpoint, Model: cfg.Summary.Model,
			APIKey: key, Timeout: cfg.Summary.Timeout.D()})
	}
	sum, err := summarize.New(opts)
	if err != nil {
		return nil, fmt.Errorf("summary.rules: %w", err)
	}
	return sum, nil
}

// drain waits until the outbox is empty, at most limit. It looks again
// each time the sender finishes a delivery or finds nothing due.
func drain(ctx context.Context, st *store.Store, sender *bot.Sender, limit time.Duration) {
	timeout := time.NewTimer(limit)
	defer timeout.Stop()
	for {
		changed := sender.Changes()
		if n, err := st.CountPending(ctx); err != nil || n == 0 {
			return
		}
		select {
		case <-changed:
		case <-timeout.C:
			return
		case <-ctx.Done():
			return
		}
	}
}

// alertSink queues the alerts of new articles and wakes the sender.
type alertSink struct {
	subs   *subscriptions.Service
	notify func() // the sender's Notify
}

func (a alertSink) HandleArticles(ctx context.Context, arts []news.Article) error {
	if err := a.subs.HandleArticles(ctx, arts); err != nil {
		return err
	}
	a.notify()
	return nil
}

// PlanAlerts returns the alerts of new articles, for the poller to queue
// in the write that finishes them (feeds.AlertPlanner).
func (a alertSink) PlanAlerts(ctx context.Context, arts []news.Article) ([]news.Alert, error) {
	return a.subs.PlanAlerts(ctx, arts)
}

// AlertsQueued logs the alerts queued and wakes the sender.
func (a alertSink) AlertsQueued(articles, n int) {
	a.subs.AlertsQueued(articles, n)
	a.notify()
}

// newLogger writes log lines to w at the configured level; when w is the
// terminal of console mode (the chat), warnings and errors only.
func newLogger(w io.Writer, cfg config.Config, chatTerminal bool) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.Log.Level))
	if chatTerminal && level < slog.LevelWarn && cfg.Log.Level != "debug" {
		// The terminal is the chat: keep routine log lines out of it.
		level = slog.LevelWarn
	}
	opts := &slog.HandlerOptions{Level: level}
	if cfg.Log.Format == "json" {
		// slog writes a duration in JSON as nanoseconds (retry_in:
		// 60000000000); written as the text format writes it, "1m0s".
		opts.ReplaceAttr = func(_ []string, a slog.Attr) slog.Attr {
			if a.Value.Kind() == slog.KindDuration {
				a.Value = slog.StringValue(a.Value.Duration().String())
			}
			return a
		}
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// lateNotify wakes the sender once there is one: the poller and the digest
// scheduler start before Telegram is reached, and what they queue until
// then waits in the outbox for the sender's first look.
type lateNotify struct{ fn atomic.Pointer[func()] }

// Notify wakes the sender, if set.
func (l *lateNotify) Notify() {
	if f := l.fn.Load(); f != nil {
		(*f)()
	}
}

func (l *lateNotify) set(f func()) { l.fn.Store(&f) }
