package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/newshound/newshound/news"
)

// Fuzz targets of the bot's parsers of outside input: callback data,
// webhook bodies and updates, and the HTML it builds from feed text.
// FUZZING.md says how to run them longer.

// telegramTags are the tags Telegram's HTML parse mode takes.
var telegramTags = map[string]bool{"b": true, "strong": true, "i": true, "em": true, "u": true, "ins": true, "s": true,
	"strike": true, "del": true, "a": true, "code": true, "pre": true, "tg-spoiler": true, "span": true, "blockquote": true}

var tagPattern = regexp.MustCompile(`^<(/?)([a-z-]+)(\s[^<>]*)?>`)
var entityPattern = regexp.MustCompile(`^&(lt|gt|amp|quot|#39|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});`)

// checkTelegramHTML reports what Telegram would refuse in h: a tag it does
// not know, a tag closed that is not open or left open, a bare "<" or a "&"
// that starts no entity.
func checkTelegramHTML(h string) error {
	if !utf8.ValidString(h) {
		return fmt.Errorf("not UTF-8")
	}
	var open []string
	for i := 0; i < len(h); {
		switch h[i] {
		case '<':
			m := tagPattern.FindStringSubmatch(h[i:])
			if m == nil {
				return fmt.Errorf("bare < at %d: %q", i, clipFuzz(h[i:]))
			}
			if !telegramTags[m[2]] {
				return fmt.Errorf("unknown tag %q", m[0])
			}
			if m[1] == "/" {
				if len(open) == 0 || open[len(open)-1] != m[2] {
					return fmt.Errorf("closing %q with %v open", m[0], open)
				}
				open = open[:len(open)-1]
			} else {
				open = append(open, m[2])
			}
			i += len(m[0])
		case '>':
			return fmt.Errorf("bare > at %d", i)
		case '&':
			m := entityPattern.FindString(h[i:])
			if m == "" {
				return fmt.Errorf("bare & at %d: %q", i, clipFuzz(h[i:]))
			}
			i += len(m)
		default:
			i++
		}
	}
	if len(open) > 0 {
		return fmt.Errorf("left open: %v", open)
	}
	return nil
}

func clipFuzz(s string) string {
	if len(s) > 20 {
		return s[:20]
	}
	return s
}

func FuzzCallbackData(f *testing.F) {
	for _, seed := range []string{"mute:42", "mute:-1", "mute:abc", "unsub:12:3f9a8b7c6d5e", "list:1:2:3:AAAAAAAAAAAA",
		"digest:0:xxxxxxxxxxxx", ":", "::::", "mute:99999999999999999999", "src:7:pAge:2"} {
		f.Add(int64(1001), seed, "unsub", int64(5))
	}
	r := NewRouter(RouterOptions{Secret: []byte("fuzz-secret-fuzz-secret-fuzz-sec"), Logger: slog.New(slog.DiscardHandler)})
	f.Fuzz(func(t *testing.T, chatID int64, data, verb string, arg int64) {
		if cb, ok := r.verify(chatID, data); ok {
			if len(data) > maxCallbackData {
				t.Fatalf("verified %d bytes of data, over Telegram's %d", len(data), maxCallbackData)
			}
			if cb.verb == "" {
				t.Fatalf("verified %q with no verb", data)
			}
			if !cb.signed && cb.verb != "mute" {
				t.Fatalf("unsigned %q verified as %q", data, cb.verb)
			}
		}
		// What the bot signs verifies in its chat, with its verb and
		// argument, and nowhere else.
		if verb == "" || strings.ContainsAny(verb, ":") || !utf8.ValidString(verb) || len(verb) > 12 {
			return
		}
		signed := r.sign(chatID, verb, arg)
		cb, ok := r.verify(chatID, signed)
		if len(signed) <= maxCallbackData && (!ok || cb.verb != verb || len(cb.args) != 1 || cb.args[0] != arg) {
			t.Fatalf("sign(%d, %q, %d) = %q does not verify back: %+v, %v", chatID, verb, arg, signed, cb, ok)
		}
		if _, ok := r.verify(chatID+1, signed); ok && verb != "mute" {
			t.Fatalf("%q signed for chat %d verified in chat %d", signed, chatID, chatID+1)
		}
	})
}

// FuzzUpdate decodes an update as the webhook and the long poll do: what
// becomes an Incoming names a chat, or is a button press.
func FuzzUpdate(f *testing.F) {
	for _, seed := range []string{
		`{"update_id":1,"message":{"message_id":5,"date":1764000000,"chat":{"id":42,"type":"private"},"from":{"id":42,"is_bot":false,"first_name":"A"},"text":"/subscribe kursk"}}`,
		`{"update_id":2,"callback_query":{"id":"77","from":{"id":42},"data":"mute:3","message":{"message_id":9,"chat":{"id":-100,"type":"supergroup"}}}}`,
		`{"update_id":3,"my_chat_member":{"chat":{"id":-5,"type":"group","title":"News"},"from":{"id":1},"date":1,"new_chat_member":{"status":"kicked","user":{"id":2}}}}`,
		`{"update_id":4,"message":{"message_id":1,"chat":{"id":-5,"type":"group"},"migrate_to_chat_id":-1005}}`,
		`{"update_id":5,"channel_post":{"message_id":1,"chat":{"id":-1009,"type":"channel"},"text":"/list"}}`,
		`{"update_id":6,"message":{"message_id":1,"chat":{"id":7,"type":"private"},"caption":"/import","document":{"file_id":"F","file_name":"feeds.opml","file_size":2048}}}`,
		`{"update_id":7}`, `[]`, `null`, `{"message":{}}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var u tgbotapi.Update
		if err := json.Unmarshal(body, &u); err != nil {
			return
		}
		in, ok := incomingOf(u)
		if !ok {
			return
		}
		if in.Callback == nil && in.ChatID == 0 && in.MigrateTo == 0 && u.Message != nil && u.Message.Chat == nil {
			t.Fatalf("an update without a chat became %+v", in)
		}
		if in.Callback != nil && in.Text != "" {
			t.Fatalf("a button press carries text %q", in.Text)
		}
	})
}

// FuzzWebhook posts bodies to the webhook handler: it answers one of its
// documented codes, never panics, and queues only updates it decoded.
func FuzzWebhook(f *testing.F) {
	f.Add([]byte(`{"update_id":10,"message":{"message_id":1,"chat":{"id":42,"type":"private"},"text":"hello"}}`), true)
	f.Add([]byte(`{"update_id":"ten"}`), true)
	f.Add([]byte(`{"update_id":11,"message":{"chat":{"id":1,"type":"private"},"text":"/help"}}`), false)
	f.Add([]byte(strings.Repeat("[", 5000)), true)
	f.Add([]byte{}, true)
	tg := &Telegram{log: slog.New(slog.DiscardHandler)}
	w := &Webhook{tg: tg, secret: "S3CRET", queueSize: 1, queueWait: time.Millisecond}
	f.Fuzz(func(t *testing.T, body []byte, withSecret bool) {
		queue := make(chan Incoming, 1)
		h := w.handler(context.Background(), queue)
		req := httptest.NewRequest(http.MethodPost, "/hook", strings.NewReader(string(body)))
		if withSecret {
			req.Header.Set(secretHeader, "S3CRET")
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK, http.StatusBadRequest, http.StatusUnauthorized, http.StatusRequestEntityTooLarge, http.StatusServiceUnavailable:
		default:
			t.Fatalf("answered %d", rec.Code)
		}
		if !withSecret && rec.Code != http.StatusUnauthorized {
			t.Fatalf("a post without the secret got %d", rec.Code)
		}
		if len(queue) > 0 && rec.Code != http.StatusOK {
			t.Fatalf("queued an update and answered %d", rec.Code)
		}
		if len(queue) > 0 {
			var u tgbotapi.Update
			if err := json.Unmarshal(body, &u); err != nil {
				t.Fatalf("queued a body that is not an update: %v", err)
			}
		}
		if _, err := io.Copy(io.Discard, rec.Body); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzFormatAlert renders feed text as an alert and splits it: Telegram
// takes every part (escaping holds, tags balance) and none is over the cap.
func FuzzFormatAlert(f *testing.F) {
	f.Add("Kursk: talks <b>resume</b> & stall", "Officials said on Monday that the talks would resume. <script>alert(1)</script>", "https://news.example/a?b=1&c=2", "kursk OR \"gas deal\"", "Wire")
	f.Add("5 < 6 && 7 > 3", "A &amp; B &bogus; &#x1F600; 😀 𝔘𝔫𝔦", "javascript:alert(1)", "<i>q</i>", "Src\"<")
	f.Add(strings.Repeat("Long title ", 200), strings.Repeat("Sentence with an emoji 🎉 and <tag>. ", 400), "", "", "")
	f.Fuzz(func(t *testing.T, title, summary, url, query, also string) {
		a := news.Article{Title: title, Summary: summary, URL: url, SourceName: also, PublishedAt: time.Unix(1764000000, 0)}
		h := FormatAlert(AlertView{Article: a, Query: query, Also: []string{also}})
		// Whatever the feed's bytes: invalid UTF-8 is replaced, not passed on.
		if err := checkTelegramHTML(h); err != nil {
			t.Fatalf("alert is not Telegram HTML: %v\n%s", err, h)
		}
		for _, part := range splitMessage(h+"\n"+h, MaxMessage) {
			if n := visibleLen(part); n > MaxMessage {
				t.Fatalf("part of %d characters, cap %d", n, MaxMessage)
			}
			if err := checkTelegramHTML(part); err != nil {
				t.Fatalf("part is not Telegram HTML: %v\n%s", err, part)
			}
		}
	})
}
