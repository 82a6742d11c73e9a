package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// The Telegram calls that commands and buttons need beyond sending. Like
// every call of the transport, they are bound to the context given to
// NewTelegram (the library takes no per-call context).

// callbackOf turns a callback query into an Incoming. A press on a button of
// an inline message (no chat) comes with ChatID 0.
func callbackOf(q *tgbotapi.CallbackQuery) (Incoming, bool) {
	in := Incoming{Callback: &Callback{ID: q.ID, Data: q.Data}}
	if q.From != nil {
		in.UserID, in.Language = q.From.ID, q.From.LanguageCode
	}
	if m := q.Message; m != nil && m.Chat != nil {
		in.ChatID, in.ChatType, in.ChatTitle = m.Chat.ID, m.Chat.Type, m.Chat.Title
		in.Callback.MessageID = m.MessageID
		in.MessageID = m.MessageID
		if m.ReplyMarkup != nil {
			in.Callback.Buttons = buttonsOf(m.ReplyMarkup.InlineKeyboard)
		}
	}
	return in, true
}

// buttonsOf is the Buttons of an inline keyboard: its callback and link
// buttons (others, which this bot does not send, have neither).
func buttonsOf(kb [][]tgbotapi.InlineKeyboardButton) [][]Button {
	rows := make([][]Button, 0, len(kb))
	for _, row := range kb {
		var bs []Button
		for _, b := range row {
			x := Button{Text: b.Text}
			if b.CallbackData != nil {
				x.Data = *b.CallbackData
			}
			if b.URL != nil {
				x.URL = *b.URL
			}
			bs = append(bs, x)
		}
		rows = append(rows, bs)
	}
	return rows
}

// interactiveWait is the longest retry_after that a call answering a person
// at once (a button press, an inline query) waits before its one more try:
// the person waits for it, and Telegram forgets a callback query's answer
// after some seconds.
const interactiveWait = 5 * time.Second

// interactive makes a call that answers a person and, when Telegram refuses
// it with a 429 whose retry_after is at most interactiveWait, waits that
// long (or until ctx is done) and makes it once more. These calls do not go
// through the outbox, whose sender waits out a 429 itself.
func (t *Telegram) interactive(ctx context.Context, call func() error) error {
	err := call()
	var se *SendError
	if !errors.As(err, &se) || se.Code != http.StatusTooManyRequests || se.RetryAfter > interactiveWait || ctx.Err() != nil {
		return err
	}
	t.sleep(ctx, max(se.RetryAfter, time.Second))
	if ctx.Err() != nil {
		return err
	}
	return call()
}

// EditButtons replaces the inline keyboard of a message the bot sent
// (editMessageReplyMarkup), as a press changes what a button offers; a
// short 429 is waited out once (interactive). It fails with a *SendError or
// a transport error.
func (t *Telegram) EditButtons(ctx context.Context, chatID int64, messageID int, buttons [][]Button) error {
	return t.interactive(ctx, func() error {
		if _, err := t.send.Request(tgbotapi.NewEditMessageReplyMarkup(chatID, messageID, keyboard(buttons))); err != nil {
			return fmt.Errorf("editMessageReplyMarkup: %w", t.convert(err))
		}
		return nil
	})
}

// AnswerCallback answers a callback query with a short notice (text may be
// empty); a short 429 is waited out once (interactive). It fails with a
// *SendError or a transport error.
func (t *Telegram) AnswerCallback(ctx context.Context, callbackID, text string) error {
	return t.interactive(ctx, func() error {
		if _, err := t.send.Request(tgbotapi.NewCallback(callbackID, text)); err != nil {
			return fmt.Errorf("answerCallbackQuery: %w", t.convert(err))
		}
		return nil
	})
}

// IsChatAdmin reports whether the user is the creator or an administrator
// of the chat (getChatMember); it fails with a *SendError or a transport error.
func (t *Telegram) IsChatAdmin(ctx context.Context, chatID, userID int64) (bool, error) {
	m, err := t.send.GetChatMember(tgbotapi.GetChatMemberConfig{ChatConfigWithUser: tgbotapi.ChatConfigWithUser{ChatID: chatID, UserID: userID}})
	if err != nil {
		return false, fmt.Errorf("getChatMember: %w", t.convert(err))
	}
	return m.IsCreator() || m.IsAdministrator(), nil
}

// RewriteMessage replaces the text (HTML) and buttons of a message the bot
// sent, as a button press changes what it shows; a short 429 is waited out
// once (interactive). It fails with a *SendError or a transport error.
func (t *Telegram) RewriteMessage(ctx context.Context, chatID int64, messageID int, text string, buttons [][]Button) error {
	// A raw request, as messages go: the library's config sends the
	// deprecated disable_web_page_preview, not link_preview_options.
	p, err := messageParams(Outgoing{ChatID: chatID, Text: text, Buttons: buttons}, false)
	if err != nil {
		return fmt.Errorf("editMessageText: %w", err)
	}
	p["message_id"] = strconv.Itoa(messageID)
	return t.interactive(ctx, func() error {
		if err := t.call("editMessageText", p, nil); err != nil {
			return fmt.Errorf("editMessageText: %w", err)
		}
		return nil
	})
}

// AnswerInline answers an inline query with articles (answerInlineQuery),
// each an article result whose message is its HTML text without a link
// preview; nextOffset ("" at the last page) is what Telegram sends back as
// the offset of the query when the person scrolls to the end; button, when
// not nil, is the InlineQueryResultsButton above the results. A short 429
// is waited out once (interactive). It fails with a *SendError or a
// transport error.
func (t *Telegram) AnswerInline(ctx context.Context, queryID string, results []InlineResult, nextOffset string, cacheSeconds int, button *InlineButton) error {
	rs := make([]map[string]any, len(results))
	for i, r := range results {
		res := map[string]any{"type": "article", "id": r.ID, "title": r.Title,
			"input_message_content": map[string]any{"message_text": r.Text, "parse_mode": tgbotapi.ModeHTML,
				"link_preview_options": previewOptions(r.Preview)}}
		if r.Thumbnail != "" {
			res["thumbnail_url"] = r.Thumbnail
		}
		if r.Description != "" {
			res["description"] = r.Description
		}
		if r.URL != "" {
			res["url"] = r.URL
		}
		rs[i] = res
	}
	// is_personal: the answer is in the asker's language, and Telegram
	// would give one that is not personal to anyone sending the same query.
	p := tgbotapi.Params{"inline_query_id": queryID, "cache_time": strconv.Itoa(cacheSeconds), "is_personal": "true"}
	p.AddNonEmpty("next_offset", nextOffset)
	if err := p.AddInterface("results", rs); err != nil {
		return fmt.Errorf("answerInlineQuery: %w", err)
	}
	if button != nil {
		if err := p.AddInterface("button", map[string]any{"text": button.Text, "start_parameter": button.Start}); err != nil {
			return fmt.Errorf("answerInlineQuery: %w", err)
		}
	}
	return t.interactive(ctx, func() error {
		if err := t.call("answerInlineQuery", p, nil); err != nil {
			return fmt.Errorf("answerInlineQuery: %w", err)
		}
		return nil
	})
}
