package news

import (
	"errors"
	"time"
)

// ErrBadMatch is wrapped by search errors that FTS5 raised on the expression
// itself (a syntax error), as opposed to a failing database.
var ErrBadMatch = errors.New("full-text expression rejected")

// Hit is an article found by a full-text search.
type Hit struct {
	Article
	Snippet string // a piece of the text with the matching words marked
}

// Search is a stored /search result, for paging.
type Search struct {
	ID         int64
	ChatID     int64
	Query      string
	ArticleIDs []int64 // best first
	CreatedAt  time.Time
	// Searched is how many of the newest articles the search read when its
	// bound on cost stopped it (Found.Searched); 0 when it read all it needed.
	Searched int
}

// Snippet markers: query.Query.Snippet puts SnippetStart and
// SnippetEnd around each matching word. They are control characters that
// feed text never keeps, so a caller can escape the snippet and then turn
// the markers into tags.
const (
	SnippetStart = "\x02"
	SnippetEnd   = "\x03"
)

// Found is what a full-text search of the store found.
type Found struct {
	IDs []int64 // of the articles found, best first
	// Searched is how many of the newest articles the search read when it
	// stopped at its bound on cost before the oldest, so that an older
	// article may match too; 0 when it read all it needed.
	Searched int
}
