package news

import (
	"errors"
	"time"
)

// Digest is one queued digest: the record that keeps it from being sent twice.
type Digest struct {
	ID        int64
	ChatID    int64
	Kind      string    // DigestScheduled or DigestNow
	LocalDate string    // YYYY-MM-DD in the chat's zone; "" for DigestNow
	DueAt     time.Time // when it was due
	Since     time.Time // it covers the chat's alerts created in [Since, Until)
	Until     time.Time
	Stories   int   // stories in the window, shown or not
	Messages  int   // outbox rows queued; 0 = nothing sent
	FirstID   int64 // outbox id of the first message; the others follow it
	QueuedAt  time.Time
	ThreadID  int // forum topic its messages go to (a /digest now asked there); 0: the chat or General; not stored
	ReplyTo   int // the message its first message answers (the /digest now command); 0: none; not stored
}

// DigestChat is a chat with a daily digest, as the scheduler sees it.
type DigestChat struct {
	ID         int64
	Timezone   string
	DigestTime string // HH:MM
	CreatedAt  time.Time
	LastDate   string // local date of its latest daily digest, "" for none
}

// DigestContent is what a digest covers, as QueueDigest hands it to the
// function that builds the messages.
type DigestContent struct {
	Since, Until time.Time
	Items        []DigestItem            // oldest alert first
	Sources      map[int64][]StorySource // by StoryID, newest first
}

// DigestItem is one match in a digest's window: an alert with its article,
// source and subscription.
type DigestItem struct {
	StoryID        int64 // the story's first article; the article itself when it has no story
	ArticleID      int64
	SubscriptionID int64
	Query          string
	Title          string
	URL            string
	Summary        string
	SourceName     string
	PublishedAt    time.Time
	AlertedAt      time.Time
}

// Digest kinds.
const (
	DigestScheduled = "scheduled" // the daily digest, one per chat and local date
	DigestNow       = "now"       // asked for with /digest now
)

// ErrDigestExists is returned by QueueDigest when the chat's daily digest for
// that local date is queued already.
var ErrDigestExists = errors.New("digest already queued")

// StorySource is one source that carries a story.
type StorySource struct {
	Name   string
	Latest time.Time // its newest article of the story
}
