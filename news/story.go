package news

import "time"

// Story is a group of articles that tell the same news (articles.story_id),
// as /trending shows it.
type Story struct {
	Article          // the first article of the story within the window
	Sources []string // names of the sources that carried it, distinct
	Count   int      // articles in the window
}

// StoryCandidate is a recent article that a new one may belong with.
type StoryCandidate struct {
	ArticleID    int64
	StoryID      int64 // the story's first article; the article itself when it began the story
	CanonicalURL string
	Signature    []byte    // nil when the article had no text to sign
	PublishedAt  time.Time // when it leaves the window
}
