package search

import (
	"context"
	"fmt"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// Top returns the best n stored articles for text, ranked as Search ranks
// them, without storing a search (inline queries come from no chat). It
// fails with an error wrapping a *query.ParseError when text is not a valid
// query, and with the store's error when the database fails.
func (s *Service) Top(ctx context.Context, text string, n int) ([]news.Article, error) {
	q, err := query.Parse(text)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", text, err)
	}
	ids, err := s.rank(ctx, q)
	if err != nil {
		return nil, err
	}
	if len(ids) > n {
		ids = ids[:n]
	}
	if len(ids) == 0 {
		return nil, nil
	}
	return s.store.FindArticles(ctx, ids)
}
