package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
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
	for _, line := range []string{"lang ru", "topic -1001 77 /search Курск", "inline 5 climate", "press 42 rm:1:x 9", "user 7", "chat -5 group hello",
		"press -1001 ss:1:x 12 77", "edit -5 group 100003 /subscribe kursk", "edit -7 channel 4 fixed",
		"photo 5 private /subscribe harbour", "sticker 5 private"} {
		if err := d.do(line); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
	}
	if err := d.do("topic -1001 x /list"); err == nil {
		t.Error("a bad thread was accepted")
	}
	got := getUpdates(t, srv)
	if len(got) != 9 {
		t.Fatalf("%d updates, want 9: %v", len(got), got)
	}
	msg := got[0]["message"].(map[string]any)
	if msg["message_thread_id"] != float64(77) || msg["is_topic_message"] != true || msg["from"].(map[string]any)["language_code"] != "ru" {
		t.Errorf("topic message = %v", msg)
	}
	if ent := msg["entities"].([]any)[0].(map[string]any); ent["length"] != float64(len("/search")) {
		t.Errorf("command entity = %v", ent)
	}
	if q := got[1]["inline_query"].(map[string]any); q["query"] != "climate" {
		t.Errorf("inline query = %v", q)
	}
	if cb := got[2]["callback_query"].(map[string]any); cb["data"] != "rm:1:x" || cb["message"].(map[string]any)["message_id"] != float64(9) {
		t.Errorf("callback = %v", cb)
	}
	if from := got[3]["message"].(map[string]any)["from"].(map[string]any); from["id"] != float64(7) {
		t.Errorf("group message from %v, want user 7", from)
	}
	if m := got[4]["callback_query"].(map[string]any)["message"].(map[string]any); m["message_thread_id"] != float64(77) || m["is_topic_message"] != true {
		t.Errorf("a press in topic 77 came under %v", m)
	}
	if e, ok := got[5]["edited_message"].(map[string]any); !ok || e["message_id"] != float64(100003) || e["text"] != "/subscribe kursk" || e["edit_date"] == nil {
		t.Errorf("edit = %v", got[5])
	}
	if e, ok := got[6]["edited_channel_post"].(map[string]any); !ok || e["from"] != nil {
		t.Errorf("channel edit = %v", got[6])
	}
	if p := got[7]["message"].(map[string]any); p["caption"] != "/subscribe harbour" || p["photo"] == nil || p["caption_entities"] == nil || p["text"] != nil {
		t.Errorf("photo = %v", p)
	}
	if st := got[8]["message"].(map[string]any); st["sticker"].(map[string]any)["emoji"] != "👍" || st["text"] != nil {
		t.Errorf("sticker = %v", st)
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
	// Two rows printed as one: a stranger could not see the layout.
	rows := format(telegramtest.Call{Method: "sendMessage", Params: url.Values{"chat_id": {"5"}, "text": {"x"},
		"reply_markup": {`{"inline_keyboard":[[{"text":"A","callback_data":"a"},{"text":"B","callback_data":"b"}],[{"text":"C","callback_data":"c"}]]}`}}})
	if !strings.Contains(rows, "    buttons: [A → a] [B → b]\n    buttons: [C → c]") {
		t.Errorf("format of two rows = %q, want one line a row", rows)
	}
	// A silent alert (quiet hours "silent") looked like any other.
	silent := format(telegramtest.Call{Method: "sendMessage", Params: url.Values{"chat_id": {"5"}, "disable_notification": {"true"}, "text": {"x"}}})
	if !strings.Contains(silent, "> sendMessage chat_id=5 disable_notification=true") {
		t.Errorf("format of a silent send = %q, want disable_notification shown", silent)
	}
}

// TestDriverRemovesTheBotAndMigratesGroups: "bot" queues the bot's
// my_chat_member change and refuses sends to a chat it left (403) until it
// is back; "migrate" queues the two service messages and refuses sends to
// the old group with migrate_to_chat_id, as Telegram does.
func TestDriverRemovesTheBotAndMigratesGroups(t *testing.T) {
	srv, d := newTestDriver(t, &bytes.Buffer{})
	send := func(chat string) map[string]any {
		t.Helper()
		body := post[map[string]any](t, srv.URL+"/bot1:t/sendMessage", url.Values{"chat_id": {chat}, "text": {"hi"}})
		return body
	}
	for _, line := range []string{"bot 500 private kicked", "migrate -5 -1005"} {
		if err := d.do(line); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
	}
	refused(t, d, "bot 500 private banned", "bot x private kicked", "migrate -5", "migrate 5 -1005")
	if got := send("500"); got["error_code"] != float64(403) || got["description"] != "Forbidden: bot was blocked by the user" {
		t.Errorf("a send to a user who blocked the bot: %v", got)
	}
	if got := send("-5"); got["error_code"] != float64(400) || got["parameters"].(map[string]any)["migrate_to_chat_id"] != float64(-1005) {
		t.Errorf("a send to a migrated group: %v", got)
	}
	if got := send("-1005"); got["ok"] != true {
		t.Errorf("a send to the supergroup: %v", got)
	}
	if refused := srv.Calls("sendMessage")[0]; refused.Params.Get("_refused") == "" {
		t.Errorf("the refused send is recorded as accepted: %v", refused.Params)
	}
	mustDo(t, d, "bot 500 private member")
	if got := send("500"); got["ok"] != true {
		t.Errorf("a send to a user who unblocked the bot: %v", got)
	}
	// Promoted, then removed: each update says what the bot was before.
	for _, line := range []string{"bot -7 group member", "bot -7 group administrator", "bot -7 group kicked"} {
		mustDo(t, d, line)
	}
	if got := send("-7"); got["error_code"] != float64(403) {
		t.Errorf("a send to a group that removed its admin bot: %v", got)
	}
	body := post[struct{ Result []map[string]any }](t, srv.URL+"/bot1:t/getUpdates", url.Values{"timeout": {"0"}})
	if len(body.Result) != 7 || body.Result[0]["my_chat_member"] == nil || body.Result[2]["message"].(map[string]any)["migrate_from_chat_id"] != float64(-5) {
		t.Errorf("updates: %v", body.Result)
	}
	for i, want := range []string{"left", "member", "administrator"} {
		cm, _ := body.Result[4+i]["my_chat_member"].(map[string]any)
		if old, _ := cm["old_chat_member"].(map[string]any); old == nil || old["status"] != want {
			t.Errorf("update %d: old_chat_member = %v, want %s", 4+i, cm["old_chat_member"], want)
		}
	}
}

// TestDriverScrollsInlineAnswers: scroll repeats the last inline query with
// its answer's next_offset, and says so when there is no next page.
func TestDriverScrollsInlineAnswers(t *testing.T) {
	srv, err := telegramtest.NewServerAt("1:t", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	var out bytes.Buffer
	d := newDriver(srv, &out)
	if err := d.do("scroll"); err == nil {
		t.Error("scroll before any inline query was accepted")
	}
	mustDo(t, d, "inline 5 climate")
	answer := func(id, next string) {
		t.Helper()
		v := url.Values{"inline_query_id": {id}, "results": {`[{"type":"article","id":"a1","title":"T","input_message_content":{"message_text":"x"}}]`}}
		if next != "" {
			v.Set("next_offset", next)
		}
		resp, err := http.PostForm(srv.URL+"/bot1:t/answerInlineQuery", v)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	first := d.lastInline.id
	answer(first, "10")
	mustDo(t, d, "scroll")
	if d.lastInline.id == first || d.lastInline.query != "climate" {
		t.Fatalf("scroll sent %+v", d.lastInline)
	}
	second := d.lastInline.id
	answer(second, "")
	mustDo(t, d, "scroll")
	if d.lastInline.id != second || !strings.Contains(out.String(), "no more results") {
		t.Errorf("scroll past the last page sent a query, or said nothing: %q", out.String())
	}
	got := getUpdates(t, srv)
	if len(got) != 2 || got[1]["inline_query"].(map[string]any)["offset"] != "10" {
		t.Fatalf("updates = %v; want the query, then it again at offset 10", got)
	}
}

// TestDriverRepliesToTheBotsMessage: "reply" to a message the bot sent
// names the bot as its sender, as Telegram does (and privacy mode lets the
// reply through); a reply to another message does not.
func TestDriverRepliesToTheBotsMessage(t *testing.T) {
	srv, err := telegramtest.NewServerAt("1:t", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	resp, err := http.PostForm(srv.URL+"/bot1:t/sendMessage", url.Values{"chat_id": {"-5"}, "text": {"Tell me what to look for"}})
	if err != nil {
		t.Fatal(err)
	}
	var sent struct {
		Result struct {
			MessageID int `json:"message_id"`
		}
	}
	err = json.NewDecoder(resp.Body).Decode(&sent)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(srv, &bytes.Buffer{})
	for _, line := range []string{fmt.Sprintf("reply -5 group %d kursk deminers", sent.Result.MessageID), "reply -5 group 99999 hello"} {
		if err := d.do(line); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
	}
	got := getUpdates(t, srv)
	if len(got) != 2 {
		t.Fatalf("%d updates, want 2", len(got))
	}
	for i, wantBot := range []bool{true, false} {
		r := got[i]["message"].(map[string]any)["reply_to_message"].(map[string]any)
		from, _ := r["from"].(map[string]any)
		if isBot := from != nil && from["is_bot"] == true; isBot != wantBot {
			t.Errorf("reply %d answers %v; from the bot %v, want %v", i, r, isBot, wantBot)
		}
	}
}

// newTestDriver starts a fake Telegram for the token "1:t", closed when
// the test ends, and a driver of it that writes to out.
// refused checks that d refuses each of lines.
func refused(t *testing.T, d *driver, lines ...string) {
	t.Helper()
	for _, line := range lines {
		if err := d.do(line); err == nil {
			t.Errorf("%q was accepted", line)
		}
	}
}

// mustDo runs line on d and ends the test when d refuses it.
func mustDo(t *testing.T, d *driver, line string) {
	t.Helper()
	if err := d.do(line); err != nil {
		t.Fatal(err)
	}
}

func newTestDriver(t *testing.T, out *bytes.Buffer) (*telegramtest.Server, *driver) {
	t.Helper()
	srv, err := telegramtest.NewServerAt("1:t", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	return srv, newDriver(srv, out)
}

// post calls the fake's Bot API at url with the form v, as the bot
// would, and returns its answer decoded into a T; it fails the test when
// the call or the decoding fails.
func post[T any](t *testing.T, url string, v url.Values) T {
	t.Helper()
	resp, err := http.PostForm(url, v)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body T
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	return body
}

// getUpdates reads the queued updates as the bot would.
func getUpdates(t *testing.T, srv *telegramtest.Server) []map[string]any {
	t.Helper()
	return post[struct{ Result []map[string]any }](t, srv.URL+"/bot1:t/getUpdates", url.Values{"timeout": {"0"}}).Result
}

// TestDriverClosesAndReopensTopics: "close CHAT THREAD" refuses sends to the
// topic TOPIC_CLOSED ("close CHAT 0" hides General: sends outside any topic
// are refused); "reopen" opens it again and sends the service message
// Telegram sends (forum_topic_reopened, general_forum_topic_unhidden).
func TestDriverClosesAndReopensTopics(t *testing.T) {
	srv, d := newTestDriver(t, &bytes.Buffer{})
	send := func(thread string) map[string]any {
		t.Helper()
		v := url.Values{"chat_id": {"-1009"}, "text": {"hi"}}
		if thread != "" {
			v.Set("message_thread_id", thread)
		}
		body := post[map[string]any](t, srv.URL+"/bot1:t/sendMessage", v)
		return body
	}
	for _, line := range []string{"topic -1009 77 hello", "close -1009 77", "close -1009 0"} {
		if err := d.do(line); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
	}
	for _, thread := range []string{"77", ""} {
		if got := send(thread); got["description"] != "Bad Request: TOPIC_CLOSED" {
			t.Errorf("a send to closed thread %q: %v", thread, got)
		}
	}
	refused(t, d, "reopen -1009", "reopen x 77")
	for _, line := range []string{"reopen -1009 77", "reopen -1009 0"} {
		if err := d.do(line); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
	}
	for _, thread := range []string{"77", ""} {
		if got := send(thread); got["ok"] != true {
			t.Errorf("a send to reopened thread %q: %v", thread, got)
		}
	}
	updates := getUpdates(t, srv)
	var kinds []string
	for _, u := range updates {
		m, _ := u["message"].(map[string]any)
		for _, k := range []string{"general_forum_topic_hidden", "forum_topic_reopened", "general_forum_topic_unhidden"} {
			if m[k] != nil {
				kinds = append(kinds, fmt.Sprint(k, "@", m["message_thread_id"]))
			}
		}
	}
	if strings.Join(kinds, " ") != "general_forum_topic_hidden@<nil> forum_topic_reopened@77 general_forum_topic_unhidden@<nil>" {
		t.Errorf("service messages = %v", kinds)
	}
}

// A group that mutes the bot: the driver had no such line, so what a
// restricted bot meets (sends refused 400 "not enough rights", reads
// still answered) could not be tried.
func TestDriverRestrictsTheBot(t *testing.T) {
	srv, d := newTestDriver(t, &bytes.Buffer{})
	call := func(method string) map[string]any {
		t.Helper()
		body := post[map[string]any](t, srv.URL+"/bot1:t/"+method, url.Values{"chat_id": {"-100"}, "user_id": {"42"}, "text": {"hi"}})
		return body
	}
	for _, bad := range []string{"bot 500 private restricted", "bot -1009 channel restricted"} {
		if err := d.do(bad); err == nil {
			t.Errorf("%q was accepted: only a group restricts a member", bad)
		}
	}
	mustDo(t, d, "bot -100 supergroup restricted")
	if got := call("sendMessage"); got["error_code"] != float64(400) || got["description"] != "Bad Request: not enough rights to send text messages to the chat" {
		t.Errorf("a send to a group that muted the bot: %v", got)
	}
	if got := call("getChatMember"); got["ok"] != true {
		t.Errorf("getChatMember in a group that muted the bot: %v", got)
	}
	mustDo(t, d, "bot -100 supergroup member")
	if got := call("sendMessage"); got["ok"] != true {
		t.Errorf("a send once the bot may write again: %v", got)
	}
	body := post[struct{ Result []map[string]any }](t, srv.URL+"/bot1:t/getUpdates", url.Values{"timeout": {"0"}})
	if len(body.Result) != 2 {
		t.Fatalf("updates: %v", body.Result)
	}
	cm := body.Result[0]["my_chat_member"].(map[string]any)
	nm := cm["new_chat_member"].(map[string]any)
	if nm["status"] != "restricted" || nm["can_send_messages"] != false || nm["is_member"] != true {
		t.Errorf("restricted: new_chat_member = %v", nm)
	}
	if old := body.Result[1]["my_chat_member"].(map[string]any)["old_chat_member"].(map[string]any); old["status"] != "restricted" {
		t.Errorf("unmuted: old_chat_member = %v, want restricted", old)
	}
}

// chosen_inline_result could not be tried: the driver had no line for it.
// It is queued as Telegram sends it, and delivered only to a bot whose
// allowed_updates name it.
func TestDriverChoosesAnInlineResult(t *testing.T) {
	srv, d := newTestDriver(t, &bytes.Buffer{})
	refused(t, d, "chosen", "chosen 42", "chosen x a5 kursk")
	mustDo(t, d, "chosen 42 a5 kursk deminers")
	poll := func(allowed string) []map[string]any {
		t.Helper()
		body := post[struct{ Result []map[string]any }](t, srv.URL+"/bot1:t/getUpdates", url.Values{"timeout": {"0"}, "allowed_updates": {allowed}})
		return body.Result
	}
	got := poll(`["chosen_inline_result"]`)
	if len(got) != 1 {
		t.Fatalf("updates: %v", got)
	}
	c, _ := got[0]["chosen_inline_result"].(map[string]any)
	if c["result_id"] != "a5" || c["query"] != "kursk deminers" || c["from"].(map[string]any)["id"] != float64(42) {
		t.Errorf("chosen_inline_result = %v", c)
	}
	mustDo(t, d, "chosen 42 a6")
	if got := poll(`["message","inline_query"]`); len(got) != 0 {
		t.Errorf("a bot that did not ask for chosen_inline_result got %v", got)
	}
	var out bytes.Buffer
	d.out = &out
	mustDo(t, d, "chosen 42 a7")
	if !strings.Contains(out.String(), "never delivers it") {
		t.Errorf("the driver did not say the update is not delivered: %q", out.String())
	}
}

// In a forum, an edit of a topic's message, a reply to one and a press of
// a button the bot sent to a topic came outside any topic (the driver
// forgot where the message was), so the bot's answers could not be
// checked where Telegram puts them; closing a topic sent no
// forum_topic_closed.
func TestDriverKeepsMessagesInTheirTopics(t *testing.T) {
	srv, d := newTestDriver(t, &bytes.Buffer{})
	mustDo(t, d, "topic -100 7 /subscribe kursk")
	mine := d.nextID // the topic message's id
	resp, err := http.PostForm(srv.URL+"/bot1:t/sendMessage", url.Values{"chat_id": {"-100"}, "text": {"ok"}, "message_thread_id": {"7"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	bots, _ := strconv.Atoi(srv.Sent(-100)[0].Params.Get("_message_id"))
	for _, line := range []string{
		fmt.Sprintf("edit -100 supergroup %d /subscribe kursk deminers", mine),
		fmt.Sprintf("reply -100 supergroup %d thanks", bots),
		fmt.Sprintf("press -100 mute:1 %d", bots),
		"close -100 7",
	} {
		if err := d.do(line); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
	}
	body := post[struct{ Result []map[string]any }](t, srv.URL+"/bot1:t/getUpdates", url.Values{"timeout": {"0"}})
	if len(body.Result) != 5 {
		t.Fatalf("updates: %v", body.Result)
	}
	for i, key := range []string{"message", "edited_message", "message", "callback_query", "message"} {
		m, _ := body.Result[i][key].(map[string]any)
		if key == "callback_query" {
			m, _ = m["message"].(map[string]any)
		}
		if m == nil || m["message_thread_id"] != float64(7) || m["is_topic_message"] != true {
			t.Errorf("update %d (%s) = %v, want it in topic 7", i, key, body.Result[i])
		}
	}
	if m, _ := body.Result[4]["message"].(map[string]any); m["forum_topic_closed"] == nil {
		t.Errorf("close: %v, want forum_topic_closed", body.Result[4])
	}
}

// A channel's post copied into its discussion group could not be tried:
// the driver had no line for it.
func TestDriverForwardsAChannelPostToItsGroup(t *testing.T) {
	srv, d := newTestDriver(t, &bytes.Buffer{})
	refused(t, d, "forward -1001", "forward 5 -1009 hi", "forward -1001 x hi")
	mustDo(t, d, "forward -1001 -1009 /subscribe kursk")
	resp, err := http.PostForm(srv.URL+"/bot1:t/getUpdates", url.Values{"timeout": {"0"}})
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		Result []struct {
			Message map[string]any `json:"message"`
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	if len(body.Result) != 1 {
		t.Fatalf("updates: %v", body.Result)
	}
	m := body.Result[0].Message
	if m["is_automatic_forward"] != true || m["sender_chat"].(map[string]any)["id"] != float64(-1009) ||
		m["chat"].(map[string]any)["id"] != float64(-1001) || m["entities"] == nil {
		t.Errorf("message = %v", m)
	}
}

// TestDriverSendsADocument: "document CHAT TYPE FILE CAPTION" queues a
// document message whose caption carries its command, as Telegram sends an
// OPML file captioned /import, and the fake serves the file's bytes to
// getFile and the download address the bot derives from it. A reply to a
// file carries it (reply_to_message.document), as /import answering a file
// sent without a caption needs.
func TestDriverSendsADocument(t *testing.T) {
	srv, d := newTestDriver(t, &bytes.Buffer{})
	path := filepath.Join(t.TempDir(), "feeds.opml")
	opml := `<opml version="2.0"><body><outline xmlUrl="http://127.0.0.1:1/rss"/></body></opml>`
	if err := os.WriteFile(path, []byte(opml), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := d.do("document 42 private " + path + " /import"); err != nil {
		t.Fatal(err)
	}
	if err := d.do("document 42 private " + path); err != nil {
		t.Fatal(err)
	}
	if err := d.do("reply 42 private 100002 /import"); err != nil {
		t.Fatal(err)
	}
	if err := d.do("document 42 private " + path + ".missing /import"); err == nil {
		t.Error("a file that does not exist was queued")
	}
	got := getUpdates(t, srv)
	if len(got) != 3 {
		t.Fatalf("%d updates, want 3: %v", len(got), got)
	}
	reply := got[2]["message"].(map[string]any)
	if replied, _ := reply["reply_to_message"].(map[string]any)["document"].(map[string]any); reply["text"] != "/import" || replied["file_name"] != "feeds.opml" {
		t.Errorf("a reply to the file = %v, want it to carry the file", reply)
	}
	msg := got[0]["message"].(map[string]any)
	doc, _ := msg["document"].(map[string]any)
	if msg["caption"] != "/import" || doc["file_name"] != "feeds.opml" || doc["file_size"] != float64(len(opml)) {
		t.Fatalf("document message = %v", msg)
	}
	if ent := msg["caption_entities"].([]any)[0].(map[string]any); ent["type"] != "bot_command" || ent["length"] != float64(len("/import")) {
		t.Errorf("caption entity = %v", ent)
	}
	file := post[struct {
		Result struct {
			FilePath string `json:"file_path"`
		}
	}](t, srv.URL+"/bot1:t/getFile", url.Values{"file_id": {doc["file_id"].(string)}}).Result
	resp, err := http.Get(srv.URL + "/file/bot1:t/" + file.FilePath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || string(body) != opml {
		t.Errorf("download: %d %q, want the file", resp.StatusCode, body)
	}
}

// An anonymous group admin writes as the group: "anon GROUP TEXT" queues
// the message as Telegram sends it, from @GroupAnonymousBot with the group
// as sender_chat, which the bot takes as an admin's.
func TestDriverSendsAnAnonymousAdminsMessage(t *testing.T) {
	srv, d := newTestDriver(t, &bytes.Buffer{})
	if err := d.do("anon -1005 /subscribe kursk"); err != nil {
		t.Fatal(err)
	}
	if err := d.do("anon 5 hello"); err == nil {
		t.Error("a private chat id was taken as a group")
	}
	got := getUpdates(t, srv)
	if len(got) != 1 {
		t.Fatalf("%d updates, want 1: %v", len(got), got)
	}
	msg := got[0]["message"].(map[string]any)
	from, sender := msg["from"].(map[string]any), msg["sender_chat"].(map[string]any)
	if from["id"] != float64(1087968824) || sender["id"] != float64(-1005) || msg["text"] != "/subscribe kursk" || msg["entities"] == nil {
		t.Errorf("anonymous admin's message = %v", msg)
	}
}

// Anonymous admins write in forum topics as anyone does; "anon" could only
// write in General. "anontopic GROUP THREAD TEXT" puts the message in the
// topic, and a reply to it stays there.
func TestDriverSendsAnAnonymousAdminsMessageInATopic(t *testing.T) {
	srv, d := newTestDriver(t, &bytes.Buffer{})
	for _, line := range []string{"anontopic -1005 77 /subscribe kursk", "reply -1005 supergroup 100001 volcano"} {
		if err := d.do(line); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
	}
	for _, bad := range []string{"anontopic 5 77 hello", "anontopic -1005 x hello", "anontopic -1005 77"} {
		if err := d.do(bad); err == nil {
			t.Errorf("%q was accepted", bad)
		}
	}
	got := getUpdates(t, srv)
	if len(got) != 2 {
		t.Fatalf("%d updates, want 2: %v", len(got), got)
	}
	msg := got[0]["message"].(map[string]any)
	if msg["message_thread_id"] != float64(77) || msg["is_topic_message"] != true || msg["sender_chat"].(map[string]any)["id"] != float64(-1005) ||
		msg["from"].(map[string]any)["id"] != float64(1087968824) {
		t.Errorf("anonymous admin's message in a topic = %v", msg)
	}
	if reply := got[1]["message"].(map[string]any); reply["message_thread_id"] != float64(77) {
		t.Errorf("a reply to it = %v, want it in topic 77", reply)
	}
}

// A stranger could not send a message of several lines ("/subscribe" then
// the query on the next line, a pasted OPML list): \n in a text is a line
// break, and the command's entity still ends at its end.
func TestDriverTextsTakeLineBreaks(t *testing.T) {
	srv, err := telegramtest.NewServerAt("1:t", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	d := newDriver(srv, io.Discard)
	if err := d.do(`chat 5 private /subscribe\nkursk deminers`); err != nil {
		t.Fatal(err)
	}
	got := getUpdates(t, srv)
	if len(got) != 1 {
		t.Fatalf("%d updates, want 1", len(got))
	}
	msg := got[0]["message"].(map[string]any)
	if msg["text"] != "/subscribe\nkursk deminers" {
		t.Errorf("text = %q, want the query on a second line", msg["text"])
	}
	if ent := msg["entities"].([]any)[0].(map[string]any); ent["length"] != float64(len("/subscribe")) {
		t.Errorf("command entity = %v", ent)
	}
}

// The printed setMyCommands calls name the commands without their
// descriptions, so whether a chat's menu spoke its language could not be
// seen; "menu" prints the one a user sees, in Telegram's order of scopes.
func TestDriverPrintsTheMenuAUserSees(t *testing.T) {
	srv, err := telegramtest.NewServerAt("1:t", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	set := func(params url.Values) {
		t.Helper()
		resp, err := http.PostForm(fmt.Sprintf(srv.Endpoint(), "1:t", "setMyCommands"), params)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	var out bytes.Buffer
	d := newDriver(srv, &out)
	if err := d.do("chat -5 group hello"); err != nil { // the fake refuses the menu of a chat it never saw
		t.Fatal(err)
	}
	set(url.Values{"commands": {`[{"command":"search","description":"Search the news"}]`}, "scope": {`{"type":"default"}`}})
	set(url.Values{"commands": {`[{"command":"search","description":"Поиск по новостям"}]`}, "scope": {`{"type":"default"}`}, "language_code": {"ru"}})
	set(url.Values{"commands": {`[{"command":"subscribe","description":"Abonnieren"}]`}, "scope": {`{"type":"chat_administrators","chat_id":-5}`}})
	for _, line := range []string{"lang ru", "menu 7 private", "lang de", "menu -5 group", "menu -5 group admin"} {
		if err := d.do(line); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
	}
	for _, want := range []string{`app in "ru": 1 commands`, "#   /search — Поиск по новостям", "#   /search — Search the news", "the menu an admin sees in group chat -5", "#   /subscribe — Abonnieren"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no %q in:\n%s", want, out.String())
		}
	}
	for _, bad := range []string{"menu", "menu x private", "menu -5 group boss"} {
		if err := d.do(bad); err == nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}

// A person deleting the bot's alert: the driver had no such line, so the
// "Also:" edit of a deleted alert (refused "message to edit not found")
// could not be tried by hand.
func TestDriverUnsendsTheBotsMessage(t *testing.T) {
	srv, d := newTestDriver(t, &bytes.Buffer{})
	sent := post[map[string]any](t, srv.URL+"/bot1:t/sendMessage", url.Values{"chat_id": {"42"}, "text": {"Quake"}})
	res, _ := sent["result"].(map[string]any)
	id := fmt.Sprint(res["message_id"])
	refused(t, d, "unsend 42", "unsend x 1", "unsend 42 y")
	if err := d.do("unsend 42 " + id); err != nil {
		t.Fatal(err)
	}
	got := post[map[string]any](t, srv.URL+"/bot1:t/editMessageText", url.Values{"chat_id": {"42"}, "message_id": {id}, "text": {"Quake · Also: Reuters"}})
	if got["description"] != "Bad Request: message to edit not found" {
		t.Errorf("an edit of the deleted message: %v", got)
	}
}
