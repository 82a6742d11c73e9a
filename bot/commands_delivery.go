package bot

import (
	"context"
	"strings"

	"github.com/newshound/newshound/news"
)

// cmdQuiet shows or sets the chat's quiet hours:
//
//	/quiet                        show them
//	/quiet 23:00-07:00 [silent|hold]  set them (and the mode)
//	/quiet silent | hold          set the mode only
//	/quiet off                    remove them
func (r *Router) cmdQuiet(ctx context.Context, req request) error {
	chat, err := r.opts.Store.FindChatDelivery(ctx, req.in.ChatID)
	if err != nil {
		return err
	}
	fields := strings.Fields(strings.ToLower(req.args))
	start, end, mode := chat.QuietStart, chat.QuietEnd, chat.QuietMode
	switch {
	case len(fields) == 0:
		r.reply(ctx, req.in.ChatID, r.describeQuiet(chat, req.chat.DigestTime == ""))
		return nil
	case len(fields) == 1 && fields[0] == "off":
		start, end = "", ""
	case len(fields) == 1 && (fields[0] == news.QuietSilent || fields[0] == news.QuietHold):
		mode = fields[0]
	case len(fields) <= 2:
		q, err := ParseQuietHours(fields[0])
		if err != nil {
			r.reply(ctx, req.in.ChatID, "I can't read that: "+esc(err.Error())+". Try <code>/quiet 23:00-07:00</code>.")
			return nil
		}
		start, end = clock(q.Start), clock(q.End)
		if len(fields) == 2 {
			if fields[1] != news.QuietSilent && fields[1] != news.QuietHold {
				r.reply(ctx, req.in.ChatID, "After the hours say <code>silent</code> (alerts arrive without a sound) or <code>hold</code> (alerts wait for the digest).")
				return nil
			}
			mode = fields[1]
		}
	default:
		r.reply(ctx, req.in.ChatID, "Try <code>/quiet 23:00-07:00</code>, <code>/quiet 23:00-07:00 hold</code> or <code>/quiet off</code>.")
		return nil
	}
	if err := r.opts.Store.SetChatQuiet(ctx, req.in.ChatID, start, end, mode); err != nil {
		return err
	}
	chat.QuietStart, chat.QuietEnd, chat.QuietMode = start, end, mode
	r.reply(ctx, req.in.ChatID, "✅ "+r.describeQuiet(chat, req.chat.DigestTime == ""))
	return nil
}

// describeQuiet says what the chat's quiet hours are and do, and warns when
// held alerts have no daily digest to go to.
func (r *Router) describeQuiet(chat news.ChatDelivery, digestOff bool) string {
	if _, ok := quietHoursOf(chat.QuietStart, chat.QuietEnd); !ok {
		return "No quiet hours: alerts arrive as they come. Set some with <code>/quiet 23:00-07:00</code>."
	}
	tz := chat.Timezone
	if tz == "" {
		tz = "UTC"
	}
	mode := chat.QuietMode
	if mode == "" {
		mode = r.opts.QuietMode
	}
	what := "alerts arrive without a sound"
	if mode == news.QuietHold {
		what = "alerts are held for the digest"
		if digestOff {
			what += " — but your daily digest is off, so they wait for <code>/digest now</code>; turn it on with <code>/digest 08:00</code>"
		}
	}
	return "Quiet hours " + chat.QuietStart + "–" + chat.QuietEnd + " (" + esc(tz) + "): " + what + ".\n" +
		"Change with <code>/quiet silent</code> or <code>/quiet hold</code>; remove with <code>/quiet off</code>."
}
