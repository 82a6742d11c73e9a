package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/robfig/cron/v3"

	"github.com/newshound/newshound/localtime"
)

// CronParser is the one cron dialect of Newshound: five fields with an
// optional leading seconds field, and descriptors such as "@every 2m" or "@hourly".
func CronParser() cron.Parser {
	return cron.NewParser(cron.SecondOptional | cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)
}

// Validate checks every field and returns a *FieldError for each bad one,
// several joined in a *Mistakes: a file with a mistake in [poller] and one
// in [digest] took two starts to hear of both, and one with two mistakes in
// [poller] two starts too (everyOf).
func (c Config) Validate() error {
	checks := []func(Config) error{Config.validateTelegram, Config.validateStorage, Config.validatePoller, Config.validateSources,
		Config.validateSummary, Config.validateAlerts, Config.validateDigest, Config.validateLog, Config.validateMetrics, Config.validateSubscriptions, Config.validateMemory}
	var errs []error
	for _, check := range checks {
		errs = append(errs, everyOf(c, check)...)
	}
	return joinMistakes(errs)
}

// joinMistakes is nil, the one error, or a *Mistakes of errs.
func joinMistakes(errs []error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return &Mistakes{Errs: errs}
}

// everyOf is every mistake check finds in c, not only its first: each
// check stops at its table's first bad key, so that key is set back to its
// default (resetKey) and the table checked again, until it passes, its
// mistake names no key that can be set back, or the same key comes again
// (a key whose default is wrong beside the others, such as webhook_listen
// with a webhook_url). A mistake that speaks of a key set back is its
// consequence, not the file's, and is left out (consequence).
func everyOf(c Config, check func(Config) error) []error {
	var errs []error
	named := map[string]bool{}
	for range 64 {
		err := check(c)
		if err == nil {
			break
		}
		var m *Mistakes
		if errors.As(err, &m) {
			return append(errs, m.Errs...)
		}
		var fe *FieldError
		if errors.As(err, &fe) && named[fe.Key] {
			break // set back, and wrong still: said once
		}
		if fe == nil || !consequence(fe.Msg, named) {
			errs = append(errs, err)
		}
		if fe == nil || !resetKey(&c, fe.Key) {
			break
		}
		named[fe.Key] = true
	}
	return errs
}

// consequence reports whether msg speaks of a key in named, set back to
// its default by everyOf: "webhook_listen is set but webhook_url is empty"
// after webhook_url was named and set back is no mistake of the file.
func consequence(msg string, named map[string]bool) bool {
	for k := range named {
		if strings.Contains(msg, k) {
			return true
		}
	}
	return false
}

// resetKey sets the field of c that key names (dotted, as the file writes
// it: "poller.concurrency"; a list's entry, "telegram.admins[0]", names the
// whole list) to its value in Defaults. It reports false when key names no
// field: an environment variable, a [[sources]] block.
func resetKey(c *Config, key string) bool {
	if i := strings.IndexByte(key, '['); i >= 0 {
		if !strings.Contains(key[:i], ".") {
			return false // [[sources]] blocks are checked each on its own
		}
		key = key[:i]
	}
	def := Defaults()
	to, from := reflect.ValueOf(c).Elem(), reflect.ValueOf(&def).Elem()
	for _, name := range strings.Split(key, ".") {
		if to.Kind() != reflect.Struct {
			return false
		}
		found := false
		for i := range to.NumField() {
			tag, _, _ := strings.Cut(to.Type().Field(i).Tag.Get("toml"), ",")
			if tag == name {
				to, from, found = to.Field(i), from.Field(i), true
				break
			}
		}
		if !found {
			return false
		}
	}
	to.Set(from)
	return true
}

func (c Config) validateSubscriptions() error {
	if c.Subscriptions.MaxPerChat < 1 || c.Subscriptions.MaxPerChat > 10000 {
		return fieldErr("subscriptions.max_per_chat", "%d is out of range (1 to 10000)", c.Subscriptions.MaxPerChat)
	}
	return nil
}

// Mistakes is more than one validation error, each of its own key, in the
// order of the file's tables; errors.As finds the first *FieldError.
type Mistakes struct{ Errs []error }

// Error is the first mistake, then each other on a line of its own.
func (m *Mistakes) Error() string {
	var b strings.Builder
	b.WriteString(m.Errs[0].Error())
	for _, e := range m.Errs[1:] {
		b.WriteString("\n  and " + e.Error())
	}
	return b.String()
}

// Unwrap returns the mistakes, for errors.Is(err, ErrInvalid) and errors.As.
func (m *Mistakes) Unwrap() []error { return m.Errs }

func (c Config) validateTelegram() error {
	t := c.Telegram
	if strings.Count(t.APIEndpoint, "%s") != 2 {
		return fieldErr("telegram.api_endpoint", "%q must contain two %%s (token, method), like \"https://api.telegram.org/bot%%s/%%s\"", t.APIEndpoint)
	}
	if u, err := url.Parse(strings.ReplaceAll(t.APIEndpoint, "%s", "x")); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fieldErr("telegram.api_endpoint", "%q is not an http or https URL", t.APIEndpoint)
	}
	if strings.ContainsAny(t.Token, " \t\r\n") {
		return fieldErr("telegram.token", "contains white space (check it, and %s, which wins over it)", TokenEnv)
	}
	if t.Token != "" && !tokenRE.MatchString(t.Token) {
		if why := tokenMistake(t.Token); why != "" {
			return fieldErr("telegram.token", "%s (check it, and %s, which wins over it)", why, TokenEnv)
		}
		return fieldErr("telegram.token", "%s (check it, and %s, which wins over it)", notAToken, TokenEnv)
	}
	if t.PollTimeout.D() < 0 || t.PollTimeout.D() > 10*time.Minute {
		return fieldErr("telegram.poll_timeout", "%s is out of range (0 to 10m)", written(t.PollTimeout.D()))
	}
	if t.GlobalPerSecond <= 0 {
		return fieldErr("telegram.global_per_second", "must be above 0")
	}
	if t.PaidBroadcast && (t.PaidPerSecond <= 0 || t.PaidPerSecond > 1000) {
		return fieldErr("telegram.paid_per_second", "%g is out of range (above 0, at most 1000, Telegram's limit for paid broadcasts)", t.PaidPerSecond)
	}
	if t.ChatPerSecond <= 0 {
		return fieldErr("telegram.chat_per_second", "must be above 0")
	}
	if t.CommandBurst < 1 || t.CommandBurst > 1000 {
		return fieldErr("telegram.command_burst", "%d is out of range (1 to 1000)", t.CommandBurst)
	}
	if t.CommandInterval.D() < 0 || t.CommandInterval.D() > time.Hour {
		return fieldErr("telegram.command_interval", "%s is out of range (0 to 1h)", written(t.CommandInterval.D()))
	}
	if t.CommandWorkers < 1 || t.CommandWorkers > 256 {
		return fieldErr("telegram.command_workers", "%d is out of range (1 to 256)", t.CommandWorkers)
	}
	if t.GroupPerMinute <= 0 {
		return fieldErr("telegram.group_per_minute", "must be above 0")
	}
	for i, id := range t.Admins {
		if id <= 0 {
			// A chat's id in place of a user's: such an operator would
			// never be recognised, and nothing would say why.
			return fieldErr(fmt.Sprintf("telegram.admins[%d]", i), "%d is no user id (a group's or channel's id is negative, or 0): put the number /id answers as \"Your user id\"", id)
		}
	}
	return c.validateWebhook()
}

// tokenRE is the shape of a bot token: the bot's id, a colon, the secret.
// Telegram answers any other shape 404 Not Found, which would read as a
// wrong api_endpoint.
var tokenRE = regexp.MustCompile(`^[0-9]+:[A-Za-z0-9_-]+$`)

// notTilde refuses a path that starts with "~": no shell reads the file,
// so it would name a folder called "~" in the working folder (and the
// start then said to create that). It returns nil for any other path.
func notTilde(key, path string) error {
	if t := strings.TrimSpace(path); t != path && t != "" {
		// "newshound.db " names another file than newshound.db: a new,
		// empty database, the old one left aside. Not trimmed quietly: a
		// file so named may be the one in use.
		return fieldErr(key, "%q has white space at its start or end, which would be part of the file name: write %q (a file really named so: rename it)", path, t)
	}
	rest, ok := strings.CutPrefix(path, "~")
	if !ok {
		return nil
	}
	full := "/home/you" + rest
	if home, err := os.UserHomeDir(); err == nil && (rest == "" || strings.HasPrefix(rest, "/")) {
		full = filepath.Join(home, rest)
	}
	return fieldErr(key, "%q starts with ~, which is not expanded here (no shell reads this file): write the whole path, such as %q", path, full)
}

// tokenMistake says what is wrong with a token that a known slip made
// unlike a bot token, or "" when it is none of them: quotes kept around
// it (docker run --env-file and Kubernetes take an env file's value as
// written, quotes and all), or the "bot" of the Bot API's URL copied with
// it. It never repeats the token.
func tokenMistake(tok string) string {
	if len(tok) >= 2 && (tok[0] == '"' || tok[0] == '\'') && tok[len(tok)-1] == tok[0] && tokenRE.MatchString(tok[1:len(tok)-1]) {
		return "is in quotes, which became part of it (docker run --env-file and Kubernetes keep an env file's quotes): write the token without them, NEWSHOUND_TELEGRAM_TOKEN=123456789:AAF1x-…"
	}
	if rest, ok := strings.CutPrefix(tok, "bot"); ok && tokenRE.MatchString(rest) {
		return "starts with \"bot\", which belongs to the Bot API's URL (api.telegram.org/bot<token>/), not to the token: drop those three letters"
	}
	if _, rest, ok := strings.Cut(tok, "/bot"); ok && strings.Contains(tok, "://") {
		if t, _, _ := strings.Cut(rest, "/"); tokenRE.MatchString(t) {
			return "is a Bot API URL, not the token: keep only its part between /bot and the next /, 123456789:AAF1x-…"
		}
	}
	if name, rest, ok := strings.Cut(tok, "="); ok && envNameRE.MatchString(name) && (tokenRE.MatchString(rest) || tokenMistake(rest) != "") {
		// Environment=NEWSHOUND_TELEGRAM_TOKEN=NEWSHOUND_TELEGRAM_TOKEN=…,
		// a compose list's "- NAME=NAME=…", an env file line pasted twice.
		return fmt.Sprintf("holds a variable's name too, %s=, before the token: the value is the token alone, NEWSHOUND_TELEGRAM_TOKEN=123456789:AAF1x-…", name)
	}
	if unexpandedRE.MatchString(tok) {
		// compose's $$, a Kubernetes $(VAR) of a variable not defined
		// before it, an EnvironmentFile (which expands nothing).
		return "is a variable reference that nothing expanded (" + tok + "): put the token itself there; an EnvironmentFile, docker run --env-file and compose's $$ expand nothing"
	}
	return ""
}

// envNameRE is an environment variable's name.
var envNameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// unexpandedRE is a value that is only a shell or Kubernetes variable
// reference: $NAME, ${NAME}, $(NAME).
var unexpandedRE = regexp.MustCompile(`^\$(?:[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*[^}]*\}|\([A-Za-z_][A-Za-z0-9_]*\))$`)

// notAToken says what a bot token looks like, for a value of no known
// slip's shape.
const notAToken = "is not a bot token: a bot token is a number, a colon, then letters, digits, _ or -, like 123456789:AAF1x-…; @BotFather gives a bot its token"

// secretRE is the alphabet and length Telegram allows for a secret_token.
var secretRE = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

func (c Config) validateWebhook() error {
	t := c.Telegram
	if t.WebhookSecret != "" && !secretRE.MatchString(t.WebhookSecret) {
		return fieldErr("telegram.webhook_secret", "must be 1 to 256 characters of A-Z, a-z, 0-9, _ and - (check it, and %s, which wins over it)", WebhookSecretEnv)
	}
	if t.WebhookURL == "" {
		if t.WebhookListen != "" {
			return fieldErr("telegram.webhook_listen", "is set but telegram.webhook_url is empty")
		}
		return nil
	}
	u, err := url.Parse(t.WebhookURL)
	if err != nil || u.Host == "" {
		return fieldErr("telegram.webhook_url", "%q is not a URL", t.WebhookURL)
	}
	local := u.Hostname() == "127.0.0.1" || u.Hostname() == "localhost" || u.Hostname() == "::1"
	if u.Scheme != "https" && !(u.Scheme == "http" && local) {
		return fieldErr("telegram.webhook_url", "%q is not an https URL (Telegram posts only to https)", t.WebhookURL)
	}
	if port := u.Port(); port != "" && !local && strings.HasPrefix(t.APIEndpoint, "https://api.telegram.org/") &&
		port != "443" && port != "80" && port != "88" && port != "8443" {
		// Telegram refuses it at setWebhook, at every start: have the
		// reverse proxy take one of its ports and forward to webhook_listen.
		return fieldErr("telegram.webhook_url", "%q: Telegram posts only to ports 443, 80, 88 or 8443; let the reverse proxy take one of them and forward to telegram.webhook_listen", t.WebhookURL)
	}
	if t.WebhookListen == "" {
		return fieldErr("telegram.webhook_listen", "is empty (needed with telegram.webhook_url), e.g. \"127.0.0.1:8443\"")
	}
	_, port, err := net.SplitHostPort(t.WebhookListen)
	if n, perr := strconv.Atoi(port); err != nil || perr != nil || n < 0 || n > 65535 {
		return fieldErr("telegram.webhook_listen", "%q is not host:port, e.g. \"127.0.0.1:8443\"", t.WebhookListen)
	}
	return nil
}

func (c Config) validateStorage() error {
	if strings.TrimSpace(c.Storage.Path) == "" {
		return fieldErr("storage.path", "is empty")
	}
	if p := c.Storage.Path; p == ":memory:" || strings.HasPrefix(p, "file:") {
		// ":memory:" is a new, empty database for every connection (the
		// start failed with "no such table: sources"), and a URI's options
		// are Newshound's to set.
		return fieldErr("storage.path", "%q is no file name: Newshound keeps its database in a file, such as \"newshound.db\" or \"/var/lib/newshound/newshound.db\"", p)
	}
	if err := notTilde("storage.path", c.Storage.Path); err != nil {
		return err
	}
	if r := c.Storage.Retention.D(); r != 0 && r < 7*24*time.Hour {
		return fieldErr("storage.retention", "%s is below a week: write at least \"168h\", or \"0s\" to keep everything", written(r))
	}
	return nil
}

func (c Config) validatePoller() error {
	p := c.Poller
	sched, err := CronParser().Parse(p.Schedule)
	if err != nil {
		if every := scheduleFix(p.Schedule); every != "" {
			return fieldErr("poller.schedule", "%q is not a cron spec: write %q (or a cron line such as \"*/5 * * * *\")", p.Schedule, every)
		}
		return fieldErr("poller.schedule", "%q is not a cron spec: %v", p.Schedule, err)
	}
	// The parser takes "@every 0s" and "@every -5s" (cron makes them every
	// second) and a date that never comes ("0 0 31 2 *"): all mistakes.
	if every, ok := strings.CutPrefix(p.Schedule, "@every "); ok {
		if d, err := time.ParseDuration(strings.TrimSpace(every)); err == nil && d < time.Second {
			return fieldErr("poller.schedule", "%q: the interval must be at least 1s, e.g. \"@every 2m\"", p.Schedule)
		}
	}
	if sched.Next(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)).IsZero() {
		return fieldErr("poller.schedule", "%q never comes: no date matches it", p.Schedule)
	}
	// A source's interval starts at the schedule's, and three of them
	// bound /healthz's wait for a poll: "@every 900000h" overflowed that
	// into a negative wait, never ready. News is gone from a feed long
	// before a week.
	if gap, _ := gaps(p.Schedule); gap > maxScheduleGap {
		return fieldErr("poller.schedule", "%q polls every %s, less often than once a week, when most feeds have long dropped the news: write at most \"@every 168h\" (the default is \"@every 2m\")", p.Schedule, strings.Trim(written(gap), `"`))
	}
	if p.MaxAge.D() <= 0 {
		return fieldErr("poller.max_age", "must be above 0")
	}
	if p.Concurrency < 1 || p.Concurrency > 256 {
		return fieldErr("poller.concurrency", "%d is out of range (1 to 256)", p.Concurrency)
	}
	if p.Timeout.D() < time.Second {
		return fieldErr("poller.timeout", "%s is below 1s", written(p.Timeout.D()))
	}
	if p.MaxBytes < 1024 {
		return fieldErr("poller.max_bytes", "%d is below 1024", p.MaxBytes)
	}
	return c.validateIntervals()
}

// validateIntervals checks the bounds of the adaptive intervals and the
// per-host politeness.
func (c Config) validateIntervals() error {
	p := c.Poller
	for _, f := range []struct {
		name string
		d    time.Duration
	}{{"poller.min_interval", p.MinInterval.D()}, {"poller.max_interval", p.MaxInterval.D()}} {
		if f.d != 0 && (f.d < time.Second || f.d > 7*24*time.Hour) {
			return fieldErr(f.name, "%s is out of range (1s to 168h; 0s = the schedule's interval)", written(f.d))
		}
	}
	if lo, hi := p.MinInterval.D(), p.MaxInterval.D(); lo != 0 && hi != 0 && hi < lo {
		return fieldErr("poller.max_interval", "%s is below poller.min_interval (%s)", written(hi), written(lo))
	}
	if p.PerHost < 1 || p.PerHost > 64 {
		return fieldErr("poller.per_host", "%d is out of range (1 to 64)", p.PerHost)
	}
	if g := p.HostGap.D(); g < 0 || g > time.Hour {
		return fieldErr("poller.host_gap", "%s is out of range (0s to 1h)", written(g))
	}
	if p.MaxItems < 10 || p.MaxItems > 100000 {
		return fieldErr("poller.max_items", "%d is out of range (10 to 100000)", p.MaxItems)
	}
	return c.validatePublicURL()
}

// validatePublicURL checks the WebSub address: an absolute http(s) URL
// without query or fragment, served by the webhook or the metrics listener.
func (c Config) validatePublicURL() error {
	raw := c.Poller.PublicURL
	if raw == "" {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return fieldErr("poller.public_url", "%q is not an http or https URL without query, e.g. \"https://news.example.org\"", raw)
	}
	if c.Telegram.WebhookURL == "" && c.Metrics.Listen == "" {
		return fieldErr("poller.public_url", "is set but nothing serves its /websub/ callbacks: set metrics.listen (or telegram.webhook_url) and forward %s/websub/ to it", strings.TrimRight(raw, "/"))
	}
	return nil
}

// validateSources names the first mistake of each [[sources]] block (a
// file of forty blocks with two typos took two starts), several in a
// *Mistakes.
func (c Config) validateSources() error {
	seen := map[string]int{}
	var errs []error
	for i := range c.Sources {
		if err := c.validateSource(i, seen); err != nil {
			errs = append(errs, err)
		}
	}
	return joinMistakes(errs)
}

// validateSource checks the block sources[i]; seen holds the URLs of the
// blocks before it, and gets its own.
func (c Config) validateSource(i int, seen map[string]int) error {
	s := c.Sources[i]
	key := fmt.Sprintf("sources[%d]", i)
	shown := maskPassword(s.URL) // the error goes to the journal
	if strings.TrimSpace(s.Name) == "" && strings.TrimSpace(s.URL) == "" {
		return fieldErr(key, "a [[sources]] block with neither name nor url: give it both (name = \"BBC World\", url = \"https://feeds.bbci.co.uk/news/world/rss.xml\"), or remove it")
	}
	if strings.TrimSpace(s.Name) == "" {
		return fieldErr(key+".name", "is empty: name the source of %q (name = \"…\" in its [[sources]] block), as alerts and /sources show it", shown)
	}
	if strings.TrimSpace(s.URL) == "" {
		return fieldErr(key+".url", "is missing for the source %q: add url = \"https://…\" (its feed's address, or a page of its site that links to one) to its [[sources]] block", s.Name)
	}
	u, err := url.Parse(s.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		msg := fmt.Sprintf("%q (of the source %q) is not an http or https URL", shown, s.Name)
		if fixed, err := url.Parse("https://" + s.URL); s.URL != "" && !strings.Contains(s.URL, "://") && err == nil && strings.Contains(fixed.Host, ".") {
			msg += fmt.Sprintf(": write it whole, %q", maskPassword(fixed.String()))
		} else if fix := schemeFix(s.URL); fix != "" {
			msg += ": " + fix
		} else if shown != s.URL {
			msg += ": a user name or password holding #, /, ?, @ or % is written percent-encoded, # as %23, / as %2F, ? as %3F, @ as %40 and % as %25"
			if odd := userinfoEncodings(s.URL); odd != "" {
				msg += "; this one holds " + odd
			}
		} else {
			msg += ": write the feed's address whole, starting with https:// or http://"
		}
		return fieldErr(key+".url", "%s", msg)
	}
	if err := notTilde(key+".ca_file", s.CAFile); err != nil {
		return err
	}
	if s.CAFile != "" && u.Scheme != "https" {
		return fieldErr(key+".ca_file", "is set for %q (of the source %q), which is not https: a CA file is for an https:// address", shown, s.Name)
	}
	if j, ok := seen[s.URL]; ok {
		return fieldErr(key+".url", "%q (of the source %q) is listed twice: sources[%d] %q has it too; remove one of the two [[sources]] blocks", shown, s.Name, j, c.Sources[j].Name)
	}
	seen[s.URL] = i
	return nil
}

// maskPassword is raw with the password of its user information shown as
// xxxxx (as the logs and /sources show it), also when raw does not parse:
// the user information then runs from after "://" to the last "@". A URL
// without a password is returned as it is.
func maskPassword(raw string) string {
	if u, err := url.Parse(raw); err == nil {
		if _, ok := u.User.Password(); ok {
			return u.Redacted()
		}
		if u.User != nil || !strings.Contains(raw, "@") {
			return raw
		}
	}
	scheme, rest, ok := strings.Cut(raw, "://")
	at := strings.LastIndex(rest, "@")
	if !ok || at < 0 {
		return raw
	}
	user, _, hasPassword := strings.Cut(rest[:at], ":")
	if !hasPassword {
		return raw
	}
	return scheme + "://" + user + ":xxxxx@" + rest[at+1:]
}

func (c Config) validateSummary() error {
	s := c.Summary
	if s.Sentences < 1 || s.Sentences > 10 {
		return fieldErr("summary.sentences", "%d is out of range (1 to 10)", s.Sentences)
	}
	if s.MaxChars < 80 || s.MaxChars > 3000 {
		return fieldErr("summary.max_chars", "%d is out of range (80 to 3000)", s.MaxChars)
	}
	switch s.Backend {
	case "extractive":
	case "openai":
		if u, err := url.Parse(s.Endpoint); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fieldErr("summary.endpoint", "%q is not an http or https URL (needed by backend \"openai\")", s.Endpoint)
		}
		if s.Model == "" {
			return fieldErr("summary.model", "is empty (needed by backend \"openai\")")
		}
	default:
		return fieldErr("summary.backend", "%q is not \"extractive\" or \"openai\"", s.Backend)
	}
	if s.Timeout.D() <= 0 {
		return fieldErr("summary.timeout", "must be above 0")
	}
	for i, r := range s.Rules {
		if _, err := regexp.Compile(r.Pattern); err != nil || r.Pattern == "" {
			return fieldErr(fmt.Sprintf("summary.rules[%d].pattern", i), "%q is not a regular expression", r.Pattern)
		}
		switch r.Kind {
		case "", "drop_line", "strip_prefix", "strip_inline", "cut_lead":
		default:
			return fieldErr(fmt.Sprintf("summary.rules[%d].kind", i), "%q is not drop_line, strip_prefix, strip_inline or cut_lead", r.Kind)
		}
	}
	return nil
}

func (c Config) validateAlerts() error {
	a := c.Alerts
	if a.BurstMax < 1 {
		return fieldErr("alerts.burst_max", "%d is below 1", a.BurstMax)
	}
	if a.DedupWindow.D() < 0 {
		return fieldErr("alerts.dedup_window", "is negative")
	}
	if a.DedupThreshold <= 0 || a.DedupThreshold > 1 {
		return fieldErr("alerts.dedup_threshold", "%v is out of range (above 0, at most 1)", a.DedupThreshold)
	}
	if a.QuietMode != "silent" && a.QuietMode != "hold" {
		return fieldErr("alerts.quiet_mode", "%q is not \"silent\" or \"hold\"", a.QuietMode)
	}
	return nil
}

var clockRE = regexp.MustCompile(`^([01]\d|2[0-3]):[0-5]\d$`)

func (c Config) validateDigest() error {
	d := c.Digest
	if !clockRE.MatchString(d.Time) {
		if c, err := localtime.ParseClock(d.Time); err == nil { // "8am", "8:30": what /digest takes
			return fieldErr("digest.time", "%q is not written HH:MM, on a 24-hour clock: write %q", d.Time, c.String())
		}
		return fieldErr("digest.time", "%q is not a time of day such as \"08:00\"", d.Time)
	}
	if _, err := time.LoadLocation(d.Timezone); err != nil || strings.EqualFold(d.Timezone, "Local") { // Local: the server's zone, which moves with the host
		name, _, err := localtime.ParseTimezone(d.Timezone)
		switch {
		case err == nil && name == d.Timezone && localtime.IsOffset(name):
			// "+03:00", as /timezone stores an offset: a fixed zone, which
			// the digest follows as it does a chat's.
		case err == nil && name != d.Timezone && !strings.EqualFold(d.Timezone, "Local"):
			// "Moscow", "europe/berlin", "UTC+3": what /timezone takes.
			return fieldErr("digest.timezone", "%q is not an IANA time zone name or a UTC offset written +HH:MM: write %q", d.Timezone, name)
		default:
			return fieldErr("digest.timezone", "%q is not an IANA time zone such as \"Europe/Berlin\", or a UTC offset such as \"+03:00\"", d.Timezone)
		}
	}
	if d.MaxItems < 1 || d.MaxItems > 200 {
		return fieldErr("digest.max_items", "%d is out of range (1 to 200)", d.MaxItems)
	}
	if d.CatchUp.D() < 0 {
		return fieldErr("digest.catch_up", "is negative")
	}
	return nil
}

func (c Config) validateLog() error {
	switch c.Log.Level {
	case "debug", "info", "warn", "error":
	default:
		return fieldErr("log.level", "%q is not debug, info, warn or error", c.Log.Level)
	}
	switch c.Log.Format {
	case "text", "json":
	default:
		return fieldErr("log.format", "%q is not text or json", c.Log.Format)
	}
	if err := notTilde("log.file", c.Log.File); err != nil {
		return err
	}
	if c.Log.File != "" && c.Storage.Path != "" {
		// The log opened the database's file first and wrote lines into
		// it: the start refused it as an empty or damaged database, and
		// its advice (delete the empty file) came back at every start.
		logAbs, lerr := filepath.Abs(c.Log.File)
		dbAbs, derr := filepath.Abs(c.Storage.Path)
		for _, f := range []string{"", "-wal", "-shm", "-journal", ".lock"} {
			if lerr == nil && derr == nil && logAbs == dbAbs+f {
				return fieldErr("log.file", "%q is storage.path's database file (or one SQLite keeps beside it): give the log a file of its own, such as %q", c.Log.File,
					filepath.Join(filepath.Dir(c.Log.File), "newshound.log"))
			}
		}
	}
	return nil
}

func (c Config) validateMetrics() error {
	if c.Metrics.Listen == "" {
		return nil
	}
	_, port, err := net.SplitHostPort(c.Metrics.Listen)
	if n, perr := strconv.Atoi(port); err != nil || perr != nil || n < 0 || n > 65535 {
		return fieldErr("metrics.listen", "%q is not host:port with a port number, such as \"127.0.0.1:6397\"", c.Metrics.Listen)
	}
	if c.Telegram.WebhookURL != "" && sameListener(c.Metrics.Listen, c.Telegram.WebhookListen) {
		// Two servers on one address: the second could not listen, and the
		// bot stopped only once Telegram had answered.
		return fieldErr("metrics.listen", "%q is also telegram.webhook_listen: give each its own port (WebSub callbacks are served on the webhook's)", c.Metrics.Listen)
	}
	return nil
}

func (c Config) validateMemory() error {
	m := c.Memory
	if m.LimitBytes != 0 && m.LimitBytes < MinLimitBytes {
		return fieldErr("memory.limit_bytes", "%d is below %d (64 MiB): the bot's live heap alone is 20–30 MB; 0 sets no limit", m.LimitBytes, MinLimitBytes)
	}
	if m.GCPercent == -1 {
		if m.LimitBytes == 0 {
			return fieldErr("memory.gc_percent", "-1 (off) needs memory.limit_bytes: without a limit the heap would grow without bound")
		}
		return nil
	}
	if m.GCPercent < 10 || m.GCPercent > 10000 {
		return fieldErr("memory.gc_percent", "%d is out of range (10 to 10000, or -1 with memory.limit_bytes)", m.GCPercent)
	}
	return nil
}

// sameListener reports whether two host:port addresses would take the same
// port on a shared address: the same port, and the same host or either of
// them every address ("", 0.0.0.0, ::). Port 0 picks a free port: never the same.
func sameListener(a, b string) bool {
	ha, pa, err := net.SplitHostPort(a)
	if err != nil {
		return false
	}
	hb, pb, err := net.SplitHostPort(b)
	if err != nil || pa != pb || pa == "0" {
		return false
	}
	any := func(h string) bool { return h == "" || h == "0.0.0.0" || h == "::" }
	return ha == hb || any(ha) || any(hb)
}

// Warnings lists valid but doubtful settings, for a log line at start.
func (c Config) Warnings() []string {
	var w []string
	if c.ConsoleMode() && c.Telegram.WebhookURL != "" {
		w = append(w, "telegram.webhook_url is set but there is no token: console mode ignores it")
	}
	if c.Poller.PublicURL != "" && c.WebSubURL() == "" {
		w = append(w, "poller.public_url is set but console mode serves no webhook and metrics.listen is empty: WebSub is off")
	}
	if !c.ConsoleMode() && len(c.Telegram.Admins) == 0 {
		w = append(w, "telegram.admins is empty: nobody may add sources or see /status and /version; send /id to the bot, put your user id in telegram.admins (admins = [123456789]) and restart")
	}
	w = append(w, c.sameNames()...)
	w = append(w, c.sameFeeds()...)
	w = append(w, c.staleGaps()...)
	if z := invertedZone(c.Digest.Timezone); z != "" {
		w = append(w, z)
	}
	if gap, _ := gaps(c.Poller.Schedule); gap > 0 && gap < time.Minute {
		// Six fields count seconds first: "* * * * * *" is every second.
		w = append(w, fmt.Sprintf("poller.schedule %q polls more often than once a minute (every %s): fine for a local source, impolite for a public one", c.Poller.Schedule, gap))
	}
	return w
}

// sameNames warns of [[sources]] blocks that share a name (two URLs of one
// site named alike may be meant: a query's source: names both), naming
// both places: alerts and /sources show the two alike, told apart by their
// ID alone. The same URL twice is refused (validateSources).
func (c Config) sameNames() []string {
	var w []string
	first := map[string]int{}
	for i, s := range c.Sources {
		name := strings.ToLower(strings.TrimSpace(s.Name))
		j, ok := first[name]
		if !ok {
			first[name] = i
			continue
		}
		w = append(w, fmt.Sprintf("sources[%d].name %q is also sources[%d].name (%s and %s): alerts and /sources show both as %[2]q, "+
			"told apart only by their ID; give each its own name unless one name for both is meant (a query's source: then names both)",
			i, s.Name, j, maskPassword(c.Sources[j].URL), maskPassword(s.URL)))
	}
	return w
}

// invertedZone warns of an IANA "Etc/GMT+3" zone, whose sign is POSIX's,
// the other way round from how people write offsets: "Etc/GMT+3" is three
// hours behind UTC. Written for Moscow, the digest came six hours late and
// nothing said why. "" for any other zone.
func invertedZone(tz string) string {
	rest, ok := strings.CutPrefix(tz, "Etc/GMT")
	if !ok || rest == "" || rest == "0" || rest == "+0" || rest == "-0" {
		return ""
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		return ""
	}
	_, off := time.Date(2026, 1, 1, 0, 0, 0, 0, loc).Zone()
	sign, other := "+", "-"
	if off < 0 {
		sign, other, off = "-", "+", -off
	}
	offset := fmt.Sprintf("%s%02d:%02d", sign, off/3600, off/60%60)
	return fmt.Sprintf("digest.timezone %q is UTC%s: the Etc/GMT zones count the other way round (POSIX); if you meant UTC%s%s, write %q",
		tz, offset, other, strings.TrimLeft(rest, "+-"), other+fmt.Sprintf("%02s:00", strings.TrimLeft(rest, "+-")))
}

// maxScheduleGap is the longest poller.schedule interval taken, as long as
// poller.max_interval's longest.
const maxScheduleGap = 7 * 24 * time.Hour

// gaps returns the shortest and the longest time between two runs of the
// cron spec among its first runs from a day, or 0s when it does not parse.
func gaps(spec string) (shortest, longest time.Duration) {
	sched, err := CronParser().Parse(spec)
	if err != nil {
		return 0, 0
	}
	t := sched.Next(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	for range 60 {
		next := sched.Next(t)
		if next.IsZero() {
			break
		}
		d := next.Sub(t)
		if shortest == 0 || d < shortest {
			shortest = d
		}
		longest = max(longest, d)
		t = next
	}
	return shortest, longest
}

// staleGaps warns when a source may go unfetched for longer than
// poller.max_age: whatever it published early in such a gap is past
// max_age at the next fetch, stored but never alerted, and nothing says so
// ("0 8 * * 1-5" leaves 72 hours over a weekend; a quiet source backs off
// to poller.max_interval).
func (c Config) staleGaps() []string {
	p := c.Poller
	age := p.MaxAge.D()
	var w []string
	if _, longest := gaps(p.Schedule); age > 0 && longest > age {
		w = append(w, fmt.Sprintf("poller.schedule %q leaves up to %s between two fetches of a source, longer than poller.max_age (%s): "+
			"what a source publishes early in such a gap is past max_age at the next fetch and never alerted; poll more often, or set poller.max_age = %s",
			p.Schedule, written(longest), written(age), written(longest)))
	}
	if hi := p.MaxInterval.D(); age > 0 && hi > age {
		w = append(w, fmt.Sprintf("poller.max_interval (%s) is longer than poller.max_age (%s): a quiet source fetched that seldom has its news past max_age at the next fetch, never alerted; "+
			"set poller.max_interval = %s or less, or poller.max_age = %[1]s", written(hi), written(age), written(age)))
	}
	return w
}

// scheduleFix returns the "@every" spec that a schedule written as a person
// says it means ("2m", "every 5 minutes", "@every 2 minutes", "@evry 2m",
// "@every 1d"), or "" when it does not read as an interval.
func scheduleFix(spec string) string {
	s := strings.TrimSpace(spec)
	if strings.HasPrefix(s, "@") {
		word, rest, _ := strings.Cut(s[1:], " ")
		if distance(strings.ToLower(word), "every") > 2 { // @evry, @Every; not @hourly
			return ""
		}
		s = rest
	} else if rest, ok := strings.CutPrefix(strings.ToLower(s), "every "); ok {
		s = rest
	}
	s = strings.TrimSpace(s)
	if d, err := time.ParseDuration(s); err == nil && d >= time.Second {
		return "@every " + s
	}
	n, unit, ok := spokenDuration(s)
	if !ok {
		return ""
	}
	switch unit {
	case "d":
		n, unit = 24*n, "h"
	case "w":
		n, unit = 7*24*n, "h"
	}
	return "@every " + strconv.Itoa(n) + unit
}

// written is d as a configuration value says it, in quotes: "24h", not Go's
// 24h0m0s, which no one wrote and which reads as a different value.
func written(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return `"` + s + `"`
}

// userinfoEncodings names the characters of raw's user name and password
// (between "://" and the last "@") that a URL takes only percent-encoded,
// each with its encoding ("a space, written %20"), or "": a password with
// a space was refused with the list of #, /, ?, @ and %, which named
// neither the space nor its %20. The password itself is not shown.
func userinfoEncodings(raw string) string {
	_, rest, ok := strings.Cut(raw, "://")
	at := strings.LastIndex(rest, "@")
	if !ok || at < 0 {
		return ""
	}
	var out []string
	seen := map[rune]bool{}
	for _, r := range rest[:at] {
		if seen[r] || r == ':' || r == '%' || (r < utf8.RuneSelf && (r == '-' || r == '.' || r == '_' || r == '~' || strings.ContainsRune("!$&'()*+,;=", r) ||
			(r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9'))) {
			continue
		}
		seen[r] = true
		enc := strings.ToUpper(url.PathEscape(string(r)))
		if enc == string(r) {
			enc = fmt.Sprintf("%%%02X", r)
		}
		name := fmt.Sprintf("%q", string(r))
		if r == ' ' {
			name = "a space"
		}
		out = append(out, name+", written "+enc)
	}
	return strings.Join(out, ", ")
}

// schemeFix says how to write raw, a source's url whose scheme is not
// http or https, when its slip is known, or returns "": a browser's
// feed:// link, a misspelt https://, a file on this machine. Each was told
// only to write the address whole.
func schemeFix(raw string) string {
	lower := strings.ToLower(raw)
	for _, p := range []string{"feed:https://", "feed:http://"} {
		if strings.HasPrefix(lower, p) {
			return fmt.Sprintf("feed: is a browser's mark for a feed, not part of its address: write %q", maskPassword(raw[len("feed:"):]))
		}
	}
	if rest, ok := strings.CutPrefix(lower, "feed://"); ok && rest != "" {
		return fmt.Sprintf("feed:// is a browser's mark for a feed, not a scheme Newshound fetches: write %q (or http:// if the site has no https)", maskPassword("https://"+raw[len("feed://"):]))
	}
	if strings.HasPrefix(lower, "file:") || strings.HasPrefix(raw, "/") || strings.HasPrefix(raw, "./") || strings.HasPrefix(raw, "~/") {
		return "Newshound fetches feeds over HTTP only, not files: serve the file's folder (python3 -m http.server 8000 --bind 127.0.0.1 in it) and write \"http://127.0.0.1:8000/NAME\""
	}
	for _, s := range []struct{ slip, scheme string }{{"htps://", "https://"}, {"htttps://", "https://"}, {"hhttps://", "https://"}, {"ttps://", "https://"},
		{"https//", "https://"}, {"https:/", "https://"}, {"https:://", "https://"}, {"http//", "http://"}, {"http:/", "http://"}, {"http:://", "http://"}} {
		if rest, ok := strings.CutPrefix(lower, s.slip); ok && rest != "" && !strings.HasPrefix(rest, "/") {
			return fmt.Sprintf("its scheme is misspelt: write %q", maskPassword(s.scheme+raw[len(s.slip):]))
		}
	}
	return ""
}
