package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/store"
	"github.com/newshound/newshound/subscriptions"
)

// A chat allowed more than 50 subscriptions (subscriptions.max_per_chat
// raised) had /list answered with nothing: Telegram refuses an inline
// keyboard of more than 100 buttons ("reply markup is too long") and the
// refused reply was dropped. /list shows as many as its buttons cover,
// then says how many more there are, and a press rewrites it within the
// limit too.
func TestListOfManySubscriptionsFitsTheKeyboard(t *testing.T) {
	var subs *subscriptions.Service
	h := newHarness(t, func(o *RouterOptions) {
		subs = subscriptions.NewService(subscriptions.Options{Store: o.Store.(*store.Store), MaxPerChat: 200, Now: o.Now, Logger: o.Logger})
		o.Subscriptions = subs
	})
	ctx := context.Background()
	const chat, n = 70, 60
	h.reply(chat, "private", chat, "/start")
	for i := range n {
		if _, err := subs.Subscribe(ctx, chat, fmt.Sprintf("kursk%d", i)); err != nil {
			t.Fatal(err)
		}
	}
	before := len(h.tg.Calls("sendMessage"))
	h.send(chat, "private", chat, "/list")
	var got telegramtest.Call
	testkit.WaitFor(t, "an answer to /list, taken or refused", func() bool {
		calls := h.tg.Calls("sendMessage")
		if len(calls) > before {
			got = calls[before]
			return true
		}
		return false
	})
	if got.Params.Has("_refused") {
		t.Fatalf("/list of %d subscriptions refused: %s", n, got.Params.Get("_refused"))
	}
	rows := buttons(t, got)
	count := 0
	for _, r := range rows {
		count += len(r)
	}
	if count > telegramtest.MaxKeyboardButtons {
		t.Fatalf("/list has %d buttons, Telegram takes %d", count, telegramtest.MaxKeyboardButtons)
	}
	shown := strings.Count(got.Text(), "<code>kursk")
	if shown != count/2 {
		t.Errorf("/list shows %d subscriptions with %d buttons, want two buttons for each line", shown, count)
	}
	if want := fmt.Sprintf("and %d more", n-shown); !strings.Contains(got.Text(), want) {
		t.Errorf("/list = %q, want it to say %q", got.Text(), want)
	}
	mid, err := strconv.Atoi(got.Params.Get("_message_id"))
	if err != nil {
		t.Fatal(err)
	}
	h.press(chat, "private", chat, mid, rows[0][1].Data) // mute the first
	h.settle()
	edits := h.tg.Calls("editMessageText")
	if len(edits) == 0 {
		t.Fatal("no rewrite of /list after a press")
	}
	if last := edits[len(edits)-1]; last.Params.Has("_refused") {
		t.Errorf("the rewrite of /list refused: %s", last.Params.Get("_refused"))
	}
}

// /list counted its budget in characters, and a query written in letters
// outside the Basic Multilingual Plane (𝐤𝐮𝐫𝐬𝐤, which reads as kursk) counts
// two each to Telegram: the list came in two messages, its buttons under
// the second only, and a press's rewrite of the whole list was refused as
// too long. It is one message, as Telegram counts it.
func TestListOfWideQueriesIsOneMessage(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	const chat = 71
	h.reply(chat, "private", chat, "/start")
	wide := strings.Repeat("𝐤𝐮𝐫𝐬𝐤", 23) // 115 letters, 230 UTF-16 units
	for i := range 40 {
		if _, err := h.subs.Subscribe(ctx, chat, fmt.Sprintf("%s%d", wide, i)); err != nil {
			t.Fatal(err)
		}
	}
	n := len(h.tg.Sent(chat))
	got := h.reply(chat, "private", chat, "/list")
	h.settle()
	if sent := h.tg.Sent(chat); len(sent) != n+1 {
		t.Fatalf("/list came in %d messages, want 1", len(sent)-n)
	}
	if l := visibleLen(got.Text()); l > MaxMessage {
		t.Fatalf("/list is %d long as Telegram counts, at most %d", l, MaxMessage)
	}
	// Each query is clipped shorter so that all 40 fit (TestListShowsEveryOneOfFiftyLongQueries).
	if strings.Contains(got.Text(), "more: remove some") || strings.Count(got.Text(), "<code>") != 40 {
		t.Errorf("/list = %.300q…, want all 40 subscriptions", got.Text())
	}
	if rows := buttons(t, got); len(rows) != strings.Count(got.Text(), "<code>") {
		t.Errorf("%d rows of buttons for %d lines", len(rows), strings.Count(got.Text(), "<code>"))
	}
}

// A stranger with 50 subscriptions of long queries (the most a chat may
// hold) saw 31 of them in /list, then "… and 19 more: remove some with
// /unsubscribe ID", and had no way to learn those IDs. /list shows all 50,
// each query clipped shorter, in one message with a button pair for each.
func TestListShowsEveryOneOfFiftyLongQueries(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	const chat = 72
	h.reply(chat, "private", chat, "/start")
	for i := range 50 {
		q := fmt.Sprintf(`"north korea%d" OR "south korea" OR "kim jong" OR pyongyang OR seoul OR "demilitarized zone" OR missile OR "nuclear test"`, i)
		if _, err := h.subs.Subscribe(ctx, chat, q); err != nil {
			t.Fatal(err)
		}
	}
	n := len(h.tg.Sent(chat))
	got := h.reply(chat, "private", chat, "/list")
	h.settle()
	if sent := h.tg.Sent(chat); len(sent) != n+1 {
		t.Fatalf("/list came in %d messages, want 1", len(sent)-n)
	}
	if l := visibleLen(got.Text()); l > MaxMessage {
		t.Fatalf("/list is %d long as Telegram counts, at most %d", l, MaxMessage)
	}
	if shown := strings.Count(got.Text(), "<code>"); shown != 50 || strings.Contains(got.Text(), "more: remove some") {
		t.Errorf("/list shows %d of 50 subscriptions: %.400q…", shown, got.Text())
	}
	if rows := buttons(t, got); len(rows) != 50 {
		t.Errorf("%d rows of buttons, want one for each of the 50", len(rows))
	}
	if !strings.Contains(got.Text(), "&#34;north korea0&#34;") {
		t.Errorf("/list = %.300q…, want each query's start", got.Text())
	}
}
