package bot

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/localtime"
	"github.com/newshound/newshound/news"
)

// Alerts are rendered when they are sent, from the article and the
// subscription as they are then: a summary improved meanwhile shows, and an
// alert whose subscription was removed is not sent.

// singleAlert renders one alert, with the story's other sources and a mute
// button; it fails with a *goneError when the article or subscription is gone.
func (s *Sender) singleAlert(ctx context.Context, m news.Message, chat news.ChatDelivery) (*delivery, error) {
	it, sub, err := s.alertParts(ctx, m)
	if err != nil {
		return nil, err
	}
	text := FormatAlert(AlertView{Article: it.Article, Query: sub.Query, Location: localtime.Location(chat.Timezone), Also: it.Also, Language: chat.Language})
	// A subscription muted after its alert was queued: the user asked for
	// quiet, so the alert comes without a sound (and its button unmutes).
	out := Outgoing{ChatID: m.ChatID, Text: text, Silent: m.Silent || sub.Muted, Buttons: alertButtons(chat, []news.Subscription{sub}),
		ThreadID: sub.ThreadID, Preview: linkPreview(chat.Preview, it.Article)}
	return &delivery{head: m, ids: []int64{m.ID}, out: out, lang: chat.Language}, nil
}

// burstAlert renders as many of the members as fit in one message as a
// list. Members whose article or subscription is gone are dropped first
// (when they are still pending). It returns nil when none is left.
func (s *Sender) burstAlert(ctx context.Context, members []news.Message, chat news.ChatDelivery) (*delivery, error) {
	var items []BurstItem
	var subs []news.Subscription
	var keep []news.Message
	var lost []int64
	for _, m := range members {
		it, sub, err := s.alertParts(ctx, m)
		var g *goneError
		if errors.As(err, &g) {
			lost = append(lost, m.ID)
			continue
		}
		if err != nil {
			return nil, err
		}
		if len(subs) > 0 && sub.ThreadID != subs[0].ThreadID {
			continue // another topic's alert: it goes there, later
		}
		items, subs, keep = append(items, it), append(subs, sub), append(keep, m)
	}
	if len(lost) > 0 {
		s.log.Info("alerts dropped: article or subscription gone", "chat", chat.ID, "count", len(lost))
		if err := s.opts.Outbox.MarkManyDropped(ctx, lost, "article or subscription gone"); err != nil {
			return nil, err
		}
	}
	if len(keep) == 0 {
		return nil, nil
	}
	text, n := FormatBurstIn(chat.Language, items)
	// A burst is a list: no link preview, whatever the chat chose.
	d := &delivery{head: keep[0], out: Outgoing{ChatID: chat.ID, Text: text, ThreadID: subs[0].ThreadID}, lang: chat.Language}
	seen := map[int64]bool{}
	var distinct []news.Subscription
	for i, m := range keep[:n] {
		d.ids = append(d.ids, m.ID)
		if !seen[subs[i].ID] {
			seen[subs[i].ID] = true
			distinct = append(distinct, subs[i])
		}
	}
	d.out.Buttons = alertButtons(chat, distinct)
	// Silent when every subscription in it was muted since its alerts were
	// queued; one that was not still rings.
	d.out.Silent = !slices.ContainsFunc(distinct, func(s news.Subscription) bool { return !s.Muted })
	return d, nil
}

// alertButtons are the mute buttons under an alert of subs, none in a
// channel: every reader of a channel saw "🔕 Mute" under each alert, and
// only its admins may press it (they have /mute ID, and the alert's footer
// names the query).
func alertButtons(chat news.ChatDelivery, subs []news.Subscription) [][]Button {
	if chat.Type == "channel" {
		return nil
	}
	return muteButtons(locale.For(chat.Language), subs)
}

// alertParts reads what an alert shows.
func (s *Sender) alertParts(ctx context.Context, m news.Message) (BurstItem, news.Subscription, error) {
	a, err := s.opts.Alerts.FindArticle(ctx, m.ArticleID)
	if errors.Is(err, news.ErrNotFound) {
		return BurstItem{}, news.Subscription{}, gone("article %d is gone", m.ArticleID)
	}
	if err != nil {
		return BurstItem{}, news.Subscription{}, err
	}
	sub, err := s.opts.Alerts.FindSubscription(ctx, m.ChatID, m.SubscriptionID)
	if errors.Is(err, news.ErrNotFound) {
		return BurstItem{}, news.Subscription{}, gone("subscription %d is gone", m.SubscriptionID)
	}
	if err != nil {
		return BurstItem{}, news.Subscription{}, err
	}
	// The story's alerts are kept per forum topic, the subscription's: an
	// alert's outbox row names none (it takes its subscription's).
	also, err := s.opts.Alerts.AlsoSources(ctx, m.ChatID, sub.ThreadID, m.ArticleID)
	if err != nil {
		return BurstItem{}, news.Subscription{}, err
	}
	if len(also) > 0 && strings.TrimSpace(a.Summary) == "" {
		// A headline alone (a feed of titles only) takes the lead of the
		// first other outlet that carried the story: the "Also:" edit
		// completes the alert.
		if a.Summary, err = s.opts.Alerts.AlsoSummary(ctx, m.ChatID, sub.ThreadID, m.ArticleID); err != nil {
			return BurstItem{}, news.Subscription{}, err
		}
	}
	return BurstItem{Article: a, Also: also}, sub, nil
}

// linkPreview is the preview an alert shows for the chat's choice (nil:
// none). Its URL is the article page's own image when the poller fetched
// the page and found one, else the feed's image for the item (an enclosure
// or media:content), else the article's page, whose preview Telegram makes.
func linkPreview(choice string, a news.Article) *LinkPreview {
	target := a.PageImageURL
	if target == "" {
		target = a.ImageURL
	}
	if target == "" {
		target = a.URL
	}
	if choice == "" || target == "" {
		return nil
	}
	// A choice is one word, or a size and "above" ("large above").
	words := strings.Fields(choice)
	return &LinkPreview{URL: target, Small: slices.Contains(words, news.PreviewSmall), Large: slices.Contains(words, news.PreviewLarge),
		Above: slices.Contains(words, news.PreviewAbove)}
}
