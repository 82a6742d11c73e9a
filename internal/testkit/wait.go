package testkit

import (
	"testing"
	"time"
)

// WaitTimeout is how long WaitFor waits before it fails the test: long
// enough for a loaded 2-core CI machine, short enough to end a hung test.
const WaitTimeout = 15 * time.Second

// WaitFor returns as soon as cond holds, checking it every few milliseconds,
// and fails the test naming what after WaitTimeout. It waits on an outcome,
// never for a fixed time.
func WaitFor(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	WaitWithin(tb, what, WaitTimeout, cond)
}

// WaitWithin is WaitFor with a timeout of the caller's, for waits that
// include slow work such as building the binary.
func WaitWithin(tb testing.TB, what string, timeout time.Duration, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// Receive returns the next value from ch, failing the test naming what when
// none comes within WaitTimeout.
func Receive[T any](tb testing.TB, what string, ch <-chan T) T {
	tb.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(WaitTimeout):
		tb.Fatalf("timed out after %s waiting for %s", WaitTimeout, what)
		var zero T
		return zero
	}
}
