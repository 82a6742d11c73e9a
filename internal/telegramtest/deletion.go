package telegramtest

import (
	"net/http"
	"strconv"
)

// DeleteByUser plays a person deleting the bot's message messageID in
// chatID (Telegram sends the bot no update for it): from then on an edit
// of it (editMessageText, editMessageReplyMarkup) is refused "message to
// edit not found" and a deleteMessage of it "message to delete not found",
// as Telegram refuses them.
func (s *Server) DeleteByUser(chatID int64, messageID int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.unsent == nil {
		s.unsent = map[string]bool{}
	}
	key := strconv.FormatInt(chatID, 10) + "/" + strconv.Itoa(messageID)
	s.unsent[key] = true
	delete(s.content, key)
}

// deleteMessage deletes one of the bot's messages: refused when it names no
// message, or one deleted already (by a person, or by an earlier call).
func (s *Server) deleteMessage(w http.ResponseWriter, call Call) {
	p := call.Params
	var rep *Reply
	if p.Get("chat_id") == "" || p.Get("message_id") == "" {
		rep = &Reply{Code: 400, Description: "Bad Request: message identifier is not specified"}
	} else {
		key := p.Get("chat_id") + "/" + p.Get("message_id")
		s.mu.Lock()
		if s.unsent[key] {
			rep = &Reply{Code: 400, Description: "Bad Request: message to delete not found"}
		} else {
			if s.unsent == nil {
				s.unsent = map[string]bool{}
			}
			s.unsent[key] = true
			delete(s.content, key)
		}
		s.mu.Unlock()
	}
	if rep != nil {
		call.Params.Set("_refused", rep.Description)
		s.record(call)
		writeError(w, rep)
		return
	}
	call.Params.Set("_accepted", "1")
	s.record(call)
	ok200(w, true)
}
