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
	// The service messages of a forum's topics (Bot API 6.3, 6.4).
	ForumTopicClosed          *struct{} `json:"forum_topic_closed"`
	ForumTopicReopened        *struct{} `json:"forum_topic_reopened"`
	GeneralForumTopicHidden   *struct{} `json:"general_forum_topic_hidden"`
	GeneralForumTopicUnhidden *struct{} `json:"general_forum_topic_unhidden"`
}

// topicEvent names the forum service message m is (TopicClosed …), or "".
// The closing or reopening of General comes as forum_topic_closed or
// forum_topic_reopened outside any topic.
func (m *messageExtra) topicEvent() TopicEvent {
	switch {
	case m == nil:
		return ""
	case m.ForumTopicClosed != nil:
		return TopicClosed
	case m.ForumTopicReopened != nil:
		return TopicReopened
	case m.GeneralForumTopicHidden != nil:
		return TopicClosed
	case m.GeneralForumTopicUnhidden != nil:
		return TopicReopened
	}
	return ""
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
		in.UpdateID = u.UpdateID
		return u.UpdateID, in, true, nil
	}
	in, ok = incomingOf(u)
	in.UpdateID = u.UpdateID
	if !ok {
		return u.UpdateID, in, false, nil
	}
	switch {
	case x.CallbackQuery != nil:
		in.ThreadID = x.CallbackQuery.Message.topic()
	case x.Message != nil:
		in.ThreadID = x.Message.topic()
		in.TopicEvent = x.Message.topicEvent()
	case x.ChannelPost != nil:
		in.ThreadID = x.ChannelPost.topic()
	case x.EditedMessage != nil:
		in.ThreadID = x.EditedMessage.topic()
	case x.EditedChannelPost != nil:
		in.ThreadID = x.EditedChannelPost.topic()
	}
	return u.UpdateID, in, true, nil
}
