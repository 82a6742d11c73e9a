package telegramtest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
)

// Telegram takes one answer to a button press and one to an inline query;
// a second is refused "query is too old … or query ID is invalid" (the fake
// took any number, so a bot answering twice went unseen). A refused answer
// (a notice over 200 characters) leaves the query open for a good one.
func TestAQueryIsAnsweredOnce(t *testing.T) {
	s := New(t, "1:t")
	call := func(method string, v url.Values) (int, string) {
		t.Helper()
		resp, err := http.PostForm(s.URL+"/bot1:t/"+method, v)
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
	long := make([]byte, 201)
	for i := range long {
		long[i] = 'x'
	}
	steps := []struct {
		method string
		params url.Values
		want   int
	}{
		{"answerCallbackQuery", url.Values{"callback_query_id": {"cb1"}, "text": {string(long)}}, http.StatusBadRequest},
		{"answerCallbackQuery", url.Values{"callback_query_id": {"cb1"}, "text": {"Muted."}}, http.StatusOK},
		{"answerCallbackQuery", url.Values{"callback_query_id": {"cb1"}, "text": {"Muted."}}, http.StatusBadRequest},
		{"answerCallbackQuery", url.Values{"callback_query_id": {"cb2"}}, http.StatusOK},
		{"answerInlineQuery", url.Values{"inline_query_id": {"iq1"}, "results": {"[]"}}, http.StatusOK},
		{"answerInlineQuery", url.Values{"inline_query_id": {"iq1"}, "results": {"[]"}}, http.StatusBadRequest},
		{"answerInlineQuery", url.Values{"inline_query_id": {"cb2"}, "results": {"[]"}}, http.StatusOK}, // another kind's id is another query
	}
	for i, st := range steps {
		if code, desc := call(st.method, st.params); code != st.want {
			t.Errorf("step %d: %s %v → %d %q, want %d", i, st.method, st.params.Get("callback_query_id")+st.params.Get("inline_query_id"), code, desc, st.want)
		}
	}
}
