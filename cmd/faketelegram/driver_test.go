package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/newshound/newshound/internal/telegramtest"
)

// TestDriverQueuesUpdatesAsTelegramSendsThem runs a few lines and reads the
// updates back through getUpdates, as the bot would.
func TestDriverQueuesUpdatesAsTelegramSendsThem(t *testing.T) {
	srv, err := telegramtest.NewServerAt("1:t", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	var out bytes.Buffer
	d := newDriver(srv, &out)
	for _, line := range []string{"lang ru", "topic -1001 77 /search Курск", "inline 5 climate", "press 42 rm:1:x 9", "user 7", "chat -5 group hello"} {
		if err := d.do(line); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
	}
	if err := d.do("topic -1001 x /list"); err == nil {
		t.Error("a bad thread was accepted")
	}
	resp, err := http.PostForm(srv.URL+"/bot1:t/getUpdates", url.Values{"timeout": {"0"}})
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		Result []map[string]any
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	if len(body.Result) != 4 {
		t.Fatalf("%d updates, want 4: %v", len(body.Result), body.Result)
	}
	msg := body.Result[0]["message"].(map[string]any)
	if msg["message_thread_id"] != float64(77) || msg["is_topic_message"] != true || msg["from"].(map[string]any)["language_code"] != "ru" {
		t.Errorf("topic message = %v", msg)
	}
	if ent := msg["entities"].([]any)[0].(map[string]any); ent["length"] != float64(len("/search")) {
		t.Errorf("command entity = %v", ent)
	}
	if q := body.Result[1]["inline_query"].(map[string]any); q["query"] != "climate" {
		t.Errorf("inline query = %v", q)
	}
	if cb := body.Result[2]["callback_query"].(map[string]any); cb["data"] != "rm:1:x" || cb["message"].(map[string]any)["message_id"] != float64(9) {
		t.Errorf("callback = %v", cb)
	}
	if from := body.Result[3]["message"].(map[string]any)["from"].(map[string]any); from["id"] != float64(7) {
		t.Errorf("group message from %v, want user 7", from)
	}
}

// TestFormatShowsRefusalsAndButtons checks what the printer writes for a
// refused send with buttons.
func TestFormatShowsRefusalsAndButtons(t *testing.T) {
	c := telegramtest.Call{Method: "sendMessage", Params: url.Values{
		"chat_id": {"-1001"}, "message_thread_id": {"77"}, "text": {"a\nb"}, "_refused": {"Bad Request: TOPIC_CLOSED"},
		"reply_markup": {`{"inline_keyboard":[[{"text":"Remove","callback_data":"rm:1"}]]}`}}}
	got := format(c)
	for _, want := range []string{"x sendMessage chat_id=-1001 message_thread_id=77 REFUSED: Bad Request: TOPIC_CLOSED", "[Remove → rm:1]", "    | a\n    | b"} {
		if !strings.Contains(got, want) {
			t.Errorf("format = %q, want %q in it", got, want)
		}
	}
}
