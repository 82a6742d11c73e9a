package store

import (
	"context"

	"github.com/newshound/newshound/news"
)

// FindSourceByURL returns the source with this URL, or ErrNotFound.
func (s *Store) FindSourceByURL(ctx context.Context, url string) (news.Source, error) {
	return s.findSource(ctx, `url = ?`, url)
}
