package telegramtest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"testing"
)

// A message a person deleted can be neither edited nor deleted, as Telegram
// answers: "message to edit not found", "message to delete not found"; a
// message still there is edited and deleted.
func TestDeletedMessageCannotBeEdited(t *testing.T) {
	s := New(t, "1:t")
	call := func(method string, v url.Values) (int, string, int) {
		t.Helper()
		resp, err := http.PostForm(s.URL+"/bot1:t/"+method, v)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body struct {
			Description string
			Result      json.RawMessage
		}
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
			t.Fatal(err)
		}
		var m struct {
			MessageID int `json:"message_id"`
		}
		_ = json.Unmarshal(body.Result, &m)
		return resp.StatusCode, body.Description, m.MessageID
	}
	send := func() string {
		t.Helper()
		code, desc, id := call("sendMessage", url.Values{"chat_id": {"5"}, "text": {"Quake"}})
		if code != http.StatusOK {
			t.Fatalf("sendMessage: %d %s", code, desc)
		}
		return strconv.Itoa(id)
	}
	kept, gone := send(), send()
	n, _ := strconv.Atoi(gone)
	s.DeleteByUser(5, n)
	tests := []struct {
		method, msg string
		wantCode    int
		wantDesc    string
	}{
		{"editMessageText", kept, 200, ""},
		{"editMessageText", gone, 400, "Bad Request: message to edit not found"},
		{"editMessageReplyMarkup", gone, 400, "Bad Request: message to edit not found"},
		{"deleteMessage", gone, 400, "Bad Request: message to delete not found"},
		{"deleteMessage", kept, 200, ""},
		{"editMessageText", kept, 400, "Bad Request: message to edit not found"},
	}
	for _, tt := range tests {
		v := url.Values{"chat_id": {"5"}, "message_id": {tt.msg}, "text": {"Quake, also: Reuters"}}
		if tt.method == "editMessageReplyMarkup" {
			v.Del("text")
			v.Set("reply_markup", `{"inline_keyboard":[]}`)
		}
		code, desc, _ := call(tt.method, v)
		if code != tt.wantCode || desc != tt.wantDesc {
			t.Errorf("%s of message %s: %d %q, want %d %q", tt.method, tt.msg, code, desc, tt.wantCode, tt.wantDesc)
		}
	}
}

// A deleted forum topic takes its messages with it, as in Telegram: the
// bot's alert there can no longer be edited; one in another topic can.
func TestDeletedTopicTakesItsMessages(t *testing.T) {
	s := New(t, "1:t")
	s.AddTopic(-1009, 77)
	s.AddTopic(-1009, 78)
	post := func(method string, v url.Values) (int, string, int) {
		t.Helper()
		resp, err := http.PostForm(s.URL+"/bot1:t/"+method, v)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body struct {
			Description string
			Result      json.RawMessage
		}
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
			t.Fatal(err)
		}
		var m struct {
			MessageID int `json:"message_id"`
		}
		_ = json.Unmarshal(body.Result, &m)
		return resp.StatusCode, body.Description, m.MessageID
	}
	ids := map[string]int{}
	for _, thread := range []string{"77", "78"} {
		code, desc, id := post("sendMessage", url.Values{"chat_id": {"-1009"}, "message_thread_id": {thread}, "text": {"Quake"}})
		if code != http.StatusOK {
			t.Fatalf("send to topic %s: %d %s", thread, code, desc)
		}
		ids[thread] = id
	}
	s.DeleteTopic(-1009, 77)
	for thread, want := range map[string]string{"77": "Bad Request: message to edit not found", "78": ""} {
		_, desc, _ := post("editMessageText", url.Values{"chat_id": {"-1009"}, "message_id": {strconv.Itoa(ids[thread])}, "text": {"Quake · Also: Reuters"}})
		if desc != want {
			t.Errorf("edit of the alert in topic %s: %q, want %q", thread, desc, want)
		}
	}
}
