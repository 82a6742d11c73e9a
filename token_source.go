package main

import (
	"fmt"
	"strings"

	"github.com/newshound/newshound/config"
)

// tokenSource says where the token of cfg, which Telegram refused, came
// from, and the bot id it names (the part before the colon, not secret):
// "check NEWSHOUND_TELEGRAM_TOKEN or telegram.token" left an operator who
// had put the new token in the file still refused, by the old one in the
// environment (/etc/newshound/env, compose's .env), which wins.
func (m *Main) tokenSource(cfg config.Config) string {
	id, _, _ := strings.Cut(cfg.Telegram.Token, ":")
	bot := fmt.Sprintf("bot id %s", id)
	env := ""
	if m.getenv != nil {
		env = strings.TrimSpace(m.getenv(config.TokenEnv))
	}
	file := ""
	if m.configPath != "" {
		fc, _ := config.Load(m.configPath, nil)
		file = fc.Telegram.Token
	}
	switch {
	case env != "" && file != "" && file != env:
		return fmt.Sprintf("the token refused (%s) is %s's, from the environment (systemd: /etc/newshound/env; Docker: -e or compose's .env), which wins over telegram.token in %s: mend the variable or remove it",
			bot, config.TokenEnv, m.configPath)
	case env != "":
		return fmt.Sprintf("the token refused (%s) is %s's, from the environment (systemd: /etc/newshound/env; Docker: -e or compose's .env): put the token @BotFather gave there", bot, config.TokenEnv)
	case m.configPath != "":
		return fmt.Sprintf("the token refused (%s) is telegram.token's in %s: put the token @BotFather gave there (or in %s)", bot, m.configPath, config.TokenEnv)
	}
	return fmt.Sprintf("the token refused (%s)", bot)
}
