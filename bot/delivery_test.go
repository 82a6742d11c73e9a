package bot

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

func TestSenderBurstsIntoOneMessage(t *testing.T) {
	r := newSenderRig(t)
	r.opts.BurstMax = 5
	sub := r.chat(t, 10, "private")
	var titles []string
	for i := 1; i <= 8; i++ {
		titles = append(titles, fmt.Sprintf("Story %d", i))
	}
	r.alerts(t, 10, sub, titles...)
	r.start(t)
	r.tg.WaitSent(t, 10, 1, 5*time.Second)
	testkit.WaitFor(t, "all 8 alerts marked sent", func() bool { return r.statuses(t)[news.StatusSent] == 8 })
	got := r.tg.Sent(10)
	if len(got) != 1 {
		t.Fatalf("messages = %d, want 1 listing all 8", len(got))
	}
	text := got[0].Text()
	if !strings.Contains(text, "8 new alerts") {
		t.Errorf("burst lacks its count:\n%s", text)
	}
	last := -1
	for _, title := range titles {
		i := strings.Index(text, ">"+title+"</a> — <i>Wire</i>")
		if i < 0 || i < last {
			t.Errorf("burst lacks %q as a linked title with its source, in order:\n%s", title, text)
		}
		last = i
	}
	if !strings.Contains(got[0].Params.Get("reply_markup"), fmt.Sprintf(`"callback_data":"mute:%d"`, sub)) {
		t.Errorf("burst without a mute button: %s", got[0].Params.Get("reply_markup"))
	}
}

func TestSenderNoBurstAtTheLimit(t *testing.T) {
	r := newSenderRig(t)
	r.opts.BurstMax = 3
	sub := r.chat(t, 10, "private")
	r.alerts(t, 10, sub, "one", "two", "three")
	r.start(t)
	got := r.tg.WaitSent(t, 10, 3, 5*time.Second)
	for _, c := range got {
		if strings.Contains(c.Text(), "new alerts") {
			t.Errorf("got a burst for 3 alerts with burst_max 3: %q", c.Text())
		}
	}
}

func TestSenderSplitsLongBurstsOnLines(t *testing.T) {
	r := newSenderRig(t)
	r.opts.BurstMax = 5
	sub := r.chat(t, 10, "private")
	var titles []string
	for i := 1; i <= 70; i++ {
		titles = append(titles, fmt.Sprintf("Story %02d %s", i, strings.Repeat("é long words ", 14)))
	}
	r.alerts(t, 10, sub, titles...)
	r.start(t)
	testkit.WaitFor(t, "all 70 alerts marked sent", func() bool { return r.statuses(t)[news.StatusSent] == 70 })
	got := r.tg.Sent(10)
	if len(got) < 2 {
		t.Fatalf("messages = %d, want the burst split", len(got))
	}
	seen := 0
	for _, c := range got {
		text := c.Text()
		if n := visibleLen(text); n > MaxMessage {
			t.Errorf("a part is %d characters after parsing", n)
		}
		for _, line := range strings.Split(text, "\n")[1:] {
			if !strings.HasPrefix(line, "• <a href=") || !strings.HasSuffix(line, "</a> — <i>Wire</i>") {
				t.Errorf("a line was cut: %q", line)
			}
			if want := fmt.Sprintf("Story %02d ", seen+1); !strings.Contains(line, want) {
				t.Errorf("line %q, want %q next", line, want)
			}
			seen++
		}
	}
	if seen != 70 {
		t.Errorf("alerts listed = %d, want 70", seen)
	}
}

func TestSenderEditsTheAlertWhenAnotherSourceHasTheStory(t *testing.T) {
	tests := []struct {
		name  string
		burst bool
	}{
		{"single alert", false},
		{"alert in a burst", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newSenderRig(t)
			ctx := context.Background()
			r.opts.BurstMax = 1
			sub := r.chat(t, 10, "private")
			first := r.article(t, 0, "Deminers clear Kursk fields")
			batch := []news.Alert{{ChatID: 10, ArticleID: first, SubscriptionID: sub}}
			if tt.burst {
				batch = append(batch, news.Alert{ChatID: 10, ArticleID: r.article(t, 0, "Other story"), SubscriptionID: sub})
			} else {
				r.opts.BurstMax = 100
			}
			if _, err := r.st.QueueAlerts(ctx, batch); err != nil {
				t.Fatal(err)
			}
			r.start(t)
			r.tg.WaitSent(t, 10, 1, 5*time.Second)
			testkit.WaitFor(t, "the alert marked sent", func() bool { return r.statuses(t)[news.StatusSent] == len(batch) })

			for _, name := range []string{"Reuters", "AFP"} {
				src, err := r.st.UpsertSource(ctx, name, "https://"+name+".example/rss", "config")
				if err != nil {
					t.Fatal(err)
				}
				twin := r.article(t, src.ID, "Deminers clear Kursk fields ("+name+")")
				if err := r.st.LinkArticle(ctx, twin, first, "", nil); err != nil {
					t.Fatal(err)
				}
				if n, err := r.st.QueueAlerts(ctx, []news.Alert{{ChatID: 10, ArticleID: twin, SubscriptionID: sub}}); err != nil || n != 1 {
					t.Fatalf("queue the twin: %d, %v; want one edit", n, err)
				}
			}
			testkit.WaitFor(t, "both edits done", func() bool { return r.statuses(t)[news.StatusSent] == len(batch)+2 })
			// The first edit, sent after the second twin came, shows both
			// already: the second is then no call (shown.go).
			edits := r.tg.Calls("editMessageText")
			if len(edits) == 0 || len(edits) > 2 || (len(edits) == 2 && edits[0].Text() == edits[1].Text()) {
				t.Fatalf("editMessageText calls = %d, want one or two, no two alike", len(edits))
			}
			edit := edits[len(edits)-1]
			alert, err := r.st.FindMessage(ctx, 1)
			if err != nil {
				t.Fatal(err)
			}
			if edit.Params.Get("message_id") != fmt.Sprint(alert.TelegramID) || alert.TelegramID == 0 || edit.ChatID() != 10 {
				t.Errorf("edit of message %s in chat %d, want the alert's", edit.Params.Get("message_id"), edit.ChatID())
			}
			if !strings.Contains(edit.Text(), "Reuters, AFP") || !strings.Contains(edit.Text(), "Deminers clear Kursk fields") {
				t.Errorf("edited text lacks the other sources:\n%s", edit.Text())
			}
			if !strings.Contains(edit.Params.Get("reply_markup"), "mute:") {
				t.Error("the edit dropped the mute button")
			}
			if len(r.tg.Sent(10)) != 1 {
				t.Errorf("messages = %d, want the one alert, edited", len(r.tg.Sent(10)))
			}
		})
	}
}

func TestSenderQuietHours(t *testing.T) {
	tests := []struct {
		name       string
		mode       string // chat's choice; "" = the default
		defaultMod string
		quiet      bool
		wantSent   int
		wantSilent bool
	}{
		{"outside quiet hours", news.QuietHold, news.QuietSilent, false, 2, false},
		{"silent", news.QuietSilent, news.QuietHold, true, 2, true},
		{"hold", news.QuietHold, news.QuietSilent, true, 0, false},
		{"default silent", "", news.QuietSilent, true, 2, true},
		{"default hold", "", news.QuietHold, true, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newSenderRig(t)
			r.opts.QuietMode = tt.defaultMod
			r.quietAroundNow(t, 10, tt.quiet, tt.mode)
			sub := r.chat(t, 10, "private")
			r.alerts(t, 10, sub, "one", "two")
			r.reply(t, 10, "a reply")
			r.start(t)
			testkit.WaitFor(t, "the outbox settled", func() bool { return r.statuses(t)[news.StatusPending] == 0 })
			got := r.tg.Sent(10)
			if len(got) != tt.wantSent+1 {
				t.Fatalf("messages = %q, want the reply and %d alerts", texts(got), tt.wantSent)
			}
			for _, c := range got[1:] {
				if silent := c.Params.Get("disable_notification") == "true"; silent != tt.wantSilent {
					t.Errorf("disable_notification = %v, want %v", silent, tt.wantSilent)
				}
			}
			if got[0].Params.Get("disable_notification") == "true" {
				t.Error("a reply to a command was sent silently")
			}
			if tt.wantSent == 0 {
				if st := r.statuses(t); st[news.StatusHeld] != 2 {
					t.Errorf("outbox = %v, want 2 held", st)
				}
			}
		})
	}
}

func TestSenderDropsAlertsOfPausedChat(t *testing.T) {
	r := newSenderRig(t)
	ctx := context.Background()
	sub := r.chat(t, 10, "private")
	r.alerts(t, 10, sub, "one", "two")
	r.reply(t, 10, "⏸ Alerts paused.")
	if err := r.st.SetChatPaused(ctx, 10, true); err != nil {
		t.Fatal(err)
	}
	r.start(t)
	testkit.WaitFor(t, "the outbox settled", func() bool { return r.statuses(t)[news.StatusPending] == 0 })
	if got := r.tg.Sent(10); len(got) != 1 || !strings.Contains(got[0].Text(), "paused") {
		t.Errorf("sent %q, want only the reply", texts(got))
	}
	if st := r.statuses(t); st[news.StatusDropped] != 2 {
		t.Errorf("outbox = %v, want the 2 alerts dropped", st)
	}
}

func TestFormatBurstFitsOneMessage(t *testing.T) {
	item := func(title string) BurstItem {
		return BurstItem{Article: news.Article{Title: title, URL: "https://x.example/a?b=1&c=2", SourceName: "AP & Co"}}
	}
	tests := []struct {
		name      string
		items     []BurstItem
		wantCount int
	}{
		{"short list", []BurstItem{item("a"), item("b")}, 2},
		{"capped at maxBurstItems", repeat(item("short"), 80), maxBurstItems},
		{"cut by length", repeat(item(strings.Repeat("x", 195)+" 🙂"), 40), 19},
		{"one line always", []BurstItem{item(strings.Repeat("long ", 2000))}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, n := FormatBurst(tt.items)
			if n != tt.wantCount {
				t.Errorf("count = %d, want %d", n, tt.wantCount)
			}
			if l := visibleLen(text); l > MaxMessage {
				t.Errorf("length after parsing = %d", l)
			}
			if strings.Count(text, "\n") != n {
				t.Errorf("lines = %d, want %d", strings.Count(text, "\n"), n)
			}
			if !strings.Contains(text, "AP &amp; Co") || !strings.Contains(text, `href="https://x.example/a?b=1&amp;c=2"`) {
				t.Errorf("not escaped:\n%s", text[:200])
			}
		})
	}
}

func repeat(it BurstItem, n int) []BurstItem {
	out := make([]BurstItem, n)
	for i := range out {
		out[i] = it
	}
	return out
}

func TestVisibleLen(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int
	}{
		{"plain", "abc", 3},
		{"tags", `<b><a href="https://example.com/long">ab</a></b>`, 2},
		{"entities", "a &amp; b &#34;", 7},
		{"astral emoji counts two", "🗞", 2},
		{"bmp accent counts one", "é", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := visibleLen(tt.in); got != tt.want {
				t.Errorf("visibleLen(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestSenderGathersABurstAfterTheLimit(t *testing.T) {
	r := newSenderRig(t)
	r.opts.BurstMax = 2
	sub := r.chat(t, 10, "private")
	r.alerts(t, 10, sub, "one", "two")
	sender := r.start(t)
	r.tg.WaitSent(t, 10, 2, 5*time.Second)
	testkit.WaitFor(t, "two sent", func() bool { return r.statuses(t)[news.StatusSent] == 2 })

	// A third within the minute would be one too many: it waits for company.
	r.alerts(t, 10, sub, "three")
	waitLooks(t, sender)
	if got := r.tg.Sent(10); len(got) != 2 {
		t.Fatalf("sent %q; the third alert should wait", texts(got))
	}
	r.alerts(t, 10, sub, "four", "five")
	r.clock.Advance(61 * time.Second)
	got := r.tg.WaitSent(t, 10, 3, 5*time.Second)
	if text := got[2].Text(); !strings.Contains(text, "3 new alerts") || !strings.Contains(text, ">three<") || !strings.Contains(text, ">five<") {
		t.Errorf("third message = %q, want one burst of three, four and five", text)
	}
}

func TestSenderEditRefusals(t *testing.T) {
	tests := []struct {
		name       string
		desc       string
		wantStatus string
	}{
		{"not modified counts as done", "Bad Request: message is not modified: specified new message content and reply markup are exactly the same", news.StatusSent},
		{"message gone is dropped", "Bad Request: message to edit not found", news.StatusDropped},
		{"message not editable is dropped", "Bad Request: message can't be edited", news.StatusDropped},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newSenderRig(t)
			ctx := context.Background()
			sub := r.chat(t, 10, "private")
			first := r.article(t, 0, "Story")
			if _, err := r.st.QueueAlerts(ctx, []news.Alert{{ChatID: 10, ArticleID: first, SubscriptionID: sub}}); err != nil {
				t.Fatal(err)
			}
			r.tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
				if c.Method == "editMessageText" {
					return &telegramtest.Reply{Code: 400, Description: tt.desc}
				}
				return nil
			})
			r.start(t)
			r.tg.WaitSent(t, 10, 1, 5*time.Second)
			testkit.WaitFor(t, "the alert marked sent", func() bool { return r.statuses(t)[news.StatusSent] == 1 })
			src := testkit.UpsertSource(t, r.st, "Reuters", "https://reuters.example/rss", "config")
			twin := r.article(t, src.ID, "Story (Reuters)")
			if err := r.st.LinkArticle(ctx, twin, first, "", nil); err != nil {
				t.Fatal(err)
			}
			if _, err := r.st.QueueAlerts(ctx, []news.Alert{{ChatID: 10, ArticleID: twin, SubscriptionID: sub}}); err != nil {
				t.Fatal(err)
			}
			r.alerts(t, 10, sub, "Next story")
			r.tg.WaitSent(t, 10, 2, 5*time.Second) // the queue behind the edit goes on
			edit, err := r.st.FindMessage(ctx, 2)
			if err != nil || edit.Kind != news.KindEdit {
				t.Fatalf("row 2 = %+v, %v; want the edit", edit, err)
			}
			testkit.WaitFor(t, "the edit settled", func() bool {
				m, err := r.st.FindMessage(ctx, 2)
				return err == nil && m.Status == tt.wantStatus
			})
		})
	}
}

// A digest that falls in the chat's quiet hours goes without a sound, in
// either mode (it is what hold mode gathers alerts for); outside them, and
// for a reply, with one.
func TestSenderDigestInQuietHoursIsSilent(t *testing.T) {
	tests := []struct {
		name       string
		mode       string
		quiet      bool
		wantSilent bool
	}{
		{"outside quiet hours", news.QuietSilent, false, false},
		{"silent", news.QuietSilent, true, true},
		{"hold", news.QuietHold, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newSenderRig(t)
			r.quietAroundNow(t, 10, tt.quiet, tt.mode)
			if _, err := r.st.Enqueue(context.Background(), news.Message{ChatID: 10, Kind: news.KindDigest, Priority: news.PriorityDigest, Text: "📰 Your digest"}); err != nil {
				t.Fatal(err)
			}
			r.reply(t, 10, "a reply")
			r.start(t)
			testkit.WaitFor(t, "the outbox settled", func() bool { return r.statuses(t)[news.StatusPending] == 0 })
			got := r.tg.Sent(10)
			if len(got) != 2 {
				t.Fatalf("messages = %q, want the reply and the digest", texts(got))
			}
			for _, c := range got {
				silent := c.Params.Get("disable_notification") == "true"
				switch {
				case strings.Contains(c.Text(), "digest") && silent != tt.wantSilent:
					t.Errorf("digest: disable_notification = %v, want %v", silent, tt.wantSilent)
				case c.Text() == "a reply" && silent:
					t.Error("a reply to a command was sent silently")
				}
			}
		})
	}
}

// quietAroundNow makes chat a private chat in Asia/Tokyo whose quiet hours
// (in mode) are the two hours around its local time now, or, when not quiet,
// far from it.
func (r *senderRig) quietAroundNow(t *testing.T, chat int64, quiet bool, mode string) {
	t.Helper()
	ctx := context.Background()
	if _, err := r.st.EnsureChat(ctx, chat, "private", "", news.ChatDefaults{Timezone: "Asia/Tokyo"}); err != nil {
		t.Fatal(err)
	}
	loc, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Fatal(err)
	}
	local := r.clock.Now().In(loc)
	if !quiet {
		local = local.Add(12 * time.Hour)
	}
	start, end := local.Add(-time.Hour).Format("15:04"), local.Add(time.Hour).Format("15:04")
	if err := r.st.SetChatQuiet(ctx, chat, start, end, mode); err != nil {
		t.Fatal(err)
	}
}

// A stranger's forum group got "🗞 1 new alert" lists in two topics: past
// burst_max, the burst gathered the alerts of three topics, each topic's
// message kept only its own one and showed it as a list, without its
// summary. A burst that narrows to one alert is sent as that alert.
func TestSenderBurstOfOneTopicsAlertIsAnAlert(t *testing.T) {
	r := newSenderRig(t)
	r.opts.BurstMax = 2
	ctx := context.Background()
	const group = -1007
	general := r.chat(t, group, "supergroup")
	var subs []int64
	for _, thread := range []int{5, 6} {
		r.tg.AddTopic(group, thread)
		sub, _, err := r.st.CreateSubscriptionIn(ctx, group, thread, "kursk deminers", fmt.Sprintf("kursk deminers %d", thread), 50)
		if err != nil {
			t.Fatal(err)
		}
		subs = append(subs, sub.ID)
	}
	a := r.article(t, 0, "Kursk deminers return")
	if _, err := r.st.QueueAlerts(ctx, []news.Alert{{ChatID: group, ArticleID: a, SubscriptionID: general},
		{ChatID: group, ArticleID: a, SubscriptionID: subs[0]}, {ChatID: group, ArticleID: a, SubscriptionID: subs[1]}}); err != nil {
		t.Fatal(err)
	}
	r.start(t)
	r.tg.WaitSent(t, group, 2, 5*time.Second)
	testkit.WaitFor(t, "two sent", func() bool { return r.statuses(t)[news.StatusSent] == 2 })
	r.clock.Advance(61 * time.Second) // the third waited for company past burst_max
	got := r.tg.WaitSent(t, group, 3, 5*time.Second)
	for _, m := range got {
		if strings.Contains(m.Text(), "new alert") || !strings.Contains(m.Text(), "Summary of Kursk deminers return") {
			t.Errorf("topic %q got %q; want the alert with its summary", m.Params.Get("message_thread_id"), m.Text())
		}
	}
}
