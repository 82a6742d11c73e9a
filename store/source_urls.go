package store

import "context"

// FindSourceByURL returns the source with this URL, or ErrNotFound.
func (s *Store) FindSourceByURL(ctx context.Context, url string) (Source, error) {
	return s.findSource(ctx, `url = ?`, url)
}
