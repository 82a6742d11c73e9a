package bot

import (
	"errors"
	"net/http"
	"sync"
	"time"
)

// Reach is the one record of whether Telegram answers: since when its calls
// fail and the last error. The sender's outage (outage.go), /status,
// /healthz and the log lines about a failing Telegram all read it, so they
// agree on since when it fails. Only failures of Telegram or of the way to
// it count: no answer (DNS, a refused connection, a proxy's error page, a
// timeout), a 5xx, and a 401 (the token revoked: every call fails until it
// is fixed); a refusal about one chat or message (400, 403, 429) does not.
//
// What brings updates in (getMe, getUpdates, setWebhook, deleteWebhook)
// and what the sender sends are two runs of failures, each ended only by a
// call of its own that Telegram accepts: a long poll that answers does not
// hide sends failing, and a quiet bot whose poll is refused (a token
// revoked while nothing is sent) still shows as failing. Failing reports
// the earlier run. A nil *Reach records nothing. It is safe for concurrent use.
type Reach struct {
	now func() time.Time

	mu            sync.Mutex
	updates, sent run
}

// run is one run of failures: since its first, and the last one's method,
// error and time; since zero when there is none.
type run struct {
	since, last time.Time
	method      string
	err         error
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

// runOf is the run a call of method belongs to. r.mu is held.
func (r *Reach) runOf(method string) *run {
	switch method {
	case "getMe", "getUpdates", "setWebhook", "deleteWebhook":
		return &r.updates
	}
	return &r.sent
}

// Failed records a failed call of method when err is Telegram failing
// (TelegramDown), and returns since when calls fail (Failing's; zero when
// err does not count).
func (r *Reach) Failed(method string, err error) time.Time {
	if r == nil || err == nil || !TelegramDown(err) {
		return time.Time{}
	}
	r.mu.Lock()
	now := r.now()
	ru := r.runOf(method)
	if ru.since.IsZero() {
		ru.since = now
	}
	ru.last, ru.method, ru.err = now, method, err
	r.mu.Unlock()
	since, _, _ := r.Failing()
	return since
}

// Answered records that Telegram accepted a call of method, which ends its
// run of failures, and returns since when that run had failed (zero: it
// had not).
func (r *Reach) Answered(method string) time.Time {
	if r == nil {
		return time.Time{}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	ru := r.runOf(method)
	since := ru.since
	*ru = run{}
	return since
}

// Failing returns since when Telegram's calls fail (the earlier run's
// start), with the method and error of the latest failure; a zero time
// when they do not.
func (r *Reach) Failing() (since time.Time, method string, err error) {
	if r == nil {
		return time.Time{}, "", nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	a, b := r.updates, r.sent
	switch {
	case a.since.IsZero():
		return b.since, b.method, b.err
	case b.since.IsZero():
		return a.since, a.method, a.err
	}
	since = a.since
	if b.since.Before(since) {
		since = b.since
	}
	if a.last.After(b.last) {
		return since, a.method, a.err
	}
	return since, b.method, b.err
}
