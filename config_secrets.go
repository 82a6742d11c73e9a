package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/newshound/newshound/config"
)

// readableSecrets returns a warning when the configuration file at path,
// which every user of the machine may read, holds the bot token or the
// webhook secret (not overridden by the environment): any local user could
// take the bot over. It returns "" otherwise, or when the file cannot be
// read, and never shows a secret.
func readableSecrets(path string, cfg config.Config, getenv func(string) string) string {
	if path == "" {
		return ""
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm()&0o004 == 0 {
		return ""
	}
	var keys []string
	if cfg.Telegram.Token != "" && getenv(config.TokenEnv) == "" {
		keys = append(keys, "telegram.token")
	}
	if cfg.Telegram.WebhookSecret != "" && getenv(config.WebhookSecretEnv) == "" {
		keys = append(keys, "telegram.webhook_secret")
	}
	if len(keys) == 0 {
		return ""
	}
	return fmt.Sprintf("%s: %s is readable by every user of this machine (mode %04o): "+
		"move the secret to the environment (%s, %s; under systemd in /etc/newshound/env, mode 0600) and empty the key, or chmod 600 the file (the systemd unit's dynamic user then cannot read it)",
		strings.Join(keys, " and "), path, fi.Mode().Perm(), config.TokenEnv, config.WebhookSecretEnv)
}
