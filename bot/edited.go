package bot

import (
	"context"
	"strings"
	"time"

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
	if !r.edits.first(in.ChatID, in.MessageID) {
		return // a typo fixed in two edits got two answers: one a message is enough
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

// editNoticeTTL is how long an edited message is remembered as answered:
// the edits of a typo come within minutes.
const editNoticeTTL = time.Hour

// editNoticeMax bounds the messages remembered (about 40 bytes each); when
// full, the expired go, then all (a message edited again then gets one
// answer more, which is harmless).
const editNoticeMax = 4096

// editNotices remembers the edited messages answered lately, by chat and
// message id, so that each edited command is answered once however often
// it is edited.
type editNotices struct {
	now  func() time.Time
	seen recentSet[[2]int64]
}

func newEditNotices(now func() time.Time) *editNotices {
	if now == nil {
		now = time.Now
	}
	return &editNotices{now: now, seen: recentSet[[2]int64]{ttl: editNoticeTTL, max: editNoticeMax}}
}

// first reports whether message msg of chat was not answered within
// editNoticeTTL, and remembers it as answered. A message without an id
// (0) is always first.
func (e *editNotices) first(chat int64, msg int) bool {
	if msg == 0 {
		return true
	}
	return e.seen.first([2]int64{chat, int64(msg)}, e.now())
}
