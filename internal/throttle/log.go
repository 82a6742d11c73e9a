// Package throttle keeps a failure that repeats from flooding the log: a
// Log lets one line through per interval and counts the lines it held back.
package throttle

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// DefaultEvery is a Log's interval when Every is not set.
const DefaultEvery = time.Minute

// Log lets at most one line through per Every of its clock; the line that
// goes through says how many were held back since the previous one
// ("suppressed_since_last_log"). The zero Log logs once a minute of the
// real clock. Its methods are safe for concurrent use.
type Log struct {
	Every time.Duration    // the least time between two lines; 0: DefaultEvery
	Now   func() time.Time // the clock; nil: time.Now

	mu   sync.Mutex
	last time.Time // when the last line went through; zero before the first
	held int       // lines held back since
}

// Allow reports whether a line may go through now and, when it may, how
// many were held back since the last one that did. A clock that stepped back
// behind the last line lets the next one through.
func (l *Log) Allow() (held int, ok bool) {
	now := time.Now
	if l.Now != nil {
		now = l.Now
	}
	every := l.Every
	if every <= 0 {
		every = DefaultEvery
	}
	t := now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.last.IsZero() && !t.Before(l.last) && t.Sub(l.last) < every {
		l.held++
		return 0, false
	}
	held, l.held, l.last = l.held, 0, t
	return held, true
}

// Error logs msg and args at the error level to log, unless a line went
// through within Every.
func (l *Log) Error(log *slog.Logger, msg string, args ...any) {
	l.Log(log, slog.LevelError, msg, args...)
}

// Warn logs msg and args at the warning level to log, unless a line went
// through within Every.
func (l *Log) Warn(log *slog.Logger, msg string, args ...any) {
	l.Log(log, slog.LevelWarn, msg, args...)
}

// Log logs msg and args at level to log, with the number of lines held
// back since the last one ("suppressed_since_last_log"), unless a line went
// through within Every.
func (l *Log) Log(log *slog.Logger, level slog.Level, msg string, args ...any) {
	held, ok := l.Allow()
	if !ok {
		return
	}
	log.Log(context.Background(), level, msg, append(args[:len(args):len(args)], "suppressed_since_last_log", held)...)
}
