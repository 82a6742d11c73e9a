package telegramtest

import (
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
