package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/localtime"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
	"github.com/newshound/newshound/search"
	"github.com/newshound/newshound/subscriptions"
	"github.com/newshound/newshound/summarize"
)

// Searcher is what /search, its "More" button, /latest and /trending need:
// the search use cases (search.Service).
type Searcher interface {
	Search(ctx context.Context, chatID int64, query string) (search.Page, error)
	Page(ctx context.Context, chatID, id int64, n int) (search.Page, error)
	Latest(ctx context.Context, subs []news.Subscription) ([]search.Match, error)
	Trending(ctx context.Context) ([]news.Story, error)
	Top(ctx context.Context, query string, n int) ([]news.Article, error) // inline queries
	// Outlets names the other outlets of each article's story (an inline
	// result's "Also:"), in one read for them all.
	Outlets(ctx context.Context, ids []int64) (map[int64][]string, error)
}

// How much of a result a message shows.
const (
	maxStoryNames    = 4
	resultTitleLen   = 200
	resultSnippetLen = 300
)

const noSearch = "Search is not available on this bot."

func (r *Router) cmdSearch(ctx context.Context, req request) error {
	if req.args == "" {
		r.ask(ctx, req, "search", tr(ctx).Sprintf("What should I look for? E.g. <code>/search \"north korea\" missile</code>."))
		return nil
	}
	if r.opts.Search == nil {
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf(noSearch))
		return nil
	}
	p, err := r.opts.Search.Search(ctx, req.in.ChatID, req.args)
	var perr *query.ParseError
	if errors.As(err, &perr) {
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("I can't search for that: %s.", esc(explain(tr(ctx), perr))))
		return nil
	}
	if err != nil {
		return err
	}
	// "kursk or belgorod" searched for both and the word "or": say so.
	note := ""
	if words, fixed := query.OperatorWords(req.args); words != nil {
		note = "\n" + tr(ctx).Sprintf("⚠️ “%s” in small letters is a word to find, not an operator. For the operator, write it in capitals: <code>/search %s</code>.", esc(words[0]), esc(fixed))
	}
	if u := unspacedNote(tr(ctx), req.args); u != "" {
		note += "\n" + u
	}
	note += searchedNote(tr(ctx), p)
	if p.Total == 0 {
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("Nothing I have stored matches <code>%s</code>.", esc(summarize.Clip(oneLine(req.args), 200)))+note)
		return nil
	}
	r.sendSearchPage(ctx, req.in.ChatID, p, note)
	return nil
}

// searchedNote is the line under a search page's heading when the store's
// bound on cost stopped the search (an older article may match too), or "".
func searchedNote(t locale.Printer, p search.Page) string {
	if p.Searched == 0 {
		return ""
	}
	return "\n" + t.Sprintf("ℹ️ Only the newest %d articles were searched.", p.Searched)
}

// oneLine is a query as a heading names it: its words single-spaced on one
// line. A query sent on several lines ("/search kursk", a blank line,
// "deminers"), which reads as the same words, was named with its line
// breaks inside the heading's code span.
func oneLine(q string) string { return strings.Join(strings.Fields(q), " ") }

// sendSearchPage queues one page of a search, with a "More" button when
// more results follow, and note (a line, or "") under its heading.
func (r *Router) sendSearchPage(ctx context.Context, chatID int64, p search.Page, note string) {
	var b strings.Builder
	t := tr(ctx)
	loc := r.chatZone(ctx, chatID)
	b.WriteString(t.Sprintf("🔎 <b>%d–%d of %d</b> for <code>%s</code>", p.First, p.First+len(p.Results)-1, p.Total, esc(summarize.Clip(oneLine(p.Query), 200))) + note + "\n")
	if len(p.Results) == 0 {
		b.WriteString("\n" + t.Sprintf("These articles are gone; try the search again."))
	}
	for i, res := range p.Results {
		a := res.Article
		fmt.Fprintf(&b, "\n%d. %s\n<i>%s · %s</i>\n", p.First+i, linkedTitle(t, a), esc(outletLine(t, a, 80)), agoIn(t, r.opts.Now(), a.PublishedAt, loc))
		if res.Snippet != "" {
			b.WriteString(markSnippet(summarize.Clip(res.Snippet, resultSnippetLen)) + "\n")
		} else if s := firstNonEmpty(a.Summary, a.Text); s != "" {
			b.WriteString(esc(summarize.Clip(s, 200)) + "\n")
		}
	}
	var buttons [][]Button
	if p.More {
		buttons = [][]Button{{{Text: t.Sprintf("More ▸"), Data: r.signIn(ctx, chatID, "more", p.SearchID, int64(p.Number+1))}}}
	}
	r.reply(ctx, chatID, b.String(), buttons...)
}

// pressMore sends the next page of a stored search.
func (r *Router) pressMore(ctx context.Context, in Incoming, chat news.Chat, args []int64) (string, error) {
	if r.opts.Search == nil {
		return tr(ctx).Sprintf(noSearch), nil
	}
	page, n := args[1], int(args[1])
	if page < 1 || page > search.MaxResults {
		n = -1 // the first page came with /search; an expired search still says so first
	}
	p, err := r.opts.Search.Page(ctx, chat.ID, args[0], n)
	switch {
	case errors.Is(err, news.ErrNotFound):
		return tr(ctx).Sprintf("This search has expired. Send /search again."), nil
	case errors.Is(err, search.ErrNoPage):
		return tr(ctx).Sprintf(noticeInvalid), nil
	case err != nil:
		return "", err
	}
	if !r.pages.first(chat.ID, args[0], page, r.opts.Now()) {
		return tr(ctx).Sprintf("Page %d is already above.", page+1), nil
	}
	r.sendSearchPage(r.messageContext(ctx, chat.ID, args[2:]), chat.ID, p, searchedNote(tr(ctx), p))
	return tr(ctx).Sprintf("Page %d", page+1), nil
}

// topicSubscriptions returns the subscriptions of subs whose alerts go to
// forum topic thread, as /list there shows them; all of subs in General
// (thread 0) or in a topic that has none. /latest in a topic listed the
// news of every topic's subscriptions.
func topicSubscriptions(subs []news.Subscription, thread int) []news.Subscription {
	if thread == 0 {
		return subs
	}
	var mine []news.Subscription
	for _, s := range subs {
		if s.ThreadID == thread {
			mine = append(mine, s)
		}
	}
	if len(mine) == 0 {
		return subs
	}
	return mine
}

func (r *Router) cmdLatest(ctx context.Context, req request) error {
	if r.opts.Search == nil {
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf(noSearch))
		return nil
	}
	subs, err := r.opts.Subscriptions.List(ctx, req.in.ChatID)
	if err != nil {
		return err
	}
	if arg := strings.TrimPrefix(req.args, "#"); arg != "" {
		var one []news.Subscription
		for _, s := range subs {
			if fmt.Sprint(s.ID) == arg {
				one = append(one, s)
			}
		}
		if len(one) == 0 {
			// "/latest volcano" by its query, as /mute and /unsubscribe
			// name one: it was "no subscription volcano" beside #1 volcano.
			sub, err := r.opts.Subscriptions.Find(ctx, req.in.ChatID, arg)
			if err != nil && !errors.Is(err, subscriptions.ErrNoSuchSubscription) {
				return err
			}
			if err == nil {
				one = append(one, sub)
			}
		}
		if len(one) == 0 {
			r.reply(ctx, req.in.ChatID, noSubscription(tr(ctx), req.args, 40))
			return nil
		}
		subs = one
	} else {
		subs = topicSubscriptions(subs, req.in.ThreadID)
	}
	if len(subs) == 0 {
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("No subscriptions yet: /subscribe QUERY first, or /search QUERY."))
		return nil
	}
	found, err := r.opts.Search.Latest(ctx, subs)
	if err != nil {
		return err
	}
	if len(found) == 0 {
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("Nothing in the last %d days matches. /search looks further back.", int(search.LatestWindow.Hours()/24)))
		return nil
	}
	t := tr(ctx)
	var b strings.Builder
	b.WriteString("🕑 <b>" + t.Sprintf("Latest") + "</b>\n")
	for i, m := range found {
		fmt.Fprintf(&b, "\n%d. %s\n<i>%s · %s · #%d</i>\n", i+1, linkedTitle(t, m.Article), esc(outletLine(t, m.Article, 80)), agoIn(t, r.opts.Now(), m.Article.PublishedAt, localtime.Location(req.chat.Timezone)), m.SubscriptionID)
		if len(m.Also) > 0 { // the story's other outlets, as its alert names them
			b.WriteString("➕ " + t.Sprintf("Also: %s", esc(alsoList(t, m.Also))) + "\n")
		}
	}
	r.reply(ctx, req.in.ChatID, b.String())
	return nil
}

func (r *Router) cmdTrending(ctx context.Context, req request) error {
	if r.opts.Search == nil {
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf(noSearch))
		return nil
	}
	stories, err := r.opts.Search.Trending(ctx)
	if err != nil {
		return err
	}
	hours := int(search.TrendingWindow.Hours())
	if len(stories) == 0 {
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("No news in the last %d hours.", hours))
		return nil
	}
	t := tr(ctx)
	var b strings.Builder
	b.WriteString(t.Sprintf("🔥 <b>Trending</b> (last %d hours)", hours) + "\n")
	for i, s := range stories {
		names := s.Sources[:min(len(s.Sources), maxStoryNames)]
		for j := range names {
			names[j] = esc(summarize.Clip(names[j], 40))
		}
		more := ""
		if len(s.Sources) > maxStoryNames {
			more = t.Sprintf(" and %d more", len(s.Sources)-maxStoryNames)
		}
		fmt.Fprintf(&b, "\n%d. %s\n<i>%s: %s%s · %s</i>\n", i+1, linkedTitle(t, s.Article), t.Count(len(s.Sources), "%d sources"),
			strings.Join(names, ", "), more, agoIn(t, r.opts.Now(), s.PublishedAt, localtime.Location(req.chat.Timezone)))
	}
	r.reply(ctx, req.in.ChatID, b.String())
	return nil
}
