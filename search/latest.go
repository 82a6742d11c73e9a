package search

import (
	"context"
	"errors"
	"sort"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// Match is an article that Latest found, with the subscription that
// matched it.
type Match struct {
	Article        news.Article
	SubscriptionID int64
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
			arts, err = s.store.SearchRecent(ctx, match, since, 10*LatestCount)
		}
		if q.TermsMatch() == "" || errors.Is(err, news.ErrBadMatch) {
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
			if !seen[a.ID] && q.Match(query.NewDocument(a)) && !copies.seen(a) {
				seen[a.ID], n = true, n+1
				out = append(out, Match{Article: a, SubscriptionID: sub.ID})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Article.PublishedAt.After(out[j].Article.PublishedAt) })
	return out[:min(len(out), LatestCount)], nil
}
