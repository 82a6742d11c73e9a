package main

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
)

// TestWaitQuietCountsFromTheEndOfInput: a script whose last lines come after
// a long "sleep" (no call from the bot meanwhile) must still see the bot's
// answer to them; the fake used to exit at once, the idle time already spent.
func TestWaitQuietCountsFromTheEndOfInput(t *testing.T) {
	srv, err := telegramtest.NewServerAt("1:t", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	var out bytes.Buffer
	p := newPrinter(srv, &out)
	p.last = time.Now().Add(-time.Hour) // a long sleep in which the bot was silent
	done := make(chan struct{})
	go func() {
		p.waitQuiet(2 * time.Second)
		close(done)
	}()
	endpoint := strings.Replace(strings.Replace(srv.Endpoint(), "%s", "1:t", 1), "%s", "sendMessage", 1)
	resp, err := http.PostForm(endpoint, url.Values{"chat_id": {"42"}, "text": {"the answer to the last line"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	<-done
	if !strings.Contains(out.String(), "the answer to the last line") {
		t.Errorf("the fake stopped before the bot's answer; printed:\n%s", out.String())
	}
}

// TestInlineResultsShowPictureAndPreview: an inline result's picture and
// its message's link preview are printed, so a stranger sees what the list
// and the posted message would show; a result without them prints as before.
func TestInlineResultsShowPictureAndPreview(t *testing.T) {
	got := inlineResults(`[{"type":"article","id":"a1","title":"Kursk","description":"Wire · text","thumbnail_url":"https://img.example/1.jpg",` +
		`"input_message_content":{"message_text":"<b>Kursk</b>","link_preview_options":{"url":"https://img.example/1.jpg","prefer_large_media":true}}},` +
		`{"type":"article","id":"a2","title":"Oder","input_message_content":{"message_text":"Oder","link_preview_options":{"is_disabled":true}}}]`)
	for _, want := range []string{"2 result(s)", "1. Kursk — Wire · text\n        picture: https://img.example/1.jpg\n        link_preview_options={\"url\":\"https://img.example/1.jpg\",\"prefer_large_media\":true}\n        | <b>Kursk</b>",
		"2. Oder — \n        | Oder"} {
		if !strings.Contains(got, want) {
			t.Errorf("printed\n%s\nwant %q in it", got, want)
		}
	}
}
