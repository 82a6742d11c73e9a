package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/newshound/newshound/config"
)

// unreadEnv returns a warning for each NEWSHOUND_ variable of environ (the
// process's environment, NAME=value) that Newshound does not read, with
// what to do instead: NEWSHOUND_CONFIG or NEWSHOUND_STORAGE_PATH, set in a
// unit or by docker run -e by an operator used to other programs, were
// ignored without a word, the bot running on the built-in configuration or
// another database. The variables the tests read are left alone.
func unreadEnv(environ []string, cfg config.Config) []string {
	read := []string{config.TokenEnv, config.WebhookSecretEnv, cfg.Summary.APIKeyEnv,
		"NEWSHOUND_BENCH_DB", "NEWSHOUND_PREVIEW_DB", "NEWSHOUND_STATIC_BINARY"}
	var out []string
	for _, kv := range environ {
		name, value, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(name, "NEWSHOUND_") || slices.Contains(read, name) || strings.TrimSpace(value) == "" {
			continue
		}
		out = append(out, fmt.Sprintf("%s is set, which Newshound does not read: %s", name, unreadFix(name)))
	}
	slices.Sort(out)
	return out
}

// unreadFix is what to do instead of setting the variable name.
func unreadFix(name string) string {
	key := strings.ToLower(strings.TrimPrefix(name, "NEWSHOUND_"))
	switch {
	case slices.Contains(misnamedTokens, name):
		return "rename it " + config.TokenEnv
	case strings.Contains(key, "config"):
		return "give the configuration file with -config FILE (the systemd unit's ExecStart and the image's CMD do)"
	case strings.Contains(key, "secret"):
		return "the webhook's secret is " + config.WebhookSecretEnv
	case strings.Contains(key, "api_key"):
		return "the summary API's key is read from the variable summary.api_key_env names (" + config.Defaults().Summary.APIKeyEnv + " unless set)"
	}
	if table, rest, ok := strings.Cut(key, "_"); ok && slices.Contains(configTables, table) {
		return "write " + table + "." + rest + " in the configuration file given with -config instead (config.example.toml lists every key)"
	}
	return "only " + config.TokenEnv + ", " + config.WebhookSecretEnv + " and summary.api_key_env's variable are read; every other setting is a key of the configuration file given with -config (config.example.toml lists them)"
}

// configTables are the configuration's tables, which a variable such as
// NEWSHOUND_STORAGE_PATH names with its key.
var configTables = []string{"telegram", "storage", "poller", "sources", "subscriptions", "summary", "alerts", "digest", "log", "metrics", "memory"}
