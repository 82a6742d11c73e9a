package bot

import "errors"

// Observer hears what the sender does, for metrics; SenderOptions.Observer
// nil means nobody listens. Its methods must be quick and safe for concurrent use.
type Observer interface {
	// Sent is called when Telegram accepted a message, with its outbox kind
	// (store.KindAlert, KindReply, KindDigest, KindEdit).
	Sent(kind string)
	// SendFailed is called when a call failed, with Telegram's error code, or
	// 0 when no answer came (network error, timeout).
	SendFailed(code int)
}

type nopObserver struct{}

func (nopObserver) Sent(string)    {}
func (nopObserver) SendFailed(int) {}

// errorCode is Telegram's code in err, or 0 when err carries none.
func errorCode(err error) int {
	var se *SendError
	if errors.As(err, &se) {
		return se.Code
	}
	return 0
}
