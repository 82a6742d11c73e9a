package feeds

import "time"

// Observer hears what the poller does, for metrics; Options.Observer nil
// means nobody listens. Its methods must be quick and safe for concurrent use.
type Observer interface {
	// Fetched is called once per fetched source with "ok", "not_modified" or "error".
	Fetched(result string)
	// Stored is called with the number of new articles a fetch stored.
	Stored(n int)
	// PollTook is called after each poll with its duration.
	PollTook(d time.Duration)
}

type nopObserver struct{}

func (nopObserver) Fetched(string)         {}
func (nopObserver) Stored(int)             {}
func (nopObserver) PollTook(time.Duration) {}

// fetchResult names a successful fetch for Observer.Fetched.
func fetchResult(notModified bool) string {
	if notModified {
		return "not_modified"
	}
	return "ok"
}
