package news

import "time"

// Chat is a Telegram chat (or the console) that talks to the bot.
type Chat struct {
	ID     int64
	Type   string
	Title  string
	Active bool
	Paused bool
	// PausedUntil is when a timed pause (/pause 3 days) ends by itself;
	// zero when the chat is not paused or is paused until /resume. A
	// pause that has ended reads as Paused false.
	PausedUntil time.Time
	Timezone    string
	DigestTime  string
	CreatedAt   time.Time
}

// ChatDefaults are the settings a chat starts with.
type ChatDefaults struct {
	Timezone   string
	DigestTime string
}

// ChatDelivery is what the sender needs to know of a chat to deliver an alert.
type ChatDelivery struct {
	ID         int64
	Type       string
	Active     bool
	Paused     bool
	Timezone   string
	QuietStart string // HH:MM in Timezone; "" = no quiet hours
	QuietEnd   string
	QuietMode  string // QuietSilent, QuietHold, or "" for the configured default
	Preview    string // how alerts show their link preview: "" (none), PreviewOn, PreviewLarge, PreviewSmall, PreviewAbove
	Language   string // the language the chat is spoken to in (a locale code); "" = none chosen
	// LanguageFollowed: Language is a private chat's user's Telegram app
	// language, followed as they change it, not one they chose.
	LanguageFollowed bool
}

// Link preview choices of a chat (/preview); "" is none.
const (
	PreviewOn    = "on"
	PreviewLarge = "large"
	PreviewSmall = "small"
	PreviewAbove = "above"
)

// Quiet-hours modes: what happens to an alert that comes due in quiet hours.
const (
	QuietSilent = "silent" // sent without a notification
	QuietHold   = "hold"   // not sent; the digest lists it
)
