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

// Language returns the language the chat is spoken to in, chosen or
// followed (FollowLanguage), "" when it has none; it fails with
// news.ErrNotFound for an unknown chat, or when the database fails.
func (s *Service) Language(ctx context.Context, chatID int64) (string, error) {
	c, err := s.opts.Store.FindChatDelivery(ctx, chatID)
	if err != nil {
		return "", fmt.Errorf("language of chat %d: %w", chatID, err)
	}
	return c.Language, nil
}

// ChosenLanguage returns the language the chat chose (SetLanguage), ""
// when it chose none or follows its user's app; it fails with
// news.ErrNotFound for an unknown chat, or when the database fails.
func (s *Service) ChosenLanguage(ctx context.Context, chatID int64) (string, error) {
	c, err := s.opts.Store.FindChatDelivery(ctx, chatID)
	if err != nil {
		return "", fmt.Errorf("language of chat %d: %w", chatID, err)
	}
	if c.LanguageFollowed {
		return "", nil
	}
	return c.Language, nil
}

// FollowApp undoes the chat's choice of a language (/language auto): a
// private chat speaks lang, its user's app language ("" for one the bot
// does not speak), and follows it from now on; a group passes "" and has
// none chosen. It fails with news.ErrNotFound for an unknown chat, or when
// the database fails.
func (s *Service) FollowApp(ctx context.Context, chatID int64, lang string) error {
	if err := s.opts.Store.SetChatLanguageFollowed(ctx, chatID, lang); err != nil {
		return fmt.Errorf("follow the app's language in chat %d: %w", chatID, err)
	}
	return nil
}

// FollowLanguage makes a private chat speak lang, its user's Telegram app
// language as the latest message gives it (a code of locale.Languages, ""
// for one the bot does not speak), unless the chat chose a language: the
// user who switches the app to German is answered, alerted and sent the
// digest in German. It returns the language the chat speaks afterwards. It
// fails with news.ErrNotFound for an unknown chat, or when the database
// fails.
func (s *Service) FollowLanguage(ctx context.Context, chatID int64, lang string) (string, error) {
	c, err := s.opts.Store.FindChatDelivery(ctx, chatID)
	if err != nil {
		return "", fmt.Errorf("language of chat %d: %w", chatID, err)
	}
	if (c.Language != "" && !c.LanguageFollowed) || c.Language == lang {
		return c.Language, nil
	}
	changed, err := s.opts.Store.FollowChatLanguage(ctx, chatID, lang)
	if err != nil {
		return c.Language, fmt.Errorf("follow language of chat %d: %w", chatID, err)
	}
	if !changed { // chosen meanwhile
		return s.Language(ctx, chatID)
	}
	return lang, nil
}
