package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/news"
)

// Tests of what Telegram added after the library's Bot API 5.5: forum
// topics, threaded replies, link previews, inline mode, shared
// subscriptions, menus per scope and paid broadcasts. Those that take
// updates run in long-poll and webhook mode.

var modes = []struct {
	name    string
	webhook bool
}{{"long poll", false}, {"webhook", true}}

// queueAlert stores an article titled title and queues its alert for the
// chat's subscription sub.
func (h *harness) queueAlert(chat, sub int64, title string) {
	h.t.Helper()
	h.queueAlertImage(chat, sub, title, "")
}

// queueAlertImage queues an alert of a new article titled title whose feed
// gave the image image ("" = none) and wakes the sender.
func (h *harness) queueAlertImage(chat, sub int64, title, image string) {
	h.t.Helper()
	h.queueAlertImages(chat, sub, title, "", image)
}

// topicReply sends text in forum topic thread and returns the next message the chat receives.
func (h *harness) topicReply(chat int64, thread int, user int64, text string) telegramtest.Call {
	h.t.Helper()
	n := len(h.tg.Sent(chat))
	h.queued.Add(1)
	h.tg.SendTopicText(chat, thread, user, text)
	return h.tg.WaitSent(h.t, chat, n+1, 5*time.Second)[n]
}

func replyTo(t *testing.T, c telegramtest.Call) int {
	t.Helper()
	v := c.Params.Get("reply_parameters")
	if v == "" {
		return 0
	}
	var rp struct {
		MessageID int `json:"message_id"`
	}
	if err := json.Unmarshal([]byte(v), &rp); err != nil {
		t.Fatal(err)
	}
	return rp.MessageID
}

func TestTopicsAnswerAlertAndListInTheirTopic(t *testing.T) {
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			h := newHarnessIn(t, mode.webhook)
			const group = -1001
			h.tg.SetMember(group, 5, "administrator")
			h.tg.AddTopic(group, 78)
			got := h.topicReply(group, 77, 5, "/subscribe kursk")
			if got.Params.Get("message_thread_id") != "77" || !strings.Contains(got.Text(), "Subscribed") {
				t.Fatalf("answer to /subscribe in topic 77: thread %q, %q", got.Params.Get("message_thread_id"), got.Text())
			}
			if replyTo(t, got) == 0 {
				t.Errorf("the answer does not reply to the command: %v", got.Params)
			}
			if got := h.topicReply(group, 77, 5, "/list"); !strings.Contains(got.Text(), "kursk") || got.Params.Get("message_thread_id") != "77" {
				t.Errorf("/list in topic 77 = %q (thread %q)", got.Text(), got.Params.Get("message_thread_id"))
			}
			if got := h.topicReply(group, 78, 5, "/list"); strings.Contains(got.Text(), "kursk") || got.Params.Get("message_thread_id") != "78" {
				t.Errorf("/list in topic 78 = %q (thread %q), want none of topic 77's", got.Text(), got.Params.Get("message_thread_id"))
			}
			subs, err := h.st.ListSubscriptions(context.Background(), group)
			if err != nil || len(subs) != 1 || subs[0].ThreadID != 77 {
				t.Fatalf("subscriptions = %+v, %v; want one for topic 77", subs, err)
			}
			n := len(h.tg.Sent(group))
			h.queueAlert(group, subs[0].ID, "Kursk deminers return")
			alert := h.tg.WaitSent(t, group, n+1, 5*time.Second)[n]
			if alert.Params.Get("message_thread_id") != "77" || !strings.Contains(alert.Text(), "Kursk deminers") {
				t.Errorf("alert went to thread %q: %q", alert.Params.Get("message_thread_id"), alert.Text())
			}
		})
	}
}

func TestGoneTopicFallsBackToGeneralOnce(t *testing.T) {
	// A deleted topic's notice said "until it is reopened", which a deleted
	// topic never is.
	for _, tc := range []struct{ name, close, notice string }{{"deleted", "delete", "topic this was meant for was deleted"}, {"closed", "close", "until it is reopened"}} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			const group = -1002
			h.tg.SetMember(group, 5, "administrator")
			h.topicReply(group, 77, 5, "/subscribe kursk")
			subs, err := h.st.ListSubscriptions(context.Background(), group)
			if err != nil || len(subs) != 1 {
				t.Fatalf("subscriptions = %+v, %v", subs, err)
			}
			if tc.close == "delete" {
				h.tg.DeleteTopic(group, 77)
			} else {
				h.tg.CloseTopic(group, 77)
			}
			n := len(h.tg.Sent(group))
			h.queueAlert(group, subs[0].ID, "Kursk first")
			got := h.tg.WaitSent(t, group, n+1, 5*time.Second)[n]
			if got.Params.Has("message_thread_id") || !strings.Contains(got.Text(), tc.notice) || !strings.Contains(got.Text(), "Kursk first") {
				t.Fatalf("fallback = thread %q, %q", got.Params.Get("message_thread_id"), got.Text())
			}
			h.queueAlert(group, subs[0].ID, "Kursk second")
			got = h.tg.WaitSent(t, group, n+2, 5*time.Second)[n+1]
			if got.Params.Has("message_thread_id") || strings.Contains(got.Text(), "topic this was meant for") {
				t.Errorf("next alert = thread %q, %q; want General without a notice", got.Params.Get("message_thread_id"), got.Text())
			}
			refused := 0
			for _, c := range h.tg.Calls("sendMessage") {
				if c.Params.Get("_accepted") != "1" {
					refused++
				}
			}
			if refused != 1 {
				t.Errorf("%d refused sends, want 1 (no loop)", refused)
			}
			sub, err := h.st.FindSubscription(context.Background(), group, subs[0].ID)
			if err != nil || sub.ThreadID != 0 {
				t.Errorf("subscription after the fallback = %+v, %v; want General", sub, err)
			}
		})
	}
}

// A closed topic's subscriptions went to General for good, even once the
// topic was reopened. Reopened (forum_topic_reopened), the topic gets them
// back and hears so once; its alerts go there again. A deleted topic is
// never reopened, so its subscriptions stay in General.
func TestAReopenedTopicGetsItsAlertsBack(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	const group = -1006
	h.tg.SetMember(group, 5, "administrator")
	h.topicReply(group, 77, 5, "/subscribe kursk")
	subs, err := h.st.ListSubscriptions(ctx, group)
	if err != nil || len(subs) != 1 {
		t.Fatalf("subscriptions = %+v, %v", subs, err)
	}
	h.tg.CloseTopic(group, 77)
	n := len(h.tg.Sent(group))
	h.queueAlert(group, subs[0].ID, "Kursk first")
	if got := h.tg.WaitSent(t, group, n+1, 5*time.Second)[n]; got.Params.Has("message_thread_id") {
		t.Fatalf("alert to a closed topic went to thread %q", got.Params.Get("message_thread_id"))
	}
	h.settle()

	n = len(h.tg.Sent(group))
	h.queued.Add(1)
	h.tg.ReopenTopic(group, 77)
	notice := h.tg.WaitSent(t, group, n+1, 5*time.Second)[n]
	if notice.Params.Get("message_thread_id") != "77" || !strings.Contains(notice.Text(), "open again") {
		t.Errorf("after the reopening: thread %q, %q; want a notice in topic 77", notice.Params.Get("message_thread_id"), notice.Text())
	}
	if sub, err := h.st.FindSubscription(ctx, group, subs[0].ID); err != nil || sub.ThreadID != 77 {
		t.Fatalf("subscription after the reopening = %+v, %v; want topic 77", sub, err)
	}
	h.queueAlert(group, subs[0].ID, "Kursk second")
	if got := h.tg.WaitSent(t, group, n+2, 5*time.Second)[n+1]; got.Params.Get("message_thread_id") != "77" || strings.Contains(got.Text(), "gone") {
		t.Errorf("alert after the reopening = thread %q, %q; want topic 77", got.Params.Get("message_thread_id"), got.Text())
	}
	h.settle()
	n = len(h.tg.Sent(group))
	h.queued.Add(1)
	h.tg.ReopenTopic(group, 77) // again: nothing moves, nothing said
	h.settle()
	if got := h.tg.Sent(group); len(got) != n {
		t.Errorf("a second reopening said %q", got[n].Text())
	}

	// A deleted topic: its subscription stays in General.
	h.clock.Advance(time.Minute)
	h.topicReply(group, 78, 5, "/subscribe flood")
	subs, err = h.st.ListSubscriptions(ctx, group)
	if err != nil || len(subs) != 2 || subs[1].ThreadID != 78 {
		t.Fatalf("subscriptions = %+v, %v", subs, err)
	}
	h.tg.DeleteTopic(group, 78)
	n = len(h.tg.Sent(group))
	h.queueAlert(group, subs[1].ID, "Flood first")
	h.tg.WaitSent(t, group, n+1, 5*time.Second)
	h.settle()
	if sub, err := h.st.FindSubscription(ctx, group, subs[1].ID); err != nil || sub.ThreadID != 0 {
		t.Errorf("subscription of a deleted topic = %+v, %v; want General", sub, err)
	}
}

// With a forum's General closed or hidden, each alert meant for General was
// refused TOPIC_CLOSED and dropped with a log line. It now waits, behind the
// chat's other messages (the open topics' alerts go on), and goes when
// General is unhidden; one refused for over a day is dropped.
func TestAlertsWaitForAHiddenGeneral(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	const group = -1007
	h.tg.SetMember(group, 5, "administrator")
	h.topicReply(group, 77, 5, "/subscribe kursk")
	h.clock.Advance(time.Minute)
	h.reply(group, "supergroup", 5, "/subscribe flood")
	subs, err := h.st.ListSubscriptions(ctx, group)
	if err != nil || len(subs) != 2 || subs[0].ThreadID != 77 || subs[1].ThreadID != 0 {
		t.Fatalf("subscriptions = %+v, %v", subs, err)
	}
	kursk, flood := subs[0].ID, subs[1].ID
	h.settle()
	h.queued.Add(1)
	h.tg.HideGeneral(group)
	h.settle()

	refused := func(title string) bool {
		for _, c := range h.tg.Calls("sendMessage") {
			if c.Params.Get("_accepted") != "1" && strings.Contains(c.Params.Get("text"), title) {
				return true
			}
		}
		return false
	}
	n := len(h.tg.Sent(group))
	h.queueAlert(group, flood, "Flood one")
	testkit.WaitFor(t, "General to refuse the alert", func() bool { return refused("Flood one") })
	h.queueAlert(group, kursk, "Kursk one")
	if got := h.tg.WaitSent(t, group, n+1, 5*time.Second)[n]; got.Params.Get("message_thread_id") != "77" || !strings.Contains(got.Text(), "Kursk one") {
		t.Fatalf("while General is hidden: thread %q, %q; want topic 77's alert", got.Params.Get("message_thread_id"), got.Text())
	}
	testkit.WaitFor(t, "topic 77's alert marked sent, General's kept", func() bool {
		pending, err := h.st.CountPending(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return pending == 1
	})
	if !strings.Contains(h.logs.String(), "General topic is closed or hidden") {
		t.Errorf("no log line says General's alert waits:\n%s", h.logs.String())
	}

	h.queued.Add(1)
	h.tg.UnhideGeneral(group)
	if got := h.tg.WaitSent(t, group, n+2, 5*time.Second)[n+1]; got.Params.Has("message_thread_id") || !strings.Contains(got.Text(), "Flood one") {
		t.Fatalf("after General is unhidden: thread %q, %q; want General's alert", got.Params.Get("message_thread_id"), got.Text())
	}
	h.settle()

	// Hidden for more than a day: the alert is dropped, with a log line.
	h.queued.Add(1)
	h.tg.HideGeneral(group)
	h.settle()
	h.queueAlert(group, flood, "Flood two")
	testkit.WaitFor(t, "General to refuse the second alert", func() bool { return refused("Flood two") })
	h.clock.Advance(25 * time.Hour)
	h.sender.Notify()
	testkit.WaitFor(t, "the old alert to be dropped", func() bool {
		pending, err := h.st.CountPending(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return pending == 0
	})
	if !strings.Contains(h.logs.String(), "General topic stayed closed") {
		t.Errorf("no log line says the alert was dropped")
	}
	// n+2: the two alerts; then the notice of the second hiding in topic 77
	// (TestAHiddenGeneralIsSaidInATopic), and no old alert.
	got := h.tg.Sent(group)
	if len(got) != n+3 {
		t.Errorf("%d messages, want %d: the old alert went out", len(got), n+3)
	}
	for _, c := range got[n+2:] {
		if strings.Contains(c.Text(), "Flood two") {
			t.Errorf("the old alert went out: %q", c.Text())
		}
	}
}

func TestRepliesInGroupsAnswerTheCommand(t *testing.T) {
	h := newHarness(t)
	got := h.reply(-5, "group", 7, "/help")
	if replyTo(t, got) == 0 || got.Params.Has("message_thread_id") {
		t.Errorf("group reply params = %v; want reply_parameters and no topic", got.Params)
	}
	if got := h.reply(7, "private", 7, "/help"); got.Params.Has("reply_parameters") {
		t.Errorf("private reply has reply_parameters: %v", got.Params)
	}
}

func TestPreviewChoiceShapesAlertsOnly(t *testing.T) {
	h := newHarness(t)
	const chat = 30
	if got := h.reply(chat, "private", chat, "/preview sideways"); !strings.Contains(got.Text(), "know the choice &#34;sideways&#34;") {
		t.Errorf("/preview sideways = %q", got.Text())
	}
	sub := h.mustSubscribe(chat, "private", "kursk")
	n := len(h.tg.Sent(chat))
	h.queueAlert(chat, sub.ID, "Kursk off")
	off := h.tg.WaitSent(t, chat, n+1, 5*time.Second)[n]
	if off.Params.Get("link_preview_options") != `{"is_disabled":true}` {
		t.Errorf("default alert preview = %s, want disabled", off.Params.Get("link_preview_options"))
	}
	if got := h.reply(chat, "private", chat, "/preview large"); !strings.Contains(got.Text(), "large link preview") {
		t.Errorf("/preview large = %q", got.Text())
	}
	n = len(h.tg.Sent(chat))
	h.queueAlert(chat, sub.ID, "Kursk large")
	large := h.tg.WaitSent(t, chat, n+1, 5*time.Second)[n]
	var lp map[string]any
	if err := json.Unmarshal([]byte(large.Params.Get("link_preview_options")), &lp); err != nil {
		t.Fatal(err)
	}
	if lp["url"] != "https://wire.example/Kursk-large" || lp["prefer_large_media"] != true || lp["is_disabled"] != nil {
		t.Errorf("large alert preview = %v", lp)
	}
	if got := h.reply(chat, "private", chat, "/list"); got.Params.Get("link_preview_options") != `{"is_disabled":true}` {
		t.Errorf("/list preview = %s, want disabled", got.Params.Get("link_preview_options"))
	}
}

// An alert previews the feed's image for the item when it has one (the
// article's text came from the feed), else the article's page; digests and
// lists never preview.
func TestPreviewUsesTheFeedImage(t *testing.T) {
	h := newHarness(t)
	const chat = 31
	sub := h.mustSubscribe(chat, "private", "kursk")
	if got := h.reply(chat, "private", chat, "/preview small"); !strings.Contains(got.Text(), "preview") {
		t.Errorf("/preview small = %q", got.Text())
	}
	preview := func(title, image string) map[string]any {
		t.Helper()
		n := len(h.tg.Sent(chat))
		h.queueAlertImage(chat, sub.ID, title, image)
		got := h.tg.WaitSent(t, chat, n+1, 5*time.Second)[n]
		var lp map[string]any
		if err := json.Unmarshal([]byte(got.Params.Get("link_preview_options")), &lp); err != nil {
			t.Fatalf("%s: link_preview_options %q: %v", title, got.Params.Get("link_preview_options"), err)
		}
		return lp
	}
	if lp := preview("Kursk pictured", "https://img.wire.example/kursk.jpg"); lp["url"] != "https://img.wire.example/kursk.jpg" || lp["prefer_small_media"] != true {
		t.Errorf("alert with a feed image previews %v, want the image", lp)
	}
	if lp := preview("Kursk plain", ""); lp["url"] != "https://wire.example/Kursk-plain" {
		t.Errorf("alert without a feed image previews %v, want the article", lp)
	}
	if got := h.reply(chat, "private", chat, "/list"); got.Params.Get("link_preview_options") != `{"is_disabled":true}` {
		t.Errorf("/list preview = %s, want disabled", got.Params.Get("link_preview_options"))
	}
}

// waitInline waits for the answer to inline query id and returns its results.
func waitInline(t *testing.T, tg *telegramtest.Server, id string) []map[string]any {
	t.Helper()
	var answer telegramtest.Call
	testkit.WaitFor(t, "an answer to inline query "+id, func() bool {
		for _, c := range tg.Calls("answerInlineQuery") {
			if c.Params.Get("inline_query_id") == id {
				answer = c
				return true
			}
		}
		return false
	})
	if answer.Params.Get("_accepted") != "1" {
		t.Fatalf("answerInlineQuery refused: %v", answer.Params)
	}
	var res []map[string]any
	if err := json.Unmarshal([]byte(answer.Params.Get("results")), &res); err != nil {
		t.Fatal(err)
	}
	return res
}

func TestInlineQueriesAnswerWithStoredNews(t *testing.T) {
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			h := newHarnessIn(t, mode.webhook)
			ctx := context.Background()
			src, err := h.st.UpsertSource(ctx, "Wire", "https://wire.example/rss", "config")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := h.st.InsertArticles(ctx, src.ID, []news.Article{
				{GUID: "1", URL: "https://wire.example/1", Title: "Kursk deminers clear fields", Text: "Deminers in Kursk.", PublishedAt: h.clock.Now()},
				{GUID: "2", URL: "https://wire.example/2", Title: "Pyongyang parade", Text: "North Korea.", PublishedAt: h.clock.Now()},
			}); err != nil {
				t.Fatal(err)
			}
			tests := []struct {
				name, query, want string
				button            bool // a notice: a button, no result that could be posted
			}{
				{"match", "kursk", "Kursk deminers clear fields", false},
				{"query language", "deminers -pyongyang", "Kursk deminers clear fields", false},
				{"bad query", `"unclosed`, "Can't search for that", true},
				{"too long", strings.Repeat("k", 300), "Query too long", true},
			}
			for _, tt := range tests {
				h.queued.Add(1)
				id := h.tg.SendInlineQuery(5, tt.query)
				res := waitInline(t, h.tg, id)
				if tt.button {
					if text, start := inlineButton(t, h.tg, id); len(res) != 0 || !strings.HasPrefix(text, tt.want) || start == "" {
						t.Errorf("%s: results = %v, button %q (start %q); want none and a button %q opening the bot", tt.name, res, text, start, tt.want)
					}
					continue
				}
				if len(res) == 0 || res[0]["title"] != tt.want {
					t.Errorf("%s: results = %v, want first titled %q", tt.name, res, tt.want)
				}
			}
		})
	}
}

// A stranger tapped the inline "Nothing found" result and posted that
// sentence into the chat: an answer that found nothing has no result, only
// a button that opens the private chat and subscribes to the query there.
func TestInlineNothingFoundIsAButtonThatSubscribes(t *testing.T) {
	h := newHarness(t)
	h.queued.Add(1)
	id := h.tg.SendInlineQuery(5, "zanzibar")
	if res := waitInline(t, h.tg, id); len(res) != 0 {
		t.Fatalf("results = %v, want none", res)
	}
	var button struct {
		Text           string `json:"text"`
		StartParameter string `json:"start_parameter"`
	}
	for _, c := range h.tg.Calls("answerInlineQuery") {
		if c.Params.Get("inline_query_id") == id {
			if err := json.Unmarshal([]byte(c.Params.Get("button")), &button); err != nil {
				t.Fatalf("button %q: %v", c.Params.Get("button"), err)
			}
		}
	}
	if !strings.Contains(button.Text, "Nothing found") || !strings.Contains(button.Text, "zanzibar") || button.StartParameter == "" {
		t.Fatalf("button = %+v, want Nothing found · Subscribe to zanzibar with a start parameter", button)
	}
	got := h.reply(5, "private", 5, "/start "+button.StartParameter)
	if !strings.Contains(got.Text(), "Subscribed") || !strings.Contains(got.Text(), "zanzibar") {
		t.Fatalf("/start %s = %q, want a subscription to zanzibar", button.StartParameter, got.Text())
	}
	// A query too long for a start parameter opens the chat only.
	h.queued.Add(1)
	long := strings.Repeat("zanzibar ", 10)
	id = h.tg.SendInlineQuery(5, long)
	if res := waitInline(t, h.tg, id); len(res) != 0 {
		t.Fatalf("results = %v, want none", res)
	}
	for _, c := range h.tg.Calls("answerInlineQuery") {
		if c.Params.Get("inline_query_id") == id && !strings.Contains(c.Params.Get("button"), "Open Newshound") {
			t.Errorf("button of a long query = %s", c.Params.Get("button"))
		}
	}
}

var shareLink = regexp.MustCompile(`https://t\.me/newshound_test_bot\?start=(s[0-9]+)`)

func TestShareLinkOpensQueryAndSubscribes(t *testing.T) {
	h := newHarness(t)
	sub := h.mustSubscribe(10, "private", "kursk deminers")
	got := h.reply(10, "private", 10, fmt.Sprintf("/share %d", sub.ID))
	m := shareLink.FindStringSubmatch(got.Text())
	if m == nil {
		t.Fatalf("/share = %q, want a t.me link", got.Text())
	}
	if strings.Contains(m[1], "10") && strings.Contains(m[1], fmt.Sprint(sub.ID)) && len(m[1]) < 5 {
		t.Errorf("payload %q looks like it carries chat data", m[1])
	}
	// By its query too, as /mute names one.
	if byQuery := h.reply(10, "private", 10, "/share Kursk deminers").Text(); !shareLink.MatchString(byQuery) {
		t.Errorf("/share by the query = %q, want a t.me link", byQuery)
	}
	if unknown := h.reply(10, "private", 10, "/share belgorod").Text(); !strings.Contains(unknown, `no subscription "belgorod"`) {
		t.Errorf("/share of an unknown query = %q", unknown)
	}
	opened := h.reply(20, "private", 20, "/start "+m[1])
	if !strings.Contains(opened.Text(), "kursk deminers") {
		t.Fatalf("opened share = %q", opened.Text())
	}
	rows := buttons(t, opened)
	if len(rows) != 1 || rows[0][0].Text != "✅ Subscribe" {
		t.Fatalf("buttons = %+v", rows)
	}
	n := len(h.tg.Sent(20))
	h.press(20, "private", 20, 1, rows[0][0].Data)
	if got := h.tg.WaitSent(t, 20, n+1, 5*time.Second)[n]; !strings.Contains(got.Text(), "Subscribed") {
		t.Errorf("after the press: %q", got.Text())
	}
	// Pressed again (or after /subscribe of the same query): a user read
	// "✅ Subscribed" twice and wondered whether alerts would come twice.
	n = len(h.tg.Sent(20))
	if answer := h.press(20, "private", 20, 1, rows[0][0].Data); !strings.Contains(answer, "already") {
		t.Errorf("the second press answered %q, want it to say the chat already has it", answer)
	}
	if got := h.tg.WaitSent(t, 20, n+1, 5*time.Second)[n]; !strings.Contains(got.Text(), "You already have this subscription") {
		t.Errorf("after the second press: %q", got.Text())
	}
	subs, err := h.st.ListSubscriptions(context.Background(), 20)
	if err != nil || len(subs) != 1 || subs[0].Query != "kursk deminers" {
		t.Fatalf("chat 20 subscriptions = %+v, %v", subs, err)
	}
	if got := h.reply(21, "private", 21, "/start "+m[1]+"1"); !strings.Contains(got.Text(), "does not work") {
		t.Errorf("tampered link = %q", got.Text())
	}
	h.clock.Advance(31 * 24 * time.Hour)
	if got := h.reply(22, "private", 22, "/start "+m[1]); !strings.Contains(got.Text(), "does not work") {
		t.Errorf("expired link = %q", got.Text())
	}
}

func TestMenusPerScopeAndDescriptions(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.Operators = []int64{42} })
	tg, err := NewTelegram(context.Background(), TelegramOptions{Token: testToken, Endpoint: h.tg.Endpoint(), PollTimeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	h.tg.KnowChat(42) // the operator wrote to the bot: Telegram takes a menu of their own
	if err := tg.SetMenus(context.Background(), h.router.Menus(), h.router.Profiles()); err != nil {
		t.Fatal(err)
	}
	menus := map[string]string{}
	for _, c := range h.tg.Calls("setMyCommands") {
		if c.Params.Get("_accepted") != "1" {
			t.Fatalf("setMyCommands refused: %v", c.Params)
		}
		menus[c.Params.Get("scope")] = c.Params.Get("commands")
	}
	has := func(scope, cmd string) bool { return strings.Contains(menus[scope], `"command":"`+cmd+`"`) }
	def, admins, op := `{"type":"default"}`, `{"type":"all_chat_administrators"}`, `{"chat_id":42,"type":"chat"}`
	switch {
	case !has(def, "search") || has(def, "subscribe") || has(def, "addsource"):
		t.Errorf("default menu = %s", menus[def])
	case !has(admins, "subscribe") || !has(admins, "preview") || has(admins, "addsource"):
		t.Errorf("group admins' menu = %s", menus[admins])
	case !has(op, "addsource") || !has(op, "status") || !has(op, "subscribe"):
		t.Errorf("operator's menu = %s", menus[op])
	}
	// One description per language: English as the default (no
	// language_code), every other language under its code.
	for _, m := range []string{"setMyDescription", "setMyShortDescription"} {
		calls := h.tg.Calls(m)
		codes := map[string]bool{}
		for _, c := range calls {
			if c.Params.Get("_accepted") != "1" {
				t.Errorf("%s refused: %v", m, c.Params)
			}
			codes[c.Params.Get("language_code")] = true
		}
		if len(calls) != len(locale.Languages) || !codes[""] || !codes["ru"] || !codes["de"] || !codes["es"] {
			t.Errorf("%s calls = %v", m, calls)
		}
	}
	// Every language has its own menus, in its own words.
	langs := map[string]string{}
	for _, c := range h.tg.Calls("setMyCommands") {
		if c.Params.Get("scope") == def {
			langs[c.Params.Get("language_code")] = c.Params.Get("commands")
		}
	}
	if !strings.Contains(langs[""], "Search the news stored so far") || !strings.Contains(langs["ru"], "Поиск по сохранённым новостям") ||
		!strings.Contains(langs["de"], "gespeicherten Nachrichten durchsuchen") || !strings.Contains(langs["es"], "Buscar en las noticias guardadas") {
		t.Errorf("default menus per language = %v", langs)
	}
}

func TestPaidBroadcastSendsWithAllowPaidBroadcast(t *testing.T) {
	srv := telegramtest.New(t, testToken)
	for _, paid := range []bool{false, true} {
		tg, err := NewTelegram(context.Background(), TelegramOptions{Token: testToken, Endpoint: srv.Endpoint(), PollTimeout: time.Second, PaidBroadcast: paid})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tg.Send(context.Background(), Outgoing{ChatID: 1, Text: "hi"}); err != nil {
			t.Fatal(err)
		}
		sent := srv.Sent(1)
		if got := sent[len(sent)-1].Params.Get("allow_paid_broadcast") == "true"; got != paid {
			t.Errorf("paid %v: allow_paid_broadcast = %q", paid, sent[len(sent)-1].Params.Get("allow_paid_broadcast"))
		}
	}
}

// Inline answers are in the asker's language (dates, "Nothing found"), and
// Telegram gives an answer not marked is_personal to anyone who sends the
// same query within cache_time: a German user saw "30 ноя" and "Ничего не
// найдено" after a Russian one. Every answer is personal.
func TestInlineAnswersArePersonal(t *testing.T) {
	h := newHarness(t)
	for _, q := range []string{"", "zanzibar", `"unclosed`} {
		h.queued.Add(1)
		id := h.tg.SendInlineQuery(5, q)
		waitInline(t, h.tg, id)
		for _, c := range h.tg.Calls("answerInlineQuery") {
			if c.Params.Get("inline_query_id") == id && c.Params.Get("is_personal") != "true" {
				t.Errorf("inline %q answered with is_personal=%q, want true", q, c.Params.Get("is_personal"))
			}
		}
	}
}

// Inline search showed its first 10 results and no more: scrolling to the
// end of the list loads the next page (next_offset), until the last.
func TestInlineResultsPageAsTheUserScrolls(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	src, err := h.st.UpsertSource(ctx, "Wire", "https://wire.example/rss", "config")
	if err != nil {
		t.Fatal(err)
	}
	var arts []news.Article
	for i := range 23 {
		arts = append(arts, news.Article{GUID: fmt.Sprint(i), URL: fmt.Sprintf("https://wire.example/%d", i),
			Title: fmt.Sprintf("Kursk deminers, day %d", i), Text: "Deminers in Kursk.", PublishedAt: h.clock.Now().Add(-time.Duration(i) * time.Minute)})
	}
	if _, err := h.st.InsertArticles(ctx, src.ID, arts); err != nil {
		t.Fatal(err)
	}
	h.queued.Add(1)
	id := h.tg.SendInlineQuery(5, "kursk")
	seen := map[string]bool{}
	var pages []int
	for {
		res := waitInline(t, h.tg, id)
		pages = append(pages, len(res))
		for _, r := range res {
			rid, _ := r["id"].(string)
			if seen[rid] {
				t.Fatalf("result %s on two pages", rid)
			}
			seen[rid] = true
		}
		next, ok := h.tg.ScrollInline(id)
		if !ok {
			break
		}
		if len(pages) > 5 {
			t.Fatalf("pages go on: %v", pages)
		}
		h.queued.Add(1)
		id = next
	}
	if !slices.Equal(pages, []int{10, 10, 3}) || len(seen) != 23 {
		t.Fatalf("pages of %v results, %d distinct; want 10, 10, 3 and all 23", pages, len(seen))
	}
	// A single page has no next_offset at all.
	h.queued.Add(1)
	one := h.tg.SendInlineQuery(5, "zanzibar")
	waitInline(t, h.tg, one)
	if _, ok := h.tg.ScrollInline(one); ok {
		t.Errorf("a one-page answer offers a next page")
	}
}

// A user who chose Spanish with /language in their chat with the bot, in
// an app set to English, got inline answers in English: they follow the
// choice; a user who chose nothing gets the app's language.
func TestInlineSpeaksTheLanguageChosenInTheBotsChat(t *testing.T) {
	h := newHarness(t, withLanguages)
	h.replyAs(5, "private", 5, "en", "/language es")
	for _, tt := range []struct {
		user int64
		want string
	}{{5, "No se encontró nada"}, {6, "Nothing found"}} {
		h.queued.Add(1)
		id := h.tg.SendInlineQuery(tt.user, "zanzibar")
		waitInline(t, h.tg, id)
		for _, c := range h.tg.Calls("answerInlineQuery") {
			if c.Params.Get("inline_query_id") == id && !strings.Contains(c.Params.Get("button"), tt.want) {
				t.Errorf("user %d: inline answer's button %s, want %q", tt.user, c.Params.Get("button"), tt.want)
			}
		}
	}
}

// A user who set /timezone Europe/Moscow in their chat with the bot picked
// an inline result and posted an article "12:00 UTC" while the bot's chat
// says 15:00 MSK: inline answers show times in the zone the asker chose;
// someone who never wrote to the bot gets the zone a new chat gets
// (digest.timezone), and the cache does not hand one's answer to the other.
func TestInlineTimesAreInTheAskersZone(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.ChatDefaults.Timezone = "Asia/Tokyo" })
	ctx := context.Background()
	src, err := h.st.UpsertSource(ctx, "Wire", "https://wire.example/rss", "config")
	if err != nil {
		t.Fatal(err)
	}
	published := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	if _, err := h.st.InsertArticles(ctx, src.ID, []news.Article{{GUID: "1", URL: "https://wire.example/1",
		Title: "Kursk deminers clear fields", Text: "Deminers in Kursk.", PublishedAt: published}}); err != nil {
		t.Fatal(err)
	}
	if got := h.reply(5, "private", 5, "/timezone Europe/Moscow"); !strings.Contains(got.Text(), "Europe/Moscow") {
		t.Fatalf("/timezone Europe/Moscow = %q", got.Text())
	}
	for _, tt := range []struct {
		user int64
		want string
	}{{5, "15:00 MSK"}, {6, "21:00 JST"}} {
		h.queued.Add(1)
		res := waitInline(t, h.tg, h.tg.SendInlineQuery(tt.user, "kursk"))
		if len(res) == 0 {
			t.Fatalf("user %d: no result", tt.user)
		}
		text, _ := res[0]["input_message_content"].(map[string]any)["message_text"].(string)
		if !strings.Contains(text, tt.want) {
			t.Errorf("user %d: inline result's message %q, want the time %s", tt.user, text, tt.want)
		}
	}
}

// inlineButton returns the text and start parameter of the button of the
// answer to inline query id ("" without one).
func inlineButton(t *testing.T, tg *telegramtest.Server, id string) (text, start string) {
	t.Helper()
	waitInline(t, tg, id)
	var button struct {
		Text           string `json:"text"`
		StartParameter string `json:"start_parameter"`
	}
	for _, c := range tg.Calls("answerInlineQuery") {
		if c.Params.Get("inline_query_id") == id && c.Params.Get("button") != "" {
			if err := json.Unmarshal([]byte(c.Params.Get("button")), &button); err != nil {
				t.Fatalf("button %q: %v", c.Params.Get("button"), err)
			}
		}
	}
	return button.Text, button.StartParameter
}

// TestShareSaysItsEndInTheChatsZone: /share's "it works until" date is the
// chat's (/timezone), not UTC's, a day off near midnight.
func TestShareSaysItsEndInTheChatsZone(t *testing.T) {
	h := newHarness(t)
	expires := h.clock.Now().Add(30 * 24 * time.Hour)
	zone := "Pacific/Kiritimati" // UTC+14: the next day from 10:00 UTC
	if expires.UTC().Hour() < 10 {
		zone = "Pacific/Pago_Pago" // UTC-11: the day before until 11:00 UTC
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Skip("no zone database:", err)
	}
	sub := h.mustSubscribe(11, "private", "kursk")
	if got := h.reply(11, "private", 11, "/timezone "+zone).Text(); !strings.Contains(got, zone) {
		t.Fatalf("/timezone %s → %q", zone, got)
	}
	h.clock.Advance(10 * time.Second)
	got := h.reply(11, "private", 11, fmt.Sprintf("/share %d", sub.ID)).Text()
	if want := "works until " + expires.Add(10*time.Second).In(loc).Format("2 Jan 2006"); !strings.Contains(got, want) {
		t.Errorf("/share in a chat on %s = %q, want %q", zone, got, want)
	}
}

// "/share" alone answered "Which one? … with an ID from /list" in a chat
// whose /list was empty, and in one with a single subscription. A chat
// without any is told so; the only one (a forum topic's only one) is
// shared; several still ask which.
func TestShareWithoutAnIDSharesTheOnlyOne(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	if got := h.reply(11, "private", 11, "/share").Text(); !strings.Contains(got, "No subscriptions yet") {
		t.Errorf("/share in a chat without subscriptions = %q", got)
	}
	h.mustSubscribe(11, "private", "kursk deminers")
	if got := h.reply(11, "private", 11, "/share").Text(); !shareLink.MatchString(got) || !strings.Contains(got, "kursk deminers") {
		t.Errorf("/share with one subscription = %q, want its link", got)
	}
	h.mustSubscribe(11, "private", "belgorod")
	if got := h.reply(11, "private", 11, "/share").Text(); !strings.Contains(got, "Which one?") {
		t.Errorf("/share with two subscriptions = %q, want which one", got)
	}
	const forum = -100123
	h.tg.SetMember(forum, 5, "administrator")
	h.topicReply(forum, 7, 5, "/subscribe volcano")
	h.topicReply(forum, 8, 5, "/subscribe harbour")
	if got := h.topicReply(forum, 8, 5, "/share").Text(); !shareLink.MatchString(got) || !strings.Contains(got, "harbour") {
		t.Errorf("/share in a topic with one subscription = %q, want that one's link", got)
	}
}
