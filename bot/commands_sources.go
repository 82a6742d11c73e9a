package bot

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/summarize"
)

// maxURL bounds a URL given to /addsource or found in an OPML list.
const maxURL = 2048

// jobTimeout bounds a background command: discovery, or the checks of an import.
const jobTimeout = 2 * time.Minute

func (r *Router) cmdSources(ctx context.Context, req request) error {
	srcs, err := r.opts.Store.ListSources(ctx)
	if err != nil {
		return err
	}
	if len(srcs) == 0 {
		r.reply(ctx, req.in.ChatID, "No sources yet.")
		return nil
	}
	now := r.opts.Now()
	var b strings.Builder
	b.WriteString("<b>Sources</b>\n")
	for _, s := range srcs {
		fmt.Fprintf(&b, "\n#%d <b>%s</b> (%s)", s.ID, esc(summarize.Clip(s.Name, 80)), esc(summarize.Clip(hostOf(s.URL), 60)))
		switch s.Origin {
		case news.OriginChat:
			b.WriteString(" · added in chat")
		case news.OriginRetired:
			b.WriteString(" · no longer in the configuration, not fetched\n")
			continue
		}
		b.WriteString("\n" + health(now, s, r.opts.NextPoll) + "\n")
	}
	r.reply(ctx, req.in.ChatID, b.String())
	return nil
}

// health is a source's state in one line: when it was fetched, how it
// failed, when it is fetched next: at the poller's first run once its
// backoff (NextFetchAt) is over, when nextPoll says when that is.
func health(now time.Time, s news.Source, nextPoll func(time.Time) time.Time) string {
	due := s.NextFetchAt
	if nextPoll != nil {
		due = nextPoll(maxTime(now, s.NextFetchAt))
	}
	next := "next " + until(now, due)
	switch {
	case s.LastFetchAt.IsZero():
		return "⏳ not fetched yet · " + next
	case s.Failures > 0:
		return fmt.Sprintf("⚠️ failing (%s in a row), last try %s: <i>%s</i> · %s",
			plural(s.Failures, "time"), ago(now, s.LastFetchAt), esc(summarize.Clip(s.LastError, 150)), next)
	}
	return "✅ fetched " + ago(now, s.LastFetchAt) + " · " + next
}

func hostOf(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		return u.Host
	}
	return raw
}

// background runs a slow command (network fetches) off the update loop, two
// at a time; the reply comes through the outbox when it is done. fn's
// context ends after jobTimeout; replies must not use it (see replyAfter).
func (r *Router) background(ctx context.Context, name string, chatID int64, fn func(ctx context.Context) error) {
	r.jobs.Add(1)
	go func() {
		defer r.jobs.Done()
		select {
		case r.jobSlots <- struct{}{}:
		case <-ctx.Done():
			return
		}
		defer func() { <-r.jobSlots }()
		ctx, cancel := context.WithTimeout(ctx, jobTimeout)
		defer cancel()
		if err := fn(ctx); err != nil {
			r.log.Error("command failed", "command", name, "chat", chatID, "err", err)
			r.replyAfter(ctx, chatID, "Sorry, something went wrong on my side. Please try again later.")
		}
	}()
}

// replyAfter queues a reply from a background command, whose context may
// have timed out already (a fetch that took too long still gets its answer).
func (r *Router) replyAfter(ctx context.Context, chatID int64, text string) {
	r.reply(context.WithoutCancel(ctx), chatID, text)
}

func (r *Router) cmdAddSource(ctx context.Context, req request) error {
	chatID := req.in.ChatID
	if r.opts.Feeds == nil {
		r.reply(ctx, chatID, "Adding sources is not available here.")
		return nil
	}
	raw := req.args
	if raw == "" || len(raw) > maxURL || strings.ContainsAny(raw, " \n\t") {
		r.reply(ctx, chatID, "Send <code>/addsource URL</code> with the address of a feed or of a site that links to one.")
		return nil
	}
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	r.background(ctx, "addsource", chatID, func(ctx context.Context) error {
		found, err := r.opts.Feeds.Discover(ctx, raw)
		if msg := fetchProblem(err); msg != "" {
			r.log.Info("addsource: no feed added", "chat", chatID, "err", err)
			r.replyAfter(ctx, chatID, msg)
			return nil
		}
		if s, err := r.opts.Store.FindSourceByURL(ctx, found.URL); err == nil {
			r.replyAfter(ctx, chatID, fmt.Sprintf("That feed is already source #%d, <b>%s</b>.", s.ID, esc(summarize.Clip(s.Name, 80))))
			return nil
		} else if !errors.Is(err, news.ErrNotFound) {
			return err
		}
		s, err := r.opts.Store.UpsertSource(ctx, found.Title, found.URL, "chat")
		if err != nil {
			return err
		}
		r.replyAfter(ctx, chatID, fmt.Sprintf("✅ Added source #%d, <b>%s</b> (%s, %s now). What it holds now is kept for /search; new items alert from the next poll.",
			s.ID, esc(summarize.Clip(s.Name, 80)), esc(summarize.Clip(hostOf(s.URL), 60)), plural(found.Items, "item")))
		return nil
	})
	return nil
}

// fetchProblem turns a failed fetch of a user's URL into a reply, or ""
// for no error. The reply names no address: a refused host stays unnamed.
func fetchProblem(err error) string {
	var se *feeds.StatusError
	var ne net.Error
	switch {
	case err == nil:
		return ""
	case errors.Is(err, feeds.ErrRefusedAddress):
		return "⛔ I can't fetch that address: it is not a public http(s) web address (local, private and cloud-internal networks are off limits)."
	case errors.Is(err, feeds.ErrNoFeed):
		return "I found no feed there: the address is neither RSS, Atom nor JSON Feed, nor a page that links to one."
	case errors.Is(err, feeds.ErrTooLarge):
		return "That document is too large for me."
	case errors.As(err, &se):
		return fmt.Sprintf("The site answered with HTTP status %d.", se.Code)
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()):
		return "The site took too long to answer."
	}
	return "I couldn't fetch that address."
}

func (r *Router) cmdRemoveSource(ctx context.Context, req request) error {
	arg := strings.TrimPrefix(req.args, "#")
	var src news.Source
	var err error
	if id, perr := strconv.ParseInt(arg, 10, 64); perr == nil {
		src, err = r.opts.Store.FindSource(ctx, id)
	} else if arg != "" {
		src, err = r.opts.Store.FindSourceByURL(ctx, arg)
	} else {
		r.reply(ctx, req.in.ChatID, "Which one? Send <code>/removesource ID</code> with an ID from /sources.")
		return nil
	}
	if errors.Is(err, news.ErrNotFound) {
		r.reply(ctx, req.in.ChatID, "There is no source "+esc(summarize.Clip(req.args, 100))+". See /sources.")
		return nil
	}
	if err != nil {
		return err
	}
	if src.Origin == news.OriginConfig {
		r.reply(ctx, req.in.ChatID, fmt.Sprintf("Source #%d comes from the configuration file; remove it there.", src.ID))
		return nil
	}
	if err := r.opts.Store.DeleteSource(ctx, src.ID); err != nil && !errors.Is(err, news.ErrNotFound) {
		return err
	}
	r.reply(ctx, req.in.ChatID, fmt.Sprintf("Removed source #%d, <b>%s</b>, and its stored articles.", src.ID, esc(summarize.Clip(src.Name, 80))))
	return nil
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
