package bot

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/settings"
	"github.com/newshound/newshound/store"
	"github.com/newshound/newshound/subscriptions"
)

// replyLog is the real store that also remembers every queued reply.
type replyLog struct {
	*store.Store
	mu      sync.Mutex
	replies []news.Message
}

func (r *replyLog) Enqueue(ctx context.Context, m news.Message) (int64, error) {
	r.mu.Lock()
	r.replies = append(r.replies, m)
	r.mu.Unlock()
	return r.Store.Enqueue(ctx, m)
}

func (r *replyLog) take() []news.Message {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.replies
	r.replies = nil
	return out
}

func newTestRouter(t *testing.T) (*Router, *replyLog) {
	t.Helper()
	now := func() time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC) }
	st := testkit.OpenStore(t, now)
	log := &replyLog{Store: st}
	subs := subscriptions.NewService(subscriptions.Options{Store: st, MaxPerChat: 3, Now: now, Logger: slog.New(slog.DiscardHandler)})
	r := NewRouter(RouterOptions{Store: log, Subscriptions: subs, BotName: "newshound_bot", Logger: slog.New(slog.DiscardHandler),
		ChatDefaults: news.ChatDefaults{Timezone: "UTC", DigestTime: "08:00"},
		Settings:     settings.NewService(settings.Options{Store: st, Subscriptions: subs, DigestTime: "08:00", Logger: slog.New(slog.DiscardHandler)})})
	return r, log
}

func say(r *Router, chatID int64, chatType, text string) {
	r.Handle(context.Background(), Incoming{ChatID: chatID, ChatType: chatType, UserID: chatID, Text: text})
}

func TestRouterReplies(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		chatType string
		want     []string // substrings of the one reply; nil = no reply
	}{
		{"start", "/start", "private", []string{"Newshound", "/subscribe"}},
		{"help lists the table", "/help", "private", []string{"/subscribe <i>QUERY</i>", "/unsubscribe", "/list", "/pause"}},
		{"unknown command", "/frobnicate", "private", []string{"don't know /frobnicate", "/help"}},
		{"unknown command is escaped", "/<b>x", "private", []string{"/&lt;b&gt;x"}},
		{"empty subscribe", "/subscribe", "private", []string{"Tell me what to look for"}},
		{"blank subscribe", "/subscribe    ", "private", []string{"Tell me what to look for"}},
		{"query of 1000 characters", "/subscribe " + strings.Repeat("word ", 200), "private", []string{"can't use that query", "200"}},
		{"too long for any command", "/subscribe " + strings.Repeat("x", 1200), "private", []string{"too long"}},
		{"case and bot name", "/HELP@newshound_bot", "private", []string{"Commands"}},
		{"another bot", "/help@OtherBot", "group", nil},
		{"plain text in private", "hello", "private", []string{"commands only"}},
		{"plain text in a group", "hello", "group", nil},
		{"unsubscribe nothing", "/unsubscribe 42", "private", []string{"no subscription #42"}},
		{"unsubscribe html", "/unsubscribe <script>", "private", []string{"&lt;script&gt;"}},
		{"empty list", "/list", "private", []string{"No subscriptions yet"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, log := newTestRouter(t)
			say(r, 7, tt.chatType, tt.text)
			got := log.take()
			if tt.want == nil {
				if len(got) != 0 {
					t.Fatalf("want no reply, got %q", got[0].Text)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("replies = %d, want 1", len(got))
			}
			wantPriority := news.PriorityReply
			if tt.text == "hello" {
				wantPriority = priorityHint // a hint goes after command replies (hints.go)
			}
			if got[0].Kind != news.KindReply || got[0].Priority != wantPriority {
				t.Errorf("reply queued as %s/%d", got[0].Kind, got[0].Priority)
			}
			for _, w := range tt.want {
				if !strings.Contains(got[0].Text, w) {
					t.Errorf("reply %q lacks %q", got[0].Text, w)
				}
			}
		})
	}
}

func TestSubscribeListUnsubscribe(t *testing.T) {
	r, log := newTestRouter(t)
	// "<>" go (the parser parts words at them, and /subscribe confirms
	// the query without them); what is left is escaped.
	say(r, 7, "private", `/subscribe kursk "north korea" <war> r&d`)
	rep := log.take()
	if len(rep) != 1 || !strings.Contains(rep[0].Text, "Subscribed (#1)") {
		t.Fatalf("subscribe reply = %+v", rep)
	}
	say(r, 7, "private", "/subscribe pyongyang")
	log.take()
	say(r, 7, "private", "/list")
	list := log.take()[0].Text
	if !strings.Contains(list, "#1 <code>kursk &#34;north korea&#34; war r&amp;d</code>") || !strings.Contains(list, "#2 <code>pyongyang</code>") {
		t.Fatalf("list = %q", list)
	}
	say(r, 7, "private", "/unsubscribe pyongyang")
	if got := log.take()[0].Text; !strings.Contains(got, "Removed #2") {
		t.Fatalf("unsubscribe by query = %q", got)
	}
	say(r, 8, "private", "/unsubscribe 1") // another chat cannot remove it
	if got := log.take()[0].Text; !strings.Contains(got, "no subscription") {
		t.Fatalf("another chat's unsubscribe = %q", got)
	}
	say(r, 7, "private", "/unsubscribe #1")
	if got := log.take()[0].Text; !strings.Contains(got, "Removed #1") {
		t.Fatalf("unsubscribe by id = %q", got)
	}
}

func TestSubscriptionLimitIsExplained(t *testing.T) {
	r, log := newTestRouter(t)
	for _, q := range []string{"a1", "b2", "c3"} {
		say(r, 7, "private", "/subscribe "+q)
	}
	log.take()
	say(r, 7, "private", "/subscribe d4")
	got := log.take()[0].Text
	// A stranger read "as many as it may hold" and could not tell how
	// many that is, nor how to remove one.
	for _, want := range []string{"as many subscriptions as it may hold (3)", "<code>/unsubscribe NUMBER</code>", "/list"} {
		if !strings.Contains(got, want) {
			t.Errorf("limit reply = %q, want it to contain %q", got, want)
		}
	}
}

func TestPauseAndResume(t *testing.T) {
	r, log := newTestRouter(t)
	say(r, 7, "private", "/pause")
	if got := log.take()[0].Text; !strings.Contains(got, "paused") {
		t.Fatalf("pause reply = %q", got)
	}
	c := mustFindChat(t, log.Store, 7)
	if !c.Paused {
		t.Fatal("chat not paused")
	}
	say(r, 7, "private", "/resume")
	c = mustFindChat(t, log.Store, 7)
	if c.Paused {
		t.Fatal("chat still paused")
	}
}

func TestCommandTableFeedsRegistration(t *testing.T) {
	r, _ := newTestRouter(t)
	cmds := r.Commands()
	if len(cmds) < 5 {
		t.Fatalf("commands = %v", cmds)
	}
	for _, c := range cmds {
		if c.Description == "" || strings.ToLower(c.Name) != c.Name || strings.Contains(c.Name, "/") {
			t.Errorf("command %+v is not valid for setMyCommands", c)
		}
	}
}
