package telegramtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"testing"
)

func TestCheckModernRefusesWhatTheBotAPIRefuses(t *testing.T) {
	s := NewServer("t")
	defer s.Close()
	s.AddTopic(-1, 7)
	s.CloseTopic(-1, 8)
	tests := []struct {
		name string
		p    url.Values
		edit bool
		want string // "" = accepted
	}{
		{"open topic", url.Values{"chat_id": {"-1"}, "message_thread_id": {"7"}}, false, ""},
		{"closed topic", url.Values{"chat_id": {"-1"}, "message_thread_id": {"8"}}, false, "Bad Request: TOPIC_CLOSED"},
		{"unknown topic", url.Values{"chat_id": {"-1"}, "message_thread_id": {"9"}}, false, "Bad Request: message thread not found"},
		{"not a forum", url.Values{"chat_id": {"-2"}, "message_thread_id": {"7"}}, false, "Bad Request: message thread not found"},
		{"edit with a topic", url.Values{"chat_id": {"-1"}, "message_thread_id": {"7"}}, true, "Bad Request: editMessageText takes no message_thread_id"},
		{"preview ok", url.Values{"link_preview_options": {`{"url":"https://x.example/","prefer_large_media":true}`}}, false, ""},
		{"preview unknown field", url.Values{"link_preview_options": {`{"large":true}`}}, false, "x"},
		{"preview both sizes", url.Values{"link_preview_options": {`{"prefer_small_media":true,"prefer_large_media":true}`}}, false, "x"},
		{"preview and the old flag", url.Values{"link_preview_options": {`{"is_disabled":true}`}, "disable_web_page_preview": {"true"}}, false, "x"},
		{"reply ok", url.Values{"reply_parameters": {`{"message_id":3,"allow_sending_without_reply":true}`}}, false, ""},
		{"reply without message", url.Values{"reply_parameters": {`{"allow_sending_without_reply":true}`}}, false, "x"},
		{"paid not a bool", url.Values{"allow_paid_broadcast": {"yes"}}, false, "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := s.checkModern(tt.p, tt.edit)
			switch {
			case tt.want == "" && rep != nil:
				t.Fatalf("refused: %v", rep.Description)
			case tt.want != "" && rep == nil:
				t.Fatal("accepted")
			case tt.want != "x" && tt.want != "" && rep.Description != tt.want:
				t.Fatalf("description %q, want %q", rep.Description, tt.want)
			}
		})
	}
}

// TestAnswerInlineQueryChecksPicturesAndPreviews: an inline answer whose
// result has a thumbnail_url that is no web address is refused whole
// (WEBDOCUMENT_URL_INVALID), as is one whose message's link_preview_options
// a sendMessage would be refused for; good ones are accepted.
func TestAnswerInlineQueryChecksPicturesAndPreviews(t *testing.T) {
	s := NewServer("t")
	defer s.Close()
	result := func(extra, preview string) string {
		return `[{"type":"article","id":"a1","title":"T"` + extra + `,"input_message_content":{"message_text":"x","link_preview_options":` + preview + `}}]`
	}
	tests := []struct{ name, results, want string }{
		{"picture and preview", result(`,"thumbnail_url":"https://img.example/1.jpg","thumbnail_width":80,"thumbnail_height":80`, `{"url":"https://img.example/1.jpg","prefer_large_media":true}`), ""},
		{"no preview", result(``, `{"is_disabled":true}`), ""},
		{"picture without a host", result(`,"thumbnail_url":"http://"`, `{"is_disabled":true}`), "Bad Request: WEBDOCUMENT_URL_INVALID"},
		{"picture not on the web", result(`,"thumbnail_url":"file:///etc/passwd"`, `{"is_disabled":true}`), "Bad Request: WEBDOCUMENT_URL_INVALID"},
		{"preview of both sizes", result(``, `{"prefer_small_media":true,"prefer_large_media":true}`), "Bad Request: prefer_small_media and prefer_large_media can't both be true"},
		{"preview of no web address", result(``, `{"url":"ftp://x.example/"}`), "Bad Request: link preview URL is invalid"},
		{"preview with an unknown field", result(``, `{"large":true}`), "x"},
		{"unknown result field", result(`,"thumb_url":"https://img.example/1.jpg"`, `{"is_disabled":true}`), "x"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := url.Values{"inline_query_id": {fmt.Sprint("iq", i)}, "results": {tt.results}}
			resp, err := http.PostForm(s.URL+"/bott/answerInlineQuery", v)
			if err != nil {
				t.Fatal(err)
			}
			var body struct {
				OK          bool   `json:"ok"`
				Description string `json:"description"`
			}
			err = json.NewDecoder(resp.Body).Decode(&body)
			resp.Body.Close()
			switch {
			case err != nil:
				t.Fatal(err)
			case tt.want == "" && !body.OK:
				t.Fatalf("refused: %s", body.Description)
			case tt.want != "" && body.OK:
				t.Fatal("accepted")
			case tt.want != "x" && tt.want != "" && body.Description != tt.want:
				t.Errorf("refused with %q, want %q", body.Description, tt.want)
			}
		})
	}
}

// TestAReplyLandsInTheTopicOfWhatItAnswers: a sendMessage without a topic
// that answers a message of a forum topic goes to that topic, as Telegram
// puts it, so a closed one refuses it; one answering a General message, or
// a message of an open topic, is taken.
func TestAReplyLandsInTheTopicOfWhatItAnswers(t *testing.T) {
	s := NewServer("t")
	defer s.Close()
	s.mu.Lock()
	first := s.nextMsg
	s.mu.Unlock()
	s.SendTopicText(-1, 7, 5, "/list")    // message first, topic 7
	s.SendTopicText(-1, 8, 5, "/list")    // first+1, topic 8
	s.SendText(-1, "supergroup", 5, "hi") // first+2, General
	s.CloseTopic(-1, 7)
	reply := func(id int) url.Values {
		return url.Values{"chat_id": {"-1"}, "reply_parameters": {fmt.Sprintf(`{"message_id":%d,"allow_sending_without_reply":true}`, id)}}
	}
	if rep := s.checkModern(reply(first), false); rep == nil || rep.Description != "Bad Request: TOPIC_CLOSED" {
		t.Errorf("a reply into closed topic 7: %v, want TOPIC_CLOSED", rep)
	}
	for _, id := range []int{first + 1, first + 2, 99999} {
		if rep := s.checkModern(reply(id), false); rep != nil {
			t.Errorf("a reply to message %d refused: %v", id, rep.Description)
		}
	}
}
