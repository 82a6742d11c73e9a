package telegramtest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
)

// post calls method on s and returns the HTTP status and the decoded body.
func post(t *testing.T, s *Server, method string, form url.Values) (int, map[string]any) {
	t.Helper()
	resp, err := http.PostForm(s.URL+"/bot"+s.Token+"/"+method, form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, body
}

// The fake answered true to any method, a misspelt one too, where Telegram
// answers 404 "Not Found": a bot calling a method Telegram lacks passed
// every test. A method the fake has no case of but Telegram has is still
// true.
func TestUnknownMethodsAreNotFound(t *testing.T) {
	s := New(t, "1:t")
	code, body := post(t, s, "sendMesage", url.Values{"chat_id": {"1"}, "text": {"x"}})
	if code != http.StatusNotFound || body["ok"] != false || body["description"] != "Not Found" || body["error_code"] != float64(404) {
		t.Errorf("sendMesage → %d %v, want 404 Not Found", code, body)
	}
	if calls := s.Calls("sendMesage"); len(calls) != 1 || calls[0].Params.Get("_refused") != "Not Found" {
		t.Errorf("the call is not recorded as refused: %+v", calls)
	}
	if code, body := post(t, s, "deleteMessage", url.Values{"chat_id": {"1"}, "message_id": {"2"}}); code != http.StatusOK || body["result"] != true {
		t.Errorf("deleteMessage → %d %v, want true", code, body)
	}
}

// The fake served every pending update whatever the getUpdates limit was:
// a bot asking for fewer was never tested with them.
func TestGetUpdatesHonoursLimit(t *testing.T) {
	s := New(t, "1:t")
	for range 5 {
		s.SendText(1, "private", 1, "x")
	}
	count := func(limit string) int {
		t.Helper()
		_, body := post(t, s, "getUpdates", url.Values{"timeout": {"0"}, "limit": {limit}})
		res, _ := body["result"].([]any)
		return len(res)
	}
	for limit, want := range map[string]int{"2": 2, "1": 1, "": 5, "0": 5, "500": 5} {
		if got := count(limit); got != want {
			t.Errorf("limit %q: %d updates, want %d", limit, got, want)
		}
	}
}
