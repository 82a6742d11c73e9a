package search

import (
	"context"
	"errors"
	"slices"
	"sort"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// Match is an article that Latest found, with the subscription that
// matched it.
type Match struct {
	Article        news.Article
	SubscriptionID int64
	// Also names the other outlets whose articles of the same story matched
	// (one line per story, as an alert's "Also:"), newest first, each once.
	Also []string
}

// Latest returns the newest articles of the last LatestWindow that match
// any of subs, each once (and an article its source re-published under a
// new GUID and URL once), newest first, at most LatestCount. A subscription
// whose query no longer parses is skipped. It fails when the store does.
func (s *Service) Latest(ctx context.Context, subs []news.Subscription) ([]Match, error) {
	since := s.now().Add(-LatestWindow)
	seen, copies := map[int64]bool{}, reprints{}
	var out []Match
	var recent []news.Article // read once, for the queries FTS5 cannot narrow
	for _, sub := range subs {
		q, err := query.ParseStored(sub.Query)
		if err != nil {
			continue
		}
		var arts []news.Article
		if match := q.TermsMatch(); match != "" {
			arts, err = s.store.SearchRecent(ctx, match, q.Scope(), since, 10*LatestCount)
		}
		if scope := q.Scope(); scope != nil && (q.TermsMatch() == "" || errors.Is(err, news.ErrBadMatch)) {
			// A query of sources or addresses alone (site:bbc.co.uk): their
			// articles, not the newest of every source matched.
			arts, err = s.store.ScopeArticles(ctx, scope, since, scanLimit)
		} else if q.TermsMatch() == "" || errors.Is(err, news.ErrBadMatch) {
			if recent == nil {
				if recent, err = s.store.ListArticlesSince(ctx, since, scanLimit); err != nil {
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
			if n == LatestCount {
				break
			}
			if !seen[a.ID] && q.MatchArticle(a) && !copies.seen(a) {
				seen[a.ID], n = true, n+1
				out = append(out, Match{Article: a, SubscriptionID: sub.ID})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Article.PublishedAt.After(out[j].Article.PublishedAt) })
	out, err := s.oneByStory(ctx, out)
	if err != nil {
		return nil, err
	}
	return out[:min(len(out), LatestCount)], nil
}

// oneByStory keeps the newest match of each story and names the outlets of
// the others in its Also: two outlets' reports of one story were two lines
// of /latest, as if it had happened twice (an alert names them in one). It
// fails when the store does.
func (s *Service) oneByStory(ctx context.Context, ms []Match) ([]Match, error) {
	if len(ms) < 2 {
		return ms, nil
	}
	ids := make([]int64, len(ms))
	for i, m := range ms {
		ids[i] = m.Article.ID
	}
	stories, err := s.store.StoriesOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	at := make(map[int64]int, len(ms)) // a story's index in out
	out := ms[:0:0]
	for _, m := range ms {
		story, ok := stories[m.Article.ID]
		if !ok {
			story = m.Article.ID // deleted meanwhile: its own line
		}
		i, seen := at[story]
		if !seen {
			at[story] = len(out)
			out = append(out, m)
			continue
		}
		name := m.Article.OutletName()
		if name != out[i].Article.OutletName() && !slices.Contains(out[i].Also, name) {
			out[i].Also = append(out[i].Also, name)
		}
	}
	return out, nil
}
