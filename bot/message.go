package bot

import "time"

// Incoming is a message from a chat, in the bot's own terms, whatever the
// transport (Telegram or the console).
type Incoming struct {
	// UpdateID is Telegram's update_id (0: none, the console), by which
	// HandleOnce knows an update delivered again after a restart.
	UpdateID int
	// Terminal is set on the console's messages: the user's "app
	// language" is the terminal's (LANG), which /language auto follows.
	Terminal  bool
	ChatID    int64
	ChatType  string // private, group, supergroup, channel
	ChatTitle string
	UserID    int64
	Text      string
	Date      time.Time
	MessageID int
	// SenderChatID is set when the message was sent on behalf of a chat: the
	// group itself for an anonymous group admin, the channel for a channel post.
	SenderChatID int64
	// Callback is set when a user pressed an inline button instead of
	// sending a message; Text is then empty.
	Callback *Callback
	// BotStatus is set when the bot's own membership changed (my_chat_member):
	// its new status in the chat, "member", "administrator", "left", "kicked"…
	BotStatus string
	// BotWas is the bot's status in the chat before that change ("" when
	// Telegram did not say).
	BotWas string
	// BotMuted is set with BotStatus "restricted" when the restriction
	// takes away the bot's right to send messages (can_send_messages false),
	// or the bot is not in the chat at all (is_member false).
	BotMuted bool
	// MigrateFrom and MigrateTo are set on the service messages of a group
	// that became a supergroup: the group's old id and its new one.
	MigrateFrom, MigrateTo int64
	// Document is the file the message carries, or else the file of the
	// message it replies to; nil when neither has one. Its command, if any,
	// came in the caption, which is then Text.
	Document *IncomingFile
	// ThreadID is the forum topic the message was sent in (0: none, or the
	// General topic); the answer goes there.
	ThreadID int
	// Inline is set for an inline query (@bot QUERY typed in any chat);
	// there is no chat then.
	Inline *InlineQuery
	// Language is the user's language code as Telegram reports it ("" unknown).
	Language string
	// RepliesToBot is set when the message answers one of the bot's
	// (a reply to a bot's message, which privacy mode lets through).
	RepliesToBot bool
	// ReplyToID is the message of the chat this one answers (0: none).
	ReplyToID int
	// TopicEvent is set on a forum's service message saying that the topic
	// ThreadID (0: General) was closed (or General hidden) or reopened
	// (or General unhidden).
	TopicEvent TopicEvent
	// Edited is set when the message is a new version of one sent before
	// (edited_message, edited_channel_post); it is never run as a command.
	Edited bool
}

// TopicEvent is what a forum's service message says of one of its topics.
type TopicEvent string

// The forum topic events.
const (
	TopicClosed   TopicEvent = "closed"
	TopicReopened TopicEvent = "reopened"
)

// InlineQuery is what a user typed after the bot's name in some chat.
type InlineQuery struct {
	ID       string
	Query    string
	Offset   string // the next_offset of the answer scrolled past; "" for the first page
	ChatType string // the chat it was typed in: sender, private, group, supergroup, channel
}

// IncomingFile is a file someone sent: the transport's id to download it
// by, the name the sender gave it, and its size in bytes (0: unknown).
type IncomingFile struct {
	ID   string
	Name string
	Size int64
}

// Callback is a press on an inline button: the callback query's id (to
// answer it), the button's data and the message that carries the button.
type Callback struct {
	ID        string
	Data      string
	MessageID int
	Buttons   [][]Button // the message's inline keyboard, when Telegram sends it
}

// Button is one inline-keyboard button: a callback (Data) or a link (URL).
type Button struct {
	Text string `json:"text"`
	Data string `json:"data,omitempty"`
	URL  string `json:"url,omitempty"`
}

// Outgoing is a message to send: a text, or a document with Text as its
// caption.
type Outgoing struct {
	ChatID   int64
	Text     string // Telegram HTML, or plain text when Plain
	Plain    bool
	Silent   bool
	Buttons  [][]Button
	Document *Document // nil: a text message
	// ThreadID is the forum topic to send to (0: the chat itself, or General).
	ThreadID int
	// ReplyTo is the message this one answers (0: none); it goes even when
	// that message is gone.
	ReplyTo int
	// Preview shows a link preview; nil: none.
	Preview *LinkPreview
}

// LinkPreview is how a message shows its link preview (link_preview_options).
type LinkPreview struct {
	URL   string // the link to preview; "" = the first link of the text
	Small bool   // prefer small media
	Large bool   // prefer large media
	Above bool   // the preview above the text
}

// Document is a file sent as a message (sendDocument).
type Document struct {
	Name string
	Data []byte
}
