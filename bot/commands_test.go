package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestCommandTableFeedsSetMyCommandsAndHelp(t *testing.T) {
	h := newHarness(t)
	tg, err := NewTelegram(context.Background(), TelegramOptions{Token: testToken, Endpoint: h.tg.Endpoint(), PollTimeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := tg.SetCommands(h.router.Commands()); err != nil {
		t.Fatal(err)
	}
	var registered []struct{ Command, Description string }
	if err := json.Unmarshal([]byte(h.tg.Calls("setMyCommands")[0].Params.Get("commands")), &registered); err != nil {
		t.Fatal(err)
	}
	help := h.reply(10, "private", 10, "/help").Text()
	if len(registered) != len(h.router.commands) {
		t.Fatalf("registered %d commands, table has %d", len(registered), len(h.router.commands))
	}
	for i, c := range h.router.commands {
		if registered[i].Command != c.name || registered[i].Description != c.description {
			t.Errorf("setMyCommands[%d] = %+v, want %s: %s", i, registered[i], c.name, c.description)
		}
		if len(c.description) < 3 || len(c.description) > 256 || c.name != strings.ToLower(c.name) || len(c.name) > 32 {
			t.Errorf("command %q breaks Telegram's rules for setMyCommands", c.name)
		}
		if !strings.Contains(help, "/"+c.name) || !strings.Contains(help, esc(c.description)) {
			t.Errorf("/help lacks /%s — %s", c.name, c.description)
		}
	}
	for _, want := range []string{"/search", "/stop", "/addsource", "/trending"} {
		if !strings.Contains(help, want) {
			t.Errorf("/help lacks %s", want)
		}
	}
	if groupHelp := h.reply(-100, "group", 10, "/help").Text(); !strings.Contains(groupHelp, "/subscribe") || !strings.Contains(groupHelp, "(chat admins)") {
		t.Errorf("group /help does not say which commands are for admins:\n%s", groupHelp)
	}
}

func TestGroupsLetOnlyAdminsChangeThings(t *testing.T) {
	h := newHarness(t)
	const group, member, admin, creator = -1001, 5, 6, 7
	h.tg.SetMember(group, admin, "administrator")
	h.tg.SetMember(group, creator, "creator")

	tests := []struct {
		name    string
		user    int64
		text    string
		want    string
		allowed bool
	}{
		{"a member may not subscribe", member, "/subscribe kursk", "only the admins", false},
		{"a member may not pause", member, "/pause", "only the admins", false},
		{"a member may not stop", member, "/stop", "only the admins", false},
		{"a member may list", member, "/list", "No subscriptions yet", true},
		{"a member may search", member, "/search kursk", "Nothing I have stored matches", true},
		{"an admin may subscribe", admin, "/subscribe kursk", "Subscribed", true},
		{"the creator may subscribe", creator, "/subscribe@newshound_test_bot belgorod", "Subscribed", true},
		{"an admin may unsubscribe", admin, "/unsubscribe belgorod", "Removed", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h.clock.Advance(20 * time.Second) // keep clear of the command rate, within the admin cache's time
			got := h.reply(group, "supergroup", tt.user, tt.text).Text()
			if !strings.Contains(got, tt.want) {
				t.Errorf("%s → %q, want it to contain %q", tt.text, got, tt.want)
			}
		})
	}
	subs, err := h.subs.List(context.Background(), group)
	if err != nil || len(subs) != 1 || subs[0].Query != "kursk" {
		t.Fatalf("subscriptions = %+v, %v; want kursk only", subs, err)
	}
	// The admin check is cached: one getChatMember per (chat, user) within
	// its time; a "no" only for a few seconds (the 20 s steps pass it).
	perUser := map[string]int{}
	for _, c := range h.tg.Calls("getChatMember") {
		perUser[c.Params.Get("user_id")]++
	}
	if perUser["6"] != 1 || perUser["5"] != 3 {
		t.Errorf("getChatMember calls per user = %v, want 1 for the admin, 3 for the member", perUser)
	}

	// An anonymous admin writes as the group itself.
	h.queued.Add(1)
	h.tg.AddUpdate(map[string]any{"message": map[string]any{
		"message_id": 9000, "date": time.Now().Unix(), "text": "/subscribe tariffs",
		"chat":        map[string]any{"id": group, "type": "supergroup", "title": "G"},
		"from":        map[string]any{"id": 1087968824, "is_bot": true, "first_name": "Group"},
		"sender_chat": map[string]any{"id": group, "type": "supergroup", "title": "G"},
		"entities":    []map[string]any{{"type": "bot_command", "offset": 0, "length": 10}},
	}})
	h.settle()
	if sent := h.tg.Sent(group); !strings.Contains(sent[len(sent)-1].Text(), "Subscribed") {
		t.Errorf("anonymous admin's /subscribe → %q", sent[len(sent)-1].Text())
	}
}

// TestAPromotedMemberIsHeardAtOnce: a member refused, then made an admin
// of the group, is obeyed on the next try a few seconds later, not only
// once a cached "no" expires; a "no" is still cached for a burst of presses.
func TestAPromotedMemberIsHeardAtOnce(t *testing.T) {
	h := newHarness(t)
	const group, user = -1009, 5
	h.clock.Advance(20 * time.Second)
	if got := h.reply(group, "supergroup", user, "/subscribe kursk").Text(); !strings.Contains(got, "only the admins") {
		t.Fatalf("member /subscribe → %q", got)
	}
	h.clock.Advance(time.Second)
	if got := h.reply(group, "supergroup", user, "/pause").Text(); !strings.Contains(got, "only the admins") {
		t.Fatalf("member /pause → %q", got)
	}
	if n := len(h.tg.Calls("getChatMember")); n != 1 {
		t.Errorf("getChatMember calls = %d for two commands a second apart, want 1", n)
	}
	h.tg.SetMember(group, user, "administrator")
	h.clock.Advance(10 * time.Second)
	if got := h.reply(group, "supergroup", user, "/subscribe kursk").Text(); !strings.Contains(got, "Subscribed") {
		t.Errorf("promoted admin's /subscribe 10 s later → %q", got)
	}
}

func TestCommandsForOtherBotsAreIgnored(t *testing.T) {
	h := newHarness(t)
	const group = -1002
	h.send(group, "group", 5, "/list@OtherBot")
	h.send(group, "group", 5, "/frobnicate")
	h.send(group, "group", 5, "just chatting")
	h.send(10, "private", 10, "/list@OtherBot")
	h.settle()
	if n := len(h.tg.Sent(0)); n != 0 {
		t.Fatalf("%d replies to commands for other bots or chatter, want none: %v", n, h.tg.Sent(0))
	}
	if got := h.reply(group, "group", 5, "/list@NewsHound_Test_Bot").Text(); !strings.Contains(got, "No subscriptions") {
		t.Errorf("/list@thisbot → %q", got)
	}
	if got := h.reply(group, "group", 5, "/frobnicate@newshound_test_bot").Text(); !strings.Contains(got, "I don't know /frobnicate") {
		t.Errorf("an unknown command for this bot → %q", got)
	}
}

func TestChannelPostsRunCommands(t *testing.T) {
	h := newHarness(t)
	const channel = -1003
	if got := h.reply(channel, "channel", 0, "/subscribe kursk deminers").Text(); !strings.Contains(got, "Subscribed") {
		t.Fatalf("channel /subscribe → %q", got)
	}
	if got := h.reply(channel, "channel", 0, "/list").Text(); !strings.Contains(got, "kursk deminers") {
		t.Errorf("channel /list → %q", got)
	}
	if n := len(h.tg.Calls("getChatMember")); n != 0 {
		t.Errorf("getChatMember calls = %d: a channel post comes from its admins", n)
	}
	chat, err := h.st.FindChat(context.Background(), channel)
	if err != nil || chat.Type != "channel" {
		t.Errorf("chat = %+v, %v", chat, err)
	}
}

func TestFloodGetsAFewReplies(t *testing.T) {
	h := newHarness(t)
	const chat = 11
	for i := 0; i < 100; i++ {
		h.send(chat, "private", chat, "/help")
	}
	h.settle()
	sent := h.tg.Sent(chat)
	if len(sent) > 6 || len(sent) < 2 {
		t.Fatalf("a flood of 100 commands got %d replies, want the burst (5) and one notice", len(sent))
	}
	if last := sent[len(sent)-1].Text(); !strings.Contains(last, "a lot of commands") {
		t.Errorf("last reply = %q, want the slow-down notice", last)
	}
	// Another chat is not held back, and the flooding chat recovers with time.
	if got := h.reply(12, "private", 12, "/help").Text(); !strings.Contains(got, "Commands") {
		t.Errorf("other chat → %q", got)
	}
	h.clock.Advance(time.Minute)
	if got := h.reply(chat, "private", chat, "/help").Text(); !strings.Contains(got, "Commands") {
		t.Errorf("after a minute → %q", got)
	}
	// Plain text floods are limited too.
	for i := 0; i < 50; i++ {
		h.send(13, "private", 13, "hello")
	}
	h.settle()
	if n := len(h.tg.Sent(13)); n > 6 {
		t.Errorf("50 plain messages got %d replies", n)
	}
}

func TestLongArgumentsAreRefusedBriefly(t *testing.T) {
	h := newHarness(t)
	long := strings.Repeat("a", 1000)
	tests := []struct {
		name string
		text string
		want string
	}{
		{"1,000 characters reach the parser", "/subscribe " + long, "I can't use that query"},
		// The limit named is the query's: a user told "at most 1000" cut
		// a query to 900 characters and was then told "at most 200".
		{"1,001 characters are too long", "/subscribe " + long + "b", "too long for /subscribe (1001 characters, at most 200)"},
		{"a long search", "/search " + strings.Repeat("kursk ", 300), "too long for /search (1799 characters, at most 200)"},
		{"a long unsubscribe", "/unsubscribe " + long, "no subscription"},
		{"a long command name", "/" + long, "I don't know"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h.clock.Advance(time.Minute) // keep clear of the command rate
			got := h.reply(14, "private", 14, tt.text).Text()
			if !strings.Contains(got, tt.want) {
				t.Errorf("reply = %q, want %q", got, tt.want)
			}
			if len(got) > 400 || strings.Contains(got, strings.Repeat("a", 150)) {
				t.Errorf("reply echoes the argument (%d bytes): %.200q", len(got), got)
			}
		})
	}
}

func TestUserInputIsEscaped(t *testing.T) {
	h := newHarness(t)
	tests := []struct {
		name string
		text string
		want string
	}{
		{"subscribe", `/subscribe <b>bold</b> & "quoted"`, "&#34;&lt;b&gt;&#34; is markup"},
		{"unsubscribe", `/unsubscribe <script>alert(1)</script>`, "&lt;script&gt;"},
		{"unknown command", `/<i>x`, "/&lt;i&gt;x"},
		{"search", `/search <a href="x">y</a>`, "&#34;&lt;a&gt;&#34; is markup"},
		{"search of a word in <>", `/search <a href="x"`, "&lt;a href=&#34;x&#34;"},
		{"latest", `/latest <b>7`, "&lt;b&gt;7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h.clock.Advance(time.Minute)
			c := h.reply(15, "private", 15, tt.text)
			if !strings.Contains(c.Text(), tt.want) {
				t.Errorf("reply = %q, want it to contain %q", c.Text(), tt.want)
			}
			for _, raw := range []string{"<script", "<i>x", "<a href", "<b>bold", "<b>7"} {
				if strings.Contains(c.Text(), raw) {
					t.Errorf("reply contains raw %q: %q", raw, c.Text())
				}
			}
			if c.Params.Get("parse_mode") != "HTML" {
				t.Errorf("parse_mode = %q", c.Params.Get("parse_mode"))
			}
		})
	}
	h.settle()
	for _, raw := range []string{"<script>", "alert(1)", "<b>bold"} {
		if strings.Contains(h.logs.String(), raw) {
			t.Errorf("the logs echo user input %q:\n%s", raw, h.logs)
		}
	}
}

// TestEveryCommandAnswers runs each row of the command table without
// arguments, as an operator in a private chat: each answers, and none fails.
func TestEveryCommandAnswers(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.Operators = []int64{operator} })
	for _, c := range h.router.commands {
		t.Run(c.name, func(t *testing.T) {
			h.clock.Advance(20 * time.Second)
			got := h.reply(operator, "private", operator, "/"+c.name).Text()
			if strings.TrimSpace(got) == "" || strings.Contains(got, "went wrong") || strings.Contains(got, "I don't know") {
				t.Errorf("/%s → %q", c.name, got)
			}
		})
	}
}

// A stranger had paused the chat, later sent /subscribe kursk, read
// "Subscribed" and waited for alerts that never came; one who had muted
// kursk and subscribed it again read "You already have this subscription".
// The answer says why it will not alert.
func TestSubscribeSaysWhenItWillNotAlert(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	h.reply(46, "private", 46, "/pause")
	if got := h.reply(46, "private", 46, "/subscribe kursk").Text(); !strings.Contains(got, "Subscribed") || !strings.Contains(got, "Alerts are paused: /resume") {
		t.Errorf("/subscribe in a paused chat = %q; want it to say alerts are paused", got)
	}
	h.reply(46, "private", 46, "/resume")
	sub := h.mustList(46)[0]
	if err := h.st.SetSubscriptionMuted(context.Background(), 46, sub.ID, true); err != nil {
		t.Fatal(err)
	}
	got := h.reply(46, "private", 46, "/subscribe kursk").Text()
	if !strings.Contains(got, "already have") || !strings.Contains(got, "It is muted") || strings.Contains(got, "paused") {
		t.Errorf("/subscribe of a muted query = %q; want it to say it is muted (and not paused)", got)
	}
	if got := h.reply(46, "private", 46, "/subscribe belgorod").Text(); strings.Contains(got, "muted") || strings.Contains(got, "paused") {
		t.Errorf("/subscribe in a running chat = %q; want no warning", got)
	}
}

// Strangers typed "/mute 3" and heard "I don't know /mute": muting was a
// button of /list only. /mute ID and /unmute ID do what the buttons do.
func TestMuteAndUnmuteByID(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	h.mustSubscribe(47, "private", "kursk")
	id := h.mustList(47)[0].ID
	n := strconv.FormatInt(id, 10)
	if got := h.reply(47, "private", 47, "/mute "+n).Text(); !strings.Contains(got, "Muted #"+n) {
		t.Errorf("/mute %s = %q", n, got)
	}
	if !h.mustList(47)[0].Muted {
		t.Fatalf("after /mute %s the subscription is not muted", n)
	}
	if got := h.reply(47, "private", 47, "/list").Text(); !strings.Contains(got, "(muted)") {
		t.Errorf("/list after /mute = %q", got)
	}
	if got := h.reply(47, "private", 47, "/unmute #"+n).Text(); !strings.Contains(got, "Unmuted #"+n) || h.mustList(47)[0].Muted {
		t.Errorf("/unmute #%s = %q, muted %v", n, got, h.mustList(47)[0].Muted)
	}
	for cmd, want := range map[string]string{
		"/mute":       "Which one?",
		"/mute 999":   "no subscription #999",
		"/unmute abc": `no subscription "abc"`,
	} {
		if got := h.reply(47, "private", 47, cmd).Text(); !strings.Contains(got, want) {
			t.Errorf("%s = %q, want %q", cmd, got, want)
		}
	}
	// Another chat's subscription is not this chat's to mute.
	h.mustSubscribe(48, "private", "belgorod")
	other := strconv.FormatInt(h.mustList(48)[0].ID, 10)
	if got := h.reply(47, "private", 47, "/mute "+other).Text(); !strings.Contains(got, "no subscription #"+other) || h.mustList(48)[0].Muted {
		t.Errorf("/mute of another chat's subscription = %q", got)
	}
}

// A stranger typed "/subscribe /subscribe kursk" (the app completed the
// command, and they typed it again) and got a subscription to the words
// "subscribe" and "kursk", which never alerted. A leading repeat of the
// command itself (also with @bot or a line break) is dropped; another
// command's name in the words is left to the query.
func TestARepeatedCommandIsTheCommandOnce(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	const chat = 48
	for _, text := range []string{"/subscribe /subscribe kursk", "/subscribe /Subscribe@" + h.router.opts.BotName + " belgorod", "/subscribe /subscribe\ndeminers"} {
		if got := h.reply(chat, "private", chat, text).Text(); !strings.Contains(got, "Subscribed") || strings.Contains(got, "subscribe") {
			t.Errorf("%q = %q; want a subscription without the word subscribe", text, got)
		}
	}
	for _, sub := range h.mustList(chat) {
		if strings.Contains(sub.Query, "subscribe") {
			t.Errorf("subscription %q", sub.Query)
		}
	}
	if got := h.reply(chat, "private", chat, "/search /search kursk").Text(); strings.Contains(got, "search") && !strings.Contains(got, "kursk") {
		t.Errorf("/search /search kursk = %q", got)
	}
	if got := h.reply(chat, "private", chat, "/unsubscribe /unsubscribe kursk").Text(); !strings.Contains(got, "kursk") {
		t.Errorf("/unsubscribe /unsubscribe kursk = %q; want kursk removed", got)
	}
	if got := h.reply(chat, "private", chat, "/subscribe /list").Text(); !strings.Contains(got, "list") {
		t.Errorf("/subscribe /list = %q; want the word list subscribed", got)
	}
}

// TestSubscribeToASymbolName: "/subscribe C++" was a subscription to "c",
// every article with that letter; it is refused, saying why and what to
// send, in the user's language, and nothing is stored.
func TestSubscribeToASymbolName(t *testing.T) {
	h := newHarness(t, withLanguages)
	if got := h.replyAs(47, "private", 47, "en", "/subscribe C++"); !strings.Contains(got, "&#34;C++&#34; would match every &#34;c&#34;") || !strings.Contains(got, "C++ programming") {
		t.Errorf("/subscribe C++ → %q", got)
	}
	h.clock.Advance(10 * time.Second)
	if got := h.replyAs(48, "private", 48, "de", "/subscribe C#"); !strings.Contains(got, "träfe jedes") {
		t.Errorf("/subscribe C# in German → %q", got)
	}
	if subs, err := h.st.ListSubscriptions(context.Background(), 47); err != nil || len(subs) != 0 {
		t.Errorf("after /subscribe C++ the chat has %v (%v), want none", subs, err)
	}
	h.clock.Advance(10 * time.Second)
	if got := h.replyAs(47, "private", 47, "en", `/subscribe "C++ programming"`); !strings.Contains(got, "Subscribed") {
		t.Errorf(`/subscribe "C++ programming" → %q`, got)
	}
}

// "/mute" alone answered "e.g. /mute 3" in a chat whose only subscription
// was #5, and in a chat with none. The example is an ID of this chat that
// the command would change (this topic's first); a chat with none, or none
// to change, is told so.
func TestMuteWithoutAnIDNamesOneOfTheChat(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	if got := h.reply(49, "private", 49, "/mute").Text(); !strings.Contains(got, "No subscriptions yet") {
		t.Errorf("/mute in a chat without subscriptions = %q", got)
	}
	h.mustSubscribe(50, "private", "kursk") // another chat's: ids of this one start later
	first := h.mustSubscribe(49, "private", "belgorod").ID
	second := h.mustSubscribe(49, "private", "orel").ID
	want := fmt.Sprintf("<code>/mute %d</code>", first)
	if got := h.reply(49, "private", 49, "/mute").Text(); !strings.Contains(got, want) {
		t.Errorf("/mute = %q, want the example %s", got, want)
	}
	if got := h.reply(49, "private", 49, "/unmute").Text(); !strings.Contains(got, "No subscription of this chat is muted") {
		t.Errorf("/unmute with none muted = %q", got)
	}
	h.reply(49, "private", 49, fmt.Sprintf("/mute %d", first))
	want = fmt.Sprintf("<code>/mute %d</code>", second)
	if got := h.reply(49, "private", 49, "/mute").Text(); !strings.Contains(got, want) {
		t.Errorf("/mute with #%d muted = %q, want the example %s", first, got, want)
	}
	h.reply(49, "private", 49, fmt.Sprintf("/mute %d", second))
	if got := h.reply(49, "private", 49, "/mute").Text(); !strings.Contains(got, "muted already") {
		t.Errorf("/mute with every subscription muted = %q", got)
	}
	if got := h.reply(49, "private", 49, "/unmute").Text(); !strings.Contains(got, fmt.Sprintf("<code>/unmute %d</code>", first)) {
		t.Errorf("/unmute = %q, want an example of a muted one", got)
	}
	if got := h.replyAs(49, "private", 49, "de", "/unmute"); !strings.Contains(got, fmt.Sprintf("z. B. <code>/unmute %d</code>", first)) {
		t.Errorf("/unmute in German = %q", got)
	}
}

// "/unsubscribe" alone in a chat without subscriptions asked "Which one?"
// and waited for an answer that could name none: it says there are none.
func TestUnsubscribeWithoutAnIDInAnEmptyChat(t *testing.T) {
	h := newHarness(t)
	if got := h.reply(51, "private", 51, "/unsubscribe").Text(); !strings.Contains(got, "No subscriptions yet") {
		t.Errorf("/unsubscribe in a chat without subscriptions = %q", got)
	}
	h.mustSubscribe(51, "private", "kursk")
	if got := h.reply(51, "private", 51, "/unsubscribe").Text(); !strings.Contains(got, "Which one?") {
		t.Errorf("/unsubscribe with a subscription = %q, want which one", got)
	}
	if subs := h.mustList(51); len(subs) != 1 {
		t.Errorf("subscriptions after /unsubscribe without an ID: %+v", subs)
	}
}
