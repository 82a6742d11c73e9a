package bot

import (
	"testing"
	"time"
)

// A stream of 100,000 distinct chats, all within a second, keeps the
// command rate state and the admin cache within their bounds.
func TestInMemoryStateIsBounded(t *testing.T) {
	clock := &testClock{}
	rates := newChatRates(clock.Now, 3*time.Second, 5)
	admins := newAdminCache(clock.Now, time.Minute)
	for c := range int64(100_000) {
		rates.allow(c)
		admins.put(-c, c, c%2 == 0)
	}
	if n := len(rates.chats); n > ChatRatesMax {
		t.Errorf("command rates hold %d chats, bound %d", n, ChatRatesMax)
	}
	if n := len(admins.m); n > AdminCacheMax {
		t.Errorf("admin cache holds %d answers, bound %d", n, AdminCacheMax)
	}
	// A chat still flooding keeps its limit.
	refused := 0
	for range 20 {
		if ok, _ := rates.allow(99_999); !ok {
			refused++
		}
	}
	if refused == 0 {
		t.Error("a chat flooding commands was never refused")
	}
	var ids recentIDs
	for id := range 100_000 {
		ids.add(id)
	}
	if len(ids.ids) > recentIDsSize {
		t.Errorf("update ids hold %d, bound %d", len(ids.ids), recentIDsSize)
	}
}
