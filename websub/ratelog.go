package websub

import (
	"log/slog"
	"sync"
	"time"

	"github.com/newshound/newshound/internal/throttle"
)

// rateLog logs each kind of refusal at most once a minute (throttle.Log,
// one per kind, so forged pushes do not hide unknown callbacks), so that a
// flood of bad requests cannot flood the log. The kinds are the handful
// the handler names.
type rateLog struct {
	log   *slog.Logger
	now   func() time.Time
	mu    sync.Mutex
	kinds map[string]*throttle.Log
}

func newRateLog(log *slog.Logger, now func() time.Time) *rateLog {
	return &rateLog{log: log, now: now, kinds: map[string]*throttle.Log{}}
}

// warn logs msg with args at the warning level unless a line of this kind
// went through within the last minute.
func (r *rateLog) warn(kind, msg string, args ...any) {
	r.mu.Lock()
	l := r.kinds[kind]
	if l == nil {
		l = &throttle.Log{Now: r.now}
		r.kinds[kind] = l
	}
	r.mu.Unlock()
	l.Warn(r.log, msg, args...)
}
