package earlystop

import (
	"os"
	"syscall"
	"testing"
	"time"
)

// A SIGHUP caught from init on waits in Hangups; without it the signal's
// default action ends this test binary, failing the test.
func TestHangupCaughtFromInit(t *testing.T) {
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	select {
	case sig := <-Hangups():
		if sig != syscall.SIGHUP {
			t.Fatalf("Hangups delivered %v, want SIGHUP", sig)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("no SIGHUP on Hangups within 30 s")
	}
}
