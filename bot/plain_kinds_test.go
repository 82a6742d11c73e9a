package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

// "can't parse entities" gets the same text once more as plain text, for
// every kind of message: a reply with buttons, a digest, a file's caption,
// a rewrite of a message sent before, and the edit of an alert that names
// its story's other sources.
func TestEveryKindIsResentAsPlainText(t *testing.T) {
	const html = "<b>Fish &amp; chips</b> at <a href=\"https://x.example/\">the pier</a>"
	tests := []struct {
		name   string
		method string
		queue  func(t *testing.T, r *senderRig) // queues the message (after any setup)
		field  string
	}{
		{"reply with buttons", "sendMessage", func(t *testing.T, r *senderRig) {
			enqueue(t, r, news.Message{ChatID: 10, Kind: news.KindReply, Priority: news.PriorityReply, Text: html, Buttons: `[[{"text":"More","data":"m:1"}]]`})
		}, "text"},
		{"digest", "sendMessage", func(t *testing.T, r *senderRig) {
			enqueue(t, r, news.Message{ChatID: 10, Kind: news.KindDigest, Priority: news.PriorityDigest, Text: html})
		}, "text"},
		{"file caption", "sendDocument", func(t *testing.T, r *senderRig) {
			enqueue(t, r, news.Message{ChatID: 10, Kind: news.KindReply, Priority: news.PriorityReply, Text: html, DocumentName: "list.opml", Document: []byte("<opml/>")})
		}, "caption"},
		{"rewrite", "editMessageText", func(t *testing.T, r *senderRig) {
			enqueue(t, r, news.Message{ChatID: 10, Kind: news.KindEdit, Priority: news.PriorityReply, Text: html, EditOf: 77})
		}, "text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newSenderRig(t)
			r.chat(t, 10, "private")
			r.tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
				if c.Method == tt.method && c.Params.Get("parse_mode") == "HTML" {
					return &telegramtest.Reply{Code: 400, Description: "Bad Request: can't parse entities: Unsupported start tag \"b\" at byte offset 0"}
				}
				return nil
			})
			tt.queue(t, r)
			r.start(t)
			var got telegramtest.Call
			testkit.WaitFor(t, "an accepted "+tt.method, func() bool {
				for _, c := range r.tg.Calls(tt.method) {
					if c.Params.Get("_accepted") == "1" {
						got = c
						return true
					}
				}
				return false
			})
			text := got.Params.Get(tt.field)
			if got.Params.Get("parse_mode") != "" || strings.Contains(text, "<") || !strings.Contains(text, "Fish & chips") {
				t.Errorf("plain resend: %s %q, parse_mode %q", tt.field, text, got.Params.Get("parse_mode"))
			}
			testkit.WaitFor(t, "the row sent", func() bool { return r.statuses(t)[news.StatusSent] == 1 })
		})
	}
}

// An alert's edit (its story got another source) refused for its HTML
// goes as plain text too.
func TestAlertEditIsResentAsPlainText(t *testing.T) {
	r := newSenderRig(t)
	ctx := context.Background()
	sub := r.chat(t, 10, "private")
	first := r.article(t, 0, "Fish & chips")
	if _, err := r.st.QueueAlerts(ctx, []news.Alert{{ChatID: 10, ArticleID: first, SubscriptionID: sub}}); err != nil {
		t.Fatal(err)
	}
	r.tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "editMessageText" && c.Params.Get("parse_mode") == "HTML" {
			return &telegramtest.Reply{Code: 400, Description: "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\""}
		}
		return nil
	})
	r.start(t)
	r.tg.WaitSent(t, 10, 1, 5*time.Second)
	testkit.WaitFor(t, "the alert marked sent", func() bool { return r.statuses(t)[news.StatusSent] == 1 })
	src := testkit.UpsertSource(t, r.st, "Reuters", "https://reuters.example/rss", "config")
	twin := r.article(t, src.ID, "Fish & chips (Reuters)")
	if err := r.st.LinkArticle(ctx, twin, first, "", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := r.st.QueueAlerts(ctx, []news.Alert{{ChatID: 10, ArticleID: twin, SubscriptionID: sub}}); err != nil {
		t.Fatal(err)
	}
	testkit.WaitFor(t, "the edit sent", func() bool {
		m, err := r.st.FindMessage(ctx, 2)
		return err == nil && m.Kind == news.KindEdit && m.Status == news.StatusSent
	})
	edits := r.tg.Calls("editMessageText")
	last := edits[len(edits)-1]
	if last.Params.Get("_accepted") != "1" || last.Params.Get("parse_mode") != "" || !strings.Contains(last.Text(), "Fish & chips") || !strings.Contains(last.Text(), "Reuters") {
		t.Errorf("the edit's plain resend: %q parse_mode %q accepted %q", last.Text(), last.Params.Get("parse_mode"), last.Params.Get("_accepted"))
	}
}

func enqueue(t *testing.T, r *senderRig, m news.Message) {
	t.Helper()
	if _, err := r.st.Enqueue(context.Background(), m); err != nil {
		t.Fatal(err)
	}
}
