package bot

import (
	"context"
	"fmt"

	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/localtime"
)

// operatorRefusal tells a user who is not an operator how to become one.
func operatorRefusal(p locale.Printer, userID int64) string {
	if userID == 0 {
		return p.Sprintf("Only the operators of this bot can do that. An operator is a user whose Telegram id is in telegram.admins of the configuration.")
	}
	return p.Sprintf("Only the operators of this bot can do that. To be one, add your id %d to telegram.admins in the configuration and restart Newshound.", userID)
}

// cmdID answers with the sender's user id and the chat's id, which
// telegram.admins and the operator's tools need.
func (r *Router) cmdID(ctx context.Context, req request) error {
	text := tr(ctx).Sprintf("Your user id: <code>%d</code>\nThis chat's id: <code>%d</code>", req.in.UserID, req.in.ChatID)
	if req.in.UserID == 0 {
		// An anonymous admin, or a channel's post: whoever wants their id
		// for telegram.admins learns it where they write as themselves.
		text = tr(ctx).Sprintf("This chat's id: <code>%d</code>\n(no user id: the message was sent on behalf of a chat)", req.in.ChatID) +
			"\n" + tr(ctx).Sprintf("Send /id in your private chat with me for your own.")
	}
	r.reply(ctx, req.in.ChatID, text)
	return nil
}

// cmdStatus answers with the bot's progress: sources, polls, the next poll.
func (r *Router) cmdStatus(ctx context.Context, req request) error {
	if r.opts.Status == nil {
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("Status is not available in this setup."))
		return nil
	}
	// Its times are the chat's (/timezone), as every other time the bot tells.
	text, err := r.opts.Status(localtime.WithZone(ctx, req.chat.Timezone))
	if err != nil {
		return err
	}
	text = esc(text)
	if req.chat.Paused { // this chat's own state, which it asks after here too
		text += "\n⏸ " + pausedLine(tr(ctx), req.chat)
	}
	r.reply(ctx, req.in.ChatID, text)
	return nil
}

// cmdVersion answers with the running version.
func (r *Router) cmdVersion(ctx context.Context, req request) error {
	v := tr(ctx).Sprintf("unknown")
	if r.opts.Version != nil {
		v = r.opts.Version(ctx)
	}
	r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("Newshound %s", esc(v)))
	return nil
}

// countOf writes n and the noun, in the plural unless n is 1: "1 stored
// article", "3 stored articles".
func countOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
