package bot

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/settings"
	"github.com/newshound/newshound/subscriptions"
)

// newHintRouter is a router on a real store with a clock the test moves.
func newHintRouter(t *testing.T) (*Router, *replyLog, *testClock) {
	t.Helper()
	clock := &testClock{}
	st := testkit.OpenStore(t, clock.Now)
	log := &replyLog{Store: st}
	discard := slog.New(slog.DiscardHandler)
	subs := subscriptions.NewService(subscriptions.Options{Store: st, MaxPerChat: 3, Now: clock.Now, Logger: discard})
	r := NewRouter(RouterOptions{Store: log, Subscriptions: subs, BotName: "newshound_bot", Logger: discard, Now: clock.Now,
		ChatDefaults: news.ChatDefaults{Timezone: "UTC", DigestTime: "08:00"},
		Settings:     settings.NewService(settings.Options{Store: st, Subscriptions: subs, DigestTime: "08:00", Logger: discard})})
	return r, log, clock
}

func TestHintsOncePerChatPerHourAndNeverInGroups(t *testing.T) {
	r, log, clock := newHintRouter(t)
	for range 5 {
		say(r, 7, "private", "hello?")
	}
	if got := log.take(); len(got) != 1 || got[0].Priority != priorityHint {
		t.Fatalf("five texts got %d replies (%v), want one hint", len(got), got)
	}
	say(r, 7, "private", "/list")
	if got := log.take(); len(got) != 1 || got[0].Priority != news.PriorityReply {
		t.Fatalf("a command after the hint got %v, want its reply", got)
	}
	for range 3 {
		say(r, -100, "group", "hello bot")
		say(r, -100, "supergroup", "anyone?")
	}
	if got := log.take(); len(got) != 0 {
		t.Fatalf("text in groups got %d replies, want none", len(got))
	}
	clock.Advance(HintEvery)
	say(r, 7, "private", "hello again")
	if got := log.take(); len(got) != 1 {
		t.Fatalf("an hour later: %d replies, want one hint", len(got))
	}
}

// A burst of new chats gets hints at most at HintsPerSecond, however many
// write, while every command is still answered.
func TestHintsBurstOfNewChatsKeepsItsShare(t *testing.T) {
	r, log, clock := newHintRouter(t)
	const seconds = 5
	for s := range seconds {
		for c := range 400 {
			say(r, int64(10_000+s*1000+c), "private", "hi")
		}
		say(r, int64(1+s), "private", "/help")
		clock.Advance(time.Second)
	}
	hints, replies := 0, 0
	for _, m := range log.take() {
		if m.Priority == priorityHint {
			hints++
		} else {
			replies++
		}
	}
	if limit := int(DefaultHintsPerSecond)*seconds + int(DefaultHintsPerSecond); hints > limit {
		t.Errorf("%d hints in %d s to 2,000 new chats, want at most %d", hints, seconds, limit)
	}
	if replies != seconds {
		t.Errorf("%d command replies, want %d", replies, seconds)
	}
}

// Command replies leave before hints: a reply queued after a thousand
// hints is read first.
func TestHintsQueueBehindReplies(t *testing.T) {
	ctx := context.Background()
	r, log, _ := newHintRouter(t)
	for c := range 1000 {
		if _, err := log.Store.EnsureChat(ctx, int64(100+c), "private", "", news.ChatDefaults{}); err != nil {
			t.Fatal(err)
		}
		r.hint(ctx, int64(100+c), "I understand commands only.")
	}
	say(r, 5000, "private", "/help")
	due, err := log.Store.DueMessages(ctx, time.Now().Add(time.Hour), 10)
	if err != nil || len(due) == 0 || due[0].ChatID != 5000 {
		t.Fatalf("first due = %v, %v; want the reply to chat 5000", due, err)
	}
}

// The hint memory is bounded: 100,000 distinct chats leave at most
// HintChatsMax remembered.
func TestHintsMemoryBounded(t *testing.T) {
	clock := &testClock{}
	h := newHintRation(clock.Now, 1e9)
	for c := range 100_000 {
		h.allow(int64(c))
		if c%1000 == 0 {
			clock.Advance(time.Minute)
		}
	}
	if n := h.size(); n > HintChatsMax {
		t.Fatalf("%d chats remembered, bound %d", n, HintChatsMax)
	}
}

// A stranger's first message to the bot was a sticker, then a photo: no
// answer at all, where a text got the hint. In a private chat a message
// without text (sticker, photo, voice) gets the hint too; in a group it is
// chatter.
func TestHintsForAStickerInAPrivateChat(t *testing.T) {
	r, log, _ := newHintRouter(t)
	r.Handle(context.Background(), Incoming{ChatID: -100, ChatType: "supergroup", UserID: 7, Date: time.Now()})
	if got := log.take(); len(got) != 0 {
		t.Fatalf("a sticker in a group got %v, want nothing", got)
	}
	r.Handle(context.Background(), Incoming{ChatID: 7, ChatType: "private", UserID: 7, Date: time.Now()})
	if got := log.take(); len(got) != 1 || got[0].Priority != priorityHint {
		t.Fatalf("a sticker in a private chat got %v, want the hint", got)
	}
}
