package settings

import (
	"context"
	"errors"
	"fmt"

	"github.com/newshound/newshound/locale"
)

// ErrLanguage is returned by SetLanguage for a language the bot does not
// speak; the caller answers with locale.Languages.
var ErrLanguage = errors.New("not a language Newshound speaks")

// SetLanguage sets the language the chat is spoken to in, from a code as a
// user writes it ("ru", "de-AT", "ES") or a language's name ("Deutsch",
// "russian"; see locale.Named). It returns the stored code and
// fails with ErrLanguage for a code the bot does not speak (nothing
// changes), or when the database fails.
func (s *Service) SetLanguage(ctx context.Context, chatID int64, code string) (string, error) {
	lang, ok := locale.Named(code)
	if !ok {
		return "", ErrLanguage
	}
	if err := s.opts.Store.SetChatLanguage(ctx, chatID, lang); err != nil {
		return "", fmt.Errorf("set language of chat %d: %w", chatID, err)
	}
	return lang, nil
}

// Language returns the language chosen for the chat, "" when none was
// chosen; it fails with news.ErrNotFound for an unknown chat, or when the
// database fails.
func (s *Service) Language(ctx context.Context, chatID int64) (string, error) {
	c, err := s.opts.Store.FindChatDelivery(ctx, chatID)
	if err != nil {
		return "", fmt.Errorf("language of chat %d: %w", chatID, err)
	}
	return c.Language, nil
}
