package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestDefaultsAreValid(t *testing.T) {
	if err := Defaults().Validate(); err != nil {
		t.Fatal(err)
	}
	if !Defaults().ConsoleMode() {
		t.Fatal("defaults should run in console mode")
	}
}

func TestExampleConfigLoadsAndDocumentsEveryKey(t *testing.T) {
	cfg, err := Load("../config.example.toml", nil)
	if err != nil {
		t.Fatalf("config.example.toml: %v", err)
	}
	if len(cfg.Telegram.Admins) == 0 {
		cfg.Telegram.Admins = nil // "admins = []" documents the key
	}
	if !reflect.DeepEqual(cfg.Telegram, Defaults().Telegram) || cfg.Poller != Defaults().Poller || cfg.Digest != Defaults().Digest {
		t.Errorf("config.example.toml should show the defaults:\n got %+v\nwant %+v", cfg, Defaults())
	}
	body, err := os.ReadFile("../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range tomlKeys(reflect.TypeOf(Config{}), "") {
		section, name, _ := strings.Cut(key, ".")
		if name == "" {
			continue
		}
		if !strings.Contains(string(body), "["+section+"]") && !strings.Contains(string(body), "[["+section+"]]") {
			t.Errorf("config.example.toml has no section for %s", key)
		}
		leaf := name[strings.LastIndex(name, ".")+1:]
		if !strings.Contains(string(body), leaf+" =") {
			t.Errorf("config.example.toml does not document %s", key)
		}
	}
}

// tomlKeys lists every key of t as "section.key", recursing into structs.
func tomlKeys(t reflect.Type, prefix string) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name := f.Tag.Get("toml")
		if name == "" {
			continue
		}
		ft := f.Type
		if ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct {
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Struct && ft != reflect.TypeOf(time.Time{}) {
			out = append(out, tomlKeys(ft, prefix+name+".")...)
			continue
		}
		out = append(out, prefix+name)
	}
	return out
}

func writeConfig(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "c.toml")
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadReadsFileOverDefaults(t *testing.T) {
	p := writeConfig(t, `
[telegram]
token = "1:file"
[poller]
schedule = "*/5 * * * *"
max_age = "12h"
[[sources]]
name = "A"
url = "http://127.0.0.1:8080/a.xml"
[[sources]]
name = "B"
url = "https://b.example/feed"
`)
	cfg, err := Load(p, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Telegram.Token != "1:file" || cfg.Poller.Schedule != "*/5 * * * *" || cfg.Poller.MaxAge.D() != 12*time.Hour {
		t.Errorf("file values not applied: %+v", cfg)
	}
	if cfg.Storage.Path != "newshound.db" || cfg.Summary.Sentences != 3 {
		t.Errorf("defaults lost: %+v", cfg)
	}
	if len(cfg.Sources) != 2 || cfg.Sources[1].Name != "B" {
		t.Errorf("sources = %+v", cfg.Sources)
	}
}

func TestTokenFromEnvironmentWins(t *testing.T) {
	p := writeConfig(t, "[telegram]\ntoken = \"1:file\"\n")
	cfg, err := Load(p, func(k string) string {
		if k == TokenEnv {
			return "2:env"
		}
		return ""
	})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Telegram.Token != "2:env" {
		t.Fatalf("token = %q, want the environment's", cfg.Telegram.Token)
	}
}

// TestTokenShape: a token that cannot be a bot token (Telegram answers it
// 404, not 401) is refused at start, naming both places it comes from and
// @BotFather, without printing it.
func TestTokenShape(t *testing.T) {
	for _, tok := range []string{"notatoken", "987654", ":xyzzy", "987:", "98a:xyzzy", "987:xyz/zy"} {
		_, err := Load(writeConfig(t, "[telegram]\ntoken = \""+tok+"\"\n"), nil)
		if err == nil {
			t.Errorf("token %q accepted", tok)
			continue
		}
		for _, w := range []string{"telegram.token", TokenEnv, "@BotFather"} {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("token %q: error %q does not say %q", tok, err, w)
			}
		}
		if strings.Contains(err.Error(), tok) {
			t.Errorf("error %q shows the token", err)
		}
	}
	for _, tok := range []string{"123456:ABC-def_ghi", "1:x"} {
		if _, err := Load(writeConfig(t, "[telegram]\ntoken = \""+tok+"\"\n"), nil); err != nil {
			t.Errorf("token %q: %v", tok, err)
		}
	}
}

func TestInvalidValuesNameTheKey(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		wantKey string
	}{
		{"bad cron", "[poller]\nschedule = \"@evry 2m\"", "poller.schedule"},
		{"paid rate over Telegram's", "[telegram]\npaid_broadcast = true\npaid_per_second = 5000.0", "telegram.paid_per_second"},
		{"bad cron fields", "[poller]\nschedule = \"61 * * * *\"", "poller.schedule"},
		{"bad duration", "[poller]\nmax_age = \"two days\"", "max_age"},
		{"negative concurrency", "[poller]\nconcurrency = 0", "poller.concurrency"},
		{"min interval under a second", "[poller]\nmin_interval = \"100ms\"", "poller.min_interval"},
		{"max interval of a year", "[poller]\nmax_interval = \"8760h\"", "poller.max_interval"},
		{"max interval below min", "[poller]\nmin_interval = \"10m\"\nmax_interval = \"5m\"", "poller.max_interval"},
		{"per host 0", "[poller]\nper_host = 0", "poller.per_host"},
		{"max items 0", "[poller]\nmax_items = 0", "poller.max_items"},
		{"max items a million", "[poller]\nmax_items = 1000000", "poller.max_items"},
		{"negative host gap", "[poller]\nhost_gap = \"-1s\"", "poller.host_gap"},
		{"endpoint without verbs", "[telegram]\napi_endpoint = \"https://api.telegram.org/\"", "telegram.api_endpoint"},
		{"source without url", "[[sources]]\nname = \"x\"\nurl = \"ftp://x\"", "sources[0].url"},
		{"source without name", "[[sources]]\nurl = \"https://x.example/\"", "sources[0].name"},
		{"a CA file for an http:// source", "[[sources]]\nname = \"a\"\nurl = \"http://x.example/\"\nca_file = \"/etc/newshound/ca.pem\"", "sources[0].ca_file"},
		{"duplicate source", "[[sources]]\nname = \"a\"\nurl = \"https://x.example/\"\n[[sources]]\nname = \"b\"\nurl = \"https://x.example/\"", "sources[1].url"},
		{"bad timezone", "[digest]\ntimezone = \"Mars/Olympus\"", "digest.timezone"},
		{"bad digest time", "[digest]\ntime = \"25:00\"", "digest.time"},
		{"bad backend", "[summary]\nbackend = \"gpt\"", "summary.backend"},
		{"openai without endpoint", "[summary]\nbackend = \"openai\"\nmodel = \"m\"", "summary.endpoint"},
		{"bad rule", "[[summary.rules]]\nname = \"x\"\npattern = \"(\"", "summary.rules[0].pattern"},
		{"bad log level", "[log]\nlevel = \"loud\"", "log.level"},
		{"schedule of no interval", "[poller]\nschedule = \"@every 0s\"", "poller.schedule"},
		{"schedule of a negative interval", "[poller]\nschedule = \"@every -5s\"", "poller.schedule"},
		{"schedule of 31 February", "[poller]\nschedule = \"0 0 31 2 *\"", "poller.schedule"},
		{"a group's id as an operator", "[telegram]\nadmins = [12345, -1001234567890]", "telegram.admins[1]"},
		{"metrics on the webhook's port", "[telegram]\nwebhook_url = \"https://bot.example/hook\"\nwebhook_listen = \"127.0.0.1:8443\"\n[metrics]\nlisten = \":8443\"", "metrics.listen"},
		{"unknown key", "[poller]\nschedul = \"@every 1m\"", "poller.schedul"},
		{"empty storage", "[storage]\npath = \"\"", "storage.path"},
		{"retention under a week", "[storage]\nretention = \"24h\"", "storage.retention"},
		{"zero rate", "[telegram]\nglobal_per_second = 0.0", "telegram.global_per_second"},
		{"no command workers", "[telegram]\ncommand_workers = 0", "telegram.command_workers"},
		{"too many command workers", "[telegram]\ncommand_workers = 1000", "telegram.command_workers"},
		{"webhook over http", "[telegram]\nwebhook_url = \"http://bot.example/hook\"\nwebhook_listen = \"127.0.0.1:8443\"", "telegram.webhook_url"},
		{"webhook not a url", "[telegram]\nwebhook_url = \"bot.example/hook\"\nwebhook_listen = \"127.0.0.1:8443\"", "telegram.webhook_url"},
		{"webhook without listen", "[telegram]\nwebhook_url = \"https://bot.example/hook\"", "telegram.webhook_listen"},
		{"webhook listen without port", "[telegram]\nwebhook_url = \"https://bot.example/hook\"\nwebhook_listen = \"127.0.0.1\"", "telegram.webhook_listen"},
		{"webhook listen bad port", "[telegram]\nwebhook_url = \"https://bot.example/hook\"\nwebhook_listen = \":https8\"", "telegram.webhook_listen"},
		{"listen without webhook", "[telegram]\nwebhook_listen = \"127.0.0.1:8443\"", "telegram.webhook_listen"},
		{"webhook secret with spaces", "[telegram]\nwebhook_secret = \"two words\"", "telegram.webhook_secret"},
		{"metrics without port", "[metrics]\nlisten = \"127.0.0.1\"", "metrics.listen"},
		{"collector off without a limit", "[memory]\ngc_percent = -1", "memory.gc_percent"},
		{"collector percent 0", "[memory]\ngc_percent = 0", "memory.gc_percent"},
		{"collector percent over 10000", "[memory]\ngc_percent = 20000", "memory.gc_percent"},
		{"memory limit under 64 MiB", "[memory]\nlimit_bytes = 1000000", "memory.limit_bytes"},
		{"metrics port not a number", "[metrics]\nlisten = \"127.0.0.1:http\"", "metrics.listen"},
		{"metrics port out of range", "[metrics]\nlisten = \":70000\"", "metrics.listen"},
		{"metrics url", "[metrics]\nlisten = \"http://127.0.0.1:9090\"", "metrics.listen"},
		{"public url without scheme", "[poller]\npublic_url = \"news.example.org\"\n[metrics]\nlisten = \"127.0.0.1:9090\"", "poller.public_url"},
		{"public url ftp", "[poller]\npublic_url = \"ftp://news.example.org\"\n[metrics]\nlisten = \"127.0.0.1:9090\"", "poller.public_url"},
		{"public url with query", "[poller]\npublic_url = \"https://news.example.org/?a=b\"\n[metrics]\nlisten = \"127.0.0.1:9090\"", "poller.public_url"},
		{"public url served by nothing", "[poller]\npublic_url = \"https://news.example.org\"", "poller.public_url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(writeConfig(t, tt.body), nil)
			if err == nil {
				t.Fatal("want an error")
			}
			if !strings.Contains(err.Error(), tt.wantKey) {
				t.Fatalf("error %q does not name %s", err, tt.wantKey)
			}
		})
	}
}

func TestWebhookSettings(t *testing.T) {
	tests := []struct {
		name       string
		body       string
		env        string
		wantSecret string
		webhook    bool
	}{
		{"long poll by default", "[telegram]\ntoken = \"1:x\"", "", "", false},
		{"https", "[telegram]\ntoken = \"1:x\"\nwebhook_url = \"https://bot.example/hook\"\nwebhook_listen = \"127.0.0.1:8443\"\nwebhook_secret = \"file_secret\"", "", "file_secret", true},
		{"http to localhost for tests", "[telegram]\ntoken = \"1:x\"\nwebhook_url = \"http://localhost:9/hook\"\nwebhook_listen = \":0\"", "", "", true},
		{"http to 127.0.0.1 for tests", "[telegram]\ntoken = \"1:x\"\nwebhook_url = \"http://127.0.0.1:9/\"\nwebhook_listen = \"[::1]:8443\"", "", "", true},
		{"secret from the environment wins", "[telegram]\ntoken = \"1:x\"\nwebhook_url = \"https://bot.example/\"\nwebhook_listen = \"127.0.0.1:8443\"\nwebhook_secret = \"file_secret\"", "env-secret", "env-secret", true},
		{"console mode ignores the webhook", "[telegram]\nwebhook_url = \"https://bot.example/\"\nwebhook_listen = \"127.0.0.1:8443\"", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Load(writeConfig(t, tt.body), func(k string) string {
				if k == WebhookSecretEnv {
					return tt.env
				}
				return ""
			})
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Telegram.WebhookSecret != tt.wantSecret || cfg.WebhookMode() != tt.webhook {
				t.Fatalf("secret %q, webhook mode %v; want %q, %v", cfg.Telegram.WebhookSecret, cfg.WebhookMode(), tt.wantSecret, tt.webhook)
			}
		})
	}
}

func TestFieldErrorIsErrInvalid(t *testing.T) {
	_, err := Load(writeConfig(t, "[poller]\nschedule = \"nope\""), nil)
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Key != "poller.schedule" {
		t.Fatalf("err = %#v, want a FieldError for poller.schedule", err)
	}
}

func TestAnyCronSpecIsAccepted(t *testing.T) {
	for _, spec := range []string{"@every 2s", "@every 2m", "@hourly", "*/5 * * * *", "0 */10 * * * *", "30 6 * * mon-fri"} {
		cfg := Defaults()
		cfg.Poller.Schedule = spec
		if err := cfg.Validate(); err != nil {
			t.Errorf("%q: %v", spec, err)
		}
	}
	cfg := Defaults()
	cfg.Poller.Schedule = "@every 2s"
	if w := cfg.Warnings(); len(w) != 1 || !strings.Contains(w[0], "more often than once a minute") {
		t.Errorf("warnings = %v, want one about the short interval", w)
	}
	if w := Defaults().Warnings(); len(w) != 0 {
		t.Errorf("default warnings = %v, want none", w)
	}
}

func TestRetentionZeroKeepsEverything(t *testing.T) {
	cfg, err := Load(writeConfig(t, "[storage]\nretention = \"0s\""), nil)
	if err != nil || cfg.Storage.Retention != 0 {
		t.Fatalf("retention 0s: %v, %v", cfg.Storage.Retention, err)
	}
}

func TestMissingFileIsAnError(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "nope.toml"), nil); err == nil || !strings.Contains(err.Error(), "read config") {
		t.Fatalf("err = %v", err)
	}
}

func TestMetricsListen(t *testing.T) {
	tests := []struct {
		name string
		body string
		want string
	}{
		{"off by default", "", ""},
		{"loopback", "[metrics]\nlisten = \"127.0.0.1:9090\"", "127.0.0.1:9090"},
		{"every address", "[metrics]\nlisten = \":9090\"", ":9090"},
		{"ipv6", "[metrics]\nlisten = \"[::1]:9090\"", "[::1]:9090"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Load(writeConfig(t, tt.body), nil)
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Metrics.Listen != tt.want {
				t.Fatalf("metrics.listen = %q, want %q", cfg.Metrics.Listen, tt.want)
			}
		})
	}
}

func TestWebSubURL(t *testing.T) {
	tests := []struct {
		name string
		cfg  func(*Config)
		want string
	}{
		{"off by default", func(*Config) {}, ""},
		{"webhook origin", func(c *Config) {
			c.Telegram.Token, c.Telegram.WebhookURL, c.Telegram.WebhookListen = "1:x", "https://bot.example:8443/hook/x", "127.0.0.1:8443"
		}, "https://bot.example:8443"},
		{"public url wins", func(c *Config) {
			c.Telegram.Token, c.Telegram.WebhookURL, c.Telegram.WebhookListen = "1:x", "https://bot.example/hook", "127.0.0.1:8443"
			c.Poller.PublicURL = "https://news.example.org/nh/"
		}, "https://news.example.org/nh"},
		{"public url on the metrics listener", func(c *Config) {
			c.Poller.PublicURL, c.Metrics.Listen = "http://news.example.org", "127.0.0.1:9090"
		}, "http://news.example.org"},
		{"console mode serves no webhook", func(c *Config) {
			c.Telegram.WebhookURL, c.Telegram.WebhookListen, c.Poller.PublicURL = "https://bot.example/hook", "127.0.0.1:8443", "https://news.example.org"
		}, ""},
		{"metrics alone is no address", func(c *Config) { c.Metrics.Listen = "127.0.0.1:9090" }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Defaults()
			tt.cfg(&c)
			if err := c.Validate(); err != nil {
				t.Fatal(err)
			}
			if got := c.WebSubURL(); got != tt.want {
				t.Errorf("WebSubURL = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTokenFromAnEnvFileWithLineEnds: the operator's token came through an
// env file written on Windows (NEWSHOUND_TELEGRAM_TOKEN=123:abc\r), and the
// start said only "telegram.token: contains white space", a key their
// configuration did not even hold. White space around the environment's
// token (and webhook secret) is no part of it; within, it is refused,
// naming the variable.
func TestTokenFromAnEnvFileWithLineEnds(t *testing.T) {
	p := writeConfig(t, "[telegram]\ntoken = \"1:file\"\n")
	env := func(tok, secret string) func(string) string {
		return func(k string) string {
			switch k {
			case TokenEnv:
				return tok
			case WebhookSecretEnv:
				return secret
			}
			return ""
		}
	}
	cfg, err := Load(p, env("2:env\r", " s3cret\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Telegram.Token != "2:env" || cfg.Telegram.WebhookSecret != "s3cret" {
		t.Errorf("token %q, secret %q; want them without the line ends", cfg.Telegram.Token, cfg.Telegram.WebhookSecret)
	}
	// A secret with a character Telegram refuses, from the environment: the
	// refusal named only telegram.webhook_secret, which the file did not hold.
	if _, err := Load(p, env("", "bad!secret")); err == nil || !strings.Contains(err.Error(), WebhookSecretEnv) {
		t.Errorf("a bad %s: %v; want it named", WebhookSecretEnv, err)
	}
	// A comment after the token on its line (NEWSHOUND_TELEGRAM_TOKEN=123:abc
	// # prod bot): systemd's EnvironmentFile and docker's --env-file keep
	// it as part of the value, and the refusal said to copy the token
	// again from @BotFather, which would change nothing.
	for _, tok := range []string{"2:env # prod bot", "2:env\t#prod"} {
		_, err := Load(p, env(tok, ""))
		if err == nil || !strings.Contains(err.Error(), TokenEnv) || !strings.Contains(err.Error(), "comment") || !strings.Contains(err.Error(), "a line of its own") {
			t.Errorf("token %q: %v; want the comment named, and that it goes on a line of its own", tok, err)
		}
		if err != nil && strings.Contains(err.Error(), "2:env") {
			t.Errorf("the refusal shows the token: %v", err)
		}
	}
	for _, tc := range []struct{ file, env, want string }{
		{"", "2: env", TokenEnv},
		{"1: file", "", "telegram.token"},
	} {
		_, err := Load(writeConfig(t, "[telegram]\ntoken = \""+tc.file+"\"\n"), env(tc.env, ""))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "white space") {
			t.Errorf("file %q, environment %q: %v; want a refusal naming %s and the white space", tc.file, tc.env, err, tc.want)
		}
	}
}

// TestASourceURLWithoutSchemeSaysWhatToWrite: the operator wrote
// url = "feeds.bbci.co.uk/news/world/rss.xml" in their 40th [[sources]] and
// read "sources[39].url: … is not an http or https URL": the refusal names
// the source and offers the address with https:// before it; a URL listed
// twice names the other source.
func TestASourceURLWithoutSchemeSaysWhatToWrite(t *testing.T) {
	_, err := Load(writeConfig(t, "[[sources]]\nname = \"BBC\"\nurl = \"feeds.bbci.co.uk/news/world/rss.xml\"\n"), nil)
	if err == nil || !strings.Contains(err.Error(), `sources[0].url`) || !strings.Contains(err.Error(), `"BBC"`) ||
		!strings.Contains(err.Error(), `"https://feeds.bbci.co.uk/news/world/rss.xml"`) {
		t.Errorf("err = %v; want it to name sources[0].url, the source BBC and the address with https://", err)
	}
	_, err = Load(writeConfig(t, "[[sources]]\nname = \"a\"\nurl = \"https://x.example/\"\n[[sources]]\nname = \"b\"\nurl = \"https://x.example/\"\n"), nil)
	if err == nil || !strings.Contains(err.Error(), `sources[1].url`) || !strings.Contains(err.Error(), `"a"`) || !strings.Contains(err.Error(), `"b"`) {
		t.Errorf("err = %v; want it to name both sources", err)
	}
}

// A value chosen from a fixed set is accepted in any case, and with white
// space around it, and is then written as the rest of Newshound expects it.
func TestEnumeratedValuesInAnyCase(t *testing.T) {
	cfg, err := Load(writeConfig(t, `
[log]
level = "DEBUG"
format = " Json"
[alerts]
quiet_mode = "Hold"
[summary]
backend = "OpenAI"
endpoint = "https://llm.example/v1"
model = "m"
[[summary.rules]]
name = "r"
pattern = "x"
kind = "Strip_Prefix"
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{cfg.Log.Level, cfg.Log.Format, cfg.Alerts.QuietMode, cfg.Summary.Backend, cfg.Summary.Rules[0].Kind}
	want := []string{"debug", "json", "hold", "openai", "strip_prefix"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("values %q, want %q", got, want)
	}
	for _, body := range []string{"[log]\nlevel = \"Warn\"", "[log]\nlevel = \"ERROR\"", "[log]\nformat = \"TEXT\"", "[alerts]\nquiet_mode = \"SILENT\""} {
		if _, err := Load(writeConfig(t, body), nil); err != nil {
			t.Errorf("%s: %v", body, err)
		}
	}
}

// Two slips a stranger makes with the token, each named with its fix (the
// error said only "is not a bot token"): quotes kept from an env file
// (docker run --env-file, Kubernetes) and the "bot" of the API's URL copied
// with it. The key named is where the token came from, and the error never
// shows the token.
func TestTokenSlipsNamed(t *testing.T) {
	const tok = "123456789:AAF1xSecret_part-2"
	for _, c := range []struct {
		name, file, env, key, want string
	}{
		{"env in double quotes", "", `"` + tok + `"`, TokenEnv, "quotes"},
		{"env in single quotes", "", "'" + tok + "'", TokenEnv, "quotes"},
		{"file in quotes", "[telegram]\ntoken = '\"" + tok + "\"'\n", "", "telegram.token", "quotes"},
		{"env with bot", "", "bot" + tok, TokenEnv, `starts with "bot"`},
		{"file with bot", "[telegram]\ntoken = \"bot" + tok + "\"\n", "", "telegram.token", `starts with "bot"`},
		// The variable's name written twice (Environment=NAME=NAME=…, a
		// compose list), and a reference nothing expanded: "is not a bot
		// token" named neither.
		{"env with its name", "", TokenEnv + "=" + tok, TokenEnv, "holds a variable's name too, " + TokenEnv + "=, before the token"},
		{"env with another name", "", "TELEGRAM_TOKEN=\"" + tok + "\"", TokenEnv, "holds a variable's name too, TELEGRAM_TOKEN="},
		{"env unexpanded", "", "${TELEGRAM_TOKEN}", TokenEnv, "a variable reference that nothing expanded"},
		{"env unexpanded, Kubernetes", "", "$(BOT_TOKEN)", TokenEnv, "a variable reference that nothing expanded"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load(writeConfig(t, c.file), func(k string) string {
				if k == TokenEnv {
					return c.env
				}
				return ""
			})
			if err == nil {
				t.Fatal("accepted")
			}
			if !strings.HasPrefix(err.Error(), c.key+": ") || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q, want it to name %s and say %q", err, c.key, c.want)
			}
			if strings.Contains(err.Error(), "AAF1xSecret") {
				t.Errorf("error %q shows the token", err)
			}
		})
	}
}

// A -config that names no file, or a folder: the error said "read config:
// open nope.toml: no such file or directory" and "read /etc/newshound: is a
// directory"; it says what to give -config, and where a relative path was
// looked for.
func TestUnreadableConfigNamesTheFix(t *testing.T) {
	dir := t.TempDir()
	_, err := Load(filepath.Join(dir, "nope.toml"), nil)
	if err == nil || !strings.Contains(err.Error(), "read config") || !strings.Contains(err.Error(), "config.example.toml") {
		t.Errorf("missing file: %v, want the fix named", err)
	}
	_, err = Load("surely-not-here.toml", nil)
	wd, werr := os.Getwd()
	if werr != nil {
		t.Fatal(werr)
	}
	if err == nil || !strings.Contains(err.Error(), "working folder, "+wd) {
		t.Errorf("missing relative file: %v, want the working folder named", err)
	}
	_, err = Load(dir, nil)
	if err == nil || !strings.Contains(err.Error(), "is a folder") || !strings.Contains(err.Error(), filepath.Join(dir, "newshound.toml")) {
		t.Errorf("a folder: %v, want the file in it asked for", err)
	}
}

// A configuration file the bot's user may not read (a 0600 file of the
// operator's, mounted into the container or read by systemd's DynamicUser)
// says chmod 0644, not only "permission denied".
func TestUnreadableConfigSaysChmod(t *testing.T) {
	p := writeConfig(t, "[storage]\npath = \"x.db\"\n")
	if err := os.Chmod(p, 0o000); err != nil {
		t.Fatal(err)
	}
	if f, err := os.Open(p); err == nil { // root reads anything
		f.Close()
		t.Skip("running as root: every file is readable")
	}
	_, err := Load(p, nil)
	if err == nil || !strings.Contains(err.Error(), "chmod 0644") {
		t.Errorf("unreadable file: %v, want chmod named", err)
	}
}

// A feed's password holding # or / made the URL unreadable, and the error
// printed it whole, password and all, into the journal, saying only "is
// not an http or https URL". The password is masked in every source error,
// and such a URL is told to percent-encode it.
func TestSourceURLErrorsMaskThePassword(t *testing.T) {
	for _, c := range []struct {
		name, sources, want string
	}{
		{"hash", "[[sources]]\nname = \"a\"\nurl = \"https://reader:s3cr#et@feeds.example/rss\"\n", "%23"},
		{"slash", "[[sources]]\nname = \"a\"\nurl = \"https://reader:s3cr/et@feeds.example/rss\"\n", "%2F"},
		{"twice", "[[sources]]\nname = \"a\"\nurl = \"https://reader:s3cret@feeds.example/rss\"\n[[sources]]\nname = \"b\"\nurl = \"https://reader:s3cret@feeds.example/rss\"\n", "listed twice"},
		{"ca_file on http", "[[sources]]\nname = \"a\"\nurl = \"http://reader:s3cret@feeds.example/rss\"\nca_file = \"/etc/ca.pem\"\n", "not https"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load(writeConfig(t, c.sources), nil)
			if err == nil {
				t.Fatal("accepted")
			}
			if strings.Contains(err.Error(), "s3cr") {
				t.Errorf("the error shows the password: %v", err)
			}
			if !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "reader:xxxxx@") {
				t.Errorf("error %q, want %q and the masked URL", err, c.want)
			}
		})
	}
}

// digest.timezone and digest.time as a chat's /timezone and /digest take
// them ("Moscow", "europe/berlin", "8am") were refused with the format
// alone; the refusal writes the value to put.
func TestDigestDefaultsSayWhatToWrite(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"[digest]\ntimezone = \"Moscow\"\n", `write "Europe/Moscow"`},
		{"[digest]\ntimezone = \"europe/berlin\"\n", `write "Europe/Berlin"`},
		{"[digest]\ntime = \"8am\"\n", `write "08:00"`},
		{"[digest]\ntime = \"7:30pm\"\n", `write "19:30"`},
	} {
		_, err := Load(writeConfig(t, c.text), nil)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want it to say %s", c.text, err, c.want)
		}
	}
	if _, err := Load(writeConfig(t, "[digest]\ntimezone = \"Local\"\n"), nil); err == nil || strings.Contains(err.Error(), "write") {
		t.Errorf("Local: %v, want it refused as no zone", err)
	}
}

// A cron spec of six fields counts seconds first: "* * * * * *" polled
// every second with no word, while "@every 10s" was warned of. Any spec
// whose runs come less than a minute apart is.
func TestFrequentScheduleWarned(t *testing.T) {
	for spec, want := range map[string]string{
		"* * * * * *":    "every 1s",
		"*/15 * * * * *": "every 15s",
		"@every 10s":     "every 10s",
		"*/5 * * * *":    "",
		"@every 2m":      "",
		"0 * * * * *":    "",
	} {
		cfg := Defaults()
		cfg.Poller.Schedule = spec
		if err := cfg.Validate(); err != nil {
			t.Fatalf("%q: %v", spec, err)
		}
		got := strings.Join(cfg.Warnings(), "\n")
		if want == "" && strings.Contains(got, "poller.schedule") || want != "" && !strings.Contains(got, want) {
			t.Errorf("%q: warnings %q, want %q", spec, got, want)
		}
	}
}

// Paths a stranger writes as in a shell or for SQLite: "~/newshound.db"
// made the start say to create a folder named "~" in the working folder;
// ":memory:" failed with "no such table: sources"; a "file:" URI was read
// as a folder named "file:". Each is refused naming the key and the path
// to write.
func TestPathsNoShellOrSQLiteReads(t *testing.T) {
	home, err := os.UserHomeDir()
	if err != nil {
		t.Skip("no home folder to expect")
	}
	for _, c := range []struct{ text, key, want string }{
		{"[storage]\npath = \"~/newshound.db\"\n", "storage.path", filepath.Join(home, "newshound.db")},
		{"[storage]\npath = \":memory:\"\n", "storage.path", "no file name"},
		{"[storage]\npath = \"file:nh.db?mode=rwc\"\n", "storage.path", "no file name"},
		{"[log]\nfile = \"~/logs/nh.log\"\n", "log.file", filepath.Join(home, "logs", "nh.log")},
		{"[[sources]]\nname = \"x\"\nurl = \"https://intranet.example/rss\"\nca_file = \"~/ca.pem\"\n", "sources[0].ca_file", filepath.Join(home, "ca.pem")},
	} {
		_, err := Load(writeConfig(t, c.text), nil)
		if err == nil || !strings.HasPrefix(err.Error(), c.key+": ") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %s refused naming %q", c.text, err, c.key, c.want)
		}
	}
}

// A webhook_url on a port Telegram does not post to (8080) started, was
// refused by setWebhook and stopped, again at every restart. It is refused
// at once naming the ports; a local Bot API server (another api_endpoint)
// takes any port.
func TestWebhookPortTelegramPostsTo(t *testing.T) {
	base := "[telegram]\ntoken = \"1:x\"\nwebhook_listen = \"127.0.0.1:8443\"\n"
	for _, c := range []struct {
		text string
		ok   bool
	}{
		{base + "webhook_url = \"https://bot.example:8080/hook\"\n", false},
		{base + "webhook_url = \"https://bot.example:8443/hook\"\n", true},
		{base + "webhook_url = \"https://bot.example/hook\"\n", true},
		{base + "webhook_url = \"https://bot.example:8080/hook\"\napi_endpoint = \"http://127.0.0.1:8081/bot%s/%s\"\n", true},
	} {
		_, err := Load(writeConfig(t, c.text), nil)
		if c.ok && err != nil {
			t.Errorf("%q: %v", c.text, err)
		}
		if !c.ok && (err == nil || !strings.Contains(err.Error(), "telegram.webhook_url") || !strings.Contains(err.Error(), "443, 80, 88 or 8443")) {
			t.Errorf("%q: %v, want the port refused", c.text, err)
		}
	}
}

// A schedule written as a person says it ("2m", "every 2m", "@every 2
// minutes", "@evry 2m") got the cron parser's words ("expected 5 to 6 fields,
// found 1: [2m]", "time: unknown unit \" minutes\""): the refusal offers the
// spec to write.
func TestScheduleMistakesSayWhatToWrite(t *testing.T) {
	for _, tt := range []struct{ schedule, want string }{
		{"2m", `write "@every 2m"`},
		{"every 2m", `write "@every 2m"`},
		{"every 5 minutes", `write "@every 5m"`},
		{"@every 2 minutes", `write "@every 2m"`},
		{"@every 1 hour", `write "@every 1h"`},
		{"@evry 2m", `write "@every 2m"`},
		{"@every 1d", `write "@every 24h"`},
	} {
		_, err := Load(writeConfig(t, "[poller]\nschedule = \""+tt.schedule+"\""), nil)
		if err == nil || !strings.Contains(err.Error(), "poller.schedule") || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("schedule %q: %v; want %s", tt.schedule, err, tt.want)
		}
	}
	if _, err := Load(writeConfig(t, "[poller]\nschedule = \"61 * * * *\""), nil); err == nil || strings.Contains(err.Error(), "@every") {
		t.Errorf("a cron spec with a wrong field: %v; want the parser's reason, no @every guess", err)
	}
}

// digest.timezone = "+03:00": /timezone takes a UTC offset for a chat and
// stores it as such, and the digest follows it, but the configuration's
// default for new chats refused it with 'is not an IANA time zone such as
// "Europe/Berlin"'. An offset written as /timezone stores it is taken; one
// written otherwise is answered with that form.
func TestDigestTimezoneTakesAUTCOffset(t *testing.T) {
	cfg, err := Load(writeConfig(t, "[digest]\ntimezone = \"+03:00\""), nil)
	if err != nil {
		t.Fatalf("+03:00: %v", err)
	}
	if cfg.Digest.Timezone != "+03:00" {
		t.Errorf("timezone %q, want +03:00", cfg.Digest.Timezone)
	}
	for _, tz := range []string{"+3", "UTC+3", "+03"} {
		if _, err := Load(writeConfig(t, "[digest]\ntimezone = \""+tz+"\""), nil); err == nil || !strings.Contains(err.Error(), `write "+03:00"`) {
			t.Errorf("%s: %v; want +03:00 offered", tz, err)
		}
	}
	if _, err := Load(writeConfig(t, "[digest]\ntimezone = \"+15:00\""), nil); err == nil || !strings.Contains(err.Error(), "digest.timezone") {
		t.Errorf("+15:00: %v; want it refused", err)
	}
}

// A bot on Telegram whose telegram.admins is empty has no operator: nobody
// may add sources or see /status, and nothing at start said so; the first
// hint came as a refusal of /addsource. The start warns, with how to learn
// one's id. The console (no token) is its own operator and is not warned.
func TestNoOperatorsIsWarned(t *testing.T) {
	cfg := Defaults()
	cfg.Telegram.Token = "1:x"
	got := strings.Join(cfg.Warnings(), "\n")
	for _, want := range []string{"telegram.admins is empty", "/id"} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings %q lack %q", got, want)
		}
	}
	cfg.Telegram.Admins = []int64{42}
	if got := strings.Join(cfg.Warnings(), "\n"); strings.Contains(got, "telegram.admins") {
		t.Errorf("an operator is set, yet: %q", got)
	}
}

// Two [[sources]] blocks with one name were taken silently: alerts and
// /sources then show both alike. One name for two feeds of a site may be
// meant (a query's source: names both), so the start warns, naming both
// places and both URLs (a password masked); the same URL twice stays
// refused.
func TestSameSourceNameIsWarned(t *testing.T) {
	cfg, err := Load(writeConfig(t, "[[sources]]\nname = \"BBC\"\nurl = \"https://feeds.example/world\"\n"+
		"[[sources]]\nname = \"Other\"\nurl = \"https://other.example/rss\"\n"+
		"[[sources]]\nname = \"bbc \"\nurl = \"https://reader:s3cret@feeds.example/tech\"\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(cfg.Warnings(), "\n")
	for _, want := range []string{`sources[2].name "bbc " is also sources[0].name`, "https://feeds.example/world", "https://reader:xxxxx@feeds.example/tech", "own name"} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings %q lack %q", got, want)
		}
	}
	if strings.Contains(got, "s3cret") || strings.Contains(got, "Other") {
		t.Errorf("warnings show a password or a source named once: %q", got)
	}
}

// A stranger wrote one feed twice, https://Example.com/feed and
// https://example.com:443/feed#top: the same-URL check compared the text, so
// it was fetched and stored twice without a word. Only the normalisations
// no server can tell apart make two URLs one feed; a trailing slash, a
// query or another login stay two.
func TestSameFeedWrittenTwiceIsWarned(t *testing.T) {
	for _, tt := range []struct {
		name, a, b string
		same       bool
	}{
		{"host case", "https://Example.com/feed", "https://example.com/feed", true},
		{"scheme case", "HTTP://example.com/feed", "http://example.com/feed", true},
		{"https default port", "https://example.com:443/feed", "https://example.com/feed", true},
		{"http default port", "http://example.com:80/feed", "http://example.com/feed", true},
		{"empty path", "https://example.com", "https://example.com/", true},
		{"fragment", "https://example.com/feed#top", "https://example.com/feed", true},
		{"IPv6 default port", "http://[::1]:80/feed", "http://[::1]/feed", true},
		{"trailing slash", "https://example.com/feed/", "https://example.com/feed", false},
		{"path case", "https://example.com/Feed", "https://example.com/feed", false},
		{"query", "https://example.com/feed?page=2", "https://example.com/feed", false},
		{"scheme", "http://example.com/feed", "https://example.com/feed", false},
		{"other port", "https://example.com:8443/feed", "https://example.com/feed", false},
		{"another login", "https://a:x@example.com/feed", "https://b:x@example.com/feed", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Load(writeConfig(t, "[[sources]]\nname = \"One\"\nurl = \""+tt.a+"\"\n"+
				"[[sources]]\nname = \"Two\"\nurl = \""+tt.b+"\"\n"), nil)
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Join(cfg.Warnings(), "\n")
			warned := strings.Contains(got, "same feed")
			if warned != tt.same {
				t.Fatalf("%s and %s: warnings %q, want a same-feed warning: %t", tt.a, tt.b, got, tt.same)
			}
			if tt.same {
				for _, want := range []string{`sources[1].url "` + tt.b + `"`, `sources[0].url "` + tt.a + `"`, "keep one"} {
					if !strings.Contains(got, want) {
						t.Errorf("warning %q lacks %q", got, want)
					}
				}
			}
		})
	}
}

// A token of no known slip's shape given in NEWSHOUND_TELEGRAM_TOKEN (the
// config file holding none) was refused as "telegram.token: is not a bot
// token", sending the operator to a file that has no token; the whole Bot
// API URL pasted as the token is named as such, from either place. Neither
// error shows the token.
func TestTokenFromEnvironmentIsNamedAsSuch(t *testing.T) {
	env := func(tok string) func(string) string {
		return func(k string) string {
			if k == TokenEnv {
				return tok
			}
			return ""
		}
	}
	for _, tt := range []struct {
		tok, want string
	}{
		{"notatoken", TokenEnv + ": is not a bot token"},
		{"https://api.telegram.org/bot987654:AAFxyz-_q/getMe", TokenEnv + ": is a Bot API URL, not the token"},
	} {
		_, err := Load(writeConfig(t, ""), env(tt.tok))
		if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "telegram.token") || strings.Contains(err.Error(), "AAFxyz") {
			t.Errorf("%s from the environment: %v, want %q", tt.tok, err, tt.want)
		}
	}
	_, err := Load(writeConfig(t, "[telegram]\ntoken = \"https://api.telegram.org/bot987654:AAFxyz-_q/\"\n"), nil)
	if err == nil || !strings.Contains(err.Error(), "telegram.token: is a Bot API URL") || strings.Contains(err.Error(), "AAFxyz") {
		t.Errorf("a URL in the file: %v", err)
	}
}

// A retention of "24h" was refused as "24h0m0s is below 168h (a week); 0
// keeps everything": a value no one wrote, and a 0 that reads as the number.
// Durations are quoted as written, and the fix is the value to write.
func TestDurationErrorsQuoteTheValueAsWritten(t *testing.T) {
	for _, tt := range []struct{ body, want string }{
		{"[storage]\nretention = \"24h\"", `storage.retention: "24h" is below a week: write at least "168h", or "0s" to keep everything`},
		{"[poller]\nmin_interval = \"90m\"\nmax_interval = \"1h\"", `poller.max_interval: "1h" is below poller.min_interval ("1h30m")`},
		{"[poller]\nhost_gap = \"2h\"", `poller.host_gap: "2h" is out of range`},
		{"[poller]\ntimeout = \"500ms\"", `poller.timeout: "500ms" is below 1s`},
	} {
		_, err := Load(writeConfig(t, tt.body), nil)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v, want %q", tt.body, err, tt.want)
		}
	}
}

// A collector without a percentage is allowed when a limit bounds the heap, and the [memory] keys load as written.
func TestMemoryLoadsTheCollectorTarget(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.toml")
	if err := os.WriteFile(path, []byte("[memory]\ngc_percent = -1\nlimit_bytes = 268435456\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := Load(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Memory != (Memory{GCPercent: -1, LimitBytes: 256 << 20}) {
		t.Errorf("memory = %+v, want off with a 256 MiB limit", cfg.Memory)
	}
	if d := Defaults().Memory; d != (Memory{GCPercent: DefaultGCPercent}) {
		t.Errorf("default memory = %+v, want gc_percent %d and no limit", d, DefaultGCPercent)
	}
}

// The unreadable file's fix said "chmod 0644 FILE", leaving the operator to
// work out which file (a relative -config, a mounted /config/newshound.toml).
// It names the file.
func TestUnreadableConfigNamesTheFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "newshound.toml")
	err := readError(p, &fs.PathError{Op: "open", Path: p, Err: fs.ErrPermission})
	if err == nil || !strings.Contains(err.Error(), "chmod 0644 "+p) {
		t.Errorf("readError = %v, want chmod 0644 %s", err, p)
	}
}
