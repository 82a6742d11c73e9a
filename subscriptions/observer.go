package subscriptions

// Observer hears what the service does, for metrics; Options.Observer nil
// means nobody listens. Its methods must be quick and safe for concurrent use.
type Observer interface {
	// AlertsQueued is called with the number of alerts a batch of articles queued.
	AlertsQueued(n int)
}

type nopObserver struct{}

func (nopObserver) AlertsQueued(int) {}
