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

// DropObserver is what an Observer may also be, to hear the messages the
// sender gives up on, by why: "refused" (Telegram refused the message for
// good, as a 400 it cannot be sent around), "unreachable" (the chat blocked,
// left or is not found: the message in hand, the chat's queue behind it
// goes with it) or "gone" (what the message refers to is gone).
type DropObserver interface {
	Dropped(reason string)
}

// Reasons a message is given up on (DropObserver).
const (
	DropRefused     = "refused"
	DropUnreachable = "unreachable"
	DropGone        = "gone"
)

// dropped tells the observer, if it listens, of n messages given up on.
func (s *Sender) dropped(reason string, n int) {
	if o, ok := s.opts.Observer.(DropObserver); ok {
		for range n {
			o.Dropped(reason)
		}
	}
}

// UpdateObserver hears the failures of what brings updates in, for
// metrics (TelegramOptions.Observer; nil: nobody listens): a failed call of
// getMe, getUpdates, deleteWebhook or setWebhook, with Telegram's error
// code or 0 when no answer came; and a post the webhook refused (method
// "webhook"), with the HTTP status it answered (401 a wrong secret, 503
// the queue full …). Its method must be quick and safe for concurrent use.
type UpdateObserver interface {
	UpdatesFailed(method string, code int)
}

// updatesFailed tells the observer, if there is one, of a failed call.
func (t *Telegram) updatesFailed(method string, err error) {
	if t.obs != nil {
		t.obs.UpdatesFailed(method, errorCode(err))
	}
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
