package bot

import (
	"context"
	"encoding/json"
	"errors"
	"time"
)

// WebhookCheckEvery is how often a running webhook asks Telegram
// (getWebhookInfo) whether its posts reach it.
const WebhookCheckEvery = 5 * time.Minute

// webhookInfo is the part of getWebhookInfo's answer the check reads.
type webhookInfo struct {
	URL              string `json:"url"`
	Pending          int    `json:"pending_update_count"`
	LastErrorDate    int64  `json:"last_error_date"`
	LastErrorMessage string `json:"last_error_message"`
}

// watchDeliveries asks Telegram every w.checkEvery, until ctx is done,
// how its posts to the webhook fare, and logs what the operator must mend:
// a failed post since the webhook was set (a reverse proxy that forwards
// the wrong path or port, a certificate Telegram does not trust, nothing
// listening: Telegram keeps the updates and the bot hears nothing, with no
// other sign of it), once per failure Telegram reports; and a webhook that
// another process set to another URL (a second Newshound on the token).
// A failed getWebhookInfo is skipped: the next check asks again.
func (w *Webhook) watchDeliveries(ctx context.Context, since time.Time) {
	logged := since.Unix() - 1 // failures before the webhook was set are old news
	wrongURL := w.opts.URL     // the last other URL told of; none yet
	tick := time.NewTicker(w.checkEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		resp, err := w.tg.send.MakeRequest("getWebhookInfo", nil)
		if err != nil {
			continue
		}
		var info webhookInfo
		if err := json.Unmarshal(resp.Result, &info); err != nil {
			continue
		}
		url := redact(errors.New(w.opts.URL), w.tg.token).Error()
		switch {
		case info.URL == w.opts.URL || info.URL == wrongURL:
		case info.URL == "":
			wrongURL = info.URL
			w.tg.log.Error("Telegram has no webhook for this bot any more: another process removed it (a second Newshound on the same token, long-polling?); stop it, then restart this one",
				"ours", url)
		default:
			wrongURL = info.URL
			w.tg.log.Error("Telegram posts this bot's updates elsewhere: another process set its webhook (a second Newshound on the same token?); stop it, then restart this one",
				"telegram_webhook", redact(errors.New(info.URL), w.tg.token).Error(), "ours", url)
		}
		if info.LastErrorDate > logged {
			logged = info.LastErrorDate
			w.tg.log.Error("Telegram cannot deliver updates to the webhook; the bot receives nothing until it can",
				"telegram_error", info.LastErrorMessage, "pending_updates", info.Pending, "url", url, "listen", w.addr(),
				"fix", "have the reverse proxy forward telegram.webhook_url to telegram.webhook_listen (path included) with its X-Telegram-Bot-Api-Secret-Token header, on port 443, 80, 88 or 8443, with a certificate from a public CA valid for the host")
		}
	}
}
