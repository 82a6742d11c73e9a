package news

import "time"

// Article is one item of a source.
type Article struct {
	ID         int64
	SourceID   int64
	SourceName string // filled by reads that join sources
	SourceURL  string
	// Outlet is the outlet an aggregator's item carries (Google News: the
	// item's RSS <source>, "ABC15 Arizona"); "" = the source's own item.
	// An alert names it (OutletName) rather than the aggregator.
	Outlet      string
	GUID        string
	URL         string
	Title       string
	Text        string
	Summary     string
	PublishedAt time.Time
	FetchedAt   time.Time
	Alertable   bool
	// ImageURL is the feed's image for the item (an absolute http or https
	// URL; "" = none): an alert's link preview when PageImageURL is "".
	ImageURL string
	// PageImageURL is the article page's own image (og:image or
	// twitter:image, an absolute http or https URL), known when the page
	// was fetched for its text; "" = none or not fetched. An alert's link
	// preview shows it first.
	PageImageURL string
}

// OutletName returns the name of the outlet whose report a is: its
// Outlet, else its source's name.
func (a Article) OutletName() string {
	if a.Outlet != "" {
		return a.Outlet
	}
	return a.SourceName
}

// ArticleIDs returns the ids of arts, in their order.
func ArticleIDs(arts []Article) []int64 {
	out := make([]int64, len(arts))
	for i, a := range arts {
		out[i] = a.ID
	}
	return out
}
