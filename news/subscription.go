package news

import (
	"errors"
	"time"
)

// ErrLimit is returned when a chat already holds as many subscriptions as allowed.
var ErrLimit = errors.New("subscription limit reached")

// Subscription is one stored query of a chat.
type Subscription struct {
	ID     int64
	ChatID int64
	Query  string
	Key    string // canonical form: the same key in one chat is one subscription
	Muted  bool
	// MutedUntil is when a timed mute (/mute kursk 2h) ends by itself;
	// zero when it is not muted or muted until /unmute. A mute that has
	// ended reads as Muted false.
	MutedUntil time.Time
	CreatedAt  time.Time
	ThreadID   int // the forum topic its alerts go to (0: the chat, or General)
}

// Target is a subscription whose chat should hear of a match now.
type Target struct {
	SubscriptionID int64
	ChatID         int64
	ThreadID       int // the forum topic its alerts go to (0: the chat, or General)
	Muted          bool
}
