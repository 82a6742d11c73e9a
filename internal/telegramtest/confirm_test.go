package telegramtest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
)

// TestGetUpdatesForgetsConfirmedUpdates: as Telegram does, a getUpdates
// with offset N confirms the updates before N, and a client that starts
// again from offset 0 is not served them.
func TestGetUpdatesForgetsConfirmedUpdates(t *testing.T) {
	s := New(t, "1:t")
	s.SendText(1, "private", 1, "one")
	s.SendText(1, "private", 1, "two")
	ids := func(offset string) []int {
		t.Helper()
		resp, err := http.PostForm(s.URL+"/bot1:t/getUpdates", url.Values{"offset": {offset}, "timeout": {"0"}})
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body struct {
			Result []struct {
				UpdateID int `json:"update_id"`
			}
		}
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
			t.Fatal(err)
		}
		var out []int
		for _, u := range body.Result {
			out = append(out, u.UpdateID)
		}
		return out
	}
	if got := ids("0"); len(got) != 2 {
		t.Fatalf("first poll: %v, want 2 updates", got)
	}
	if got := ids("2"); len(got) != 1 || got[0] != 2 {
		t.Fatalf("offset 2: %v, want [2]", got)
	}
	if got := ids("0"); len(got) != 1 || got[0] != 2 {
		t.Errorf("after confirming 1, a poll from 0 got %v, want [2]", got)
	}
}

// TestNewServerAtListensWhereAsked checks the fixed-address server.
func TestNewServerAtListensWhereAsked(t *testing.T) {
	s, err := NewServerAt("1:t", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	resp, err := http.Get(s.URL + "/bot1:t/getMe")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("getMe: %s", resp.Status)
	}
	if _, err := NewServerAt("1:t", s.Listener.Addr().String()); err == nil {
		t.Error("a second server on the same address started")
	}
}
