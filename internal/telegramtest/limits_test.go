package telegramtest

import (
	"net/url"
	"strconv"
	"testing"
	"time"
)

func sendTo(chat int64) Call {
	return Call{Method: "sendMessage", Params: url.Values{"chat_id": {strconv.FormatInt(chat, 10)}}}
}

func TestEnforcer(t *testing.T) {
	type step struct {
		after  time.Duration // since the previous step
		chat   int64
		want   int // 0 = accepted, 429 = refused
		window int // retry_after wanted for a 429 (0 = any)
	}
	tests := []struct {
		name   string
		limits Limits
		steps  []step
	}{
		{"private chat burst then 1/s", Limits{GlobalPerSecond: 100, GlobalBurst: 100, ChatPerSecond: 1, ChatBurst: 2, GroupPerMinute: 20}, []step{
			{0, 1, 0, 0}, {0, 1, 0, 0}, {0, 1, 429, 1}, {0, 2, 0, 0}, {time.Second, 1, 0, 0}, {100 * time.Millisecond, 1, 429, 1},
		}},
		{"group: 3 in any minute", Limits{GlobalPerSecond: 100, GlobalBurst: 100, ChatPerSecond: 1, ChatBurst: 1, GroupPerMinute: 3}, []step{
			{0, -5, 0, 0}, {10 * time.Second, -5, 0, 0}, {10 * time.Second, -5, 0, 0}, {10 * time.Second, -5, 429, 30}, {30 * time.Second, -5, 0, 0},
		}},
		{"global", Limits{GlobalPerSecond: 2, GlobalBurst: 2, ChatPerSecond: 10, ChatBurst: 10, GroupPerMinute: 20}, []step{
			{0, 1, 0, 0}, {0, 2, 0, 0}, {0, 3, 429, 1}, {500 * time.Millisecond, 3, 0, 0}, {0, 4, 429, 1},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			e := NewEnforcer(tt.limits, 0)
			e.now = func() time.Time { return now }
			e.global = newBucket(tt.limits.GlobalPerSecond, tt.limits.GlobalBurst, now)
			refused := 0
			for i, s := range tt.steps {
				now = now.Add(s.after)
				rep := e.Check(sendTo(s.chat))
				got := 0
				if rep != nil {
					got = rep.Code
				}
				if got != s.want {
					t.Fatalf("step %d (chat %d): answer %d, want %d", i, s.chat, got, s.want)
				}
				if got == 429 {
					refused++
					if s.window != 0 && rep.RetryAfter != s.window {
						t.Errorf("step %d: retry_after %d, want %d", i, rep.RetryAfter, s.window)
					}
				}
			}
			if st := e.Stats(); st.Rejected != refused || st.Accepted != len(tt.steps)-refused {
				t.Errorf("stats = %+v", st)
			}
		})
	}
}

func TestEnforcerPassesOtherMethods(t *testing.T) {
	e := NewEnforcer(Limits{GlobalPerSecond: 1, GlobalBurst: 1, ChatPerSecond: 1, ChatBurst: 1, GroupPerMinute: 1}, 0)
	for i := 0; i < 5; i++ {
		if rep := e.Check(Call{Method: "getUpdates"}); rep != nil {
			t.Fatalf("getUpdates answered %+v", rep)
		}
	}
}

func TestEnforcerLetsPaidBroadcastsPastTheFreeLimit(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	e := NewEnforcer(TelegramLimits(), 0)
	e.now = func() time.Time { return now }
	free, paid := 0, 0
	for chat := int64(1); chat <= 50; chat++ {
		if e.Check(sendTo(chat)) == nil {
			free++
		}
		c := sendTo(chat + 1000)
		c.Params.Set("allow_paid_broadcast", "true")
		if e.Check(c) == nil {
			paid++
		}
	}
	if free != TelegramLimits().GlobalBurst || paid != 50 {
		t.Fatalf("accepted %d free and %d paid of 50 each at once; want %d free, all paid", free, paid, TelegramLimits().GlobalBurst)
	}
	c := sendTo(1001) // a paid broadcast still keeps each chat's limit
	c.Params.Set("allow_paid_broadcast", "true")
	for i := 0; i < 5; i++ {
		e.Check(c)
	}
	if rep := e.Check(c); rep == nil || rep.Code != 429 {
		t.Fatalf("a paid flood to one chat was accepted: %v", rep)
	}
}
