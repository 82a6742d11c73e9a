// Package telegramtest is an in-process fake of the Telegram Bot API for
// tests. It speaks the wire format go-telegram-bot-api uses (form-encoded
// POST to /bot<token>/<method>, multipart/form-data for uploads such as
// sendDocument, JSON replies with ok, result, error_code,
// description and parameters), records every call, serves queued updates to
// getUpdates with a real long poll, and can inject any error. Like Telegram,
// it refuses a text over 4096 UTF-16 code units after entity parsing (a
// caption over 1024), an empty one, and HTML it cannot parse. It also
// knows the Bot API's newer parts the bot uses (modern.go): forum topics,
// reply_parameters, link_preview_options, allow_paid_broadcast, inline
// queries, command scopes and descriptions, checked as documented, and it
// posts updates to a webhook as Telegram does.
package telegramtest

import (
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
)

// Call is one recorded API request. Params holds the request's form; the
// fake adds "_accepted" = "1" to a checked call it accepted (sendMessage,
// editMessageText, answerInlineQuery …) and "_refused" = Telegram's
// description to one it refused.
type Call struct {
	Method string
	Params url.Values
	Files  map[string]File // uploads of a multipart request, by form field ("document")
	At     time.Time
}

// File is one uploaded file: the name the client gave it and its bytes.
type File struct {
	Name string
	Data []byte
}

// Document returns the file a sendDocument call uploaded (zero if none).
func (c Call) Document() File { return c.Files["document"] }

// ChatID returns the call's chat_id parameter.
func (c Call) ChatID() int64 {
	id, _ := strconv.ParseInt(c.Params.Get("chat_id"), 10, 64)
	return id
}

// Text returns the call's text parameter.
func (c Call) Text() string { return c.Params.Get("text") }

// Reply is an injected answer: an error code with a description and, for
// 429 and migrations, parameters. Delay holds the answer back first; a Reply
// with Code 0 lets the call succeed after the Delay. Hangup closes the
// connection without an answer (a network error).
type Reply struct {
	Code        int
	Description string
	RetryAfter  int
	MigrateTo   int64
	Delay       time.Duration
	Hangup      bool
	// LoseAnswer carries the call out (a message is sent and recorded),
	// then closes the connection without an answer: Telegram accepted it,
	// and the bot cannot know.
	LoseAnswer bool
	// Body, when set, is the answer's body as is, not Telegram's JSON: a
	// proxy's HTML error page, or JSON that does not parse. It goes with
	// status Code (200 when 0) and ContentType (text/html when empty);
	// RetryAfter, when set, goes as a Retry-After header.
	Body        string
	ContentType string
	// CutAfter carries the call out, then sends this many bytes of
	// Telegram's answer and cuts the connection: a reset mid-response.
	CutAfter int
}

// Server is the fake Bot API.
type Server struct {
	*httptest.Server
	Token      string
	BotName    string
	BotID      int64 // getMe's id (777): another bot's token on one database is told by it
	mu         sync.Mutex
	calls      []Call
	updates    []map[string]any
	nextUpd    int
	nextMsg    int
	content    map[string]string // "chat/message" → its text and keyboard, for "message is not modified"
	unsent     map[string]bool   // "chat/message" of the bot's messages a user deleted (DeleteByUser)
	changed    chan struct{}
	injector   func(c Call) *Reply
	members    map[[2]int64]string       // (chat, user) → status for getChatMember
	files      map[string]File           // file_id → file, for getFile and /file/bot<token>/<path>
	topics     map[int64]map[int]string  // chat → forum topic → open, closed or deleted (modern.go)
	msgTopics  map[string]int            // "chat/message" → the forum topic the message is in (modern.go)
	known      map[int64]bool            // chats that wrote to the bot: setMyCommands takes their scope
	menus      map[menuKey][]MenuCommand // the menus registered, for MenuFor (menus.go)
	asked      map[string]inlineAsk      // inline queries by id, for ScrollInline
	answered   map[string]bool           // callback and inline query ids answered (answerOnce)
	forward    string                    // where webhook updates are posted (ForwardWebhookTo)
	hooked     bool                      // a webhook is set and updates are posted
	hookSecret string
	hookURL    string // the url of the last setWebhook ("" after deleteWebhook), for getWebhookInfo
	hookError  string // the last failed post's error, as getWebhookInfo's last_error_message
	hookErrAt  int64  // its unix time, last_error_date
	delivered  int    // the last update id the webhook took
	closed     bool
	// allowed is the bot's allowed_updates, from its last getUpdates or
	// setWebhook that gave them (nil: Telegram's default, every kind but
	// chat_member and the reactions); updates of other kinds are never
	// delivered, as Telegram discards them.
	allowed   map[string]bool
	discarded []map[string]any // the updates left out so (Discarded)
}

// New starts a fake for token; Close it when done (t.Cleanup does).
func New(t testing.TB, token string) *Server {
	s := NewServer(token)
	t.Cleanup(s.Close)
	return s
}

// NewServer starts a fake for token outside a test (a load driver); the
// caller closes it.
func NewServer(token string) *Server {
	s := newServer(token)
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

func newServer(token string) *Server {
	return &Server{Token: token, BotName: "newshound_test_bot", BotID: 777, nextUpd: 1, nextMsg: 1, changed: make(chan struct{}), members: map[[2]int64]string{},
		files: map[string]File{}, known: map[int64]bool{}, content: map[string]string{}}
}

// KnowChat makes the chat known, as a user who wrote to the bot before
// this fake started: a menu of its own (BotCommandScopeChat) is taken.
func (s *Server) KnowChat(chatID int64) {
	s.mu.Lock()
	s.known[chatID] = true
	s.mu.Unlock()
}

// learn notes the chat of an update as known (caller holds s.mu): Telegram
// refuses a menu of its own to a chat the bot has never seen.
func (s *Server) learn(u map[string]any) {
	for _, key := range []string{"message", "channel_post", "edited_message", "my_chat_member"} {
		m, _ := u[key].(map[string]any)
		if chat, ok := m["chat"].(map[string]any); ok {
			if id, ok := asInt64(chat["id"]); ok {
				s.known[id] = true
				msg, _ := asInt64(m["message_id"])
				if thread, ok := asInt64(m["message_thread_id"]); ok && key == "message" && m["is_topic_message"] == true {
					s.inTopic(id, msg, int(thread))
				}
			}
		}
	}
}

// asInt64 reads a number of a JSON-like map.
func asInt64(v any) (int64, bool) {
	switch n := v.(type) {
	case int64:
		return n, true
	case int:
		return int64(n), true
	case float64:
		return int64(n), true
	}
	return 0, false
}

// NewServerAt starts a fake for token listening on addr ("127.0.0.1:8081")
// instead of a random port, for a driver a person points a config file at
// (cmd/faketelegram); its update ids start at the Unix time, so they grow
// across restarts as Telegram's do. It fails when addr cannot be listened on; the caller
// closes the server.
func NewServerAt(token, addr string) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("telegramtest: listen on %s: %w", addr, err)
	}
	s := newServer(token)
	// Update ids grow across restarts of the fake, as Telegram's do, so a
	// bot that outlives one is not left waiting for ids it has confirmed.
	s.nextUpd = int(time.Now().Unix())
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(s.serve))
	s.Server.Listener.Close()
	s.Server.Listener = ln
	s.Server.Start()
	return s, nil
}

// Close stops posting webhook updates and shuts the server down.
func (s *Server) Close() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.Server.Close()
}

// Endpoint is the api_endpoint to configure: "<url>/bot%s/%s".
func (s *Server) Endpoint() string { return s.URL + "/bot%s/%s" }

// Inject sets a function that may answer a call with an error instead of
// success; it returns nil to let the call succeed. It runs under no lock.
func (s *Server) Inject(fn func(c Call) *Reply) {
	s.mu.Lock()
	s.injector = fn
	s.mu.Unlock()
}

// SendText queues a text message from a user in a chat, as getUpdates will report it.
func (s *Server) SendText(chatID int64, chatType string, userID int64, text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	chat := map[string]any{"id": chatID, "type": chatType}
	if chatType != "private" {
		chat["title"] = fmt.Sprintf("Chat %d", chatID)
	}
	msg := map[string]any{
		"message_id": s.nextMsg, "date": time.Now().Unix(), "chat": chat, "text": text,
		"from": map[string]any{"id": userID, "is_bot": false, "first_name": "Tester"},
	}
	if strings.HasPrefix(text, "/") {
		cmdLen := len(strings.Fields(text)[0])
		msg["entities"] = []map[string]any{{"type": "bot_command", "offset": 0, "length": cmdLen}}
	}
	s.nextMsg++
	key := "message"
	if chatType == "channel" {
		key = "channel_post"
		delete(msg, "from")
		msg["sender_chat"] = chat // a channel post is sent on behalf of the channel
	}
	s.updates = append(s.updates, map[string]any{"update_id": s.nextUpd, key: msg})
	s.learn(s.updates[len(s.updates)-1])
	s.nextUpd++
	s.notify()
}

// SendDocument queues a document message from a user in a chat, with a
// caption (a bot_command entity when it starts with "/"). The file's
// size, as the message reports it, is size (0: left out); register the
// file itself with AddFile.
func (s *Server) SendDocument(chatID int64, chatType string, userID int64, caption, fileID, name string, size int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	chat := map[string]any{"id": chatID, "type": chatType}
	if chatType != "private" {
		chat["title"] = fmt.Sprintf("Chat %d", chatID)
	}
	doc := map[string]any{"file_id": fileID, "file_unique_id": "u" + fileID, "file_name": name}
	if size > 0 {
		doc["file_size"] = size
	}
	msg := map[string]any{
		"message_id": s.nextMsg, "date": time.Now().Unix(), "chat": chat, "document": doc,
		"from": map[string]any{"id": userID, "is_bot": false, "first_name": "Tester"},
	}
	if caption != "" {
		msg["caption"] = caption
	}
	if strings.HasPrefix(caption, "/") {
		cmdLen := len(strings.Fields(caption)[0])
		msg["caption_entities"] = []map[string]any{{"type": "bot_command", "offset": 0, "length": cmdLen}}
	}
	s.nextMsg++
	s.updates = append(s.updates, map[string]any{"update_id": s.nextUpd, "message": msg})
	s.learn(s.updates[len(s.updates)-1])
	s.nextUpd++
	s.notify()
}

// AddFile registers a file that getFile answers for fileID and that
// /file/bot<token>/documents/<name> serves.
func (s *Server) AddFile(fileID, name string, data []byte) {
	s.mu.Lock()
	s.files[fileID] = File{Name: name, Data: data}
	s.mu.Unlock()
}

// AddUpdate queues a raw update (for callback queries and membership changes);
// update_id is filled in.
func (s *Server) AddUpdate(u map[string]any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u["update_id"] = s.nextUpd
	s.nextUpd++
	s.updates = append(s.updates, u)
	s.learn(u)
	s.notify()
}

// MigrateGroup queues the two service messages Telegram sends when group
// from becomes supergroup to: migrate_to_chat_id in the old group, then
// migrate_from_chat_id in the new supergroup. The members' statuses
// (SetMember) carry over, as Telegram keeps a group's admins.
func (s *Server) MigrateGroup(from, to int64) {
	user := map[string]any{"id": 9, "is_bot": false, "first_name": "Admin"}
	s.mu.Lock()
	for k, status := range s.members { // the group's admins are the supergroup's
		if k[0] == from {
			s.members[[2]int64{to, k[1]}] = status
		}
	}
	s.mu.Unlock()
	for _, m := range []map[string]any{
		{"chat": map[string]any{"id": from, "type": "group", "title": fmt.Sprintf("Chat %d", from)}, "migrate_to_chat_id": to},
		{"chat": map[string]any{"id": to, "type": "supergroup", "title": fmt.Sprintf("Chat %d", from)}, "migrate_from_chat_id": from},
	} {
		s.mu.Lock()
		m["message_id"], m["date"], m["from"] = s.nextMsg, time.Now().Unix(), user
		s.nextMsg++
		s.mu.Unlock()
		s.AddUpdate(map[string]any{"message": m})
	}
}

// SetMember sets what getChatMember answers for the user in the chat:
// "creator", "administrator", "member", "left" … (default "member").
func (s *Server) SetMember(chatID, userID int64, status string) {
	s.mu.Lock()
	s.members[[2]int64{chatID, userID}] = status
	s.mu.Unlock()
}

// SendCallback queues a callback query: userID pressed a button with data
// under message messageID in chatID. It returns the callback query's id.
func (s *Server) SendCallback(chatID int64, chatType string, userID int64, messageID int, data string) string {
	return s.SendCallbackAs(chatID, chatType, userID, "", messageID, data)
}

// SendCallbackAs is SendCallback from a user whose Telegram app speaks
// lang (its language_code; "" sends none).
func (s *Server) SendCallbackAs(chatID int64, chatType string, userID int64, lang string, messageID int, data string) string {
	from := map[string]any{"id": userID, "is_bot": false, "first_name": "Tester"}
	if lang != "" {
		from["language_code"] = lang
	}
	s.mu.Lock()
	id := fmt.Sprintf("cb%d", s.nextUpd)
	markup := s.markupOf(chatID, messageID)
	s.mu.Unlock()
	msg := map[string]any{"message_id": messageID, "date": time.Now().Unix(),
		"chat": map[string]any{"id": chatID, "type": chatType}, "text": "(button message)"}
	if markup != nil {
		msg["reply_markup"] = markup // as Telegram sends the pressed message's keyboard
	}
	s.AddUpdate(map[string]any{"callback_query": map[string]any{
		"id":            id,
		"from":          from,
		"message":       msg,
		"chat_instance": "ci",
		"data":          data,
	}})
	return id
}

// Markup returns the keyboard the bot last gave message messageID of
// chatID (sent or edited), nil when it has none: what Telegram puts in the
// message of a callback query.
func (s *Server) Markup(chatID int64, messageID int) json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.markupOf(chatID, messageID)
}

// markupOf returns the keyboard the bot last gave message messageID of
// chatID (sent or edited), nil when it has none or the fake did not see it
// sent. s.mu is held.
func (s *Server) markupOf(chatID int64, messageID int) json.RawMessage {
	chat, msg := strconv.FormatInt(chatID, 10), strconv.Itoa(messageID)
	for i := len(s.calls) - 1; i >= 0; i-- {
		c := s.calls[i]
		if c.Params.Get("chat_id") != chat || c.Params.Get("_accepted") != "1" {
			continue
		}
		sent := strings.HasPrefix(c.Method, "send") && c.Params.Get("_message_id") == msg
		edited := strings.HasPrefix(c.Method, "edit") && c.Params.Get("message_id") == msg
		if !sent && !edited {
			continue
		}
		if m := c.Params.Get("reply_markup"); m != "" && json.Valid([]byte(m)) {
			return json.RawMessage(m)
		}
		return nil // an edit without a keyboard removes it
	}
	return nil
}

func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// Calls returns the recorded calls of a method ("" = all), in order.
func (s *Server) Calls(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if method == "" || c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// Sent returns the accepted sendMessage calls to chatID (0 = all chats).
func (s *Server) Sent(chatID int64) []Call {
	var out []Call
	for _, c := range s.Calls("sendMessage") {
		if c.Params.Get("_accepted") == "1" && (chatID == 0 || c.ChatID() == chatID) {
			out = append(out, c)
		}
	}
	return out
}

// Documents returns the accepted sendDocument calls to chatID (0 = all chats).
func (s *Server) Documents(chatID int64) []Call {
	var out []Call
	for _, c := range s.Calls("sendDocument") {
		if c.Params.Get("_accepted") == "1" && (chatID == 0 || c.ChatID() == chatID) {
			out = append(out, c)
		}
	}
	return out
}

// WaitSent waits until at least n messages to chatID were accepted and
// returns them; it fails the test after timeout.
func (s *Server) WaitSent(t testing.TB, chatID int64, n int, timeout time.Duration) []Call {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		got := s.Sent(chatID)
		if len(got) >= n {
			return got
		}
		if time.Now().After(deadline) {
			t.Fatalf("telegramtest: %d message(s) to chat %d after %s, want %d; got %v", len(got), chatID, timeout, n, texts(got))
		}
		s.mu.Lock()
		ch := s.changed
		s.mu.Unlock()
		select {
		case <-ch:
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func texts(calls []Call) []string {
	out := make([]string, len(calls))
	for i, c := range calls {
		out[i] = c.Text()
	}
	return out
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if rest, ok := strings.CutPrefix(r.URL.Path, "/file/bot"); ok {
		s.serveFile(w, r, rest)
		return
	}
	path := strings.TrimPrefix(r.URL.Path, "/bot")
	token, method, ok := strings.Cut(path, "/")
	if !ok || token != s.Token {
		writeJSON(w, http.StatusUnauthorized, map[string]any{"ok": false, "error_code": 401, "description": "Unauthorized"})
		return
	}
	files, err := parseRequest(w, r)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]any{"ok": false, "error_code": 400, "description": "Bad Request: " + err.Error()})
		return
	}
	call := Call{Method: method, Params: r.PostForm, Files: files, At: time.Now()}
	s.mu.Lock()
	inject := s.injector
	s.mu.Unlock()
	if inject != nil {
		if rep := inject(call); rep != nil {
			if (rep.Code != 0 || rep.Hangup || rep.Body != "") && rep.CutAfter == 0 && !rep.LoseAnswer {
				s.record(call) // a call that succeeds after a delay is recorded once, below
			}
			if rep.Hangup {
				hangup(w)
				return
			}
			if rep.Delay > 0 {
				select {
				case <-time.After(rep.Delay):
				case <-r.Context().Done():
					return
				}
			}
			if rep.Body != "" {
				writeRaw(w, rep)
				return
			}
			if rep.Code != 0 {
				writeError(w, rep)
				return
			}
			if rep.LoseAnswer {
				defer hangup(w)
				w = &lostAnswer{header: http.Header{}}
			}
			if rep.CutAfter > 0 {
				cut := &cutAnswer{header: http.Header{}, left: rep.CutAfter}
				defer cut.send(w)
				w = cut
			}
		}
	}
	switch method {
	case "getMe":
		s.record(call)
		ok200(w, map[string]any{"id": s.BotID, "is_bot": true, "first_name": "Newshound", "username": s.BotName})
	case "getUpdates":
		s.mu.Lock()
		hooked := s.hooked
		s.mu.Unlock()
		if hooked {
			s.record(call)
			writeError(w, &Reply{Code: 409, Description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"})
			return
		}
		s.getUpdates(w, r, call)
	case "setWebhook":
		s.setWebhook(w, call)
	case "getWebhookInfo":
		s.record(call)
		s.mu.Lock()
		info := map[string]any{"url": "", "has_custom_certificate": false, "pending_update_count": 0}
		if s.hookURL != "" {
			info["url"], info["pending_update_count"] = s.hookURL, s.pendingLocked()
		}
		if s.hookErrAt != 0 {
			info["last_error_date"], info["last_error_message"] = s.hookErrAt, s.hookError
		}
		s.mu.Unlock()
		ok200(w, info)
	case "deleteWebhook":
		s.mu.Lock()
		s.hooked, s.hookURL = false, ""
		s.mu.Unlock()
		s.record(call)
		ok200(w, true)
	case "answerInlineQuery":
		s.answerInlineQuery(w, call)
	case "deleteMyCommands":
		s.deleteMyCommands(w, call)
	case "setMyCommands":
		s.setMyCommands(w, call)
	case "setMyDescription":
		s.setDescription(w, call, "description", 512)
	case "setMyShortDescription":
		s.setDescription(w, call, "short_description", 120)
	case "sendMessage":
		if !s.accept(w, call, "text", MaxMessage, true, false) {
			return
		}
		id, _ := strconv.Atoi(call.Params.Get("_message_id"))
		s.mu.Lock()
		s.notify()
		s.mu.Unlock()
		chatID, _ := strconv.ParseInt(call.Params.Get("chat_id"), 10, 64)
		ok200(w, map[string]any{"message_id": id, "date": time.Now().Unix(), "chat": map[string]any{"id": chatID, "type": "private"}, "text": call.Params.Get("text")})
	case "sendDocument":
		s.sendDocument(w, call)
	case "getFile":
		s.getFile(w, call)
	case "editMessageText":
		if !s.accept(w, call, "text", MaxMessage, true, true) {
			return
		}
		chatID, _ := strconv.ParseInt(call.Params.Get("chat_id"), 10, 64)
		mid, _ := strconv.Atoi(call.Params.Get("message_id"))
		ok200(w, map[string]any{"message_id": mid, "date": time.Now().Unix(), "chat": map[string]any{"id": chatID, "type": "private"}, "text": call.Params.Get("text")})
	case "editMessageReplyMarkup":
		s.editMessageReplyMarkup(w, call)
	case "answerCallbackQuery":
		s.answerCallbackQuery(w, call)
	case "getChatMember":
		s.record(call)
		chatID, _ := strconv.ParseInt(call.Params.Get("chat_id"), 10, 64)
		userID, _ := strconv.ParseInt(call.Params.Get("user_id"), 10, 64)
		s.mu.Lock()
		status := s.members[[2]int64{chatID, userID}]
		s.mu.Unlock()
		if status == "" {
			status = "member"
		}
		ok200(w, map[string]any{"status": status, "user": map[string]any{"id": userID, "is_bot": false, "first_name": "x"}})
	case "deleteMessage":
		s.deleteMessage(w, call)
	default: // …: true
		s.record(call)
		ok200(w, true)
	}
}

// maxUpload bounds what the fake reads of a multipart request, as
// Telegram's 50 MB bounds what a bot may upload.
const maxUpload = 50 << 20

// parseRequest reads the form, url-encoded or multipart, and returns the
// uploaded files of a multipart one.
func parseRequest(w http.ResponseWriter, r *http.Request) (map[string]File, error) {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct != "multipart/form-data" {
		return nil, r.ParseForm()
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		return nil, err
	}
	files := map[string]File{}
	for field, headers := range r.MultipartForm.File {
		if len(headers) == 0 {
			continue
		}
		f, err := headers[0].Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			return nil, err
		}
		files[field] = File{Name: headers[0].Filename, Data: data}
	}
	return files, nil
}

// sendDocument accepts an uploaded document and answers with a Message
// carrying a document object, as Telegram does; a call without a file is
// refused as Telegram refuses it.
func (s *Server) sendDocument(w http.ResponseWriter, call Call) {
	doc, ok := call.Files["document"]
	if !ok {
		s.record(call)
		writeError(w, &Reply{Code: 400, Description: "Bad Request: there is no document in the request"})
		return
	}
	if !s.accept(w, call, "caption", MaxCaption, false, false) {
		return
	}
	id, _ := strconv.Atoi(call.Params.Get("_message_id"))
	chatID, _ := strconv.ParseInt(call.Params.Get("chat_id"), 10, 64)
	ok200(w, map[string]any{"message_id": id, "date": time.Now().Unix(), "chat": map[string]any{"id": chatID, "type": "private"},
		"caption": call.Params.Get("caption"),
		"document": map[string]any{"file_id": fmt.Sprintf("doc%d", id), "file_unique_id": fmt.Sprintf("udoc%d", id),
			"file_name": doc.Name, "file_size": len(doc.Data)}})
}

// getFile answers a registered file's path and size, or 400 as Telegram
// answers an unknown file_id.
func (s *Server) getFile(w http.ResponseWriter, call Call) {
	s.record(call)
	id := call.Params.Get("file_id")
	s.mu.Lock()
	f, ok := s.files[id]
	s.mu.Unlock()
	if !ok {
		writeError(w, &Reply{Code: 400, Description: "Bad Request: invalid file_id"})
		return
	}
	ok200(w, map[string]any{"file_id": id, "file_unique_id": "u" + id, "file_size": len(f.Data), "file_path": filePath(id, f.Name)})
}

// filePath is where the fake serves a file: under documents/, named by id
// so two files of one name do not clash.
func filePath(id, name string) string { return "documents/" + id + "_" + name }

// serveFile serves GET /file/bot<token>/<file_path>, recorded as a call of
// method "file" with the path as its "file_path" parameter and the bytes
// served as "_served".
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, rest string) {
	token, path, _ := strings.Cut(rest, "/")
	if token != s.Token || r.Method != http.MethodGet {
		http.NotFound(w, r)
		return
	}
	s.mu.Lock()
	var data []byte
	found := false
	for id, f := range s.files {
		if filePath(id, f.Name) == path {
			data, found = f.Data, true
		}
	}
	s.mu.Unlock()
	call := Call{Method: "file", Params: url.Values{"file_path": {path}}, At: time.Now()}
	if !found {
		s.record(call)
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	n, _ := w.Write(data)
	call.Params.Set("_served", strconv.Itoa(n))
	s.record(call)
}

func (s *Server) record(c Call) {
	s.mu.Lock()
	s.calls = append(s.calls, c)
	s.notify()
	s.mu.Unlock()
}

// getUpdates answers the updates after offset, waiting up to the request's
// timeout (capped at 2 s to keep tests quick) for one to come; the
// updates before offset are confirmed and forgotten.
func (s *Server) getUpdates(w http.ResponseWriter, r *http.Request, call Call) {
	s.setAllowed(call.Params)
	offset, _ := strconv.Atoi(call.Params.Get("offset"))
	timeout, _ := strconv.Atoi(call.Params.Get("timeout"))
	wait := min(time.Duration(timeout)*time.Second, 2*time.Second)
	deadline := time.After(wait)
	if offset > 0 {
		s.confirm(offset)
	}
	for {
		s.mu.Lock()
		s.discardUnwanted()
		var out []map[string]any
		for _, u := range s.updates {
			if u["update_id"].(int) >= offset {
				out = append(out, u)
			}
		}
		ch := s.changed
		s.mu.Unlock()
		if len(out) > 0 {
			ok200(w, out)
			return
		}
		select {
		case <-ch:
		case <-deadline:
			ok200(w, []any{})
			return
		case <-r.Context().Done():
			return
		}
	}
}

// confirm forgets the updates before offset, as Telegram forgets the
// updates a getUpdates with a higher offset confirmed: a bot that restarts
// is not served them again.
func (s *Server) confirm(offset int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	kept := s.updates[:0]
	for _, u := range s.updates {
		if u["update_id"].(int) >= offset {
			kept = append(kept, u)
		}
	}
	s.updates = kept
}

// defaultExcluded are the update kinds Telegram leaves out when the bot
// never named the kinds it wants (or named none).
var defaultExcluded = map[string]bool{"chat_member": true, "message_reaction": true, "message_reaction_count": true}

// setAllowed keeps the allowed_updates of a getUpdates or setWebhook, when
// it gives them: Telegram keeps the last list given ("[]" is the default).
func (s *Server) setAllowed(p url.Values) {
	v := p.Get("allowed_updates")
	if v == "" {
		return
	}
	var kinds []string
	if err := json.Unmarshal([]byte(v), &kinds); err != nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(kinds) == 0 {
		s.allowed = nil
		return
	}
	s.allowed = map[string]bool{}
	for _, k := range kinds {
		s.allowed[k] = true
	}
}

// wanted reports whether the bot's allowed_updates take update u (s.mu is held).
func (s *Server) wanted(u map[string]any) bool {
	for k := range u {
		if k == "update_id" {
			continue
		}
		if s.allowed == nil {
			return !defaultExcluded[k]
		}
		return s.allowed[k]
	}
	return true
}

// discardUnwanted forgets the queued updates of kinds the bot did not ask
// for, as Telegram never delivers them (s.mu is held).
func (s *Server) discardUnwanted() {
	kept := s.updates[:0]
	for _, u := range s.updates {
		if s.wanted(u) {
			kept = append(kept, u)
		} else {
			s.discarded = append(s.discarded, u)
		}
	}
	s.updates = kept
}

// Allows reports whether the bot's allowed_updates (as last given) take
// updates of kind ("message", "chosen_inline_result" …).
func (s *Server) Allows(kind string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.wanted(map[string]any{kind: nil})
}

// Discarded returns the updates the fake never delivered because the bot's
// allowed_updates leave their kind out, in order.
func (s *Server) Discarded() []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]map[string]any(nil), s.discarded...)
}

// lostAnswer is where the answer of a call with LoseAnswer goes: nowhere.
type lostAnswer struct{ header http.Header }

func (l *lostAnswer) Header() http.Header         { return l.header }
func (l *lostAnswer) Write(b []byte) (int, error) { return len(b), nil }
func (l *lostAnswer) WriteHeader(int)             {}

// cutAnswer holds the answer of a call with CutAfter, to send the first
// bytes of it and cut the connection.
type cutAnswer struct {
	header http.Header
	status int
	body   []byte
	left   int
}

func (c *cutAnswer) Header() http.Header         { return c.header }
func (c *cutAnswer) Write(b []byte) (int, error) { c.body = append(c.body, b...); return len(b), nil }
func (c *cutAnswer) WriteHeader(status int)      { c.status = status }

// send writes the status line, the headers with the whole answer's length
// and the first c.left bytes of it to the client's connection, then closes
// it: the client reads a body that ends early.
func (c *cutAnswer) send(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic("telegramtest: the response writer cannot cut the answer")
	}
	conn, buf, err := hj.Hijack()
	if err != nil {
		return
	}
	defer conn.Close()
	if c.status == 0 {
		c.status = http.StatusOK
	}
	fmt.Fprintf(buf, "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", c.status, http.StatusText(c.status), len(c.body))
	buf.Write(c.body[:min(c.left, len(c.body))])
	buf.Flush()
}

// writeRaw answers with rep.Body as is (a proxy's page, broken JSON).
func writeRaw(w http.ResponseWriter, rep *Reply) {
	ct := rep.ContentType
	if ct == "" {
		ct = "text/html"
	}
	w.Header().Set("Content-Type", ct)
	if rep.RetryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(rep.RetryAfter))
	}
	code := rep.Code
	if code == 0 {
		code = http.StatusOK
	}
	w.WriteHeader(code)
	_, _ = io.WriteString(w, rep.Body)
}

// hangup closes the client's connection without an answer.
func hangup(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic("telegramtest: the response writer cannot hang up")
	}
	conn, _, err := hj.Hijack()
	if err == nil {
		conn.Close()
	}
}

func ok200(w http.ResponseWriter, result any) {
	writeJSON(w, http.StatusOK, map[string]any{"ok": true, "result": result})
}

func writeError(w http.ResponseWriter, rep *Reply) {
	body := map[string]any{"ok": false, "error_code": rep.Code, "description": rep.Description}
	params := map[string]any{}
	if rep.RetryAfter > 0 {
		params["retry_after"] = rep.RetryAfter
	}
	if rep.MigrateTo != 0 {
		params["migrate_to_chat_id"] = rep.MigrateTo
	}
	if len(params) > 0 {
		body["parameters"] = params
	}
	writeJSON(w, rep.Code, body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// accept checks an outgoing text (or caption) field and the newer Bot API
// parameters as Telegram does, and records the call: accepted, or refused
// with Telegram's error written to w. It reports whether the call was
// accepted; edit marks an edit, which may not name a topic.
func (s *Server) accept(w http.ResponseWriter, call Call, field string, max int, required, edit bool) bool {
	rep := checkText(call.Params, field, max, required)
	if rep == nil {
		rep = s.checkModern(call.Params, edit)
	}
	if rep == nil {
		rep = checkMarkup(call.Params)
	}
	if rep == nil && edit {
		text := call.Params.Get(field)
		rep = s.modify(call.Params, &text, call.Params.Get("reply_markup"))
	}
	if rep != nil {
		call.Params.Set("_refused", rep.Description)
		s.record(call)
		writeError(w, rep)
		return false
	}
	call.Params.Set("_accepted", "1")
	if !edit {
		// The new message's id, recorded with the call so that a person
		// driving the fake knows which message a button is under.
		s.mu.Lock()
		call.Params.Set("_message_id", strconv.Itoa(s.nextMsg))
		chatID, _ := strconv.ParseInt(call.Params.Get("chat_id"), 10, 64)
		s.inTopic(chatID, int64(s.nextMsg), s.topicOf(call.Params))
		s.content[call.Params.Get("chat_id")+"/"+strconv.Itoa(s.nextMsg)] = call.Params.Get(field) + "\x00" + call.Params.Get("reply_markup")
		s.nextMsg++
		s.mu.Unlock()
	}
	s.record(call)
	return true
}

// notModified is Telegram's refusal of an edit that changes nothing.
var notModified = &Reply{Code: 400, Description: "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"}

// editGone is Telegram's refusal of an edit of a message no longer there
// (a user deleted it).
var editGone = &Reply{Code: 400, Description: "Bad Request: message to edit not found"}

// modify records an edit of a chat's message to text and keyboard, and
// refuses it as Telegram does when both are what the message already shows
// (a second identical "Also:" edit, a keyboard set again). An edit of a
// message the fake did not send, or of an inline message, is taken; one of
// a message a user deleted (DeleteByUser) is refused as not found. A text
// of nil keeps the message's text (editMessageReplyMarkup).
func (s *Server) modify(p url.Values, text *string, markup string) *Reply {
	if p.Get("chat_id") == "" || p.Get("message_id") == "" {
		return nil
	}
	key := p.Get("chat_id") + "/" + p.Get("message_id")
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.unsent[key] {
		return editGone
	}
	old, ok := s.content[key]
	if !ok {
		return nil
	}
	shown, _, _ := strings.Cut(old, "\x00")
	if text != nil {
		shown = *text
	}
	now := shown + "\x00" + markup
	if now == old {
		return notModified
	}
	s.content[key] = now
	return nil
}

// editMessageReplyMarkup checks an edit of a message's inline keyboard: a
// chat and message (or an inline message), and a keyboard Telegram takes
// (checkMarkup).
func (s *Server) editMessageReplyMarkup(w http.ResponseWriter, call Call) {
	p := call.Params
	rep := checkMarkup(p)
	if rep == nil && p.Get("inline_message_id") == "" && (p.Get("chat_id") == "" || p.Get("message_id") == "") {
		rep = &Reply{Code: 400, Description: "Bad Request: message identifier is not specified"}
	}
	if rep == nil {
		rep = s.modify(p, nil, p.Get("reply_markup"))
	}
	if rep != nil {
		call.Params.Set("_refused", rep.Description)
		s.record(call)
		writeError(w, rep)
		return
	}
	call.Params.Set("_accepted", "1")
	s.record(call)
	chatID, _ := strconv.ParseInt(p.Get("chat_id"), 10, 64)
	mid, _ := strconv.Atoi(p.Get("message_id"))
	ok200(w, map[string]any{"message_id": mid, "date": time.Now().Unix(), "chat": map[string]any{"id": chatID, "type": "private"}})
}

// answerCallbackQuery checks an answer to a button press: a query id not
// answered before (answerOnce), and a notice of at most 200 characters
// (Telegram refuses a longer one MESSAGE_TOO_LONG, and the person's client
// keeps waiting).
func (s *Server) answerCallbackQuery(w http.ResponseWriter, call Call) {
	var rep *Reply
	switch {
	case call.Params.Get("callback_query_id") == "":
		rep = &Reply{Code: 400, Description: "Bad Request: QUERY_ID_INVALID"}
	case utf8.RuneCountInString(call.Params.Get("text")) > 200:
		rep = &Reply{Code: 400, Description: "Bad Request: MESSAGE_TOO_LONG"}
	case !utf8.ValidString(call.Params.Get("text")):
		rep = &Reply{Code: 400, Description: "Bad Request: strings must be encoded in UTF-8"}
	case !s.answerOnce("cb/" + call.Params.Get("callback_query_id")):
		rep = queryAnswered
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

// queryAnswered is Telegram's refusal of a second answer to one callback or
// inline query (and of one answered too late, which the fake does not model).
var queryAnswered = &Reply{Code: 400, Description: "Bad Request: query is too old and response timeout expired or query ID is invalid"}

// answerOnce reports whether the query key ("cb/ID", "iq/ID") has not been
// answered yet, and marks it answered: Telegram takes one answer to a
// button press or an inline query. Call it last, once the answer is
// otherwise accepted: a refused answer leaves the query open.
func (s *Server) answerOnce(key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.answered[key] {
		return false
	}
	if s.answered == nil {
		s.answered = map[string]bool{}
	}
	s.answered[key] = true
	return true
}
