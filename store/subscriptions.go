package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/newshound/newshound/news"
)

const subscriptionColumns = `id, chat_id, query, query_key, muted, created_at, thread_id, muted_until`

// scanSubscription reads a row of subscriptionColumns. A mute whose until
// has passed by the store's clock reads as not muted (see stillOn).
func (s *Store) scanSubscription(sc scanner) (news.Subscription, error) {
	var sub news.Subscription
	var created, until int64
	err := sc.Scan(&sub.ID, &sub.ChatID, &sub.Query, &sub.Key, &sub.Muted, &created, &sub.ThreadID, &until)
	sub.CreatedAt = fromUnix(created)
	sub.Muted, sub.MutedUntil = stillOn(sub.Muted, until, s.now())
	return sub, err
}

// CreateSubscription stores the query for the chat, outside any forum topic.
// When the chat already has a subscription with the same key there it
// returns that one and created=false.
// It fails with ErrLimit when the chat holds max subscriptions already.
func (s *Store) CreateSubscription(ctx context.Context, chatID int64, query, key string, max int) (sub news.Subscription, created bool, err error) {
	return s.CreateSubscriptionIn(ctx, chatID, 0, query, key, max)
}

// CreateSubscriptionIn is CreateSubscription for the chat's forum topic
// thread (0: the chat, or General): a query lives once per topic, so the
// same key in another topic is another subscription. The limit counts the
// whole chat's. It fails as CreateSubscription does.
func (s *Store) CreateSubscriptionIn(ctx context.Context, chatID int64, thread int, query, key string, max int) (sub news.Subscription, created bool, err error) {
	err = s.tx(ctx, func(tx *wtx) error {
		sub, err = s.scanSubscription(tx.QueryRowContext(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions WHERE chat_id = ? AND thread_id = ? AND query_key = ?`, chatID, thread, key))
		if err == nil {
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM subscriptions WHERE chat_id = ?`, chatID).Scan(&n); err != nil {
			return err
		}
		if n >= max {
			return news.ErrLimit
		}
		now := s.now()
		res, err := tx.ExecContext(ctx, `INSERT INTO subscriptions (chat_id, query, query_key, created_at, thread_id) VALUES (?, ?, ?, ?, ?)`, chatID, query, key, now.Unix(), thread)
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		sub = news.Subscription{ID: id, ChatID: chatID, Query: query, Key: key, CreatedAt: now.Truncate(time.Second).UTC(), ThreadID: thread}
		created = true
		return nil
	})
	if err != nil {
		return news.Subscription{}, false, fmt.Errorf("create subscription for chat %d: %w", chatID, err)
	}
	return sub, created, nil
}

// DeleteSubscription removes the chat's subscription with this id, or fails
// with ErrNotFound when the chat has none such.
func (s *Store) DeleteSubscription(ctx context.Context, chatID, id int64) error {
	res, err := s.w.ExecContext(ctx, `DELETE FROM subscriptions WHERE chat_id = ? AND id = ?`, chatID, id)
	if err != nil {
		return fmt.Errorf("delete subscription %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("subscription %d of chat %d: %w", id, chatID, news.ErrNotFound)
	}
	return nil
}

// RekeySubscription gives subscription id the key key (its query's
// canonical form, when the parser's has changed since it was stored). When
// the same topic of its chat already holds another subscription under that
// key, the two are one: the older stays, with the key, and the newer is
// deleted; dropped is the deleted one's id (0 when none). It fails with
// ErrNotFound for an unknown id, and when the database fails.
func (s *Store) RekeySubscription(ctx context.Context, id int64, key string) (dropped int64, err error) {
	err = s.tx(ctx, func(tx *wtx) error {
		var chatID int64
		var thread int
		if err := tx.QueryRowContext(ctx, `SELECT chat_id, thread_id FROM subscriptions WHERE id = ?`, id).Scan(&chatID, &thread); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return news.ErrNotFound
			}
			return err
		}
		var other int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM subscriptions WHERE chat_id = ? AND thread_id = ? AND query_key = ? AND id <> ?`, chatID, thread, key, id).Scan(&other)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return err
		default:
			keep := min(id, other)
			dropped = max(id, other)
			if _, err := tx.ExecContext(ctx, `DELETE FROM subscriptions WHERE id = ?`, dropped); err != nil {
				return err
			}
			id = keep
		}
		_, err = tx.ExecContext(ctx, `UPDATE subscriptions SET query_key = ? WHERE id = ?`, key, id)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("rekey subscription %d: %w", id, err)
	}
	return dropped, nil
}

// SetSubscriptionMuted mutes the chat's subscription until /unmute, or
// unmutes it at once (a timed mute too), or fails with ErrNotFound.
func (s *Store) SetSubscriptionMuted(ctx context.Context, chatID, id int64, muted bool) error {
	res, err := s.w.ExecContext(ctx, `UPDATE subscriptions SET muted = ?, muted_until = 0 WHERE chat_id = ? AND id = ?`, muted, chatID, id)
	if err != nil {
		return fmt.Errorf("mute subscription %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("subscription %d of chat %d: %w", id, chatID, news.ErrNotFound)
	}
	return nil
}

// FindSubscription returns the chat's subscription with this id, or ErrNotFound.
func (s *Store) FindSubscription(ctx context.Context, chatID, id int64) (news.Subscription, error) {
	sub, err := s.scanSubscription(s.w.QueryRowContext(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions WHERE chat_id = ? AND id = ?`, chatID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return news.Subscription{}, fmt.Errorf("subscription %d of chat %d: %w", id, chatID, news.ErrNotFound)
	}
	if err != nil {
		return news.Subscription{}, fmt.Errorf("find subscription %d: %w", id, err)
	}
	return sub, nil
}

// FindSubscriptionByKey returns the chat's subscription with this key, or
// ErrNotFound; of a query subscribed in several forum topics, the oldest.
func (s *Store) FindSubscriptionByKey(ctx context.Context, chatID int64, key string) (news.Subscription, error) {
	sub, err := s.scanSubscription(s.w.QueryRowContext(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions WHERE chat_id = ? AND query_key = ? ORDER BY id LIMIT 1`, chatID, key))
	if errors.Is(err, sql.ErrNoRows) {
		return news.Subscription{}, fmt.Errorf("subscription %q of chat %d: %w", key, chatID, news.ErrNotFound)
	}
	if err != nil {
		return news.Subscription{}, fmt.Errorf("find subscription %q: %w", key, err)
	}
	return sub, nil
}

// ListSubscriptions returns the chat's subscriptions, oldest first.
func (s *Store) ListSubscriptions(ctx context.Context, chatID int64) ([]news.Subscription, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions WHERE chat_id = ? ORDER BY id`, chatID)
	if err != nil {
		return nil, fmt.Errorf("list subscriptions of chat %d: %w", chatID, err)
	}
	out, err := collect(rows, s.scanSubscription)
	if err != nil {
		return nil, fmt.Errorf("list subscriptions of chat %d: %w", chatID, err)
	}
	return out, nil
}

// EachSubscription calls fn for every stored subscription in id order,
// streaming, so that an index of a million queries loads without a copy.
// It stops at and returns fn's first error.
func (s *Store) EachSubscription(ctx context.Context, fn func(news.Subscription) error) error {
	rows, err := s.r.QueryContext(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions ORDER BY id`)
	if err != nil {
		return fmt.Errorf("read subscriptions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		sub, err := s.scanSubscription(rows)
		if err != nil {
			return fmt.Errorf("read subscriptions: %w", err)
		}
		if err := fn(sub); err != nil {
			return err
		}
	}
	return rows.Err()
}

// AlertTargets narrows matched subscription ids to those whose chats are
// active and not paused, in id order; a muted one's is marked Muted (its
// matches only add "Also:" to an alert the chat has). It fails when the
// database does.
// It runs on a reader through onReader (a read for every fetch).
func (s *Store) AlertTargets(ctx context.Context, subIDs []int64) ([]news.Target, error) {
	var out []news.Target
	err := s.onReader(ctx, "alert targets", func(ctx context.Context, c *sql.Conn) error {
		var err error
		out, err = alertTargets(ctx, c, subIDs, s.now())
		return err
	})
	return out, err
}

func alertTargets(ctx context.Context, r querier, subIDs []int64, now time.Time) ([]news.Target, error) {
	var out []news.Target
	for start := 0; start < len(subIDs); start += 500 {
		batch := subIDs[start:min(start+500, len(subIDs))]
		args := make([]any, len(batch))
		for i, id := range batch {
			args[i] = id
		}
		// A pause whose until has passed is no pause (0067_timed_pauses.sql).
		args = append(args, now.Unix())
		rows, err := r.QueryContext(ctx, `SELECT s.id, s.chat_id, s.thread_id, s.muted, s.muted_until FROM subscriptions s JOIN chats c ON c.id = s.chat_id
			WHERE s.id IN (`+placeholders(len(batch))+`) AND c.active = 1 AND (c.paused = 0 OR (c.paused_until > 0 AND c.paused_until <= ?)) ORDER BY s.id`, args...)
		if err != nil {
			return nil, fmt.Errorf("alert targets: %w", err)
		}
		for rows.Next() {
			var t news.Target
			var until int64
			if err := rows.Scan(&t.SubscriptionID, &t.ChatID, &t.ThreadID, &t.Muted, &until); err != nil {
				rows.Close()
				return nil, fmt.Errorf("alert targets: %w", err)
			}
			t.Muted, _ = stillOn(t.Muted, until, now)
			out = append(out, t)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("alert targets: %w", err)
		}
	}
	return out, nil
}
