// Package gctarget sets the Go garbage collector's target of a process from
// the configuration's [memory] section. The bot (app.go) and the fill driver
// (cmd/fill) both go through Apply with the same values, so that the fill's
// CPU and memory figures are the bot's.
package gctarget

import (
	"math"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
)

// Target is the collector's target in force after Apply.
type Target struct {
	// GCPercent is the heap's growth over what is live before a
	// collection, in percent; -1 = off (only Limit bounds the heap).
	GCPercent int
	// Limit is the soft memory limit in bytes; math.MaxInt64 = none.
	Limit int64
	// PercentFromEnv and LimitFromEnv say that the environment variable
	// (GOGC, GOMEMLIMIT) was set and left in force instead of the value asked.
	PercentFromEnv, LimitFromEnv bool
}

// Apply sets the collector's percentage to gcPercent and its soft memory
// limit to limit bytes (0 = none), except where the environment (getenv)
// sets GOGC or GOMEMLIMIT: the runtime read those at start, and an operator
// who set one meant it. It returns the target in force and a function that
// puts back the one before, for a caller that runs in a process it does not
// own (tests). It does not check its values: config.Validate does.
func Apply(gcPercent int, limit int64, getenv func(string) string) (Target, func()) {
	t := Target{PercentFromEnv: getenv("GOGC") != "", LimitFromEnv: getenv("GOMEMLIMIT") != ""}
	oldPercent, oldLimit := current()
	if limit <= 0 {
		limit = math.MaxInt64
	}
	if !t.LimitFromEnv {
		debug.SetMemoryLimit(limit)
	}
	if !t.PercentFromEnv {
		debug.SetGCPercent(gcPercent)
	}
	t.GCPercent, t.Limit = current()
	return t, func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	}
}

// current reads the collector's percentage and soft memory limit in force.
func current() (gcPercent int, limit int64) {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(s)
	return int(s[0].Value.Uint64()), int64(s[1].Value.Uint64())
}

// String is the target as the start line logs it: "GOGC=200 GOMEMLIMIT=none",
// with "(environment)" after a value the environment set.
func (t Target) String() string {
	percent := "off"
	if t.GCPercent >= 0 {
		percent = strconv.Itoa(t.GCPercent)
	}
	limit := "none"
	if t.Limit != math.MaxInt64 {
		limit = strconv.FormatInt(t.Limit>>20, 10) + "MiB"
		if t.Limit%(1<<20) != 0 {
			limit = strconv.FormatInt(t.Limit, 10)
		}
	}
	s := "GOGC=" + percent
	if t.PercentFromEnv {
		s += " (environment)"
	}
	s += " GOMEMLIMIT=" + limit
	if t.LimitFromEnv {
		s += " (environment)"
	}
	return s
}
