package news

import "time"

// WebSub subscription states.
const (
	// HubSubscribing: a subscription not verified yet (new, lapsed, or
	// refused by the hub); it is requested again at NextAttemptAt.
	HubSubscribing = "subscribing"
	// HubActive: verified by the hub until ExpiresAt; renewed at
	// NextAttemptAt, before then.
	HubActive = "active"
	// HubUnsubscribing: its source was removed (or its feed moved to
	// another hub); the hub is told at NextAttemptAt, then the row goes.
	HubUnsubscribing = "unsubscribing"
)

// HubSubscription is one source's WebSub subscription at the hub its feed
// names: the hub pushes the feed to the callback that Token names, signed
// with Secret.
type HubSubscription struct {
	ID       int64
	SourceID int64
	Hub      string // the hub's URL
	Topic    string // the feed's self URL (hub.topic)
	Token    string // the unguessable last segment of the callback URL
	Secret   string // hub.secret: the key of the pushes' HMAC
	State    string // HubSubscribing, HubActive or HubUnsubscribing
	Lease    time.Duration
	// ExpiresAt is when the lease the hub granted ends (zero: none yet).
	ExpiresAt time.Time
	// RequestedAt is when the last request was sent to the hub (zero:
	// none); the hub's verification of it is taken for a day.
	RequestedAt time.Time
	// Attempts counts the requests sent since the last verification.
	Attempts      int
	NextAttemptAt time.Time
	LastError     string
}
