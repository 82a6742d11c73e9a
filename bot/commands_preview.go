package bot

import (
	"context"
	"errors"

	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/settings"
	"github.com/newshound/newshound/summarize"
)

// Previews reads and sets how a chat's alerts show their link preview (settings.Service).
type Previews interface {
	SetPreview(ctx context.Context, chatID int64, choice string) (string, error)
	Preview(ctx context.Context, chatID int64) (string, error)
}

// previewShown says in words what a stored choice does; none ("") is a
// sentence of its own (previewNow), since "show %s" with "no preview" reads
// wrong in languages that negate the verb ("no muestran ninguna…").
var previewShown = map[string]string{
	"on":          "the article's link preview below the text",
	"large":       "a large link preview below the text",
	"small":       "a small link preview below the text",
	"above":       "the article's link preview above the text",
	"large above": "a large link preview above the text",
	"small above": "a small link preview above the text",
}

const previewUsage = "Send <code>/preview on</code>, <code>off</code>, <code>large</code>, <code>small</code> or <code>above</code>."

// cmdPreview answers /preview [on|off|large|small|above]: alone, the
// chat's choice; with an argument, it sets it. Digests and lists never show previews.
func (r *Router) cmdPreview(ctx context.Context, req request) error {
	if r.opts.Preview == nil {
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("Link previews cannot be changed on this bot."))
		return nil
	}
	if req.args == "" {
		cur, err := r.opts.Preview.Preview(ctx, req.in.ChatID)
		if err != nil {
			return err
		}
		r.reply(ctx, req.in.ChatID, previewNow(tr(ctx), cur)+" "+tr(ctx).Sprintf(previewUsage))
		return nil
	}
	// "/preview groß oben", "/preview выкл": the chat's language's words too.
	v, err := r.opts.Preview.SetPreview(ctx, req.in.ChatID, locale.ArgWords(req.args))
	if errors.Is(err, settings.ErrPreviewChoice) {
		r.reply(ctx, req.in.ChatID, esc(tr(ctx).Sprintf("I don't know the choice %q.", summarize.Clip(req.args, 40)))+" "+tr(ctx).Sprintf(previewUsage))
		return nil
	}
	if err != nil {
		return err
	}
	if v == "" {
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("🖼 From now on alerts here show no link preview."))
		return nil
	}
	r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("🖼 From now on alerts here show %s. Digests and lists never do.", tr(ctx).Sprintf(previewShown[v])))
	return nil
}

// previewNow says how the chat's alerts show their link preview now.
func previewNow(p locale.Printer, cur string) string {
	if cur == "" {
		return p.Sprintf("Alerts here show no link preview.")
	}
	return p.Sprintf("Alerts here show %s.", p.Sprintf(previewShown[cur]))
}
