package bot

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
	"github.com/newshound/newshound/summarize"
)

// Search limits: results a page shows, results a search keeps for paging,
// FTS5 candidates read before the exact match, and how far back a search
// that FTS5 cannot narrow (source: only) reads.
const (
	pageSize         = 5
	maxResults       = 50
	maxCandidates    = 500
	scanWindow       = 30 * 24 * time.Hour
	scanLimit        = 5000
	latestWindow     = 7 * 24 * time.Hour
	latestCount      = 5
	trendingWindow   = 6 * time.Hour
	trendingCount    = 5
	maxStoryNames    = 4
	resultTitleLen   = 200
	resultSnippetLen = 300
)

func (r *Router) cmdSearch(ctx context.Context, req request) error {
	if req.args == "" {
		r.reply(ctx, req.in.ChatID, "What should I look for? E.g. <code>/search \"north korea\" missile</code>.")
		return nil
	}
	q, err := query.Parse(req.args)
	var perr *query.ParseError
	if errors.As(err, &perr) {
		r.reply(ctx, req.in.ChatID, "I can't search for that: "+esc(perr.Error())+".")
		return nil
	}
	if err != nil {
		return err
	}
	ids, err := r.searchIDs(ctx, q)
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		r.reply(ctx, req.in.ChatID, "Nothing I have stored matches <code>"+esc(summarize.Clip(req.args, 200))+"</code>.")
		return nil
	}
	id, err := r.opts.Store.CreateSearch(ctx, req.in.ChatID, req.args, ids)
	if err != nil {
		return err
	}
	return r.sendSearchPage(ctx, req.in.ChatID, news.Search{ID: id, ChatID: req.in.ChatID, Query: req.args, ArticleIDs: ids}, 0)
}

// searchIDs ranks the stored articles that match q: FTS5 candidates by
// relevance and recency, each confirmed by the query's own matcher. A query
// that FTS5 cannot narrow reads the recent articles instead, newest first.
func (r *Router) searchIDs(ctx context.Context, q *query.Query) ([]int64, error) {
	var ids []int64
	if match := q.FTS5(); match != "" {
		hits, err := r.opts.Store.SearchArticles(ctx, match, maxCandidates)
		if err == nil {
			for _, h := range hits {
				if len(ids) < maxResults && q.Match(query.NewDocument(articleOf(h.Article))) {
					ids = append(ids, h.ID)
				}
			}
			return ids, nil
		}
		if !errors.Is(err, news.ErrBadMatch) {
			return nil, err
		}
		r.log.Warn("search: FTS5 refused the expression; scanning instead", "err", err)
	}
	arts, err := r.opts.Store.ListArticlesSince(ctx, r.opts.Now().Add(-scanWindow), scanLimit)
	if err != nil {
		return nil, err
	}
	for _, a := range arts {
		if len(ids) < maxResults && q.Match(query.NewDocument(articleOf(a))) {
			ids = append(ids, a.ID)
		}
	}
	return ids, nil
}

func articleOf(a news.Article) query.Article {
	return query.Article{Title: a.Title, Text: a.Text, Source: a.SourceName, URL: a.URL}
}

// sendSearchPage queues one page of a search, with a "More" button when
// more results follow.
func (r *Router) sendSearchPage(ctx context.Context, chatID int64, s news.Search, page int) error {
	from := page * pageSize
	to := min(from+pageSize, len(s.ArticleIDs))
	arts, err := r.opts.Store.FindArticles(ctx, s.ArticleIDs[from:to])
	if err != nil {
		return err
	}
	snippets := map[int64]string{}
	if q, err := query.Parse(s.Query); err == nil && q.FTS5() != "" {
		if snippets, err = r.opts.Store.Snippets(ctx, q.FTS5(), s.ArticleIDs[from:to]); err != nil {
			r.log.Warn("search snippets", "chat", chatID, "err", err)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "🔎 <b>%d–%d of %d</b> for <code>%s</code>\n", from+1, from+len(arts), len(s.ArticleIDs), esc(summarize.Clip(s.Query, 200)))
	if len(arts) == 0 {
		b.WriteString("\nThese articles are gone; try the search again.")
	}
	for i, a := range arts {
		fmt.Fprintf(&b, "\n%d. %s\n<i>%s · %s</i>\n", from+i+1, linkedTitle(a), esc(summarize.Clip(a.SourceName, 80)), ago(r.opts.Now(), a.PublishedAt))
		if snip := snippets[a.ID]; snip != "" {
			b.WriteString(markSnippet(summarize.Clip(snip, resultSnippetLen)) + "\n")
		} else if t := firstNonEmpty(a.Summary, a.Text); t != "" {
			b.WriteString(esc(summarize.Clip(t, 200)) + "\n")
		}
	}
	var buttons [][]Button
	if to < len(s.ArticleIDs) {
		buttons = [][]Button{{{Text: "More ▸", Data: r.sign(chatID, "more", s.ID, int64(page+1))}}}
	}
	r.reply(ctx, chatID, b.String(), buttons...)
	return nil
}

// pressMore sends the next page of a stored search.
func (r *Router) pressMore(ctx context.Context, in Incoming, chat news.Chat, args []int64) (string, error) {
	s, err := r.opts.Store.FindSearch(ctx, chat.ID, args[0])
	if errors.Is(err, news.ErrNotFound) {
		return "This search has expired. Send /search again.", nil
	}
	if err != nil {
		return "", err
	}
	page := args[1]
	if page < 1 || page*pageSize >= int64(len(s.ArticleIDs)) {
		return noticeInvalid, nil
	}
	if err := r.sendSearchPage(ctx, chat.ID, s, int(page)); err != nil {
		return "", err
	}
	return fmt.Sprintf("Page %d", page+1), nil
}

func (r *Router) cmdLatest(ctx context.Context, req request) error {
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
			r.reply(ctx, req.in.ChatID, "This chat has no subscription "+esc(summarize.Clip(req.args, 40))+". See /list.")
			return nil
		}
		subs = one
	}
	if len(subs) == 0 {
		r.reply(ctx, req.in.ChatID, "No subscriptions yet: /subscribe QUERY first, or /search QUERY.")
		return nil
	}
	found, err := r.latestMatches(ctx, subs)
	if err != nil {
		return err
	}
	if len(found) == 0 {
		r.reply(ctx, req.in.ChatID, fmt.Sprintf("Nothing in the last %d days matches. /search looks further back.", int(latestWindow.Hours()/24)))
		return nil
	}
	var b strings.Builder
	b.WriteString("🕑 <b>Latest</b>\n")
	for i, m := range found {
		fmt.Fprintf(&b, "\n%d. %s\n<i>%s · %s · #%d</i>\n", i+1, linkedTitle(m.article), esc(summarize.Clip(m.article.SourceName, 80)), ago(r.opts.Now(), m.article.PublishedAt), m.subID)
	}
	r.reply(ctx, req.in.ChatID, b.String())
	return nil
}

type latestMatch struct {
	article news.Article
	subID   int64
}

// latestMatches returns the newest articles of the last week that match
// any of subs, each once, newest first.
func (r *Router) latestMatches(ctx context.Context, subs []news.Subscription) ([]latestMatch, error) {
	since := r.opts.Now().Add(-latestWindow)
	seen := map[int64]bool{}
	var out []latestMatch
	var recent []news.Article // read once, for the queries FTS5 cannot narrow
	for _, s := range subs {
		q, err := query.Parse(s.Query)
		if err != nil {
			continue
		}
		var arts []news.Article
		if match := q.FTS5(); match != "" {
			arts, err = r.opts.Store.SearchRecent(ctx, match, since, 10*latestCount)
		}
		if q.FTS5() == "" || errors.Is(err, news.ErrBadMatch) {
			if recent == nil {
				if recent, err = r.opts.Store.ListArticlesSince(ctx, since, scanLimit); err != nil {
					return nil, err
				}
			}
			arts, err = recent, nil
		}
		if err != nil {
			return nil, err
		}
		n := 0
		for _, a := range arts {
			if n == latestCount {
				break
			}
			if !seen[a.ID] && q.Match(query.NewDocument(articleOf(a))) {
				seen[a.ID], n = true, n+1
				out = append(out, latestMatch{article: a, subID: s.ID})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].article.PublishedAt.After(out[j].article.PublishedAt) })
	return out[:min(len(out), latestCount)], nil
}

func (r *Router) cmdTrending(ctx context.Context, req request) error {
	stories, err := r.opts.Store.TrendingStories(ctx, r.opts.Now().Add(-trendingWindow), trendingCount)
	if err != nil {
		return err
	}
	if len(stories) == 0 {
		r.reply(ctx, req.in.ChatID, "No news in the last 6 hours.")
		return nil
	}
	var b strings.Builder
	b.WriteString("🔥 <b>Trending</b> (last 6 hours)\n")
	for i, s := range stories {
		names := s.Sources[:min(len(s.Sources), maxStoryNames)]
		for j := range names {
			names[j] = esc(summarize.Clip(names[j], 40))
		}
		more := ""
		if len(s.Sources) > maxStoryNames {
			more = fmt.Sprintf(" and %d more", len(s.Sources)-maxStoryNames)
		}
		fmt.Fprintf(&b, "\n%d. %s\n<i>%s: %s%s · %s</i>\n", i+1, linkedTitle(s.Article), plural(len(s.Sources), "source"),
			strings.Join(names, ", "), more, ago(r.opts.Now(), s.PublishedAt))
	}
	r.reply(ctx, req.in.ChatID, b.String())
	return nil
}
