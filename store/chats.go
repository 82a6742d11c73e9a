package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/newshound/newshound/news"
)

// EnsureChat creates the chat if it is new, with the given defaults, and
// updates its type and title otherwise. It does not reactivate an inactive chat.
func (s *Store) EnsureChat(ctx context.Context, id int64, typ, title string, def news.ChatDefaults) (news.Chat, error) {
	now := s.now().Unix()
	_, err := s.w.ExecContext(ctx, `
		INSERT INTO chats (id, type, title, timezone, digest_time, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET type = excluded.type, title = excluded.title,
			updated_at = CASE WHEN chats.type = excluded.type AND chats.title = excluded.title THEN chats.updated_at ELSE excluded.updated_at END`,
		id, typ, title, def.Timezone, def.DigestTime, now, now)
	if err != nil {
		return news.Chat{}, fmt.Errorf("ensure chat %d: %w", id, err)
	}
	return s.FindChat(ctx, id)
}

// FindChat returns the chat, or ErrNotFound.
func (s *Store) FindChat(ctx context.Context, id int64) (news.Chat, error) {
	return findChat(ctx, s.w, id, "find", s.now())
}

// findChat reads chat id through db (the writer, or the readers for
// PeekChat); verb names the read in its error; a pause whose until has
// passed by now reads as none. It fails with ErrNotFound, or the
// database's error.
func findChat(ctx context.Context, db *sql.DB, id int64, verb string, now time.Time) (news.Chat, error) {
	var c news.Chat
	var created, until int64
	err := db.QueryRowContext(ctx, `SELECT id, type, title, active, paused, timezone, digest_time, created_at, paused_until FROM chats WHERE id = ?`, id).
		Scan(&c.ID, &c.Type, &c.Title, &c.Active, &c.Paused, &c.Timezone, &c.DigestTime, &created, &until)
	if errors.Is(err, sql.ErrNoRows) {
		return news.Chat{}, fmt.Errorf("chat %d: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return news.Chat{}, fmt.Errorf("%s chat %d: %w", verb, id, err)
	}
	c.CreatedAt = fromUnix(created)
	c.Paused, c.PausedUntil = stillOn(c.Paused, until, now)
	return c, nil
}

// SetChatActive marks the chat active or inactive. Deactivating drops the
// chat's pending messages; its subscriptions are kept but stay silent.
func (s *Store) SetChatActive(ctx context.Context, id int64, active bool) error {
	return s.tx(ctx, func(tx *wtx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE chats SET active = ?, updated_at = ? WHERE id = ?`, active, s.now().Unix(), id); err != nil {
			return fmt.Errorf("set chat %d active: %w", id, err)
		}
		if !active {
			if _, err := tx.ExecContext(ctx, `UPDATE outbox SET status = 'dropped', last_error = 'chat inactive', document = NULL WHERE chat_id = ? AND status = 'pending'`, id); err != nil {
				return fmt.Errorf("drop messages of chat %d: %w", id, err)
			}
		}
		return nil
	})
}

// SetChatPaused pauses alerts for the chat until /resume, or resumes them
// at once (a timed pause too).
func (s *Store) SetChatPaused(ctx context.Context, id int64, paused bool) error {
	if _, err := s.w.ExecContext(ctx, `UPDATE chats SET paused = ?, paused_until = 0, updated_at = ? WHERE id = ?`, paused, s.now().Unix(), id); err != nil {
		return fmt.Errorf("set chat %d paused: %w", id, err)
	}
	return nil
}

// SetChatTimezone sets the chat's time zone: an IANA name or a UTC offset
// such as "+05:30", validated by the caller. It fails with ErrNotFound for
// an unknown chat.
func (s *Store) SetChatTimezone(ctx context.Context, id int64, tz string) error {
	return s.setChatColumn(ctx, id, "timezone", tz)
}

// SetChatDigestTime sets the local time (HH:MM) of the chat's daily digest,
// "" to turn it off. It fails with ErrNotFound for an unknown chat.
func (s *Store) SetChatDigestTime(ctx context.Context, id int64, hhmm string) error {
	return s.setChatColumn(ctx, id, "digest_time", hhmm)
}

// setChatColumn updates one text column of a chat; column is never user input.
func (s *Store) setChatColumn(ctx context.Context, id int64, column, value string) error {
	res, err := s.w.ExecContext(ctx, `UPDATE chats SET `+column+` = ?, updated_at = ? WHERE id = ?`, value, s.now().Unix(), id)
	if err != nil {
		return fmt.Errorf("set chat %d %s: %w", id, column, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("chat %d: %w", id, news.ErrNotFound)
	}
	return nil
}

// DeleteChat removes the chat and everything stored about it: its
// subscriptions, alert records, queued messages, searches and Telegram's
// pause for it and the moves of the groups it was (kept in secrets) (tables added
// later reference chats with ON DELETE CASCADE). It fails with ErrNotFound
// when there is no such chat.
func (s *Store) DeleteChat(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *wtx) error {
		for _, q := range []string{
			`DELETE FROM outbox WHERE chat_id = ?`,
			`DELETE FROM alerts WHERE chat_id = ?`,
			`DELETE FROM subscriptions WHERE chat_id = ?`,
			`DELETE FROM searches WHERE chat_id = ?`,
		} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return fmt.Errorf("delete chat %d: %w", id, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM secrets WHERE name = ?`, pausePrefix+strconv.FormatInt(id, 10)); err != nil {
			return fmt.Errorf("delete chat %d: %w", id, err)
		}
		if err := dropMoves(ctx, tx, id); err != nil {
			return fmt.Errorf("delete chat %d: %w", id, err)
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM chats WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete chat %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("chat %d: %w", id, news.ErrNotFound)
		}
		return nil
	})
}
