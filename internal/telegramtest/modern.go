package telegramtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// What the Bot API added after the library's 5.5 and the bot uses, checked
// as core.telegram.org/bots/api documents it: forum topics
// (message_thread_id), reply_parameters, link_preview_options,
// allow_paid_broadcast, inline queries (answerInlineQuery), command scopes
// and languages (setMyCommands), the bot's descriptions, and webhooks that
// the fake posts to as Telegram does.

// Topic states.
const (
	topicOpen    = "open"
	topicClosed  = "closed"
	topicDeleted = "deleted"
)

// AddTopic makes chatID a forum with an open topic thread.
func (s *Server) AddTopic(chatID int64, thread int) { s.setTopic(chatID, thread, topicOpen) }

// CloseTopic closes a forum topic: messages to it are refused with TOPIC_CLOSED.
func (s *Server) CloseTopic(chatID int64, thread int) { s.setTopic(chatID, thread, topicClosed) }

// CloseTopicNotice closes a forum topic as CloseTopic does and queues the
// service message Telegram sends in it (forum_topic_closed).
func (s *Server) CloseTopicNotice(chatID int64, thread int) {
	s.CloseTopic(chatID, thread)
	s.topicService(chatID, thread, "forum_topic_closed")
}

// DeleteTopic deletes a forum topic and, as Telegram does, every message
// in it: messages to it are refused with "message thread not found", and
// edits of the bot's messages that were in it "message to edit not found".
func (s *Server) DeleteTopic(chatID int64, thread int) {
	s.setTopic(chatID, thread, topicDeleted)
	s.mu.Lock()
	defer s.mu.Unlock()
	prefix := strconv.FormatInt(chatID, 10) + "/"
	for key, t := range s.msgTopics {
		if t != thread || !strings.HasPrefix(key, prefix) {
			continue
		}
		if s.unsent == nil {
			s.unsent = map[string]bool{}
		}
		s.unsent[key] = true
		delete(s.content, key)
	}
}

func (s *Server) setTopic(chatID int64, thread int, state string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.topics == nil {
		s.topics = map[int64]map[int]string{}
	}
	if s.topics[chatID] == nil {
		s.topics[chatID] = map[int]string{}
	}
	s.topics[chatID][thread] = state
}

// ReopenTopic opens a closed forum topic again and queues the service
// message Telegram sends in it (forum_topic_reopened).
func (s *Server) ReopenTopic(chatID int64, thread int) {
	s.setTopic(chatID, thread, topicOpen)
	s.topicService(chatID, thread, "forum_topic_reopened")
}

// HideGeneral hides (and so closes) the General topic of forum chatID:
// messages sent to the chat outside any topic are refused with
// TOPIC_CLOSED. It queues the service message (general_forum_topic_hidden).
func (s *Server) HideGeneral(chatID int64) {
	s.setTopic(chatID, 0, topicClosed)
	s.topicService(chatID, 0, "general_forum_topic_hidden")
}

// UnhideGeneral shows (and opens) the General topic again and queues the
// service message (general_forum_topic_unhidden).
func (s *Server) UnhideGeneral(chatID int64) {
	s.setTopic(chatID, 0, topicOpen)
	s.topicService(chatID, 0, "general_forum_topic_unhidden")
}

// topicService queues a forum's service message of kind, from an admin, in
// topic thread (0: General).
func (s *Server) topicService(chatID int64, thread int, kind string) {
	s.mu.Lock()
	id := s.nextMsg
	s.nextMsg++
	s.mu.Unlock()
	msg := map[string]any{
		"message_id": id, "date": time.Now().Unix(), kind: map[string]any{},
		"chat": map[string]any{"id": chatID, "type": "supergroup", "title": fmt.Sprintf("Chat %d", chatID), "is_forum": true},
		"from": map[string]any{"id": 1, "is_bot": false, "first_name": "Admin"},
	}
	if thread != 0 {
		msg["message_thread_id"], msg["is_topic_message"] = thread, true
	}
	s.AddUpdate(map[string]any{"message": msg})
}

// SendTopicText queues a message sent in forum topic thread of supergroup
// chatID (message_thread_id, is_topic_message, a forum chat).
func (s *Server) SendTopicText(chatID int64, thread int, userID int64, text string) {
	s.AddTopic(chatID, thread)
	s.mu.Lock()
	id := s.nextMsg
	s.nextMsg++
	s.mu.Unlock()
	msg := map[string]any{
		"message_id": id, "date": time.Now().Unix(), "text": text, "message_thread_id": thread, "is_topic_message": true,
		"chat": map[string]any{"id": chatID, "type": "supergroup", "title": fmt.Sprintf("Chat %d", chatID), "is_forum": true},
		"from": map[string]any{"id": userID, "is_bot": false, "first_name": "Tester"},
	}
	if strings.HasPrefix(text, "/") {
		msg["entities"] = []map[string]any{{"type": "bot_command", "offset": 0, "length": len(strings.Fields(text)[0])}}
	}
	s.AddUpdate(map[string]any{"message": msg})
}

// SendInlineQuery queues an inline query typed by userID and returns its id.
func (s *Server) SendInlineQuery(userID int64, query string) string {
	return s.SendInlineQueryAt(userID, query, "")
}

// SendInlineQueryAt queues an inline query with an offset (the next_offset
// of an answer, as Telegram sends it when the person scrolls to the end of
// the results) and returns its id.
func (s *Server) SendInlineQueryAt(userID int64, query, offset string) string {
	s.mu.Lock()
	id := fmt.Sprintf("iq%d", s.nextUpd)
	if s.asked == nil {
		s.asked = map[string]inlineAsk{}
	}
	s.asked[id] = inlineAsk{user: userID, query: query}
	s.mu.Unlock()
	s.AddUpdate(map[string]any{"inline_query": map[string]any{
		"id": id, "query": query, "offset": offset, "chat_type": "sender",
		"from": map[string]any{"id": userID, "is_bot": false, "first_name": "Tester", "language_code": "en"},
	}})
	return id
}

// ScrollInline plays the person scrolling to the end of the answer to
// inline query answered: it queues the same query from the same user with
// the answer's next_offset and returns the new query's id. It reports false,
// queuing nothing, when the answer has no next_offset (its last page) or
// there is no accepted answer to answered yet.
func (s *Server) ScrollInline(answered string) (string, bool) {
	var next string
	s.mu.Lock()
	asked, found := s.asked[answered]
	if !found {
		s.mu.Unlock()
		return "", false
	}
	found = false
	for _, c := range s.calls {
		if c.Method == "answerInlineQuery" && c.Params.Get("inline_query_id") == answered && c.Params.Get("_accepted") == "1" {
			next, found = c.Params.Get("next_offset"), true
		}
	}
	s.mu.Unlock()
	if !found || next == "" {
		return "", false
	}
	return s.SendInlineQueryAt(asked.user, asked.query, next), true
}

// inlineAsk is who typed an inline query and what (SendInlineQueryAt).
type inlineAsk struct {
	user  int64
	query string
}

// ForwardWebhookTo makes the fake post updates to target once the bot sets
// a webhook (with the secret_token it gave), as Telegram posts to the
// public URL that a reverse proxy forwards to the bot. While the webhook is
// set, getUpdates is refused with 409 as Telegram refuses it.
func (s *Server) ForwardWebhookTo(target string) {
	s.mu.Lock()
	s.forward = target
	s.mu.Unlock()
}

// webhookSecret is what Telegram takes as a webhook's secret_token.
var webhookSecret = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

// webhookRefusal returns Telegram's refusal of setWebhook's parameters
// (Bot API: secret_token 1-256 characters of A-Z, a-z,
// 0-9, _ and -; allowed_updates a JSON array of strings; max_connections
// 1-100; drop_pending_updates a boolean), or "" for parameters it takes.
func webhookRefusal(p url.Values) string {
	if p.Has("secret_token") && !webhookSecret.MatchString(p.Get("secret_token")) {
		return "Bad Request: secret token contains unallowed characters"
	}
	if v := p.Get("allowed_updates"); v != "" {
		var kinds []string
		if json.Unmarshal([]byte(v), &kinds) != nil {
			return "Bad Request: can't parse allowed updates JSON object"
		}
	}
	if v := p.Get("max_connections"); v != "" {
		if n, err := strconv.Atoi(v); err != nil || n < 1 || n > 100 {
			return "Bad Request: bad webhook: max_connections must be between 1 and 100"
		}
	}
	if v := p.Get("drop_pending_updates"); v != "" && v != "true" && v != "false" {
		return "Bad Request: can't parse drop_pending_updates"
	}
	return ""
}

// setWebhook records the webhook and starts posting updates to it.
func (s *Server) setWebhook(w http.ResponseWriter, call Call) {
	s.record(call)
	if refusal := webhookRefusal(call.Params); refusal != "" {
		writeError(w, &Reply{Code: 400, Description: refusal})
		return
	}
	s.setAllowed(call.Params)
	s.mu.Lock()
	target, started := s.forward, s.hooked
	s.hooked = target != ""
	s.hookSecret = call.Params.Get("secret_token")
	s.hookURL = call.Params.Get("url")
	s.mu.Unlock()
	if target != "" && !started {
		go s.postUpdates(target)
	}
	ok200(w, true)
}

// postUpdates posts each queued update to target in order, again until it
// is answered 200, while the webhook is set and the server runs.
func (s *Server) postUpdates(target string) {
	next := 0
	client := &http.Client{Timeout: 5 * time.Second}
	for {
		s.mu.Lock()
		if !s.hooked || s.closed {
			s.mu.Unlock()
			return
		}
		s.discardUnwanted()
		var u map[string]any
		for _, x := range s.updates {
			if x["update_id"].(int) > next {
				u = x
				break
			}
		}
		ch, secret := s.changed, s.hookSecret
		s.mu.Unlock()
		if u == nil {
			select {
			case <-ch:
			case <-time.After(50 * time.Millisecond):
			}
			continue
		}
		body, _ := json.Marshal(u)
		req, _ := http.NewRequest(http.MethodPost, target, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
		resp, err := client.Do(req)
		failed := "Connection refused" // Telegram's words when nothing answers
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				s.mu.Lock()
				s.delivered = u["update_id"].(int)
				s.mu.Unlock()
				next = u["update_id"].(int)
				continue
			}
			failed = "Wrong response from the webhook: " + resp.Status
		}
		s.mu.Lock()
		s.hookError, s.hookErrAt = failed, time.Now().Unix()
		s.mu.Unlock()
		time.Sleep(50 * time.Millisecond)
	}
}

// pendingLocked is how many updates wait for the webhook to take them
// (getWebhookInfo's pending_update_count); s.mu is held.
func (s *Server) pendingLocked() int {
	n := 0
	for _, u := range s.updates {
		if u["update_id"].(int) > s.delivered {
			n++
		}
	}
	return n
}

// checkThread refuses a message_thread_id that is not an open topic of the
// chat, and a message outside any topic when the chat's General is hidden.
func (s *Server) checkThread(p url.Values) *Reply {
	v := p.Get("message_thread_id")
	if v == "" {
		chatID, _ := strconv.ParseInt(p.Get("chat_id"), 10, 64)
		s.mu.Lock()
		thread := s.topicOf(p)
		state := s.topics[chatID][thread]
		s.mu.Unlock()
		if state == topicClosed { // General, or the topic of the message it answers
			return &Reply{Code: 400, Description: "Bad Request: TOPIC_CLOSED"}
		}
		return nil
	}
	thread, err := strconv.Atoi(v)
	if err != nil || thread <= 0 {
		return &Reply{Code: 400, Description: "Bad Request: invalid message_thread_id"}
	}
	chatID, _ := strconv.ParseInt(p.Get("chat_id"), 10, 64)
	s.mu.Lock()
	state := s.topics[chatID][thread]
	s.mu.Unlock()
	switch state {
	case topicOpen:
		return nil
	case topicClosed:
		return &Reply{Code: 400, Description: "Bad Request: TOPIC_CLOSED"}
	}
	return &Reply{Code: 400, Description: "Bad Request: message thread not found"}
}

// inTopic records that message msg of chatID is in forum topic thread (0:
// none, or General); s.mu is held.
func (s *Server) inTopic(chatID, msg int64, thread int) {
	if thread == 0 {
		return
	}
	if s.msgTopics == nil {
		s.msgTopics = map[string]int{}
	}
	s.msgTopics[strconv.FormatInt(chatID, 10)+"/"+strconv.FormatInt(msg, 10)] = thread
}

// topicOf is the forum topic a sendMessage with p lands in: its
// message_thread_id, else the topic of the message it answers
// (reply_parameters), as Telegram puts a reply beside what it answers;
// 0 for General or none. s.mu is held.
func (s *Server) topicOf(p url.Values) int {
	if thread, err := strconv.Atoi(p.Get("message_thread_id")); err == nil && thread > 0 {
		return thread
	}
	var reply struct {
		MessageID int64 `json:"message_id"`
	}
	if json.Unmarshal([]byte(p.Get("reply_parameters")), &reply) != nil || reply.MessageID == 0 {
		return 0
	}
	return s.msgTopics[p.Get("chat_id")+"/"+strconv.FormatInt(reply.MessageID, 10)]
}

// checkModern checks the parameters newer than Bot API 5.5 of a sendMessage
// (edit: of an editMessageText, which takes no topic, reply or paid flag).
func (s *Server) checkModern(p url.Values, edit bool) *Reply {
	bad := func(f string, a ...any) *Reply {
		return &Reply{Code: 400, Description: "Bad Request: " + fmt.Sprintf(f, a...)}
	}
	if edit {
		for _, k := range []string{"message_thread_id", "reply_parameters", "allow_paid_broadcast"} {
			if p.Has(k) {
				return bad("editMessageText takes no %s", k)
			}
		}
	}
	if v := p.Get("allow_paid_broadcast"); v != "" && v != "true" && v != "false" {
		return bad("allow_paid_broadcast must be a Boolean")
	}
	if p.Has("link_preview_options") && p.Has("disable_web_page_preview") {
		return bad("can't use link_preview_options together with disable_web_page_preview")
	}
	if msg := checkLinkPreview(p.Get("link_preview_options")); msg != "" {
		return bad("%s", msg)
	}
	if v := p.Get("reply_parameters"); v != "" {
		var o struct {
			MessageID                int    `json:"message_id"`
			ChatID                   any    `json:"chat_id"`
			AllowSendingWithoutReply *bool  `json:"allow_sending_without_reply"`
			Quote                    string `json:"quote"`
		}
		if err := strictJSON(v, &o); err != nil || o.MessageID <= 0 {
			return bad("can't parse reply parameters JSON object")
		}
	}
	if !edit {
		return s.checkThread(p)
	}
	return nil
}

// strictJSON decodes an object, refusing fields the Bot API does not document.
func strictJSON(v string, out any) error {
	dec := json.NewDecoder(strings.NewReader(v))
	dec.DisallowUnknownFields()
	return dec.Decode(out)
}

// checkLinkPreview checks link_preview_options (a message's, or an inline
// result's message's): what Telegram would say of bad ones, "" of good
// ones or none.
func checkLinkPreview(v string) string {
	if v == "" {
		return ""
	}
	var o struct {
		IsDisabled       *bool   `json:"is_disabled"`
		URL              *string `json:"url"`
		PreferSmallMedia *bool   `json:"prefer_small_media"`
		PreferLargeMedia *bool   `json:"prefer_large_media"`
		ShowAboveText    *bool   `json:"show_above_text"`
	}
	if err := strictJSON(v, &o); err != nil {
		return fmt.Sprintf("can't parse link preview options: %v", err)
	}
	if o.PreferSmallMedia != nil && o.PreferLargeMedia != nil && *o.PreferSmallMedia && *o.PreferLargeMedia {
		return "prefer_small_media and prefer_large_media can't both be true"
	}
	if o.URL != nil && !webURL(*o.URL) {
		return "link preview URL is invalid"
	}
	return ""
}

// webURL reports whether u is an http or https address with a host, as
// Telegram wants of a link preview's or a thumbnail's URL.
func webURL(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != ""
}

// answerInlineQuery checks an answer to an inline query: its id, at most 50
// results, each an article with a unique id of 1-64 bytes, a title and a
// message of 1-4096 characters (its link_preview_options as a message's),
// a thumbnail_url that is a web address, a cache_time that is a number, a
// next_offset of at most 64 bytes (ScrollInline sends it back) and a
// button (checkResultsButton); a query answered already is refused, as
// Telegram takes one answer (answerOnce).
func (s *Server) answerInlineQuery(w http.ResponseWriter, call Call) {
	p := call.Params
	fail := func(desc string) {
		call.Params.Set("_refused", "Bad Request: "+desc)
		s.record(call)
		writeError(w, &Reply{Code: 400, Description: "Bad Request: " + desc})
	}
	if p.Get("inline_query_id") == "" {
		fail("inline_query_id is empty")
		return
	}
	for _, vs := range p {
		for _, v := range vs {
			if !utf8.ValidString(v) {
				fail("strings must be encoded in UTF-8")
				return
			}
		}
	}
	if v := p.Get("is_personal"); v != "" && v != "true" && v != "false" {
		fail("is_personal must be a Boolean")
		return
	}
	if len(p.Get("next_offset")) > 64 {
		fail("NEXT_OFFSET_INVALID")
		return
	}
	if v := p.Get("cache_time"); v != "" {
		if n, err := strconv.Atoi(v); err != nil || n < 0 {
			fail("cache_time must be a non-negative Integer")
			return
		}
	}
	if msg := checkResultsButton(p.Get("button")); msg != "" {
		fail(msg)
		return
	}
	var results []struct {
		Type                string `json:"type"`
		ID                  string `json:"id"`
		Title               string `json:"title"`
		Description         string `json:"description"`
		URL                 string `json:"url"`
		ThumbnailURL        string `json:"thumbnail_url"`
		ThumbnailWidth      int    `json:"thumbnail_width"`
		ThumbnailHeight     int    `json:"thumbnail_height"`
		InputMessageContent struct {
			MessageText        string          `json:"message_text"`
			ParseMode          string          `json:"parse_mode"`
			LinkPreviewOptions json.RawMessage `json:"link_preview_options"`
		} `json:"input_message_content"`
	}
	if err := strictJSON(p.Get("results"), &results); err != nil {
		fail("can't parse inline query results: " + err.Error())
		return
	}
	if len(results) > 50 {
		fail("RESULTS_TOO_MUCH")
		return
	}
	ids := map[string]bool{}
	for _, r := range results {
		text := r.InputMessageContent.MessageText
		switch {
		case r.Type != "article":
			fail("RESULT_TYPE_INVALID")
			return
		case r.ID == "" || len(r.ID) > 64 || ids[r.ID]:
			fail("RESULT_ID_INVALID")
			return
		case r.Title == "":
			fail("RESULT_TITLE_EMPTY")
			return
		case text == "" || TextLength(text, r.InputMessageContent.ParseMode == "HTML") > MaxMessage:
			fail("MESSAGE_TEXT_INVALID")
			return
		case r.ThumbnailURL != "" && !webURL(r.ThumbnailURL):
			// One result's bad picture refuses the whole answer.
			fail("WEBDOCUMENT_URL_INVALID")
			return
		}
		if lp := r.InputMessageContent.LinkPreviewOptions; len(lp) > 0 {
			if msg := checkLinkPreview(string(lp)); msg != "" {
				fail(msg)
				return
			}
		}
		if r.InputMessageContent.ParseMode == "HTML" {
			if err := parseHTML(text); err != nil {
				fail("can't parse entities: " + err.Error())
				return
			}
		}
		ids[r.ID] = true
	}
	if !s.answerOnce("iq/" + p.Get("inline_query_id")) {
		fail(strings.TrimPrefix(queryAnswered.Description, "Bad Request: "))
		return
	}
	call.Params.Set("_accepted", "1")
	s.record(call)
	ok200(w, true)
}

// startParameter is what a start parameter may hold (1-64 characters).
var startParameter = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// checkResultsButton checks the button of an inline answer
// (InlineQueryResultsButton): a text and exactly one of start_parameter and
// web_app. It returns what Telegram would say of a bad one, "" of a good
// one or none.
func checkResultsButton(v string) string {
	if v == "" {
		return ""
	}
	var b struct {
		Text           string          `json:"text"`
		StartParameter string          `json:"start_parameter"`
		WebApp         json.RawMessage `json:"web_app"`
	}
	switch err := strictJSON(v, &b); {
	case err != nil:
		return "can't parse inline query results button: " + err.Error()
	case b.Text == "":
		return "BUTTON_TEXT_INVALID"
	case (b.StartParameter == "") == (b.WebApp == nil):
		return "BUTTON_TYPE_INVALID"
	case b.WebApp == nil && !startParameter.MatchString(b.StartParameter):
		return "START_PARAM_INVALID"
	}
	return ""
}

var commandName = regexp.MustCompile(`^[a-z0-9_]{1,32}$`)

// scopeTypes are the BotCommandScope types; those in chatScopes need a chat_id.
var (
	scopeTypes = map[string]bool{"default": true, "all_private_chats": true, "all_group_chats": true,
		"all_chat_administrators": true, "chat": true, "chat_administrators": true, "chat_member": true}
	chatScopes = map[string]bool{"chat": true, "chat_administrators": true, "chat_member": true}
)

// checkLanguage refuses a language_code that is not empty or two letters (ISO 639-1).
func checkLanguage(p url.Values) string {
	if l := p.Get("language_code"); l != "" && !regexp.MustCompile(`^[a-z]{2}$`).MatchString(l) {
		return "invalid language code"
	}
	return ""
}

// knows reports whether the chat wrote to the bot (learn, KnowChat).
func (s *Server) knows(chatID int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.known[chatID]
}

// setMyCommands checks a command list: at most 100 commands, each 1-32 of
// a-z, 0-9 and _, described in 1-256 characters; a known scope, with a
// chat_id where the scope needs one (for "chat", a chat that wrote to the
// bot); a language code.
func (s *Server) setMyCommands(w http.ResponseWriter, call Call) {
	p := call.Params
	fail := func(desc string) {
		call.Params.Set("_refused", "Bad Request: "+desc)
		s.record(call)
		writeError(w, &Reply{Code: 400, Description: "Bad Request: " + desc})
	}
	var cmds []MenuCommand
	if err := strictJSON(p.Get("commands"), &cmds); err != nil {
		fail("can't parse commands: " + err.Error())
		return
	}
	if len(cmds) > 100 {
		fail("too many commands")
		return
	}
	for _, c := range cmds {
		if !commandName.MatchString(c.Command) {
			fail("BOT_COMMAND_INVALID")
			return
		}
		if n := utf8.RuneCountInString(c.Description); n < 1 || n > 256 {
			fail("BOT_COMMAND_DESCRIPTION_INVALID")
			return
		}
	}
	key, desc := s.menuScope(p)
	if desc != "" {
		fail(desc)
		return
	}
	s.keepMenu(key, cmds)
	call.Params.Set("_accepted", "1")
	s.record(call)
	ok200(w, true)
}

// menuScope reads the scope and language_code of setMyCommands or
// deleteMyCommands; desc says what Telegram would refuse ("" when fine):
// an unknown scope, a chat scope without chat_id or for a chat that never
// wrote to the bot, a language code that is not two letters.
func (s *Server) menuScope(p url.Values) (menuKey, string) {
	key := menuKey{scope: "default", lang: p.Get("language_code")}
	if v := p.Get("scope"); v != "" {
		var sc struct {
			Type   string `json:"type"`
			ChatID any    `json:"chat_id"`
			UserID int64  `json:"user_id"`
		}
		if err := strictJSON(v, &sc); err != nil || !scopeTypes[sc.Type] {
			return key, "can't parse BotCommandScope"
		}
		if chatScopes[sc.Type] && sc.ChatID == nil {
			return key, "chat_id is required for this scope"
		}
		id, _ := sc.ChatID.(float64)
		if chatScopes[sc.Type] && !s.knows(int64(id)) {
			return key, "chat not found" // Telegram's answer for a chat that never wrote to the bot
		}
		key.scope, key.chat = sc.Type, int64(id)
	}
	return key, checkLanguage(p)
}

// setDescription checks setMyDescription (at most 512 characters) and
// setMyShortDescription (at most 120).
func (s *Server) setDescription(w http.ResponseWriter, call Call, field string, limit int) {
	fail := func(desc string) {
		call.Params.Set("_refused", "Bad Request: "+desc)
		s.record(call)
		writeError(w, &Reply{Code: 400, Description: "Bad Request: " + desc})
	}
	if n := utf8.RuneCountInString(call.Params.Get(field)); n > limit {
		fail(field + " is too long")
		return
	}
	if e := checkLanguage(call.Params); e != "" {
		fail(e)
		return
	}
	call.Params.Set("_accepted", "1")
	s.record(call)
	ok200(w, true)
}

// SendEdit queues an edited_message (edited_channel_post in a channel):
// userID's message messageID of the chat now reads text; thread > 0 puts
// it in that forum topic.
func (s *Server) SendEdit(chatID int64, chatType string, userID int64, messageID, thread int, text string) {
	now := time.Now().Unix()
	chat := map[string]any{"id": chatID, "type": chatType}
	if chatType != "private" {
		chat["title"] = fmt.Sprintf("Chat %d", chatID)
	}
	msg := map[string]any{"message_id": messageID, "date": now - 60, "edit_date": now, "chat": chat, "text": text}
	if thread > 0 {
		msg["message_thread_id"], msg["is_topic_message"], chat["is_forum"] = thread, true, true
	}
	if strings.HasPrefix(text, "/") {
		msg["entities"] = []map[string]any{{"type": "bot_command", "offset": 0, "length": len(strings.Fields(text)[0])}}
	}
	key := "edited_message"
	if chatType == "channel" {
		key = "edited_channel_post"
	} else {
		msg["from"] = map[string]any{"id": userID, "is_bot": false, "first_name": "Tester"}
	}
	s.AddUpdate(map[string]any{key: msg})
}
