package bot

import (
	"context"
	"strings"

	"github.com/newshound/newshound/summarize"
)

// handleEdit answers a command the user edited: it is not run (running it
// again would act twice, and the first version may have been run already),
// but a user who fixed a typo by editing heard nothing and thought it done.
// The answer says to send it again. Edited plain text, unknown commands and
// commands for other bots get nothing; the command rate applies.
func (r *Router) handleEdit(ctx context.Context, in Incoming) {
	name, _, _, ok := r.parseCommand(in.Text)
	if !ok || r.lookup(name) == nil {
		return
	}
	if allowed, _ := r.rates.allow(in.ChatID); !allowed {
		return
	}
	if _, err := r.opts.Store.EnsureChat(ctx, in.ChatID, in.ChatType, in.ChatTitle, r.opts.ChatDefaults); err != nil {
		r.log.Error("ensure chat", "chat", in.ChatID, "err", err)
		return
	}
	ctx = withLanguage(ctx, r.chatLanguage(ctx, in))
	r.reply(ctx, in.ChatID, tr(ctx).Sprintf("✏️ I don't act on edited messages. To run it, send it again as a new message: <code>%s</code>",
		esc(summarize.Clip(strings.TrimSpace(in.Text), 200))))
}
