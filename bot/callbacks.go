package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/subscriptions"
	"github.com/newshound/newshound/summarize"
)

// press is one kind of button: its verb, how many arguments its data
// carries, who may press it, and what it does. run returns the short notice
// shown to the user who pressed it. A press of lang kind may carry one more
// argument, the language of the message its button is under (signIn;
// buttons sent before it have none): run gets it as args[nargs].
type press struct {
	verb   string
	nargs  int
	access access
	run    func(ctx context.Context, in Incoming, chat news.Chat, args []int64) (string, error)
	lang   bool
}

func (r *Router) presses() []press {
	return []press{
		{"rm", 1, chatAdmins, r.pressRemove, true},
		{"mu", 1, chatAdmins, r.pressListMute(true), true},
		{"um", 1, chatAdmins, r.pressListMute(false), true},
		{"mute", 1, chatAdmins, r.pressAlertMute(true), false},
		{"unmute", 1, chatAdmins, r.pressAlertMute(false), false},
		{"more", 2, everyone, r.pressMore, true},
		{"stop", 1, chatAdmins, r.pressStop, true},
		{"keep", 1, chatAdmins, r.pressKeep, true},
		{"ss", 1, chatAdmins, r.pressShareSubscribe, false},
		{"srcs", 1, everyone, r.pressSourcesPage, true},
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
	if !ok || p == nil || (len(cd.args) != p.nargs && !(p.lang && len(cd.args) == p.nargs+1 && knownLang(cd.args[p.nargs]))) {
		// The data is not logged: it is whatever the client sent.
		r.log.Info("callback refused: invalid data", "chat", in.ChatID, "user", in.UserID, "bytes", len(in.Callback.Data))
		return tr(ctx).Sprintf(noticeInvalid)
	}
	chat, err := r.opts.Store.FindChat(ctx, in.ChatID)
	if to, moved := r.movedTo(ctx, in.ChatID); moved && errors.Is(err, news.ErrNotFound) {
		// A button under a message sent before the group became a
		// supergroup: it acts on the supergroup, whose admins it asks.
		in.ChatID, in.ChatType = to, "supergroup"
		chat, err = r.opts.Store.FindChat(ctx, to)
	}
	if errors.Is(err, news.ErrNotFound) {
		return tr(ctx).Sprintf(noticeStale)
	}
	if err != nil {
		r.log.Error("callback: find chat", "chat", in.ChatID, "err", err)
		return tr(ctx).Sprintf(noticeFailed)
	}
	if p.access == chatAdmins {
		// An admin whose check Telegram did not answer (an outage) was
		// told "Only the admins of this chat can do that.", as commands
		// once told them (refusal).
		switch ok, err := r.isChatAdmin(ctx, in); {
		case err != nil:
			return tr(ctx).Sprintf("I could not ask Telegram whether you administer this chat. Please try again in a minute.")
		case !ok:
			return tr(ctx).Sprintf("Only the admins of this chat can do that.")
		}
	} else if refusal := r.refusal(ctx, p.access, in); refusal != "" {
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
	r.refreshList(r.messageContext(ctx, chat.ID, args[1:]), in, chat)
	return tr(ctx).Sprintf("Removed #%d.", sub.ID), nil
}

// pressListMute mutes or unmutes a subscription from /list's buttons.
func (r *Router) pressListMute(muted bool) func(context.Context, Incoming, news.Chat, []int64) (string, error) {
	return func(ctx context.Context, in Incoming, chat news.Chat, args []int64) (string, error) {
		if answer, stop, err := r.setMutedByButton(ctx, chat.ID, args[0], muted); stop {
			return answer, err
		}
		r.refreshList(r.messageContext(ctx, chat.ID, args[1:]), in, chat)
		if muted {
			return tr(ctx).Sprintf("Muted #%d.", args[0]), nil
		}
		return tr(ctx).Sprintf("Unmuted #%d.", args[0]), nil
	}
}

// setMutedByButton mutes or unmutes subscription id of chatID for a pressed
// button. stop says the press ends there: the subscription is gone (answer
// says so) or the store failed (err).
func (r *Router) setMutedByButton(ctx context.Context, chatID, id int64, muted bool) (answer string, stop bool, err error) {
	err = r.opts.Store.SetSubscriptionMuted(ctx, chatID, id, muted)
	if errors.Is(err, news.ErrNotFound) {
		return tr(ctx).Sprintf(noticeGone), true, nil
	}
	return "", err != nil, err
}

// pressAlertMute mutes or unmutes the subscription that an alert names,
// and turns the alert's button into the other one, so that the alert shows
// what the subscription is now and how to undo it (it kept saying "Mute").
func (r *Router) pressAlertMute(muted bool) func(context.Context, Incoming, news.Chat, []int64) (string, error) {
	return func(ctx context.Context, in Incoming, chat news.Chat, args []int64) (string, error) {
		if answer, stop, err := r.setMutedByButton(ctx, chat.ID, args[0], muted); stop {
			return answer, err
		}
		flipped := r.flipMuteButton(ctx, in, args[0], muted)
		switch {
		case muted && flipped: // the alert offers Unmute now
			return tr(ctx).Sprintf("Muted #%d.", args[0]), nil
		case muted:
			return tr(ctx).Sprintf("Muted #%d. Unmute it from /list.", args[0]), nil
		}
		return tr(ctx).Sprintf("Unmuted #%d.", args[0]), nil
	}
}

// buttonEditor edits the keyboard of a sent message; Telegram has it.
type buttonEditor interface {
	EditButtons(ctx context.Context, chatID int64, messageID int, buttons [][]Button) error
}

// flipMuteButton rewrites the pressed alert's keyboard with subscription
// id's button turned to Unmute (muted) or back to Mute. Without the
// keyboard or a transport that edits, the alert stays as it is; a failed
// edit is logged. It reports whether the alert was edited.
func (r *Router) flipMuteButton(ctx context.Context, in Incoming, id int64, muted bool) bool {
	ed, ok := r.opts.Interactor.(buttonEditor)
	if !ok || in.Callback.MessageID == 0 || len(in.Callback.Buttons) == 0 {
		return false
	}
	t := r.alertPrinter(ctx, in.ChatID)
	from, to := fmt.Sprintf("unmute:%d", id), fmt.Sprintf("mute:%d", id)
	if muted {
		from, to = to, from
	}
	// An alert of several subscriptions names each in its button
	// (muteButtons); then the label needs the query.
	named, q := 0, ""
	for _, row := range in.Callback.Buttons {
		for _, b := range row {
			if strings.HasPrefix(b.Data, "mute:") || strings.HasPrefix(b.Data, "unmute:") {
				named++
			}
		}
	}
	if named > 1 {
		q = r.subscriptionQuery(ctx, in.ChatID, id)
	}
	changed := false
	for _, row := range in.Callback.Buttons {
		for i, b := range row {
			if b.Data != from {
				continue
			}
			switch named := q != ""; {
			case muted && named:
				row[i].Text = t.Sprintf("🔔 Unmute “%s”", summarize.Clip(q, 30))
			case muted:
				row[i].Text = t.Sprintf("🔔 Unmute")
			case named:
				row[i].Text = t.Sprintf("🔕 Mute “%s”", summarize.Clip(q, 30))
			default:
				row[i].Text = t.Sprintf("🔕 Mute")
			}
			row[i].Data, changed = to, true
		}
	}
	if !changed {
		return false
	}
	if err := ed.EditButtons(ctx, in.ChatID, in.Callback.MessageID, in.Callback.Buttons); err != nil {
		r.log.Warn("edit alert buttons", "chat", in.ChatID, "err", err)
		return false
	}
	return true
}

// alertPrinter is the printer of the language chatID's alerts speak: its
// chosen one, else English (a group's or channel's until an admin chooses),
// as the sender writes them. The alert's buttons are the whole chat's, so a
// press rewrites them in that language, not in the presser's (a German
// member's press turned an English group alert's button German). Without
// the language setting, or when it cannot be read (logged), it is the
// printer of ctx.
func (r *Router) alertPrinter(ctx context.Context, chatID int64) locale.Printer {
	if r.opts.Languages == nil {
		return tr(ctx)
	}
	chosen, err := r.opts.Languages.Language(ctx, chatID)
	if err != nil {
		r.log.Warn("chat language", "chat", chatID, "err", err)
		return tr(ctx)
	}
	return locale.For(chosen)
}

// knownLang reports whether a button's last argument names a language
// the bot speaks (signIn); anything else there makes the data invalid.
func knownLang(n int64) bool {
	_, ok := argLang(n)
	return ok
}

// messageContext is ctx speaking the language of the message whose button
// was pressed, for rewriting it or sending its next page: the chat's chosen
// one, else the one the button records (rest, what follows its arguments:
// the language the message was sent in, a group's members each seeing
// theirs until it chooses), else ctx's (a button sent before they recorded
// it). The notice of the press stays in the presser's language: only they
// see it. A German member's press turned an English /list German for the
// whole group.
func (r *Router) messageContext(ctx context.Context, chatID int64, rest []int64) context.Context {
	if r.opts.Languages != nil {
		chosen, err := r.opts.Languages.Language(ctx, chatID)
		if err != nil {
			r.log.Warn("chat language", "chat", chatID, "err", err)
		}
		if chosen != "" {
			return withLanguage(ctx, chosen)
		}
	}
	if len(rest) == 1 {
		if lang, ok := argLang(rest[0]); ok {
			return withLanguage(ctx, lang)
		}
	}
	return ctx
}

// subscriptionQuery is the query of the chat's subscription id, "" when
// it has none such or the store fails (logged).
func (r *Router) subscriptionQuery(ctx context.Context, chatID, id int64) string {
	subs, err := r.opts.Subscriptions.List(ctx, chatID)
	if err != nil {
		r.log.Warn("list subscriptions", "chat", chatID, "err", err)
	}
	for _, s := range subs {
		if s.ID == id {
			return s.Query
		}
	}
	return ""
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
