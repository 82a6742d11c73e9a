package bot

import "time"

// Incoming is a message from a chat, in the bot's own terms, whatever the
// transport (Telegram or the console).
type Incoming struct {
	ChatID    int64
	ChatType  string // private, group, supergroup, channel
	ChatTitle string
	UserID    int64
	Text      string
	Date      time.Time
}

// Button is one inline-keyboard button: a callback (Data) or a link (URL).
type Button struct {
	Text string `json:"text"`
	Data string `json:"data,omitempty"`
	URL  string `json:"url,omitempty"`
}

// Outgoing is a message to send.
type Outgoing struct {
	ChatID  int64
	Text    string // Telegram HTML, or plain text when Plain
	Plain   bool
	Silent  bool
	Buttons [][]Button
}
