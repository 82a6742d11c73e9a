// Package config holds Newshound's one typed configuration: defaults, the TOML
// file decoded over them, environment overrides and validation.
//
// Rules, in the order they apply:
//  1. Defaults() gives a complete, valid configuration (console mode, local database).
//  2. Load decodes the TOML file over the defaults; a key the file names but
//     Newshound does not know is an error naming that key.
//  3. NEWSHOUND_TELEGRAM_TOKEN, when set, replaces telegram.token;
//     NEWSHOUND_WEBHOOK_SECRET, when set, replaces telegram.webhook_secret.
//  4. Validate checks every field and names each bad one: `poller.schedule: ...`;
//     Load names every mistake of the file at once (values of the wrong
//     type, unknown keys, bad values) in a *Mistakes.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// TokenEnv is the environment variable that overrides telegram.token.
const TokenEnv = "NEWSHOUND_TELEGRAM_TOKEN"

// WebhookSecretEnv is the environment variable that overrides telegram.webhook_secret.
const WebhookSecretEnv = "NEWSHOUND_WEBHOOK_SECRET"

// Config is the whole configuration of one Newshound process.
type Config struct {
	Telegram      Telegram      `toml:"telegram"`
	Storage       Storage       `toml:"storage"`
	Poller        Poller        `toml:"poller"`
	Sources       []Source      `toml:"sources"`
	Subscriptions Subscriptions `toml:"subscriptions"`
	Summary       Summary       `toml:"summary"`
	Alerts        Alerts        `toml:"alerts"`
	Digest        Digest        `toml:"digest"`
	Log           Log           `toml:"log"`
	Metrics       Metrics       `toml:"metrics"`
	Memory        Memory        `toml:"memory"`
}

// Telegram configures the Bot API connection and the sending rates.
type Telegram struct {
	Token       string   `toml:"token"`
	APIEndpoint string   `toml:"api_endpoint"`
	PollTimeout Duration `toml:"poll_timeout"`
	Admins      []int64  `toml:"admins"`
	// Sending rates: Telegram's published limits by default; raise them for a
	// local Bot API server or paid broadcasts.
	GlobalPerSecond  float64 `toml:"global_per_second"`
	ChatPerSecond    float64 `toml:"chat_per_second"`
	GroupPerMinute   float64 `toml:"group_per_minute"`
	AllowPrivateURLs bool    `toml:"allow_private_urls"`
	// Commands one chat may send at once, then one per CommandInterval.
	CommandBurst    int      `toml:"command_burst"`
	CommandInterval Duration `toml:"command_interval"`
	// CommandWorkers is how many updates (commands, button presses, inline
	// queries) of different chats are handled at once; one chat's are
	// handled one at a time, in order.
	CommandWorkers int `toml:"command_workers"`
	// Webhook mode: Telegram posts updates to WebhookURL, served on
	// WebhookListen; empty WebhookURL = long poll. An empty WebhookSecret is
	// replaced by a random one at each start.
	WebhookURL    string `toml:"webhook_url"`
	WebhookListen string `toml:"webhook_listen"`
	WebhookSecret string `toml:"webhook_secret"`
	// PaidBroadcast sends every message with allow_paid_broadcast: Telegram
	// lets the bot past its free limit of about 30 messages a second and
	// charges Stars for each message over it. The global rate is then
	// PaidPerSecond (Telegram allows up to 1000). Off by default.
	PaidBroadcast bool    `toml:"paid_broadcast"`
	PaidPerSecond float64 `toml:"paid_per_second"`
}

// GlobalRate is the messages a second the whole bot may send: PaidPerSecond
// with paid broadcasts on, else GlobalPerSecond.
func (t Telegram) GlobalRate() float64 {
	if t.PaidBroadcast {
		return t.PaidPerSecond
	}
	return t.GlobalPerSecond
}

// Storage configures the SQLite database.
type Storage struct {
	Path string `toml:"path"`
	// Retention: articles, sent messages and digest records older than this
	// are deleted once a day; 0 keeps everything.
	Retention Duration `toml:"retention"`
}

// Poller configures how sources are fetched.
type Poller struct {
	Schedule    string   `toml:"schedule"`
	MaxAge      Duration `toml:"max_age"`
	Concurrency int      `toml:"concurrency"`
	Timeout     Duration `toml:"timeout"`
	MaxBytes    int64    `toml:"max_bytes"`
	UserAgent   string   `toml:"user_agent"`
	// MinInterval and MaxInterval bound each source's adaptive interval
	// (0 = the schedule's interval): a source that publishes often is
	// fetched down to MinInterval, a quiet one up to MaxInterval.
	MinInterval Duration `toml:"min_interval"`
	MaxInterval Duration `toml:"max_interval"`
	// PerHost is the most fetches of one host at a time; HostGap the least
	// time between the starts of two fetches of one host.
	PerHost int      `toml:"per_host"`
	HostGap Duration `toml:"host_gap"`
	// MaxItems is the most new items of a feed one fetch stores (the
	// newest half and the oldest half): a feed of thousands, or one making
	// up new guids at every fetch, adds at most that many articles a
	// fetch; the new ones between are stored at the next fetches.
	MaxItems int `toml:"max_items"`
	// PublicURL is where WebSub hubs reach Newshound (its /websub/
	// callbacks, served on the webhook's or the metrics' listener); empty:
	// the origin of telegram.webhook_url, if any (see WebSubURL).
	PublicURL string `toml:"public_url"`
}

// Source is one feed the operator configured.
type Source struct {
	Name string `toml:"name"`
	URL  string `toml:"url"`
	// CAFile is a PEM file of the certificate authorities (or the
	// self-signed certificate) that the source's server may show, trusted
	// for its host besides the system's; "" = the system's alone. The
	// wiring reads it at start (see Validate for what is checked here).
	CAFile string `toml:"ca_file"`
}

// Subscriptions configures the per-chat subscription rules.
type Subscriptions struct {
	MaxPerChat int `toml:"max_per_chat"`
}

// Summary configures the summarizer.
type Summary struct {
	Sentences     int      `toml:"sentences"`
	MaxChars      int      `toml:"max_chars"`
	FetchFullText bool     `toml:"fetch_full_text"`
	Backend       string   `toml:"backend"`
	Endpoint      string   `toml:"endpoint"`
	Model         string   `toml:"model"`
	APIKeyEnv     string   `toml:"api_key_env"`
	Timeout       Duration `toml:"timeout"`
	Rules         []Rule   `toml:"rules"`
}

// Rule is an extra boilerplate pattern (RE2) removed from the text of some or all sources.
type Rule struct {
	Name    string   `toml:"name"`
	Pattern string   `toml:"pattern"`
	Kind    string   `toml:"kind"` // drop_line (default), strip_prefix, strip_inline, cut_lead
	Sources []string `toml:"sources"`
}

// Alerts configures how alerts are grouped and deduplicated.
type Alerts struct {
	BurstMax       int      `toml:"burst_max"`
	DedupWindow    Duration `toml:"dedup_window"`
	DedupThreshold float64  `toml:"dedup_threshold"`
	// QuietMode is what quiet hours do to alerts in chats that did not
	// choose: "silent" (sent without a notification) or "hold" (left for the digest).
	QuietMode string `toml:"quiet_mode"`
}

// Digest configures the daily digest defaults for new chats.
type Digest struct {
	Time      string   `toml:"time"`
	Timezone  string   `toml:"timezone"`
	MaxItems  int      `toml:"max_items"`
	CatchUp   Duration `toml:"catch_up"`
	SendEmpty bool     `toml:"send_empty"`
}

// Log configures logging.
type Log struct {
	Level  string `toml:"level"`
	Format string `toml:"format"`
	// File is where log lines go; empty = stderr, except in console mode,
	// where they go to newshound.log beside the database, out of the chat.
	File string `toml:"file"`
}

// Metrics configures the operator's HTTP endpoint: /metrics and /healthz.
type Metrics struct {
	// Listen is the host:port to serve on; empty turns the endpoint off.
	Listen string `toml:"listen"`
}

// DefaultGCPercent is memory.gc_percent unless the file sets it: the heap
// may grow to three times what is live before a collection (Go's default is
// twice). BENCHMARKS.md ("Session 30: allocations and GC") has what it saves
// and costs.
const DefaultGCPercent = 200

// MinLimitBytes is the least non-zero memory.limit_bytes: the bot's live heap
// is some 20–30 MB, and a limit near it would have the collector run without
// pause.
const MinLimitBytes = 64 << 20

// Memory sets the Go garbage collector's target for the bot's process (see
// internal/gctarget, which applies it). The environment variables GOGC and
// GOMEMLIMIT, when set, win over these fields, as they do for any Go program.
type Memory struct {
	// GCPercent is how far the heap may grow over what is live before the
	// next collection, in percent (Go's GOGC; Go's own default is 100). -1
	// turns the percentage off, which LimitBytes must then bound.
	GCPercent int `toml:"gc_percent"`
	// LimitBytes is a soft limit on the memory the Go runtime takes: the
	// collector runs more often as the process nears it (Go's GOMEMLIMIT).
	// 0 = none.
	LimitBytes int64 `toml:"limit_bytes"`
}

// Defaults returns a complete configuration that runs as a console chat on
// ./newshound.db with no sources.
func Defaults() Config {
	return Config{
		Telegram: Telegram{
			APIEndpoint:     "https://api.telegram.org/bot%s/%s",
			PollTimeout:     Duration(50 * time.Second),
			GlobalPerSecond: 30,
			PaidPerSecond:   1000,
			ChatPerSecond:   1,
			GroupPerMinute:  20,
			CommandBurst:    10,
			CommandInterval: Duration(2 * time.Second),
			CommandWorkers:  8,
		},
		Storage: Storage{Path: "newshound.db", Retention: Duration(90 * 24 * time.Hour)},
		Poller: Poller{
			Schedule:    "@every 2m",
			MaxAge:      Duration(48 * time.Hour),
			Concurrency: 8,
			Timeout:     Duration(20 * time.Second),
			MaxBytes:    10 << 20,
			UserAgent:   "Newshound/1.0 (+self-hosted news alerts)",
			PerHost:     1,
			HostGap:     Duration(time.Second),
			MaxItems:    500,
		},
		Subscriptions: Subscriptions{MaxPerChat: 50},
		Summary: Summary{
			Sentences: 3,
			MaxChars:  600,
			Backend:   "extractive",
			APIKeyEnv: "NEWSHOUND_SUMMARY_API_KEY",
			Timeout:   Duration(15 * time.Second),
		},
		Alerts: Alerts{
			BurstMax:       5,
			DedupWindow:    Duration(48 * time.Hour),
			DedupThreshold: 0.7,
			QuietMode:      "silent",
		},
		Digest: Digest{
			Time:     "08:00",
			Timezone: "UTC",
			MaxItems: 20,
			CatchUp:  Duration(6 * time.Hour),
		},
		Log:    Log{Level: "info", Format: "text"},
		Memory: Memory{GCPercent: DefaultGCPercent},
	}
}

// Load reads the TOML file at path over the defaults, applies the environment
// overrides and validates the result. An empty path means the defaults with
// the built-in DefaultSources; a file has only the [[sources]] it lists.
// It fails when the file cannot be read or parsed, names an unknown key, or
// holds an invalid value; the error names the key, the known key an unknown
// one most likely meant, and what a value of the wrong type should be (a
// *TypeError). With mistakes in a file it could read, it returns the rest
// of the configuration too (each mistaken key as the file or the defaults
// left it), so that the caller can check what the mistakes do not touch
// (MistakeKeys) in the same start: an unwritable storage.path was heard of
// only at the start after the typo was mended.
func Load(path string, getenv func(string) string) (Config, error) {
	cfg := Defaults()
	var mistakes []error // every one the file has, named at once
	if path == "" {
		cfg.Sources = DefaultSources()
	} else {
		data, err := os.ReadFile(path)
		if err != nil {
			return Config{}, readError(path, err)
		}
		decoded, md, valueErrs, err := decodeAll(path, data)
		if (err != nil || len(valueErrs) > 0 || (md != nil && len(md.Undecoded()) > 0)) && envFile(data) {
			return Config{}, envFileError(path)
		}
		if err != nil {
			return Config{}, err
		}
		mistakes = valueErrs
		if md == nil { // the values left unread hide the rest
			return Config{}, joinMistakes(mistakes)
		}
		cfg = decoded
		if undecoded := md.Undecoded(); len(undecoded) > 0 {
			keys := make([]string, len(undecoded))
			for i, k := range undecoded {
				keys[i] = k.String()
			}
			tables, rest := misnamedTables(path, data, md, keys)
			mistakes = append(mistakes, tables...)
			if len(rest) > 0 {
				mistakes = append(mistakes, unknownKeys(path, rest))
			}
		}
	}
	if err := cfg.loadEnv(getenv); err != nil {
		mistakes = append(mistakes, err)
	}
	cfg.normalize()
	if err := cfg.Validate(); err != nil {
		var m *Mistakes
		if errors.As(err, &m) {
			mistakes = append(mistakes, m.Errs...)
		} else {
			mistakes = append(mistakes, err)
		}
	}
	if err := joinMistakes(mistakes); err != nil {
		return cfg, err
	}
	return cfg, nil
}

// loadEnv applies NEWSHOUND_TELEGRAM_TOKEN and NEWSHOUND_WEBHOOK_SECRET of
// getenv (nil: none) to c; it fails, naming the variable, on a token that
// cannot be one.
func (c *Config) loadEnv(getenv func(string) string) error {
	if getenv == nil {
		return nil
	}
	if secret := strings.TrimSpace(getenv(WebhookSecretEnv)); secret != "" {
		c.Telegram.WebhookSecret = secret
	}
	// White space around a value is an env file's (a line end,
	// Windows' \r), never the secret's.
	tok := strings.TrimSpace(getenv(TokenEnv))
	if tok == "" {
		return nil
	}
	if err := envTokenMistake(tok); err != nil {
		return err // the file's token stays, for the rest of the file to be checked with
	}
	c.Telegram.Token = tok
	return nil
}

// envTokenMistake names what is wrong with tok, the token of TokenEnv, or
// returns nil.
func envTokenMistake(tok string) error {
	if i := strings.IndexAny(tok, " \t\r\n"); i >= 0 {
		if strings.HasPrefix(strings.TrimLeft(tok[i:], " \t"), "#") {
			// systemd's EnvironmentFile and docker's --env-file
			// keep a comment after a value as part of it.
			return fieldErr(TokenEnv, "has a # comment after the token on its line, which systemd's EnvironmentFile and docker run --env-file keep as part of the value: put the comment on a line of its own")
		}
		return fieldErr(TokenEnv, "contains white space within the token: copy the token again from @BotFather")
	}
	if why := tokenMistake(tok); why != "" {
		return fieldErr(TokenEnv, "%s", why)
	}
	if !tokenRE.MatchString(tok) { // named as where it came from, not telegram.token
		return fieldErr(TokenEnv, "%s", notAToken)
	}
	return nil
}

// readError is the error of a configuration file that cannot be read,
// with the fix: a path that names no file (a relative one is taken from
// the working folder, which a service manager sets) or a folder.
func readError(path string, err error) error {
	switch fi, serr := os.Stat(path); {
	case errors.Is(err, fs.ErrNotExist):
		where := ""
		if !filepath.IsAbs(path) {
			if wd, werr := os.Getwd(); werr == nil {
				where = " (a relative path is taken from the working folder, " + wd + ")"
			}
		}
		return fmt.Errorf("read config: %w: give -config the path of the configuration file%s; copy config.example.toml to start one, or run without -config for the built-in defaults", err, where)
	case serr == nil && fi.IsDir():
		return fmt.Errorf("read config: %s is a folder: give -config the configuration file in it (such as %s)", path, filepath.Join(path, "newshound.toml"))
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("read config: %w: let the user Newshound runs as read it, chmod 0644 %s, with the token in the environment, not the file "+
			"(the systemd unit's DynamicUser and the container's user 65532 own no file of yours)", err, path)
	}
	return fmt.Errorf("read config: %w", err)
}

// normalize writes the values chosen from a fixed set (log.level,
// log.format, alerts.quiet_mode, summary.backend, summary.rules[].kind) in
// lower case without surrounding white space, as Validate and the rest of
// Newshound expect them: a file may say "DEBUG" or "JSON"; and the URLs and
// listen addresses without surrounding white space.
func (c *Config) normalize() {
	lower := func(s *string) { *s = strings.ToLower(strings.TrimSpace(*s)) }
	lower(&c.Log.Level)
	lower(&c.Log.Format)
	lower(&c.Alerts.QuietMode)
	lower(&c.Summary.Backend)
	for i := range c.Summary.Rules {
		lower(&c.Summary.Rules[i].Kind)
	}
	// A URL or address has no white space around it; copied with a
	// trailing space, a source's url was fetched as "feed.xml%20" (404,
	// whose fix said the feed had moved) and api_endpoint's as "getMe%20"
	// ("telegram unreachable" for ever).
	trim := func(s *string) { *s = strings.TrimSpace(*s) }
	for _, s := range []*string{&c.Telegram.APIEndpoint, &c.Telegram.WebhookURL, &c.Telegram.WebhookListen,
		&c.Poller.PublicURL, &c.Summary.Endpoint, &c.Metrics.Listen} {
		trim(s)
	}
	for i := range c.Sources {
		trim(&c.Sources[i].URL)
	}
}

// ConsoleMode reports whether no token is set, so the bot talks to the terminal.
func (c Config) ConsoleMode() bool { return c.Telegram.Token == "" }

// WebhookMode reports whether Telegram is to post updates to a webhook
// instead of being long-polled (never in console mode).
func (c Config) WebhookMode() bool { return !c.ConsoleMode() && c.Telegram.WebhookURL != "" }

// WebSubURL is the public address under which the WebSub callbacks are
// reached (poller.public_url, else the origin of telegram.webhook_url in
// webhook mode), or "" when there is none or nothing serves the callbacks
// (neither the webhook nor metrics.listen): WebSub is then off.
func (c Config) WebSubURL() string {
	if !c.WebhookMode() && c.Metrics.Listen == "" {
		return ""
	}
	if c.Poller.PublicURL != "" {
		return strings.TrimRight(c.Poller.PublicURL, "/")
	}
	if !c.WebhookMode() {
		return ""
	}
	u, err := url.Parse(c.Telegram.WebhookURL)
	if err != nil {
		return ""
	}
	return u.Scheme + "://" + u.Host
}

// ErrInvalid is wrapped by every validation error.
var ErrInvalid = errors.New("invalid configuration")

// FieldError names the configuration key whose value is wrong.
type FieldError struct {
	Key string
	Msg string
}

func (e *FieldError) Error() string { return e.Key + ": " + e.Msg }

// Unwrap makes errors.Is(err, ErrInvalid) true.
func (e *FieldError) Unwrap() error { return ErrInvalid }

func fieldErr(key, format string, args ...any) error {
	return &FieldError{Key: key, Msg: fmt.Sprintf(format, args...)}
}

// Duration is a time.Duration written in TOML as a string such as "48h" or "90s".
type Duration time.Duration

// UnmarshalText parses a Go duration string; it fails on anything else.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		if _, nerr := strconv.ParseFloat(string(b), 64); nerr == nil && string(b) != "0" {
			// 30 or "30": a number without its unit.
			return fmt.Errorf("%s has no unit: write \"%[1]ss\" for seconds, \"%[1]sm\" for minutes or \"%[1]sh\" for hours, in quotes", string(b))
		}
		if n, unit, ok := spokenDuration(string(b)); ok {
			switch unit {
			case "d":
				return fmt.Errorf("%q: a duration counts no days; write %q", string(b), strconv.Itoa(24*n)+"h")
			case "w":
				return fmt.Errorf("%q: a duration counts no weeks; write %q", string(b), strconv.Itoa(7*24*n)+"h")
			}
			return fmt.Errorf("%q is written with Go's units (h, m, s), without spaces; write %q", string(b), strconv.Itoa(n)+unit)
		}
		return fmt.Errorf("%q is not a duration such as \"90s\" or \"48h\"", string(b))
	}
	*d = Duration(v)
	return nil
}

// spokenUnits are the ways a person writes a unit of time ("90 days", "2w",
// "30 minutes"), each with the unit spokenDuration gives: Go's h, m or s, or
// d and w, which Go's durations lack.
var spokenUnits = map[string]string{
	"d": "d", "day": "d", "days": "d",
	"w": "w", "wk": "w", "wks": "w", "week": "w", "weeks": "w",
	"h": "h", "hr": "h", "hrs": "h", "hour": "h", "hours": "h",
	"m": "m", "min": "m", "mins": "m", "minute": "m", "minutes": "m",
	"s": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s",
}

// spokenDuration reads a whole number and a unit as a person writes them
// ("90 days", "2w", "20 sec", "48 h"): the number and the unit of
// spokenUnits, or ok false.
func spokenDuration(s string) (n int, unit string, ok bool) {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	if i <= 0 {
		return 0, "", false
	}
	n, err := strconv.Atoi(s[:i])
	unit, known := spokenUnits[strings.ToLower(strings.TrimSpace(s[i:]))]
	if err != nil || !known || n <= 0 {
		return 0, "", false
	}
	return n, unit, true
}

// MarshalText writes the duration as a Go duration string.
func (d Duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

// D returns the value as a time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }
