package bot

import (
	"context"
	"errors"

	"github.com/newshound/newshound/news"
)

// handleMembership follows the bot's own membership of a chat: removed,
// blocked or restricted from sending, the chat goes inactive at once (its
// queue dropped, its subscriptions kept), rather than at the next 403 or
// 400 "not enough rights"; added back (or allowed to send again), it is
// active again, and a group the bot has newly joined hears how to start.
func (r *Router) handleMembership(ctx context.Context, in Incoming) {
	status := in.BotStatus
	if status == "restricted" && in.BotMuted {
		status = "kicked" // restricted from sending: as good as removed until the restriction is lifted
	}
	switch status {
	case "left", "kicked":
		err := r.opts.Store.SetChatActive(ctx, in.ChatID, false)
		if err != nil && !errors.Is(err, news.ErrNotFound) {
			r.log.Error("deactivate chat", "chat", in.ChatID, "err", err)
			return
		}
		r.log.Info("removed from a chat, or restricted from sending there; it is inactive until it talks to me again", "chat", in.ChatID, "status", in.BotStatus)
	case "member", "administrator", "creator", "restricted":
		chat, err := r.opts.Store.EnsureChat(ctx, in.ChatID, in.ChatType, in.ChatTitle, r.opts.ChatDefaults)
		if err != nil {
			r.log.Error("ensure chat", "chat", in.ChatID, "err", err)
			return
		}
		if !chat.Active {
			if err := r.opts.Store.SetChatActive(ctx, in.ChatID, true); err != nil {
				r.log.Error("reactivate chat", "chat", in.ChatID, "err", err)
				return
			}
		}
		if (in.ChatType == "group" || in.ChatType == "supergroup") && !inChat(in.BotWas) {
			r.welcome(ctx, in)
		}
	}
}

// inChat reports whether a status is the bot's being in the chat: a
// change from one of these to another (made an administrator, or no longer
// one) is no arrival to welcome.
func inChat(status string) bool {
	switch status {
	case "member", "administrator", "creator", "restricted":
		return true
	}
	return false
}

// welcome greets a group the bot has joined; a group it comes back to
// hears that its subscriptions are still there.
func (r *Router) welcome(ctx context.Context, in Incoming) {
	ctx = withLanguage(ctx, r.chatLanguage(ctx, in))
	t := tr(ctx)
	var subs []news.Subscription
	if r.opts.Subscriptions != nil {
		var err error
		if subs, err = r.opts.Subscriptions.List(ctx, in.ChatID); err != nil {
			r.log.Error("welcome: list subscriptions", "chat", in.ChatID, "err", err)
		}
	}
	if len(subs) > 0 {
		r.reply(ctx, in.ChatID, t.Sprintf("👋 <b>Newshound</b> is back. This chat's subscriptions are still here (%s): /list shows them.",
			t.Count(len(subs), "%d subscriptions")))
		return
	}
	r.reply(ctx, in.ChatID, groupWelcome(ctx))
}

// groupWelcome is what a group hears when the bot joins it, or at /start
// while it has no subscriptions.
func groupWelcome(ctx context.Context) string {
	return tr(ctx).Sprintf("👋 <b>Newshound</b> is here. Group admins can add keyword alerts with " +
		"<code>/subscribe QUERY</code>; everyone can /search the news. Send /help for more.")
}

// ChatMigrator moves a chat to a new id with everything it holds, as
// Telegram moves a group that becomes a supergroup. MigrateChat fails with
// news.ErrNotFound when no chat has the old id (moved already).
type ChatMigrator interface {
	MigrateChat(ctx context.Context, from, to int64) error
	// MovedChat returns the id group from became, kept by MigrateChat
	// across restarts; it fails with news.ErrNotFound when it never moved.
	MovedChat(ctx context.Context, from int64) (int64, error)
}

// handleMigration moves a group that became a supergroup at once, when
// either chat's service message says so, rather than when a send to the old
// id fails: its subscriptions, settings, digest and queue go with it. The
// second of the two messages finds the move done.
func (r *Router) handleMigration(ctx context.Context, in Incoming) {
	if r.opts.Migrator == nil || in.MigrateFrom == 0 || in.MigrateFrom == in.MigrateTo {
		return
	}
	err := r.opts.Migrator.MigrateChat(ctx, in.MigrateFrom, in.MigrateTo)
	if err == nil || errors.Is(err, news.ErrNotFound) {
		r.moved.put(in.MigrateFrom, in.MigrateTo)
	}
	switch {
	case errors.Is(err, news.ErrNotFound):
		r.log.Debug("group migration: moved already, or never a chat of mine", "chat", in.MigrateFrom, "to", in.MigrateTo)
	case err != nil:
		r.log.Error("group migration failed; the next send to the old id moves it", "chat", in.MigrateFrom, "to", in.MigrateTo, "err", err)
	default:
		r.log.Info("group became a supergroup; its subscriptions, settings and queue moved", "chat", in.MigrateFrom, "to", in.MigrateTo)
		if lang := r.chosenLanguage(ctx, in.MigrateTo); lang != "" { // its own menus stayed with the old id
			r.setChatMenus(ctx, in.MigrateTo, "supergroup", lang)
		}
	}
}
