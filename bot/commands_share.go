package bot

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/newshound/newshound/localtime"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/subscriptions"
	"github.com/newshound/newshound/summarize"
)

// Shares keeps the queries behind /share links: an opaque random number
// names each, so a link carries nothing about the chat that shared it.
type Shares interface {
	CreateShare(ctx context.Context, token, query string, expires time.Time) error
	FindShare(ctx context.Context, token string) (query string, expires time.Time, err error)
}

// sharePrefix starts the start parameter of a share link: t.me/<bot>?start=s<token>.
const sharePrefix = "s"

// Answers to share links that do not work.
const (
	shareInvalid = "This share link does not work: it was changed, or it expired. Ask whoever shared it for a new one."
	noShare      = "Sharing subscriptions is not available on this bot."
)

func (r *Router) shareTTL() time.Duration {
	if r.opts.ShareTTL > 0 {
		return r.opts.ShareTTL
	}
	return 30 * 24 * time.Hour
}

// cmdShare answers /share ID with a link that opens the subscription's
// query, its preview and a Subscribe button in anyone's private chat.
func (r *Router) cmdShare(ctx context.Context, req request) error {
	if r.opts.Shares == nil {
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf(noShare))
		return nil
	}
	arg := strings.TrimPrefix(strings.TrimSpace(req.args), "#")
	if arg == "" {
		// "Which one? … with an ID from /list" was the answer in a chat
		// whose /list is empty, and in one with a single subscription.
		only, none, err := r.onlySubscription(ctx, req)
		if err != nil {
			return err
		}
		if none {
			r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("No subscriptions yet. Add one with <code>/subscribe QUERY</code>."))
			return nil
		}
		if only > 0 {
			arg = strconv.FormatInt(only, 10)
		}
	}
	id, err := strconv.ParseInt(arg, 10, 64)
	if err != nil && arg != "" {
		// "/share kursk deminers" by its query, as /mute names one: it
		// was asked "which one?" with the subscription's own words.
		sub, ferr := r.opts.Subscriptions.Find(ctx, req.in.ChatID, arg)
		if ferr != nil && !errors.Is(ferr, subscriptions.ErrNoSuchSubscription) {
			return ferr
		}
		if ferr != nil {
			r.reply(ctx, req.in.ChatID, noSubscription(tr(ctx), arg, 40))
			return nil
		}
		id, err = sub.ID, nil
	}
	if err != nil || id <= 0 {
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("Which one? Send <code>/share ID</code> with an ID from /list."))
		return nil
	}
	subs, err := r.opts.Subscriptions.List(ctx, req.in.ChatID)
	if err != nil {
		return err
	}
	var sub *news.Subscription
	for i := range subs {
		if subs[i].ID == id {
			sub = &subs[i]
		}
	}
	if sub == nil {
		// Digits that are no id of the chat: a query of digits ("737"),
		// as /mute and /unsubscribe read them.
		if found, ferr := r.opts.Subscriptions.Find(ctx, req.in.ChatID, arg); ferr == nil {
			sub = &found
		} else if !errors.Is(ferr, subscriptions.ErrNoSuchSubscription) {
			return ferr
		}
	}
	if sub == nil {
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("This chat has no subscription #%d. See /list.", id))
		return nil
	}
	if r.opts.BotName == "" {
		// A link needs the bot's @username, which getMe gives at start; a
		// link without it (t.me/?start=…) opens nothing. The words work
		// as well as a link.
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("I can't make a share link now: I don't know my own @username (Telegram did not tell me when I started; a restart asks again). Meanwhile, whoever you share it with can send me:\n<code>/subscribe %s</code>",
			esc(summarize.Clip(sub.Query, 200))))
		return nil
	}
	var b [8]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand panics instead)
	token := strconv.FormatUint(binary.BigEndian.Uint64(b[:])>>1, 10)
	expires := r.opts.Now().Add(r.shareTTL())
	if err := r.opts.Shares.CreateShare(ctx, token, sub.Query, expires); err != nil {
		return err
	}
	link := "https://t.me/" + r.opts.BotName + "?start=" + sharePrefix + token
	r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("🔗 Share <code>%s</code> with this link (it works until %s):\n%s",
		esc(summarize.Clip(sub.Query, 200)), tr(ctx).Date(expires.In(localtime.Location(req.chat.Timezone)), "2 Jan 2006"), esc(link)))
	return nil
}

// openShare answers /start with a share link's parameter: the query, what
// it found lately, and a button to subscribe.
func (r *Router) openShare(ctx context.Context, req request, token string) error {
	if r.opts.Shares == nil {
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf(noShare))
		return nil
	}
	q, ok, err := r.findShare(ctx, token)
	if err != nil {
		return err
	}
	if !ok {
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf(shareInvalid))
		return nil
	}
	var b strings.Builder
	b.WriteString(tr(ctx).Sprintf("Someone shared this subscription with you:\n<code>%s</code>", esc(summarize.Clip(q, 500))) + "\n")
	if r.opts.Search != nil {
		if arts, err := r.opts.Search.Top(ctx, q, 3); err == nil && len(arts) > 0 {
			b.WriteString("\n" + tr(ctx).Sprintf("Lately it found:"))
			for _, a := range arts {
				b.WriteString("\n• " + esc(summarize.Clip(a.Title, 200)))
			}
		}
	}
	n, _ := strconv.ParseInt(token, 10, 64)
	r.reply(ctx, req.in.ChatID, b.String(), []Button{{Text: tr(ctx).Sprintf("✅ Subscribe"), Data: r.sign(req.in.ChatID, "ss", n)}})
	return nil
}

// findShare returns the query shared under token; ok is false for a token
// that is malformed, unknown or expired.
func (r *Router) findShare(ctx context.Context, token string) (string, bool, error) {
	if n, err := strconv.ParseInt(token, 10, 64); err != nil || n <= 0 {
		return "", false, nil
	}
	q, expires, err := r.opts.Shares.FindShare(ctx, token)
	switch {
	case errors.Is(err, news.ErrNotFound):
		return "", false, nil
	case err != nil:
		return "", false, err
	case !r.opts.Now().Before(expires):
		return "", false, nil
	}
	return q, true, nil
}

// pressShareSubscribe subscribes the chat to a shared query.
func (r *Router) pressShareSubscribe(ctx context.Context, in Incoming, chat news.Chat, args []int64) (string, error) {
	if r.opts.Shares == nil {
		return tr(ctx).Sprintf(noShare), nil
	}
	q, ok, err := r.findShare(ctx, strconv.FormatInt(args[0], 10))
	if err != nil || !ok {
		return tr(ctx).Sprintf("This share link expired."), err
	}
	res, err := r.opts.Subscriptions.SubscribeIn(ctx, chat.ID, in.ThreadID, q)
	if errors.Is(err, news.ErrLimit) {
		return tr(ctx).Sprintf("This chat has as many subscriptions as it may hold (%d). Remove one with /unsubscribe first.", subscriptionLimit(err)), nil
	}
	if err != nil {
		return "", err
	}
	if !res.Created {
		r.reply(ctx, chat.ID, tr(ctx).Sprintf("You already have this subscription (#%d): <code>%s</code>", res.Subscription.ID, esc(res.Subscription.Query)))
		return tr(ctx).Sprintf("You already have it."), nil
	}
	r.reply(ctx, chat.ID, tr(ctx).Sprintf("✅ Subscribed (#%d): <code>%s</code>", res.Subscription.ID, esc(res.Subscription.Query)))
	return tr(ctx).Sprintf("Subscribed."), nil
}

// onlySubscription returns the ID of the one subscription a command without
// an ID can only mean: this forum topic's only one, else the chat's only
// one (0 when there are several); none reports a chat without any. It
// fails when the subscriptions cannot be listed.
func (r *Router) onlySubscription(ctx context.Context, req request) (only int64, none bool, err error) {
	subs, err := r.opts.Subscriptions.List(ctx, req.in.ChatID)
	if err != nil {
		return 0, false, err
	}
	var here []int64
	for _, s := range subs {
		if s.ThreadID == req.in.ThreadID {
			here = append(here, s.ID)
		}
	}
	switch {
	case len(subs) == 0:
		return 0, true, nil
	case len(here) == 1:
		return here[0], false, nil
	case len(subs) == 1:
		return subs[0].ID, false, nil
	}
	return 0, false, nil
}
