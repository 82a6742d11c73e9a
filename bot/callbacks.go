package bot

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/subscriptions"
	"github.com/newshound/newshound/summarize"
)

// press is one kind of button: its verb, how many arguments its data
// carries, who may press it, and what it does. run returns the short notice
// shown to the user who pressed it.
type press struct {
	verb   string
	nargs  int
	access access
	run    func(ctx context.Context, in Incoming, chat news.Chat, args []int64) (string, error)
}

func (r *Router) presses() []press {
	return []press{
		{"rm", 1, chatAdmins, r.pressRemove},
		{"mu", 1, chatAdmins, r.pressListMute(true)},
		{"um", 1, chatAdmins, r.pressListMute(false)},
		{"mute", 1, chatAdmins, r.pressAlertMute},
		{"more", 2, everyone, r.pressMore},
		{"stop", 1, chatAdmins, r.pressStop},
		{"keep", 1, chatAdmins, r.pressKeep},
		{"ss", 1, chatAdmins, r.pressShareSubscribe},
		{"srcs", 1, everyone, r.pressSourcesPage},
	}
}

// Notices for presses that change nothing.
const (
	noticeInvalid = "This button is not valid."
	noticeStale   = "This button no longer works."
	noticeGone    = "That subscription no longer exists."
	noticeSlow    = "Slow down a little, please."
	noticeFailed  = "Sorry, something went wrong. Please try again later."
)

// handleCallback runs the action of a pressed button and always answers the
// press, so the user's client stops waiting. A forged, foreign or stale
// button changes nothing and gets a short notice.
func (r *Router) handleCallback(ctx context.Context, in Incoming) {
	ctx = withLanguage(ctx, r.chatLanguage(ctx, in))
	notice := r.callbackNotice(ctx, in)
	if r.opts.Interactor == nil {
		return
	}
	if err := r.opts.Interactor.AnswerCallback(ctx, in.Callback.ID, notice); err != nil {
		r.log.Warn("answer callback", "chat", in.ChatID, "err", err)
	}
}

func (r *Router) callbackNotice(ctx context.Context, in Incoming) string {
	if in.ChatID == 0 {
		return tr(ctx).Sprintf(noticeStale)
	}
	if ok, _ := r.rates.allow(in.ChatID); !ok {
		return tr(ctx).Sprintf(noticeSlow)
	}
	cd, ok := r.verify(in.ChatID, in.Callback.Data)
	p := r.lookupPress(cd.verb)
	if !ok || p == nil || len(cd.args) != p.nargs {
		// The data is not logged: it is whatever the client sent.
		r.log.Info("callback refused: invalid data", "chat", in.ChatID, "user", in.UserID, "bytes", len(in.Callback.Data))
		return tr(ctx).Sprintf(noticeInvalid)
	}
	chat, err := r.opts.Store.FindChat(ctx, in.ChatID)
	if errors.Is(err, news.ErrNotFound) {
		return tr(ctx).Sprintf(noticeStale)
	}
	if err != nil {
		r.log.Error("callback: find chat", "chat", in.ChatID, "err", err)
		return tr(ctx).Sprintf(noticeFailed)
	}
	if refusal := r.refusal(ctx, p.access, in); refusal != "" {
		return tr(ctx).Sprintf("Only the admins of this chat can do that.")
	}
	notice, err := p.run(ctx, in, chat, cd.args)
	if err != nil {
		r.log.Error("callback failed", "action", p.verb, "chat", in.ChatID, "err", err)
		return tr(ctx).Sprintf(noticeFailed)
	}
	return notice
}

func (r *Router) lookupPress(verb string) *press {
	for _, p := range r.presses() {
		if p.verb == verb {
			return &p
		}
	}
	return nil
}

// pressRemove removes a subscription from /list's buttons.
func (r *Router) pressRemove(ctx context.Context, in Incoming, chat news.Chat, args []int64) (string, error) {
	sub, err := r.opts.Subscriptions.Unsubscribe(ctx, chat.ID, strconv.FormatInt(args[0], 10))
	if errors.Is(err, subscriptions.ErrNoSuchSubscription) {
		return tr(ctx).Sprintf(noticeGone), nil
	}
	if err != nil {
		return "", err
	}
	r.refreshList(ctx, in, chat)
	return tr(ctx).Sprintf("Removed #%d.", sub.ID), nil
}

// pressListMute mutes or unmutes a subscription from /list's buttons.
func (r *Router) pressListMute(muted bool) func(context.Context, Incoming, news.Chat, []int64) (string, error) {
	return func(ctx context.Context, in Incoming, chat news.Chat, args []int64) (string, error) {
		err := r.opts.Store.SetSubscriptionMuted(ctx, chat.ID, args[0], muted)
		if errors.Is(err, news.ErrNotFound) {
			return tr(ctx).Sprintf(noticeGone), nil
		}
		if err != nil {
			return "", err
		}
		r.refreshList(ctx, in, chat)
		if muted {
			return tr(ctx).Sprintf("Muted #%d.", args[0]), nil
		}
		return tr(ctx).Sprintf("Unmuted #%d.", args[0]), nil
	}
}

// pressAlertMute mutes the subscription that an alert names.
func (r *Router) pressAlertMute(ctx context.Context, in Incoming, chat news.Chat, args []int64) (string, error) {
	err := r.opts.Store.SetSubscriptionMuted(ctx, chat.ID, args[0], true)
	if errors.Is(err, news.ErrNotFound) {
		return tr(ctx).Sprintf(noticeGone), nil
	}
	if err != nil {
		return "", err
	}
	return tr(ctx).Sprintf("Muted #%d. Unmute it from /list.", args[0]), nil
}

// refreshList rewrites the /list message whose button was pressed, through
// the outbox like every other message.
func (r *Router) refreshList(ctx context.Context, in Incoming, chat news.Chat) {
	if in.Callback.MessageID == 0 {
		return
	}
	text, buttons, err := r.renderList(ctx, chat, in.ThreadID)
	if err != nil {
		r.log.Warn("refresh list", "chat", chat.ID, "err", err)
		return
	}
	m := news.Message{ChatID: chat.ID, Kind: news.KindEdit, Priority: news.PriorityReply, Text: summarize.Clip(text, MaxMessage), EditOf: in.Callback.MessageID}
	if len(buttons) > 0 {
		b, _ := json.Marshal(buttons)
		m.Buttons = string(b)
	}
	if _, err := r.opts.Store.Enqueue(ctx, m); err != nil {
		r.log.Warn("refresh list", "chat", chat.ID, "err", err)
		return
	}
	r.opts.Notify()
}
