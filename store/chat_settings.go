package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/newshound/newshound/news"
)

// FindChatDelivery returns the chat's delivery settings, or ErrNotFound.
func (s *Store) FindChatDelivery(ctx context.Context, id int64) (news.ChatDelivery, error) {
	var c news.ChatDelivery
	var until int64
	err := s.w.QueryRowContext(ctx, `SELECT id, type, active, paused, timezone, quiet_start, quiet_end, quiet_mode, preview, language, language_followed, paused_until FROM chats WHERE id = ?`, id).
		Scan(&c.ID, &c.Type, &c.Active, &c.Paused, &c.Timezone, &c.QuietStart, &c.QuietEnd, &c.QuietMode, &c.Preview, &c.Language, &c.LanguageFollowed, &until)
	if errors.Is(err, sql.ErrNoRows) {
		return news.ChatDelivery{}, fmt.Errorf("chat %d: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return news.ChatDelivery{}, fmt.Errorf("find chat %d: %w", id, err)
	}
	c.Paused, _ = stillOn(c.Paused, until, s.now()) // a timed pause that has ended
	return c, nil
}

// SetChatQuiet sets the chat's quiet hours (start and end "HH:MM", both ""
// for none) and mode (QuietSilent, QuietHold or "" for the default). The
// caller validates the values. It fails with ErrNotFound for an unknown chat.
func (s *Store) SetChatQuiet(ctx context.Context, id int64, start, end, mode string) error {
	res, err := s.w.ExecContext(ctx, `UPDATE chats SET quiet_start = ?, quiet_end = ?, quiet_mode = ?, updated_at = ? WHERE id = ?`,
		start, end, mode, s.now().Unix(), id)
	if err != nil {
		return fmt.Errorf("set quiet hours of chat %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("chat %d: %w", id, news.ErrNotFound)
	}
	return nil
}

// SetChatLanguage sets the language the chat chose to be spoken to in (a
// code of locale.Languages, or "" for none chosen); the caller validates
// it. The choice stays until the next one (FollowChatLanguage leaves it).
// It fails with ErrNotFound for an unknown chat.
func (s *Store) SetChatLanguage(ctx context.Context, id int64, lang string) error {
	return s.setChatLanguage(ctx, id, lang, false)
}

// SetChatLanguageFollowed sets the chat's language to lang, its user's
// Telegram app language ("" for one the bot does not speak, and for a
// group: none chosen), and makes FollowChatLanguage follow it again:
// /language auto, after a choice. It fails with ErrNotFound for an unknown
// chat.
func (s *Store) SetChatLanguageFollowed(ctx context.Context, id int64, lang string) error {
	return s.setChatLanguage(ctx, id, lang, true)
}

// setChatLanguage writes the chat's language and whether it is followed;
// it fails with ErrNotFound for an unknown chat.
func (s *Store) setChatLanguage(ctx context.Context, id int64, lang string, followed bool) error {
	res, err := s.w.ExecContext(ctx, `UPDATE chats SET language = ?, language_followed = ?, updated_at = ? WHERE id = ?`, lang, followed, s.now().Unix(), id)
	if err != nil {
		return fmt.Errorf("set chat %d language: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("chat %d: %w", id, news.ErrNotFound)
	}
	return nil
}

// FollowChatLanguage sets the chat's language to lang, its user's Telegram
// app language ("" for one the bot does not speak), unless the chat chose
// one (SetChatLanguage). It reports whether the language changed; an
// unknown chat changes nothing. It fails when the database fails.
func (s *Store) FollowChatLanguage(ctx context.Context, id int64, lang string) (bool, error) {
	res, err := s.w.ExecContext(ctx, `UPDATE chats SET language = ?, language_followed = 1, updated_at = ?
		WHERE id = ? AND (language = '' OR language_followed = 1) AND language <> ?`, lang, s.now().Unix(), id, lang)
	if err != nil {
		return false, fmt.Errorf("follow chat %d language: %w", id, err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}
