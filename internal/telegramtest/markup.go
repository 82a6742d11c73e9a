package telegramtest

import (
	"encoding/json"
	"net/url"
)

// Limits of an inline keyboard that Telegram enforces without documenting
// them (observed by bot authors: tginfo/Telegram-Limits): more buttons, or
// a longer markup, are refused "reply markup is too long".
const (
	MaxKeyboardButtons = 100
	MaxMarkupBytes     = 10 << 10
	maxCallbackData    = 64 // bytes; documented
)

// checkMarkup refuses an inline keyboard as Telegram does: over
// MaxKeyboardButtons buttons or MaxMarkupBytes of JSON, or a callback_data
// of 0 or more than 64 bytes. It returns nil for a message without one.
func checkMarkup(p url.Values) *Reply {
	raw := p.Get("reply_markup")
	if raw == "" {
		return nil
	}
	var m struct {
		InlineKeyboard [][]struct {
			CallbackData *string `json:"callback_data"`
		} `json:"inline_keyboard"`
	}
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		return &Reply{Code: 400, Description: "Bad Request: can't parse reply keyboard markup JSON object"}
	}
	n := 0
	for _, row := range m.InlineKeyboard {
		n += len(row)
		for _, b := range row {
			if b.CallbackData != nil && (len(*b.CallbackData) == 0 || len(*b.CallbackData) > maxCallbackData) {
				return &Reply{Code: 400, Description: "Bad Request: BUTTON_DATA_INVALID"}
			}
		}
	}
	if n > MaxKeyboardButtons || len(raw) > MaxMarkupBytes {
		return &Reply{Code: 400, Description: "Bad Request: reply markup is too long"}
	}
	return nil
}
