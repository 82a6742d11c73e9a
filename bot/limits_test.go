package bot

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
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
		{"global: 30/s, no burst", r.global(), time.Second, 30, 60 * time.Second, 30 * 60},
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

// TestSenderStaysWithinTheLimits runs the sender against an enforcer that
// answers 429 beyond the same rates, scaled up so the test is quick: 50/s in
// all and 5/s per chat, with the small bursts the fake tolerates. The
// enforcer judges each message when the sender hands it to the transport,
// not when it reaches the fake server: on a loaded machine the HTTP round
// trip (a new connection for one request, a server goroutine scheduled late
// for another) bunches messages that left evenly spaced by more than the
// fake's burst (at load ~7 on two cores it did, now and then), and that is
// the network's jitter, which the headroom covers in production, not the
// sender's pace. A stall of the whole process (all goroutines at once)
// used to bunch the messages whose turns passed meanwhile; they take new
// turns now (see turn). The messages still go through the real transport
// to the fake Telegram. (A sender at 60/s fails it.)
func TestSenderStaysWithinTheLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("sends for a few seconds")
	}
	r := newSenderRig(t)
	r.opts.Rates = Rates{GlobalPerSecond: 50, ChatPerSecond: 5, GroupPerMinute: 60000}
	enf := telegramtest.NewEnforcer(telegramtest.Limits{GlobalPerSecond: 50, GlobalBurst: 8, ChatPerSecond: 5, ChatBurst: 3, GroupPerMinute: 60000}, 0)
	r.wrap = func(tr Transport) Transport { return judgedOnDeparture{tr, enf} }
	const chats, perChat = 30, 5
	for c := int64(1); c <= chats; c++ {
		sub := r.chat(t, c, "private")
		var titles []string
		for i := 0; i < perChat; i++ {
			titles = append(titles, fmt.Sprintf("alert %d", i))
		}
		r.alerts(t, c, sub, titles...)
	}
	r.start(t)
	testkit.WaitFor(t, "every alert sent", func() bool { return len(r.tg.Sent(0)) == chats*perChat })
	if st := enf.Stats(); st.Rejected != 0 {
		t.Errorf("%d messages refused with 429 (%d for a chat's limit); want none", st.Rejected, st.RejectedChat)
	}
}

// judgedOnDeparture asks an enforcer about each message as it leaves the
// sender, answering its 429 as Telegram's transport would, and passes the
// others on.
type judgedOnDeparture struct {
	Transport
	enf *telegramtest.Enforcer
}

func (j judgedOnDeparture) Send(ctx context.Context, m Outgoing) (int, error) {
	call := telegramtest.Call{Method: "sendMessage", Params: url.Values{"chat_id": {strconv.FormatInt(m.ChatID, 10)}}}
	if rep := j.enf.Check(call); rep != nil && rep.Code == 429 {
		return 0, &SendError{Code: 429, Description: rep.Description, RetryAfter: time.Duration(rep.RetryAfter) * time.Second}
	}
	return j.Transport.Send(ctx, m)
}
