package bot

import (
	"encoding/json"
	"fmt"
	"strconv"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// Messages go as raw requests (MakeRequest) because the library's configs
// (Bot API 5.5) cannot carry what Telegram added since: message_thread_id
// (forum topics), reply_parameters, link_preview_options and
// allow_paid_broadcast.

// messageParams returns the parameters of a sendMessage or editMessageText
// for m; paid sets allow_paid_broadcast (new messages only).
func messageParams(m Outgoing, paid bool) (tgbotapi.Params, error) {
	p := tgbotapi.Params{"chat_id": strconv.FormatInt(m.ChatID, 10), "text": m.Text}
	if !m.Plain {
		p["parse_mode"] = tgbotapi.ModeHTML
	}
	if err := p.AddInterface("link_preview_options", previewOptions(m.Preview)); err != nil {
		return nil, err
	}
	if len(m.Buttons) > 0 {
		if err := p.AddInterface("reply_markup", keyboard(m.Buttons)); err != nil {
			return nil, err
		}
	}
	addThreading(p, m, paid)
	return p, nil
}

// addThreading adds what only a new message takes: its topic, the message
// it answers, silence and paid broadcast.
func addThreading(p tgbotapi.Params, m Outgoing, paid bool) {
	if m.ThreadID != 0 {
		p["message_thread_id"] = strconv.Itoa(m.ThreadID)
	}
	if m.ReplyTo != 0 {
		// allow_sending_without_reply: a command deleted meanwhile still gets its answer.
		b, _ := json.Marshal(map[string]any{"message_id": m.ReplyTo, "allow_sending_without_reply": true})
		p["reply_parameters"] = string(b)
	}
	if m.Silent {
		p["disable_notification"] = "true"
	}
	if paid {
		p["allow_paid_broadcast"] = "true"
	}
}

// previewOptions is the link_preview_options object for lp (nil: disabled).
func previewOptions(lp *LinkPreview) map[string]any {
	if lp == nil {
		return map[string]any{"is_disabled": true}
	}
	o := map[string]any{}
	if lp.URL != "" {
		o["url"] = lp.URL
	}
	if lp.Small {
		o["prefer_small_media"] = true
	}
	if lp.Large {
		o["prefer_large_media"] = true
	}
	if lp.Above {
		o["show_above_text"] = true
	}
	return o
}

// call makes a raw request and decodes its result into out (nil: ignored);
// it fails with a *SendError for a refusal or a transport error.
func (t *Telegram) call(method string, p tgbotapi.Params, out any) error {
	resp, err := t.send.MakeRequest(method, p)
	if err != nil {
		return t.convert(err)
	}
	if out != nil {
		if err := json.Unmarshal(resp.Result, out); err != nil {
			return fmt.Errorf("%s: read the answer: %w", method, err)
		}
	}
	return nil
}
