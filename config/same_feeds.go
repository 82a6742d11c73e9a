package config

import (
	"fmt"

	"github.com/newshound/newshound/news"
)

// sameFeeds warns of [[sources]] blocks whose URLs differ in writing but
// name one feed (news.FeedKey): it would be fetched twice and each article
// stored and listed twice. The same text twice is refused
// (validateSources); these only warned, as a configuration that started
// before keeps starting.
func (c Config) sameFeeds() []string {
	var w []string
	first := map[string]int{}
	for i, s := range c.Sources {
		key := news.FeedKey(s.URL)
		if key == "" {
			continue
		}
		j, ok := first[key]
		if !ok {
			first[key] = i
			continue
		}
		w = append(w, fmt.Sprintf("sources[%d].url %q is the same feed as sources[%d].url %q (%s): they differ only in "+
			"letter case, a default port, an empty path or a #fragment, so it is fetched and stored twice; keep one of the two blocks",
			i, maskPassword(s.URL), j, maskPassword(c.Sources[j].URL), c.Sources[j].Name))
	}
	return w
}
