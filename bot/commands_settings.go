package bot

import (
	"context"
	"strings"

	"github.com/newshound/newshound/localtime"
)

// cmdSettings shows the chat's settings at a glance, each with the command
// that changes it: what a newcomer looks for under /settings.
func (r *Router) cmdSettings(ctx context.Context, req request) error {
	p := tr(ctx)
	chat := req.chat
	lines := []string{"⚙️ <b>" + p.Sprintf("This chat's settings") + "</b>"}
	if r.opts.Languages != nil {
		lines = append(lines, r.languageLine(ctx, req.in)+" /language")
	}
	lines = append(lines, p.Sprintf("🕑 This chat's time zone is <b>%s</b> (it is %s there).",
		esc(localtime.ZoneName(chat.Timezone)), r.now().In(localtime.Location(chat.Timezone)).Format("15:04"))+" /timezone")
	if r.opts.Digests != nil {
		if chat.DigestTime == "" {
			lines = append(lines, p.Sprintf("📰 The daily digest is off. Turn it on with <code>/digest 08:00</code> (any time of day)."))
		} else {
			lines = append(lines, "📰 "+r.digestLine(ctx, chat)+" /digest")
		}
	}
	if r.opts.Settings != nil {
		q, err := r.opts.Settings.Quiet(ctx, req.in.ChatID)
		if err != nil {
			return err
		}
		first, _, _ := strings.Cut(describeQuiet(p, q, chat.DigestTime), "\n")
		if q.Set { // else the line says how to set them
			first += " /quiet"
		}
		lines = append(lines, "🌙 "+first)
	}
	if r.opts.Preview != nil {
		cur, err := r.opts.Preview.Preview(ctx, req.in.ChatID)
		if err != nil {
			return err
		}
		lines = append(lines, "🖼 "+previewNow(p, cur)+" /preview")
	}
	if chat.Paused {
		lines = append(lines, "⏸ "+pausedLine(p, chat))
	}
	r.reply(ctx, req.in.ChatID, strings.Join(lines, "\n"))
	return nil
}
