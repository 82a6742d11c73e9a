package settings

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/newshound/newshound/localtime"
	"github.com/newshound/newshound/news"
)

// ErrUnknownQuietMode is returned for a quiet mode other than news.QuietSilent
// and news.QuietHold.
var ErrUnknownQuietMode = errors.New("unknown quiet mode")

// Quiet is a chat's quiet hours as the commands show them.
type Quiet struct {
	Hours    localtime.QuietHours
	Set      bool   // false: the chat has no quiet hours, and Hours is zero
	Mode     string // the mode in effect: the chat's own or the default
	Timezone string // the chat's stored zone; "" is UTC
}

// quietModeWords are the words /quiet reads as a mode, in every language
// the bot speaks, lower-case: the first of each language's pair is the one
// its texts show (locale's "<code>тихо</code>"), the others what its
// speakers may write as well. A Russian chat was shown, and could only
// use, "silent" and "hold".
var quietModeWords = map[string]string{
	news.QuietSilent: news.QuietSilent, news.QuietHold: news.QuietHold,
	"тихо": news.QuietSilent, "беззвучно": news.QuietSilent, "отложить": news.QuietHold, "откладывать": news.QuietHold,
	"lautlos": news.QuietSilent, "stumm": news.QuietSilent, "zurückhalten": news.QuietHold, "zurueckhalten": news.QuietHold,
	"silencio": news.QuietSilent, "silencioso": news.QuietSilent, "retener": news.QuietHold, "guardar": news.QuietHold,
}

// QuietModeOf returns the mode (news.QuietSilent or news.QuietHold) that a
// lower-case word names in any language the bot speaks ("silent", "тихо",
// "zurückhalten"), and false for any other word.
func QuietModeOf(word string) (string, bool) {
	mode, ok := quietModeWords[word]
	return mode, ok
}

// quietModePhrases are modes said in two words, as the languages' own texts
// say them ("без звука" is the Mute button's), each with its one word.
var quietModePhrases = []struct{ phrase, word string }{
	{"без звука", "беззвучно"}, {"в сводку", "отложить"},
	{"ohne ton", "lautlos"},
	{"sin sonido", "silencio"},
}

// QuietModePhrases returns the lower-case words of /quiet with each mode
// said in two words ("23:00-07:00 без звука") as its one word
// ("23:00-07:00 беззвучно"), so that QuietModeOf reads it.
func QuietModePhrases(s string) string {
	for _, p := range quietModePhrases {
		s = strings.ReplaceAll(s, p.phrase, p.word)
	}
	return s
}

// IsQuietMode reports whether s names a quiet mode (QuietModeOf).
func IsQuietMode(s string) bool { _, ok := QuietModeOf(s); return ok }

// QuietMode returns what quiet hours do in chat: its own mode, else def
// (alerts.quiet_mode), else news.QuietSilent.
func QuietMode(chat news.ChatDelivery, def string) string {
	switch {
	case chat.QuietMode != "":
		return chat.QuietMode
	case def != "":
		return def
	}
	return news.QuietSilent
}

// QuietAt returns the quiet mode that applies to an alert reaching chat at
// now: "" when the chat has no quiet hours or now, in the chat's zone, is
// outside them; else QuietMode(chat, def).
func QuietAt(chat news.ChatDelivery, def string, now time.Time) string {
	q, ok := localtime.LoadQuietHours(chat.QuietStart, chat.QuietEnd)
	if !ok || !q.Contains(now, localtime.Location(chat.Timezone)) {
		return ""
	}
	return QuietMode(chat, def)
}

// quietOf is the chat's quiet hours with the service's default mode.
func (s *Service) quietOf(chat news.ChatDelivery) Quiet {
	q, ok := localtime.LoadQuietHours(chat.QuietStart, chat.QuietEnd)
	return Quiet{Hours: q, Set: ok, Mode: QuietMode(chat, s.opts.QuietMode), Timezone: chat.Timezone}
}

// Quiet returns the chat's quiet hours. It fails with news.ErrNotFound for
// an unknown chat, or when the database fails.
func (s *Service) Quiet(ctx context.Context, chatID int64) (Quiet, error) {
	chat, err := s.opts.Store.FindChatDelivery(ctx, chatID)
	if err != nil {
		return Quiet{}, fmt.Errorf("quiet hours of chat %d: %w", chatID, err)
	}
	return s.quietOf(chat), nil
}

// QuietChange is a change to a chat's quiet hours; the zero value changes nothing.
type QuietChange struct {
	Hours string // new hours as a user writes them ("23:00-07:00", "11pm-7am"); "" keeps them
	Off   bool   // remove the hours (the mode is kept for the next ones)
	Mode  string // a word of QuietModeOf ("hold", "отложить"); "" keeps the chat's
}

// SetQuiet changes the chat's quiet hours and returns them. It fails with
// localtime.ErrBadQuietHours for hours that do not read (checked first),
// ErrUnknownQuietMode for a bad mode, news.ErrNotFound for an unknown chat,
// or when the database fails; then nothing is stored.
func (s *Service) SetQuiet(ctx context.Context, chatID int64, change QuietChange) (Quiet, error) {
	var q localtime.QuietHours
	if change.Hours != "" {
		var err error
		if q, err = localtime.ParseQuietHours(change.Hours); err != nil {
			return Quiet{}, err
		}
	}
	mode, ok := QuietModeOf(change.Mode)
	if change.Mode != "" && !ok {
		return Quiet{}, fmt.Errorf("%q: %w", change.Mode, ErrUnknownQuietMode)
	}
	chat, err := s.opts.Store.FindChatDelivery(ctx, chatID)
	if err != nil {
		return Quiet{}, fmt.Errorf("quiet hours of chat %d: %w", chatID, err)
	}
	switch {
	case change.Off:
		chat.QuietStart, chat.QuietEnd = "", ""
	case change.Hours != "":
		chat.QuietStart, chat.QuietEnd = q.Start.String(), q.End.String()
	}
	if mode != "" {
		chat.QuietMode = mode
	}
	if err := s.opts.Store.SetChatQuiet(ctx, chatID, chat.QuietStart, chat.QuietEnd, chat.QuietMode); err != nil {
		return Quiet{}, fmt.Errorf("set quiet hours of chat %d: %w", chatID, err)
	}
	return s.quietOf(chat), nil
}
