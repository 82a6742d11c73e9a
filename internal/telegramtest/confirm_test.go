package telegramtest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
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

// The fake served every queued update whatever the bot's allowed_updates,
// so a bot that forgot to ask for a kind it handles (or a test of a kind
// Telegram would never send it) passed. Telegram keeps the last list a
// getUpdates or setWebhook gave, discards the updates of other kinds, and
// without a list (or with "[]") leaves out chat_member and reactions.
func TestGetUpdatesDeliversOnlyTheAllowedKinds(t *testing.T) {
	s := New(t, "1:t")
	offset := 0
	poll := func(allowed string) []string {
		t.Helper()
		form := url.Values{"timeout": {"0"}, "offset": {strconv.Itoa(offset)}}
		if allowed != "" {
			form.Set("allowed_updates", allowed)
		}
		resp, err := http.PostForm(s.URL+"/bot1:t/getUpdates", form)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body struct{ Result []map[string]json.RawMessage }
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
			t.Fatal(err)
		}
		var kinds []string
		for _, u := range body.Result {
			for k, v := range u {
				if k != "update_id" {
					kinds = append(kinds, k)
				} else if err := json.Unmarshal(v, &offset); err != nil {
					t.Fatal(err)
				}
			}
			offset++
		}
		return kinds
	}
	queue := func() {
		s.SendText(1, "private", 1, "hi")
		s.AddUpdate(map[string]any{"chat_member": map[string]any{}})
		s.AddUpdate(map[string]any{"chosen_inline_result": map[string]any{"result_id": "a1", "query": "x", "from": map[string]any{"id": 1}}})
	}
	queue()
	if got := poll(""); len(got) != 2 || got[0] != "message" || got[1] != "chosen_inline_result" {
		t.Fatalf("by default: %v, want message and chosen_inline_result (no chat_member)", got)
	}
	queue()
	if got := poll(`["message","callback_query"]`); len(got) != 1 || got[0] != "message" {
		t.Fatalf("allowed message and callback_query: %v", got)
	}
	queue()
	if got := poll(""); len(got) != 1 || got[0] != "message" {
		t.Fatalf("the list kept from the last poll: %v", got)
	}
	if n := len(s.Discarded()); n != 5 {
		t.Errorf("discarded %d updates, want 5", n)
	}
}

// The fake took any setWebhook: a secret Telegram refuses ("my secret!"),
// a broken allowed_updates or max_connections passed here and failed only
// against Telegram. Its parameters are checked as the Bot API documents them.
func TestSetWebhookChecksItsParameters(t *testing.T) {
	s := New(t, "1:t")
	set := func(form url.Values) (int, string) {
		t.Helper()
		resp, err := http.PostForm(s.URL+"/bot1:t/setWebhook", form)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body struct{ Description string }
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, body.Description
	}
	good := url.Values{"url": {"https://bot.example/hook"}, "secret_token": {"abc_DEF-123"}, "allowed_updates": {`["message"]`},
		"drop_pending_updates": {"false"}, "max_connections": {"40"}}
	if code, desc := set(good); code != http.StatusOK {
		t.Fatalf("a valid setWebhook: %d %s", code, desc)
	}
	for name, change := range map[string][2]string{
		"a space in the secret":      {"secret_token", "my secret!"},
		"a secret of 257 characters": {"secret_token", strings.Repeat("a", 257)},
		"an empty secret":            {"secret_token", ""},
		"allowed_updates not a list": {"allowed_updates", "message"},
		"max_connections 0":          {"max_connections", "0"},
		"max_connections 101":        {"max_connections", "101"},
		"drop_pending_updates yes":   {"drop_pending_updates", "yes"},
	} {
		form := url.Values{}
		for k, v := range good {
			form[k] = v
		}
		form.Set(change[0], change[1])
		if code, desc := set(form); code != http.StatusBadRequest || !strings.HasPrefix(desc, "Bad Request: ") {
			t.Errorf("%s: %d %q, want 400 as Telegram refuses it", name, code, desc)
		}
	}
}
