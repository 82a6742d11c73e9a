package bot

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/sources"
	"github.com/newshound/newshound/summarize"
)

// cmdFetch fetches a source now (/fetch ID): a source backed off for hours
// after failures, or one whose news the chat wants sooner. It answers at
// once what it asked for, then, when the fetch is done, how it went.
func (r *Router) cmdFetch(ctx context.Context, req request) error {
	chatID := req.in.ChatID
	if r.opts.Sources == nil {
		r.reply(ctx, chatID, tr(ctx).Sprintf(noSources))
		return nil
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(req.args, "#"), 10, 64)
	if err != nil {
		r.reply(ctx, chatID, tr(ctx).Sprintf("Which one? Send <code>/fetch ID</code> with an ID from /sources."))
		return nil
	}
	p := tr(ctx)
	src, f, err := r.opts.Sources.FetchNow(ctx, id)
	name := func() string { return esc(summarize.Clip(src.Name, 80)) }
	switch {
	case errors.Is(err, sources.ErrNotFound):
		r.reply(ctx, chatID, noSource(p, req.args))
	case errors.Is(err, sources.ErrRetired):
		r.reply(ctx, chatID, p.Sprintf("Source #%d, <b>%s</b>, is no longer in the configuration: it is not fetched.", src.ID, name()))
	case errors.Is(err, sources.ErrUnavailable):
		r.reply(ctx, chatID, p.Sprintf("Fetching a source now is not available here."))
	case errors.Is(err, sources.ErrNotScheduled):
		r.reply(ctx, chatID, p.Sprintf("Source #%d, <b>%s</b>, is not scheduled yet: new sources are taken up within a minute. Try again then.", src.ID, name()))
	case errors.Is(err, sources.ErrTooSoon) && src.LastError != "":
		r.reply(ctx, chatID, p.Sprintf("Source #%d, <b>%s</b>, was tried less than a minute ago, and failed (see /sources). Try again %s.", src.ID, name(), until(p, r.opts.Now(), f.At)))
	case errors.Is(err, sources.ErrTooSoon):
		r.reply(ctx, chatID, p.Sprintf("Source #%d, <b>%s</b>, was fetched less than a minute ago. Try again %s.", src.ID, name(), until(p, r.opts.Now(), f.At)))
	case err != nil:
		return err
	default:
		if f.Running {
			r.reply(ctx, chatID, p.Sprintf("🔄 Source #%d, <b>%s</b>, is being fetched right now; I'll say how it went.", src.ID, name()))
		} else {
			r.reply(ctx, chatID, p.Sprintf("🔄 Fetching source #%d, <b>%s</b>, now; I'll say how it went.", src.ID, name()))
		}
		r.background(ctx, "fetch", chatID, func(ctx context.Context) error {
			r.fetched(ctx, chatID, src, f.Done)
			return nil
		})
	}
	return nil
}

// fetched waits for the fetch /fetch asked for and says how it went: the
// source's health line, as /sources shows it.
func (r *Router) fetched(ctx context.Context, chatID int64, src news.Source, done <-chan news.Source) {
	p := tr(ctx)
	select {
	case got, ok := <-done:
		if !ok {
			r.replyAfter(ctx, chatID, p.Sprintf("The fetch of source #%d, <b>%s</b>, did not finish (the bot is stopping, or the source was removed).",
				src.ID, esc(summarize.Clip(src.Name, 80))))
			return
		}
		now := r.opts.Now()
		s := sources.StatusOf(now, got)
		if r.opts.Scheduled != nil {
			if at, ok := r.opts.Scheduled(s.ID); ok {
				s.NextFetch = at
			}
		}
		r.replyAfter(ctx, chatID, "#"+strconv.FormatInt(s.ID, 10)+" <b>"+esc(summarize.Clip(s.Name, 80))+"</b>\n"+health(p, now, r.chatZone(ctx, chatID), s))
	case <-ctx.Done():
		r.replyAfter(ctx, chatID, p.Sprintf("The fetch of source #%d, <b>%s</b>, has not finished yet; /sources will show how it went.",
			src.ID, esc(summarize.Clip(src.Name, 80))))
	}
}
