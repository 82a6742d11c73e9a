package bot

import (
	"errors"
	"net/http"
	"sync"
	"time"
)

// Reach is the one record of whether Telegram answers: since when its calls
// fail (getMe at the start, then the sender's calls) and the last error. The
// sender's outage (outage.go), /status, /healthz and the log lines about a
// failing Telegram all read it, so they agree on since when it fails. Only
// failures of Telegram or of the way to it count: no answer (DNS, a
// refused connection, a proxy's error page, a timeout), a 5xx, and a 401 (the
// token revoked: every call fails until it is fixed); a refusal about one
// chat or message (400, 403, 429) does not. Any call Telegram accepts ends
// the run. A nil *Reach records nothing. It is safe for concurrent use.
type Reach struct {
	now func() time.Time

	mu     sync.Mutex
	since  time.Time // the run's first failure; zero: none since the last answer
	method string    // the last failed call's method
	err    error     // the last failure's error (the token redacted)
}

// NewReach returns a Reach on the clock now (nil: time.Now).
func NewReach(now func() time.Time) *Reach {
	if now == nil {
		now = time.Now
	}
	return &Reach{now: now}
}

// TelegramDown reports whether err is Telegram, or the way to it, failing
// (no answer, a 5xx, the token refused), not a refusal about one message.
func TelegramDown(err error) bool {
	var se *SendError
	if !errors.As(err, &se) {
		return true // no answer: network, DNS, proxy, timeout
	}
	return se.Code == 0 || se.Code >= 500 || se.Code == http.StatusUnauthorized
}

// Failed records a failed call of method when err is Telegram failing
// (TelegramDown), and returns since when calls fail (zero when err does not
// count).
func (r *Reach) Failed(method string, err error) time.Time {
	if r == nil || err == nil || !TelegramDown(err) {
		return time.Time{}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.since.IsZero() {
		r.since = r.now()
	}
	r.method, r.err = method, err
	return r.since
}

// Answered records that Telegram accepted a call, and returns since when
// calls had failed before it (zero: they had not).
func (r *Reach) Answered() time.Time {
	if r == nil {
		return time.Time{}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	since := r.since
	r.since, r.method, r.err = time.Time{}, "", nil
	return since
}

// Failing returns since when Telegram's calls fail, the method and the error
// of the last failure; a zero time when they do not.
func (r *Reach) Failing() (since time.Time, method string, err error) {
	if r == nil {
		return time.Time{}, "", nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.since, r.method, r.err
}
