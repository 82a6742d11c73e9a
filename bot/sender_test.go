package bot

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

func TestSenderKeepsOrderAndRepliesGoFirst(t *testing.T) {
	r := newSenderRig(t)
	subA, subB := r.chat(t, 10, "private"), r.chat(t, 20, "private")
	r.alerts(t, 10, subA, "A1", "A2", "A3")
	r.alerts(t, 20, subB, "B1", "B2")
	r.reply(t, 10, "reply to A")
	r.start(t)

	a := r.tg.WaitSent(t, 10, 4, 5*time.Second)
	b := r.tg.WaitSent(t, 20, 2, 5*time.Second)
	want := []string{"reply to A", "A1", "A2", "A3"}
	for i, w := range want {
		if !strings.Contains(a[i].Text(), w) {
			t.Errorf("message %d to chat 10 = %q, want %q", i, a[i].Text(), w)
		}
	}
	if !strings.Contains(b[0].Text(), "B1") || !strings.Contains(b[1].Text(), "B2") {
		t.Errorf("chat 20 got %q", texts(b))
	}
	for _, c := range append(a[1:], b...) {
		if got := c.Params.Get("reply_markup"); !strings.Contains(got, `"callback_data":"mute:`) || !strings.Contains(got, "🔕 Mute") {
			t.Errorf("alert without a mute button: %q", got)
		}
	}
	testkit.WaitFor(t, "every row sent", func() bool { return r.statuses(t)[news.StatusSent] == 6 })
}

// inject answers the first n sendMessage calls to chat with rep.
func inject(r *senderRig, chat int64, n int, rep telegramtest.Reply) {
	left := n
	r.tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method != "sendMessage" || c.ChatID() != chat || left == 0 {
			return nil
		}
		left--
		rp := rep
		return &rp
	})
}

// refuseFirstSends answers the first sendMessage of each chat but except
// with a 429 of 30 s: two chats told to wait at once hold all sending.
func refuseFirstSends(r *senderRig, except int64) {
	refused := map[int64]bool{}
	r.tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method != "sendMessage" || refused[c.ChatID()] || c.ChatID() == except {
			return nil
		}
		refused[c.ChatID()] = true
		return &telegramtest.Reply{Code: 429, Description: "Too Many Requests: retry after 30", RetryAfter: 30}
	})
}

func TestSenderRetriesNetworkErrorsAnd5xx(t *testing.T) {
	tests := []struct {
		name string
		rep  telegramtest.Reply
	}{
		{"502", telegramtest.Reply{Code: 502, Description: "Bad Gateway"}},
		{"500", telegramtest.Reply{Code: 500, Description: "Internal Server Error"}},
		{"connection closed", telegramtest.Reply{Hangup: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newSenderRig(t)
			sub := r.chat(t, 10, "private")
			r.alerts(t, 10, sub, "first", "second")
			inject(r, 10, 2, tt.rep)
			sender := r.start(t)
			for attempt := 1; attempt <= 2; attempt++ {
				testkit.WaitFor(t, "a failed attempt", func() bool { return len(r.tg.Calls("sendMessage")) >= attempt })
				waitLooks(t, sender)
				if got := r.tg.Calls("sendMessage"); len(got) != attempt {
					t.Fatalf("%d calls after %d failures: the retry did not wait", len(got), attempt)
				}
				r.clock.Advance(10 * time.Minute) // past any backoff
			}
			got := r.tg.WaitSent(t, 10, 2, 5*time.Second)
			if !strings.Contains(got[0].Text(), "first") || !strings.Contains(got[1].Text(), "second") {
				t.Errorf("after retries: %q, want first then second", texts(got))
			}
		})
	}
}

func TestSender429HoldsTheChatOnly(t *testing.T) {
	r := newSenderRig(t)
	subA, subB := r.chat(t, 10, "private"), r.chat(t, 20, "private")
	r.alerts(t, 10, subA, "A1", "A2")
	inject(r, 10, 1, telegramtest.Reply{Code: 429, Description: "Too Many Requests: retry after 30", RetryAfter: 30})
	r.start(t)
	testkit.WaitFor(t, "the 429", func() bool { return len(r.tg.Calls("sendMessage")) >= 1 })
	r.alerts(t, 20, subB, "B1")
	r.tg.WaitSent(t, 20, 1, 5*time.Second) // another chat goes on
	if got := r.tg.Sent(10); len(got) != 0 {
		t.Fatalf("chat 10 got %q while told to wait 30 s", texts(got))
	}
	r.clock.Advance(31 * time.Second)
	got := r.tg.WaitSent(t, 10, 2, 5*time.Second)
	if !strings.Contains(got[0].Text(), "A1") || !strings.Contains(got[1].Text(), "A2") {
		t.Errorf("after the wait: %q, want A1 then A2", texts(got))
	}
}

func TestSender429FromTwoChatsHoldsAllSending(t *testing.T) {
	r := newSenderRig(t)
	subA, subB, subC := r.chat(t, 10, "private"), r.chat(t, 20, "private"), r.chat(t, 30, "private")
	r.alerts(t, 10, subA, "A1")
	r.alerts(t, 20, subB, "B1")
	refuseFirstSends(r, 30)
	r.opts.Concurrency = 1 // one at a time, so the injector sees them in turn
	sender := r.start(t)
	testkit.WaitFor(t, "two 429s", func() bool { return len(r.tg.Calls("sendMessage")) >= 2 })
	testkit.WaitFor(t, "the global hold logged", func() bool { return strings.Contains(r.logs.String(), "all_chats=true") })
	r.alerts(t, 30, subC, "C1")
	waitLooks(t, sender)
	if got := r.tg.Sent(0); len(got) != 0 {
		t.Fatalf("sent %q during a global hold", texts(got))
	}
	r.clock.Advance(31 * time.Second)
	r.tg.WaitSent(t, 0, 3, 5*time.Second)
}

func TestSenderUnreachableChat(t *testing.T) {
	tests := []struct {
		name string
		rep  telegramtest.Reply
	}{
		{"blocked", telegramtest.Reply{Code: 403, Description: "Forbidden: bot was blocked by the user"}},
		{"kicked", telegramtest.Reply{Code: 403, Description: "Forbidden: bot was kicked from the group chat"}},
		{"deactivated", telegramtest.Reply{Code: 403, Description: "Forbidden: user is deactivated"}},
		{"chat not found", telegramtest.Reply{Code: 400, Description: "Bad Request: chat not found"}},
		// The bot restricted in a group, or a channel admin without the
		// right to post: every later message would be refused alike.
		{"restricted", telegramtest.Reply{Code: 400, Description: "Bad Request: not enough rights to send text messages to the chat"}},
		{"restricted, older words", telegramtest.Reply{Code: 400, Description: "Bad Request: have no rights to send a message"}},
		{"channel admin without posting", telegramtest.Reply{Code: 400, Description: "Bad Request: need administrator rights in the channel chat"}},
		{"chat restricted", telegramtest.Reply{Code: 400, Description: "Bad Request: CHAT_RESTRICTED"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newSenderRig(t)
			ctx := context.Background()
			subA, subB := r.chat(t, 10, "private"), r.chat(t, 20, "private")
			r.alerts(t, 10, subA, "A1", "A2", "A3")
			r.alerts(t, 20, subB, "B1")
			inject(r, 10, 1, tt.rep)
			r.start(t)
			r.tg.WaitSent(t, 20, 1, 5*time.Second)
			testkit.WaitFor(t, "chat 10 inactive", func() bool {
				c, err := r.st.FindChat(ctx, 10)
				return err == nil && !c.Active
			})
			testkit.WaitFor(t, "chat 10's 3 alerts dropped and chat 20's sent", func() bool {
				got := r.statuses(t)
				return got[news.StatusPending] == 0 && got[news.StatusDropped] == 3 && got[news.StatusSent] == 1
			})
			if subs, err := r.st.ListSubscriptions(ctx, 10); err != nil || len(subs) != 1 {
				t.Errorf("subscriptions of the inactive chat = %v, %v; want kept", subs, err)
			}
			targets, err := r.st.AlertTargets(ctx, []int64{subA, subB})
			if err != nil || len(targets) != 1 || targets[0].ChatID != 20 {
				t.Errorf("alert targets = %v, %v; want only chat 20 (the inactive chat is silent)", targets, err)
			}
		})
	}
}

func TestSenderMigratesChat(t *testing.T) {
	tests := []struct {
		name      string
		newExists bool
	}{
		{"new id unknown", false},
		{"new id known already", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newSenderRig(t)
			ctx := context.Background()
			const from, to = -100, -1001234
			sub := r.chat(t, from, "group")
			r.alerts(t, from, sub, "G1", "G2")
			if tt.newExists {
				r.chat(t, to, "supergroup")
			}
			inject(r, from, 1, telegramtest.Reply{Code: 400, Description: "Bad Request: group chat was upgraded to a supergroup chat", MigrateTo: to})
			r.start(t)
			got := r.tg.WaitSent(t, to, 2, 5*time.Second)
			if !strings.Contains(got[0].Text(), "G1") || !strings.Contains(got[1].Text(), "G2") {
				t.Errorf("sent to the supergroup: %q, want G1 then G2", texts(got))
			}
			if len(r.tg.Sent(from)) != 0 {
				t.Error("a message reached the old id")
			}
			c, err := r.st.FindChatDelivery(ctx, to)
			if err != nil || c.Type != "supergroup" || !c.Active {
				t.Errorf("new chat = %+v, %v", c, err)
			}
			if subs, err := r.st.ListSubscriptions(ctx, to); err != nil || len(subs) != 1 {
				t.Errorf("subscriptions at the new id = %v, %v; want 1", subs, err)
			}
		})
	}
}

func TestSenderResendsUnparsableAsPlainText(t *testing.T) {
	r := newSenderRig(t)
	sub := r.chat(t, 10, "private")
	r.alerts(t, 10, sub, "Fish & <chips>")
	r.tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "sendMessage" && c.Params.Get("parse_mode") == "HTML" {
			return &telegramtest.Reply{Code: 400, Description: "Bad Request: can't parse entities: Unsupported start tag \"chips\" at byte offset 5"}
		}
		return nil
	})
	r.start(t)
	got := r.tg.WaitSent(t, 10, 1, 5*time.Second)
	if got[0].Params.Get("parse_mode") != "" || !strings.Contains(got[0].Text(), "Fish & <chips> (https://wire.example/") {
		t.Errorf("plain resend = %q with parse_mode %q", got[0].Text(), got[0].Params.Get("parse_mode"))
	}
	if n := len(r.tg.Calls("sendMessage")); n != 2 {
		t.Errorf("sendMessage calls = %d, want one refusal and one resend", n)
	}
	testkit.WaitFor(t, "the log line", func() bool {
		return strings.Contains(r.logs.String(), "resending it as plain text") && strings.Contains(r.logs.String(), "message=1 ")
	})
}

// A refusal of this message alone (not of the chat, see noRights) drops it.
func TestSenderDropsOther400AndGoesOn(t *testing.T) {
	r := newSenderRig(t)
	sub := r.chat(t, 10, "private")
	r.alerts(t, 10, sub, "bad", "good")
	inject(r, 10, 1, telegramtest.Reply{Code: 400, Description: "Bad Request: BUTTON_DATA_INVALID"})
	r.start(t)
	got := r.tg.WaitSent(t, 10, 1, 5*time.Second)
	if !strings.Contains(got[0].Text(), "good") {
		t.Errorf("sent %q, want the message behind the refused one", got[0].Text())
	}
	testkit.WaitFor(t, "the drop recorded", func() bool { return r.statuses(t)[news.StatusDropped] == 1 })
	if !strings.Contains(r.logs.String(), "message dropped: telegram refused it") {
		t.Error("no log line for the dropped message")
	}
}

// A message Telegram cannot parse goes again as plain text, and that text
// fits Telegram's limit: a digest of many links near 4,096 characters
// written out as "title (url)" would be refused as too long, and lost.
func TestSenderPlainResendFitsTheLimit(t *testing.T) {
	r := newSenderRig(t)
	r.chat(t, 10, "private")
	var b strings.Builder
	for i := 0; visibleLen(b.String()) < MaxMessage-200; i++ {
		fmt.Fprintf(&b, "• <a href=\"https://news.example/2026/11/30/a-long-address-for-story-%d\">Story number %d of the day</a>\n", i, i)
	}
	r.reply(t, 10, b.String())
	r.tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "sendMessage" && c.Params.Get("parse_mode") == "HTML" {
			return &telegramtest.Reply{Code: 400, Description: "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 5"}
		}
		return nil
	})
	r.start(t)
	got := r.tg.WaitSent(t, 10, 1, 5*time.Second)
	if !strings.Contains(got[0].Text(), "Story number 0 of the day") || utf16Len(got[0].Text()) > MaxMessage {
		t.Errorf("plain resend of %d characters: %.200q", utf16Len(got[0].Text()), got[0].Text())
	}
	testkit.WaitFor(t, "the long message sent", func() bool { return r.statuses(t)[news.StatusSent] == 1 })
}

func TestPlainWithin(t *testing.T) {
	tests := []struct {
		name, html string
		limit      int
		want       string
	}{
		{"links fit", `<a href="https://a.example/">A</a> &amp; B`, 100, "A (https://a.example/) & B"},
		{"links dropped", `<a href="https://a.example/">A</a> &amp; B`, 10, "A & B"},
		{"clipped", `<b>abcdefghij</b>`, 5, "abcd…"},
		{"emoji count two", `😀😀😀`, 5, "😀😀…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := plainWithin(tt.html, tt.limit); got != tt.want {
				t.Errorf("plainWithin(%q, %d) = %q, want %q", tt.html, tt.limit, got, tt.want)
			}
		})
	}
}

// A message Telegram finds too long, though the bot counted it within the
// limit, goes once more cut short rather than being lost; a second refusal
// drops it.
func TestSenderClipsWhatTelegramFindsTooLong(t *testing.T) {
	r := newSenderRig(t)
	r.chat(t, 10, "private")
	var b strings.Builder
	for i := 0; visibleLen(b.String()) < MaxMessage-300; i++ {
		fmt.Fprintf(&b, "<b>Line %d</b> of a long answer &amp; more\n", i)
	}
	r.reply(t, 10, b.String())
	r.reply(t, 10, "second")
	inject(r, 10, 1, telegramtest.Reply{Code: 400, Description: "Bad Request: message is too long"})
	r.start(t)
	got := r.tg.WaitSent(t, 10, 2, 5*time.Second)
	if !strings.HasPrefix(got[0].Text(), "<b>Line 0</b>") || visibleLen(got[0].Text()) > MaxMessage/2 || !strings.HasSuffix(got[0].Text(), "…") {
		t.Errorf("resend of %d characters: %.100q … %q", visibleLen(got[0].Text()), got[0].Text(), got[0].Text()[len(got[0].Text())-40:])
	}
	if got[1].Text() != "second" {
		t.Errorf("then %q, want the next message", got[1].Text())
	}
	testkit.WaitFor(t, "both sent", func() bool { return r.statuses(t)[news.StatusSent] == 2 })
}

// dropCounter is an Observer that counts the messages given up on.
type dropCounter struct {
	mu      sync.Mutex
	dropped map[string]int
}

func (*dropCounter) Sent(string)    {}
func (*dropCounter) SendFailed(int) {}
func (c *dropCounter) Dropped(reason string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.dropped[reason]++
}

func (c *dropCounter) count(reason string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.dropped[reason]
}

// Every message given up on is heard by the observer, by why: a lost alert
// shows in the metrics, not only in a log line.
func TestSenderTellsTheObserverOfDrops(t *testing.T) {
	r := newSenderRig(t)
	obs := &dropCounter{dropped: map[string]int{}}
	r.opts.Observer = obs
	subA, subB := r.chat(t, 10, "private"), r.chat(t, 20, "private")
	r.alerts(t, 10, subA, "refused one", "kept")
	r.alerts(t, 20, subB, "to a blocked chat")
	r.tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		switch {
		case c.Method != "sendMessage":
		case c.ChatID() == 20:
			return &telegramtest.Reply{Code: 403, Description: "Forbidden: bot was blocked by the user"}
		case c.ChatID() == 10 && strings.Contains(c.Text(), "refused one"):
			return &telegramtest.Reply{Code: 400, Description: "Bad Request: BUTTON_DATA_INVALID"}
		}
		return nil
	})
	r.start(t)
	r.tg.WaitSent(t, 10, 1, 5*time.Second)
	testkit.WaitFor(t, "both drops heard", func() bool { return obs.count(DropRefused) == 1 && obs.count(DropUnreachable) == 1 })
}

// A slow Telegram (answers in seconds) gets more messages in flight than
// wait for a turn of the global rate: throughput is not Concurrency divided
// by the answer time (0.8 messages/s for 8 at 10 s).
func TestSenderKeepsSendingWhileTelegramIsSlow(t *testing.T) {
	r := newSenderRig(t)
	r.opts.Concurrency = 2
	const chats = 12
	for i := range int64(chats) {
		r.alerts(t, 100+i, r.chat(t, 100+i, "private"), fmt.Sprintf("alert %d", i))
	}
	var mu sync.Mutex
	inFlight := 0
	answer := make(chan struct{})
	r.tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method != "sendMessage" {
			return nil
		}
		mu.Lock()
		inFlight++
		mu.Unlock()
		<-answer // Telegram is slow: no answer until the test has seen enough calls waiting
		return nil
	})
	r.start(t)
	var once sync.Once
	answerAll := func() { once.Do(func() { close(answer) }) }
	t.Cleanup(answerAll) // before the sender's: it waits for its calls
	testkit.WaitFor(t, "more calls awaiting an answer than Concurrency", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return inFlight >= 3*r.opts.Concurrency
	})
	answerAll()
	testkit.WaitFor(t, "every alert sent", func() bool { return r.statuses(t)[news.StatusSent] == chats })
}
