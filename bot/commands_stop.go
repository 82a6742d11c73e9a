package bot

import (
	"context"
	"time"

	"github.com/newshound/newshound/news"
)

// stopWindow is how long a /stop confirmation button stays valid.
const stopWindow = 10 * time.Minute

// cmdStop asks for confirmation with a button; nothing is deleted yet.
func (r *Router) cmdStop(ctx context.Context, req request) error {
	subs, err := r.opts.Subscriptions.List(ctx, req.in.ChatID)
	if err != nil {
		return err
	}
	issued := r.opts.Now().Unix()
	t := tr(ctx)
	text := t.Sprintf("⚠️ This deletes everything I keep about this chat: %s, its settings and any queued messages. "+
		"It cannot be undone. Are you sure?", t.Count(len(subs), "%d subscriptions"))
	if len(subs) == 0 { // "0 subscriptions" read as a count gone wrong
		text = t.Sprintf("⚠️ This deletes everything I keep about this chat: its settings and any queued messages (it has no subscriptions). " +
			"It cannot be undone. Are you sure?")
	}
	r.reply(ctx, req.in.ChatID, text,
		[]Button{
			{Text: t.Sprintf("🗑 Yes, delete everything"), Data: r.signIn(ctx, req.in.ChatID, "stop", issued)},
			{Text: t.Sprintf("Cancel"), Data: r.signIn(ctx, req.in.ChatID, "keep", issued)},
		})
	return nil
}

// pressStop deletes the chat, once confirmed in time.
func (r *Router) pressStop(ctx context.Context, in Incoming, chat news.Chat, args []int64) (string, error) {
	issued := time.Unix(args[0], 0)
	if age := r.opts.Now().Sub(issued); age > stopWindow || age < -time.Minute {
		return tr(ctx).Sprintf("This confirmation has expired. Send /stop again."), nil
	}
	mctx := r.messageContext(ctx, chat.ID, args[1:]) // before its language goes with it
	ownMenus := r.hasOwnMenus(ctx, chat.ID)          // likewise
	if err := r.opts.Settings.DeleteChat(ctx, chat.ID); err != nil {
		return "", err
	}
	if ownMenus {
		r.clearChatMenus(ctx, chat.ID, chat.Type)
	}
	r.rewrite(mctx, in, tr(mctx).Sprintf("🗑 Done: I deleted everything I kept about this chat. Send /start to begin again."))
	return tr(ctx).Sprintf("Deleted."), nil
}

// pressKeep cancels a /stop.
func (r *Router) pressKeep(ctx context.Context, in Incoming, chat news.Chat, args []int64) (string, error) {
	mctx := r.messageContext(ctx, chat.ID, args[1:])
	r.rewrite(mctx, in, tr(mctx).Sprintf("Nothing was deleted."))
	return tr(ctx).Sprintf("Cancelled."), nil
}

// rewrite replaces the text of the message whose button was pressed, and
// drops its buttons. The reply cannot go through the outbox when the chat
// was just deleted, so this goes to the transport directly.
func (r *Router) rewrite(ctx context.Context, in Incoming, text string) {
	if r.opts.Interactor == nil || in.Callback.MessageID == 0 {
		return
	}
	if err := r.opts.Interactor.RewriteMessage(ctx, in.ChatID, in.Callback.MessageID, text, nil); err != nil {
		r.log.Warn("rewrite message", "chat", in.ChatID, "err", err)
	}
}
