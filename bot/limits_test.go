package bot

import (
	"testing"
	"time"

	"golang.org/x/time/rate"
)

// TestLimitersByConstruction feeds each limiter an endless demand on a
// simulated clock and counts what it lets through in every window.
func TestLimitersByConstruction(t *testing.T) {
	r := Rates{GlobalPerSecond: 30, ChatPerSecond: 1, GroupPerMinute: 20}
	tests := []struct {
		name      string
		lim       *rate.Limiter
		window    time.Duration
		maxWindow int // at most this many in any window
		longRun   time.Duration
		maxLong   int // and at most this many over the long run
	}{
		{"global: 30/s with a short burst", r.global(), time.Second, 30 + 3, 60 * time.Second, 30 * 60},
		{"private chat: 1/s with a burst of 2", r.chat("private"), time.Second, 2, 60 * time.Second, 60},
		{"group: 20 in any minute", r.chat("group"), time.Minute, 20, 10 * time.Minute, 200},
		{"supergroup", r.chat("supergroup"), time.Minute, 20, 10 * time.Minute, 200},
		{"channel", r.chat("channel"), time.Minute, 20, 10 * time.Minute, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			var sent []time.Time
			for now := start; now.Before(start.Add(tt.longRun)); now = now.Add(5 * time.Millisecond) {
				if tt.lim.AllowN(now, 1) {
					sent = append(sent, now)
				}
			}
			if len(sent) > tt.maxLong {
				t.Errorf("%d let through in %s, want at most %d", len(sent), tt.longRun, tt.maxLong)
			}
			if len(sent) < tt.maxLong*9/10 {
				t.Errorf("%d let through in %s, want close to %d", len(sent), tt.longRun, tt.maxLong)
			}
			j := 0
			for i := range sent {
				for sent[i].Sub(sent[j]) >= tt.window {
					j++
				}
				if n := i - j + 1; n > tt.maxWindow {
					t.Fatalf("%d let through within %s (ending %s), want at most %d", n, tt.window, sent[i].Sub(start), tt.maxWindow)
				}
			}
		})
	}
}

func TestCeilSecond(t *testing.T) {
	base := time.Date(2026, 1, 1, 0, 0, 10, 0, time.UTC)
	tests := []struct {
		name string
		in   time.Time
		want time.Time
	}{
		{"whole second", base, base},
		{"fraction rounds up", base.Add(time.Millisecond), base.Add(time.Second)},
		{"just below", base.Add(999 * time.Millisecond), base.Add(time.Second)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ceilSecond(tt.in); !got.Equal(tt.want) {
				t.Errorf("ceilSecond(%s) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}
