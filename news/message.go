package news

import "time"

// Alert is one match to queue: the article for the chat, because of the subscription.
type Alert struct {
	ChatID         int64
	ArticleID      int64
	SubscriptionID int64
	// AlsoOnly marks a muted subscription's match: it adds its source to
	// the story's alert the chat has already ("Also: …", an edit, which
	// makes no sound) and never sends an alert of its own.
	AlsoOnly bool
}

// KindEdit is an outbox row that edits a message already sent (an alert
// gaining "Also: <source>"). It is queued at alert priority, after the row it edits.
const KindEdit = "edit"

// Message kinds in the outbox.
const (
	KindReply  = "reply"
	KindAlert  = "alert"
	KindDigest = "digest"
)

// Message is one row of the outbox.
type Message struct {
	ID             int64
	ChatID         int64
	Kind           string
	Priority       int
	ChatType       string // filled by DueMessages, for the per-chat rate
	Text           string // HTML; empty for alerts, which are rendered at send time
	Buttons        string // JSON of an inline keyboard, "" for none
	Silent         bool
	ArticleID      int64
	SubscriptionID int64
	Attempts       int
	NotBefore      time.Time
	CreatedAt      time.Time
	TargetID       int64  // edits of alerts: the row whose sent message this one edits
	EditOf         int    // edits that carry their own Text: Telegram's id of the message they replace
	DocumentName   string // replies sent as a file: its name ("" = a text message); Text is the caption
	Document       []byte // the file's bytes, until the row is sent or dropped
	ThreadID       int    // the forum topic it goes to (0: the chat, or General); alerts take their subscription's
	ReplyTo        int    // Telegram's id of the message it answers (0: none)
	Language       string // replies: the language the text is written in, for the notices the sender adds ("" = the chat's)
}

// MessageState is an outbox row with what became of it, as an edit needs
// to know of the message it edits.
type MessageState struct {
	Message
	Status     string
	TelegramID int   // Telegram's message id once sent
	BundleID   int64 // alerts sent in one burst share the first one's id; 0 = alone
}

// Priorities: lower goes first within a chat.
const (
	PriorityReply  = 0
	PriorityAlert  = 10
	PriorityDigest = 20
)

// Outbox statuses.
const (
	StatusPending = "pending"
	StatusSent    = "sent"
	StatusDropped = "dropped"
	StatusHeld    = "held" // quiet hours in hold mode: left for the digest
)

// OutboxHold is what of the outbox waits past now behind a chat's first
// pending message held back: Burst messages behind an alert held to gather
// a burst of alerts into one list (alerts.burst_max), Retry behind a
// message to be tried again after a failed send; each Until is when the
// first of those heads goes (zero when none is held).
type OutboxHold struct {
	Burst, Retry           int
	BurstUntil, RetryUntil time.Time
}
