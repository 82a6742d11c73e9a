package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
)

// printer prints the calls the fake records, in order, as they come.
type printer struct {
	srv  *telegramtest.Server
	out  io.Writer
	mu   sync.Mutex
	seen int
	last time.Time // when the last call was printed (or the printer started)
}

func newPrinter(srv *telegramtest.Server, out io.Writer) *printer {
	return &printer{srv: srv, out: out, last: time.Now()}
}

// run prints new calls every 50 ms, for ever.
func (p *printer) run() {
	for range time.Tick(50 * time.Millisecond) {
		p.flush()
	}
}

func (p *printer) flush() {
	calls := p.srv.Calls("")
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range calls[p.seen:] {
		fmt.Fprintln(p.out, format(c))
		p.last = time.Now()
	}
	p.seen = len(calls)
}

// waitQuiet returns once no call has come for quiet, counted from no
// earlier than its own start: the input's last lines (after a "sleep" in
// which the bot made no call) still get quiet to be answered, instead of
// the fake exiting before the bot has even read them.
func (p *printer) waitQuiet(quiet time.Duration) {
	p.mu.Lock()
	if now := time.Now(); p.last.Before(now) {
		p.last = now
	}
	p.mu.Unlock()
	for {
		p.flush()
		p.mu.Lock()
		idle := time.Since(p.last)
		p.mu.Unlock()
		if idle >= quiet {
			return
		}
		time.Sleep(quiet - idle)
	}
}

// keyParams are printed, in this order, when a call has them
// (disable_notification: whether quiet hours' "silent" works shows).
var keyParams = []string{"_message_id", "chat_id", "message_thread_id", "message_id", "reply_parameters", "reply_to_message_id", "disable_notification", "link_preview_options",
	"disable_web_page_preview", "allow_paid_broadcast", "inline_query_id", "next_offset", "callback_query_id", "cache_time", "is_personal", "scope", "language_code",
	"user_id", "url", "show_alert", "short_description", "description", "button"}

// format renders one call: method, key parameters, buttons, then the text
// (or caption, inline results, commands) indented.
func format(c telegramtest.Call) string {
	var b strings.Builder
	mark := ">"
	if c.Params.Has("_refused") {
		mark = "x"
	}
	fmt.Fprintf(&b, "%s %s", mark, c.Method)
	for _, k := range keyParams {
		if v := c.Params.Get(k); v != "" {
			fmt.Fprintf(&b, " %s=%s", k, v)
		}
	}
	if r := c.Params.Get("_refused"); r != "" {
		fmt.Fprintf(&b, " REFUSED: %s", r)
	}
	if m := c.Params.Get("reply_markup"); m != "" {
		fmt.Fprintf(&b, "\n    buttons: %s", buttons(m))
	}
	for _, k := range []string{"text", "caption"} {
		if v := c.Params.Get(k); v != "" {
			b.WriteString("\n" + indent(v))
		}
	}
	if doc := c.Document(); doc.Name != "" {
		fmt.Fprintf(&b, "\n    document %s (%d bytes)", doc.Name, len(doc.Data))
	}
	if v := c.Params.Get("results"); v != "" {
		b.WriteString("\n" + inlineResults(v))
	}
	if v := c.Params.Get("commands"); v != "" {
		var cmds []struct{ Command string }
		if json.Unmarshal([]byte(v), &cmds) == nil {
			names := make([]string, len(cmds))
			for i, x := range cmds {
				names[i] = "/" + x.Command
			}
			b.WriteString("\n    " + strings.Join(names, " "))
		}
	}
	return b.String()
}

// buttons renders an inline keyboard as [label → data] …, one line a row
// (so a row of four cramped buttons shows as such), or the markup as sent.
func buttons(markup string) string {
	var m struct {
		InlineKeyboard [][]struct {
			Text         string `json:"text"`
			CallbackData string `json:"callback_data"`
			URL          string `json:"url"`
		} `json:"inline_keyboard"`
	}
	if err := json.Unmarshal([]byte(markup), &m); err != nil || m.InlineKeyboard == nil {
		return markup
	}
	rows := make([]string, 0, len(m.InlineKeyboard))
	for _, row := range m.InlineKeyboard {
		var out []string
		for _, k := range row {
			target := k.CallbackData
			if k.URL != "" {
				target = k.URL
			}
			out = append(out, fmt.Sprintf("[%s → %s]", k.Text, target))
		}
		rows = append(rows, strings.Join(out, " "))
	}
	return strings.Join(rows, "\n    buttons: ")
}

// inlineResults renders the results of answerInlineQuery: title, then the
// picture beside it and the posted message's link preview when it has
// them, then the message.
func inlineResults(v string) string {
	var rs []struct {
		ID                  string `json:"id"`
		Title               string `json:"title"`
		Description         string `json:"description"`
		ThumbnailURL        string `json:"thumbnail_url"`
		InputMessageContent struct {
			MessageText        string          `json:"message_text"`
			LinkPreviewOptions json.RawMessage `json:"link_preview_options"`
		} `json:"input_message_content"`
	}
	if err := json.Unmarshal([]byte(v), &rs); err != nil {
		return indent(v)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "    %d result(s)", len(rs))
	for i, r := range rs {
		fmt.Fprintf(&b, "\n    %d. %s — %s", i+1, r.Title, r.Description)
		if r.ThumbnailURL != "" {
			fmt.Fprintf(&b, "\n        picture: %s", r.ThumbnailURL)
		}
		if lp := string(r.InputMessageContent.LinkPreviewOptions); lp != "" && lp != `{"is_disabled":true}` {
			fmt.Fprintf(&b, "\n        link_preview_options=%s", lp)
		}
		fmt.Fprintf(&b, "\n%s", indentBy(r.InputMessageContent.MessageText, "        | "))
	}
	return b.String()
}

func indent(s string) string { return indentBy(s, "    | ") }

func indentBy(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}
