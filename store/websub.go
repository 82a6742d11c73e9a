package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/newshound/newshound/news"
)

const hubColumns = `id, source_id, hub, topic, token, secret, state, lease_secs, expires_at, requested_at, attempts, next_attempt_at, last_error`

func scanHub(sc scanner) (news.HubSubscription, error) {
	var h news.HubSubscription
	var lease, exp, req, next int64
	err := sc.Scan(&h.ID, &h.SourceID, &h.Hub, &h.Topic, &h.Token, &h.Secret, &h.State, &lease, &exp, &req, &h.Attempts, &next, &h.LastError)
	h.Lease = time.Duration(lease) * time.Second
	h.ExpiresAt, h.RequestedAt, h.NextAttemptAt = fromUnix(exp), fromUnix(req), fromUnix(next)
	return h, err
}

// CreateHubSubscription stores a new WebSub subscription and returns it
// with its id. It fails when the token is taken or the database fails.
func (s *Store) CreateHubSubscription(ctx context.Context, h news.HubSubscription) (news.HubSubscription, error) {
	res, err := s.w.ExecContext(ctx, `INSERT INTO websub_subscriptions
		(source_id, hub, topic, token, secret, state, lease_secs, expires_at, requested_at, attempts, next_attempt_at, last_error, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		h.SourceID, h.Hub, h.Topic, h.Token, h.Secret, h.State, int64(h.Lease/time.Second), unix(h.ExpiresAt), unix(h.RequestedAt),
		h.Attempts, unix(h.NextAttemptAt), h.LastError, s.now().Unix())
	if err != nil {
		return news.HubSubscription{}, fmt.Errorf("create websub subscription of source %d: %w", h.SourceID, err)
	}
	h.ID, _ = res.LastInsertId()
	return h, nil
}

// FindHubSubscription returns the WebSub subscription whose callback token
// is token, or an error wrapping news.ErrNotFound.
func (s *Store) FindHubSubscription(ctx context.Context, token string) (news.HubSubscription, error) {
	h, err := scanHub(s.r.QueryRowContext(ctx, `SELECT `+hubColumns+` FROM websub_subscriptions WHERE token = ?`, token))
	if errors.Is(err, sql.ErrNoRows) {
		return news.HubSubscription{}, fmt.Errorf("websub subscription: %w", news.ErrNotFound)
	}
	if err != nil {
		return news.HubSubscription{}, fmt.Errorf("find websub subscription: %w", err)
	}
	return h, nil
}

// ListHubSubscriptions returns every WebSub subscription, by id.
func (s *Store) ListHubSubscriptions(ctx context.Context) ([]news.HubSubscription, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+hubColumns+` FROM websub_subscriptions ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list websub subscriptions: %w", err)
	}
	out, err := collect(rows, scanHub)
	if err != nil {
		return nil, fmt.Errorf("list websub subscriptions: %w", err)
	}
	return out, nil
}

// UpdateHubSubscription writes the state, lease, times, attempts and last
// error of the subscription h.ID. It fails with news.ErrNotFound when the
// row is gone.
func (s *Store) UpdateHubSubscription(ctx context.Context, h news.HubSubscription) error {
	res, err := s.w.ExecContext(ctx, `UPDATE websub_subscriptions SET state = ?, lease_secs = ?, expires_at = ?, requested_at = ?,
		attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?`,
		h.State, int64(h.Lease/time.Second), unix(h.ExpiresAt), unix(h.RequestedAt), h.Attempts, unix(h.NextAttemptAt), h.LastError, h.ID)
	if err != nil {
		return fmt.Errorf("update websub subscription %d: %w", h.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("websub subscription %d: %w", h.ID, news.ErrNotFound)
	}
	return nil
}

// DeleteHubSubscription removes a WebSub subscription; one already gone is
// no error.
func (s *Store) DeleteHubSubscription(ctx context.Context, id int64) error {
	if _, err := s.w.ExecContext(ctx, `DELETE FROM websub_subscriptions WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete websub subscription %d: %w", id, err)
	}
	return nil
}

// EndOrphanHubSubscriptions moves the WebSub subscriptions whose source was
// removed or retired to news.HubUnsubscribing, due at once, and returns
// them.
func (s *Store) EndOrphanHubSubscriptions(ctx context.Context) ([]news.HubSubscription, error) {
	rows, err := s.w.QueryContext(ctx, `UPDATE websub_subscriptions
		SET state = 'unsubscribing', attempts = 0, requested_at = 0, next_attempt_at = 0, last_error = ''
		WHERE state != 'unsubscribing' AND source_id NOT IN (SELECT id FROM sources WHERE origin != 'retired')
		RETURNING `+hubColumns)
	if err != nil {
		return nil, fmt.Errorf("end orphan websub subscriptions: %w", err)
	}
	out, err := collect(rows, scanHub)
	if err != nil {
		return nil, fmt.Errorf("end orphan websub subscriptions: %w", err)
	}
	return out, nil
}
