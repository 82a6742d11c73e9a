package config

import (
	"fmt"
	"strings"

	"github.com/newshound/newshound/news"
)

// sameFeeds warns of [[sources]] blocks whose URLs differ in writing but
// name one feed (news.FeedKey): it would be fetched twice and each article
// stored and listed twice. The same text twice is refused
// (validateSources); these only warned, as a configuration that started
// before keeps starting.
//
// Two URLs that differ only in http against https are warned too: a site
// serves one feed under both (and mostly redirects one to the other), so
// each article was stored and alerted as two sources' ("Also: …" naming the
// same outlet), and nothing said why.
func (c Config) sameFeeds() []string {
	var w []string
	first := map[string]int{}
	schemeless := map[string]int{}
	for i, s := range c.Sources {
		key := news.FeedKey(s.URL)
		if key == "" {
			continue
		}
		if j, ok := first[key]; ok {
			w = append(w, fmt.Sprintf("sources[%d].url %q is the same feed as sources[%d].url %q (%s): they differ only in "+
				"letter case, a default port, an empty path or a #fragment, so it is fetched and stored twice; keep one of the two blocks",
				i, maskPassword(s.URL), j, maskPassword(c.Sources[j].URL), c.Sources[j].Name))
			continue
		}
		first[key] = i
		_, rest, _ := strings.Cut(key, "://")
		if j, ok := schemeless[rest]; ok {
			w = append(w, fmt.Sprintf("sources[%d].url %q and sources[%d].url %q (%s) differ only in http and https: a site serves "+
				"one feed under both, so it is fetched and stored twice; keep the https block", i, maskPassword(s.URL), j, maskPassword(c.Sources[j].URL), c.Sources[j].Name))
			continue
		}
		schemeless[rest] = i
	}
	return w
}
