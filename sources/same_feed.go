package sources

import (
	"context"
	"fmt"

	"github.com/newshound/newshound/news"
)

// sameFeed returns the source whose URL is written otherwise but names the
// feed at url (news.FeedKey: host case, a default port, an empty path, a
// #fragment), so that /addsource https://Example.com/feed#top does not add
// https://example.com/feed a second time; false when there is none. It
// fails when the sources cannot be listed.
func (s *Service) sameFeed(ctx context.Context, url string) (news.Source, bool, error) {
	key := news.FeedKey(url)
	if key == "" {
		return news.Source{}, false, nil
	}
	srcs, err := s.opts.Store.ListSources(ctx)
	if err != nil {
		return news.Source{}, false, fmt.Errorf("list sources: %w", err)
	}
	for _, src := range srcs {
		if news.FeedKey(src.URL) == key {
			return src, true, nil
		}
	}
	return news.Source{}, false, nil
}
