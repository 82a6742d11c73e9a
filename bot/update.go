package bot

import (
	"encoding/json"
	"fmt"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// The library (Bot API 5.5) drops the fields Telegram added since: forum
// topics' message_thread_id and is_topic_message among them. decodeUpdate
// is the one decoder of updates, for the long poll and the webhook alike:
// the library's struct for what it knows, plus updateExtra for the rest.

// updateExtra holds the fields of an update that the library does not read.
type updateExtra struct {
	Message           *messageExtra `json:"message"`
	ChannelPost       *messageExtra `json:"channel_post"`
	EditedMessage     *messageExtra `json:"edited_message"`
	EditedChannelPost *messageExtra `json:"edited_channel_post"`
	CallbackQuery     *struct {
		Message *messageExtra `json:"message"`
	} `json:"callback_query"`
	InlineQuery *struct {
		ID     string `json:"id"`
		Query  string `json:"query"`
		Offset string `json:"offset"`
		From   *struct {
			ID           int64  `json:"id"`
			LanguageCode string `json:"language_code"`
		} `json:"from"`
		ChatType string `json:"chat_type"`
	} `json:"inline_query"`
}

// messageExtra is what a message carries beyond the library's Message.
type messageExtra struct {
	MessageThreadID int  `json:"message_thread_id"`
	IsTopicMessage  bool `json:"is_topic_message"`
}

// topic returns the forum topic a message was sent in, or 0: outside a
// forum, message_thread_id names a thread of replies, which is no place to
// send to.
func (m *messageExtra) topic() int {
	if m == nil || !m.IsTopicMessage {
		return 0
	}
	return m.MessageThreadID
}

// decodeUpdate reads one update as Telegram sends it. It returns the
// update's id and, when the bot handles updates of its kind, the Incoming
// (ok); it fails when raw is not an update.
func decodeUpdate(raw []byte) (id int, in Incoming, ok bool, err error) {
	var u tgbotapi.Update
	if err := json.Unmarshal(raw, &u); err != nil {
		return 0, Incoming{}, false, fmt.Errorf("decode update: %w", err)
	}
	var x updateExtra
	if err := json.Unmarshal(raw, &x); err != nil {
		return 0, Incoming{}, false, fmt.Errorf("decode update: %w", err)
	}
	if q := x.InlineQuery; q != nil {
		in = Incoming{Inline: &InlineQuery{ID: q.ID, Query: q.Query, Offset: q.Offset, ChatType: q.ChatType}}
		if q.From != nil {
			in.UserID, in.Language = q.From.ID, q.From.LanguageCode
		}
		return u.UpdateID, in, true, nil
	}
	in, ok = incomingOf(u)
	if !ok {
		return u.UpdateID, in, false, nil
	}
	switch {
	case x.CallbackQuery != nil:
		in.ThreadID = x.CallbackQuery.Message.topic()
	case x.Message != nil:
		in.ThreadID = x.Message.topic()
	case x.ChannelPost != nil:
		in.ThreadID = x.ChannelPost.topic()
	case x.EditedMessage != nil:
		in.ThreadID = x.EditedMessage.topic()
	case x.EditedChannelPost != nil:
		in.ThreadID = x.EditedChannelPost.topic()
	}
	return u.UpdateID, in, true, nil
}
