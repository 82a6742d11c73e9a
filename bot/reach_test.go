package bot

import (
	"errors"
	"testing"
	"time"
)

func TestReachRuns(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	r := NewReach(clock)
	down := errors.New("dial tcp: lookup api.telegram.org: no such host")

	if since := r.Failed("send alert", &SendError{Code: 403, Description: "Forbidden: bot was blocked by the user"}); !since.IsZero() {
		t.Fatalf("a 403 for one chat started a run at %v", since)
	}
	start := now
	if since := r.Failed("send alert", down); !since.Equal(start) {
		t.Fatalf("Failed = %v, want %v", since, start)
	}
	now = now.Add(time.Minute)
	r.Answered("getUpdates") // the long poll answers: the sends still fail
	if since, method, err := r.Failing(); !since.Equal(start) || method != "send alert" || err != down {
		t.Fatalf("after a poll answered: Failing = %v, %q, %v; want the sends' run from %v", since, method, err, start)
	}
	revoked := &SendError{Code: 401, Description: "Unauthorized"}
	if since := r.Failed("getUpdates", revoked); !since.Equal(start) {
		t.Errorf("a later poll failure moved the clock to %v, want %v", since, start)
	}
	if _, method, err := r.Failing(); method != "getUpdates" || err != revoked {
		t.Errorf("Failing names %q, %v; want the latest failure, getUpdates' 401", method, err)
	}
	if since := r.Answered("send"); !since.Equal(start) {
		t.Errorf("Answered(send) = %v, want the run's start %v", since, start)
	}
	if since, method, _ := r.Failing(); !since.Equal(start.Add(time.Minute)) || method != "getUpdates" {
		t.Errorf("with the poll still refused: Failing = %v, %q; want getUpdates' run", since, method)
	}
	r.Answered("getUpdates")
	if since, _, _ := r.Failing(); !since.IsZero() {
		t.Errorf("both runs ended, Failing = %v", since)
	}
	var none *Reach
	none.Failed("getMe", down)
	if since, _, _ := none.Failing(); !since.IsZero() {
		t.Error("a nil Reach recorded a failure")
	}
}
