package config

// DefaultSources are the feeds Newshound polls when it runs without a
// configuration file: a few major public world-news feeds, so that the first
// /subscribe has news to match. A configuration file lists its own
// [[sources]] instead (config.example.toml starts with these same ones).
func DefaultSources() []Source {
	return []Source{
		{Name: "BBC News — World", URL: "https://feeds.bbci.co.uk/news/world/rss.xml"},
		{Name: "The Guardian — World", URL: "https://www.theguardian.com/world/rss"},
		{Name: "Al Jazeera", URL: "https://www.aljazeera.com/xml/rss/all.xml"},
		{Name: "NPR — World", URL: "https://feeds.npr.org/1004/rss.xml"},
		{Name: "France 24 — World", URL: "https://www.france24.com/en/rss"},
	}
}
