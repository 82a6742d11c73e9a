package websub

import (
	"log/slog"
	"sync"
	"time"
)

// rateLog logs each kind of event at most once per every, counting the
// ones it held back, so a flood of forged pushes cannot flood the log.
type rateLog struct {
	log   *slog.Logger
	now   func() time.Time
	every time.Duration
	mu    sync.Mutex
	last  map[string]time.Time
	held  map[string]int
}

func newRateLog(log *slog.Logger, now func() time.Time, every time.Duration) *rateLog {
	return &rateLog{log: log, now: now, every: every, last: map[string]time.Time{}, held: map[string]int{}}
}

// warn logs msg with args unless a line of this kind was logged within
// every; the line says how many were held back since the last one.
func (r *rateLog) warn(kind, msg string, args ...any) {
	r.mu.Lock()
	now := r.now()
	if last, ok := r.last[kind]; ok && now.Sub(last) < r.every && now.After(last.Add(-r.every)) {
		r.held[kind]++
		r.mu.Unlock()
		return
	}
	held := r.held[kind]
	r.last[kind], r.held[kind] = now, 0
	r.mu.Unlock()
	if held > 0 {
		args = append(args, "more_since_last_logged", held)
	}
	r.log.Warn(msg, args...)
}
