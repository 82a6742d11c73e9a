package search

import (
	"context"

	"github.com/newshound/newshound/news"
)

// Trending returns the stories of the last TrendingWindow that the most
// sources carried, most sources first, at most TrendingCount. It fails when
// the store does.
func (s *Service) Trending(ctx context.Context) ([]news.Story, error) {
	return s.store.TrendingStories(ctx, s.now().Add(-TrendingWindow), TrendingCount)
}
