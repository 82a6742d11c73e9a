package main

import (
	"context"
	"log/slog"
	"os"
	"time"

	"github.com/newshound/newshound/bot"
	"github.com/newshound/newshound/config"
	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/store"
)

// loadRig is what every load run drives: the fake Telegram enforcing
// Telegram's flood limits, the real Telegram transport and the real sender
// on the store, at the default rates.
type loadRig struct {
	srv    *telegramtest.Server
	enf    *telegramtest.Enforcer
	log    *slog.Logger
	tg     *bot.Telegram
	sender *bot.Sender
	rates  bot.Rates
}

// newLoadRig starts the fake Telegram and builds the transport and sender;
// the caller closes rig.srv. It fails when the transport cannot reach the
// fake.
func newLoadRig(ctx context.Context, o options, st *store.Store) (loadRig, error) {
	srv := telegramtest.NewServer(token)
	enf := telegramtest.NewEnforcer(telegramtest.TelegramLimits(), o.latency)
	srv.Inject(enf.Check)
	level := slog.LevelError
	if o.verbose {
		level = slog.LevelWarn
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	tg, err := bot.NewTelegram(ctx, bot.TelegramOptions{Token: token, Endpoint: srv.Endpoint(), PollTimeout: time.Second, Logger: log})
	if err != nil {
		srv.Close()
		return loadRig{}, err
	}
	def := config.Defaults()
	rates := bot.Rates{GlobalPerSecond: def.Telegram.GlobalPerSecond, ChatPerSecond: def.Telegram.ChatPerSecond, GroupPerMinute: def.Telegram.GroupPerMinute}
	sender := bot.NewSender(bot.SenderOptions{Outbox: st, Alerts: st, Chats: st, Transport: tg, Rates: rates, BurstMax: o.burstMax, Logger: log})
	return loadRig{srv: srv, enf: enf, log: log, tg: tg, sender: sender, rates: rates}, nil
}
