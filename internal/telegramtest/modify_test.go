package telegramtest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// TestEditThatChangesNothingIsRefused: as Telegram does, an edit whose text
// and keyboard are what the message already shows is refused with "message
// is not modified" (the bot sent a second identical "Also:" edit, which the
// fake took); a changed text or keyboard is taken.
func TestEditThatChangesNothingIsRefused(t *testing.T) {
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
			Result      struct {
				MessageID int `json:"message_id"`
			}
		}
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, body.Description, body.Result.MessageID
	}
	keys := `{"inline_keyboard":[[{"text":"Mute","callback_data":"m:1"}]]}`
	code, _, id := call("sendMessage", url.Values{"chat_id": {"5"}, "text": {"Quake"}, "reply_markup": {keys}})
	if code != http.StatusOK || id == 0 {
		t.Fatalf("sendMessage: %d, id %d", code, id)
	}
	msg := url.Values{"chat_id": {"5"}, "message_id": {strconv.Itoa(id)}}
	edit := func(text, markup string) url.Values {
		v := url.Values{"text": {text}, "reply_markup": {markup}}
		for k, x := range msg {
			v[k] = x
		}
		return v
	}
	steps := []struct {
		name, method string
		params       url.Values
		refused      bool
	}{
		{"the same text and keyboard", "editMessageText", edit("Quake", keys), true},
		{"a new text", "editMessageText", edit("Quake\nAlso: BBC", keys), false},
		{"that text again", "editMessageText", edit("Quake\nAlso: BBC", keys), true},
		{"the same keyboard alone", "editMessageReplyMarkup", url.Values{"chat_id": {"5"}, "message_id": {strconv.Itoa(id)}, "reply_markup": {keys}}, true},
		{"a new keyboard", "editMessageReplyMarkup", url.Values{"chat_id": {"5"}, "message_id": {strconv.Itoa(id)}, "reply_markup": {`{"inline_keyboard":[[{"text":"Unmute","callback_data":"u:1"}]]}`}}, false},
		{"a message the fake never sent", "editMessageText", url.Values{"chat_id": {"5"}, "message_id": {"999"}, "text": {"x"}}, false},
	}
	for _, st := range steps {
		code, desc, _ := call(st.method, st.params)
		if refused := code == http.StatusBadRequest; refused != st.refused {
			t.Errorf("%s: %d %q, want refused=%v", st.name, code, desc, st.refused)
		}
		if st.refused && desc != notModified.Description {
			t.Errorf("%s: %q, want Telegram's 'message is not modified'", st.name, desc)
		}
	}
}

// answerCallbackQuery took any notice; Telegram refuses one over 200
// characters (the person's client then keeps waiting) and a missing id.
func TestAnswerCallbackQueryIsChecked(t *testing.T) {
	s := New(t, "1:t")
	for _, tc := range []struct {
		form url.Values
		ok   bool
	}{
		{url.Values{"callback_query_id": {"cb1"}, "text": {strings.Repeat("я", 200)}}, true},
		{url.Values{"callback_query_id": {"cb1"}, "text": {strings.Repeat("я", 201)}}, false},
		{url.Values{"text": {"hi"}}, false},
	} {
		resp, err := http.PostForm(s.URL+"/bot1:t/answerCallbackQuery", tc.form)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.StatusCode == http.StatusOK; got != tc.ok {
			t.Errorf("%v: status %d, want ok=%v", tc.form, resp.StatusCode, tc.ok)
		}
	}
	if calls := s.Calls("answerCallbackQuery"); len(calls) != 3 || calls[0].Params.Get("_accepted") != "1" || calls[1].Params.Get("_refused") == "" {
		t.Errorf("recorded: %v", calls)
	}
}
