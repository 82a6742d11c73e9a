package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/newshound/newshound/news"
)

// ListDigestChats returns the active chats that have a daily digest, in id order.
func (s *Store) ListDigestChats(ctx context.Context) ([]news.DigestChat, error) {
	rows, err := s.r.QueryContext(ctx, `
		SELECT c.id, c.timezone, c.digest_time, c.created_at,
			COALESCE((SELECT max(d.local_date) FROM digests d WHERE d.chat_id = c.id AND d.kind = ? AND d.due_at <= ?), '')
		FROM chats c WHERE c.active = 1 AND c.digest_time <> '' ORDER BY c.id`, news.DigestScheduled, s.now().Add(FutureMargin).Unix())
	if err != nil {
		return nil, fmt.Errorf("list digest chats: %w", err)
	}
	defer rows.Close()
	var out []news.DigestChat
	for rows.Next() {
		var c news.DigestChat
		var created int64
		if err := rows.Scan(&c.ID, &c.Timezone, &c.DigestTime, &created, &c.LastDate); err != nil {
			return nil, fmt.Errorf("list digest chats: %w", err)
		}
		c.CreatedAt = fromUnix(created)
		out = append(out, c)
	}
	return out, rows.Err()
}

// digestPriority is the outbox priority of a digest of kind: /digest now's
// is the command's answer, in its turn among the chat's replies (at digest
// priority it came after the answers to the commands sent after it); a
// daily digest goes after the chat's replies and alerts.
func digestPriority(kind string) int {
	if kind == news.DigestNow {
		return news.PriorityReply
	}
	return news.PriorityDigest
}

// QueueDigest reads, in one write transaction, the chat's alerts since its
// previous digest (since d.Since for a chat that never had one) until
// d.Until, hands them to build, queues the messages build returns (at reply
// priority for DigestNow, see digestPriority) and records the digest. A crash at any point leaves either all of it or none.
// A daily digest (d.Kind DigestScheduled) whose chat and local date are
// recorded already fails with ErrDigestExists and queues nothing. When build
// fails, nothing is queued or recorded and its error is returned wrapped.
func (s *Store) QueueDigest(ctx context.Context, d news.Digest, build func(news.DigestContent) ([]string, error)) (news.Digest, error) {
	err := s.tx(ctx, func(tx *wtx) error {
		if d.Kind == news.DigestScheduled {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM digests WHERE chat_id = ? AND local_date = ?`, d.ChatID, d.LocalDate).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return news.ErrDigestExists
			}
		}
		var prev sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT max(until) FROM digests WHERE chat_id = ?`, d.ChatID).Scan(&prev); err != nil {
			return err
		}
		if prev.Valid && prev.Int64 > d.Until.Unix() {
			prev.Int64 = d.Until.Unix() // written by a clock ahead of this one: clamp, so the window is not empty
		}
		if prev.Valid {
			d.Since = fromUnix(prev.Int64)
		}
		content, err := digestContent(ctx, tx, d.ChatID, d.Since, d.Until)
		if err != nil {
			return err
		}
		texts, err := build(content)
		if err != nil {
			return err
		}
		now := s.now()
		for i, text := range texts {
			// In the transaction of the record: both, or neither.
			m := news.Message{ChatID: d.ChatID, Kind: news.KindDigest, Priority: digestPriority(d.Kind), Text: text, ThreadID: d.ThreadID}
			if i == 0 {
				m.ReplyTo = d.ReplyTo
			}
			id, err := s.enqueue(ctx, tx, m)
			if err != nil {
				return err
			}
			if i == 0 {
				d.FirstID = id
			}
		}
		d.Stories, d.Messages, d.QueuedAt = len(content.Sources), len(texts), now.Truncate(time.Second).UTC()
		res, err := tx.ExecContext(ctx, `INSERT INTO digests (chat_id, kind, local_date, due_at, since, until, stories, messages, first_message, queued_at)
			VALUES (?, ?, NULLIF(?, ''), ?, ?, ?, ?, ?, NULLIF(?, 0), ?)`,
			d.ChatID, d.Kind, d.LocalDate, unix(d.DueAt), unix(d.Since), unix(d.Until), d.Stories, d.Messages, d.FirstID, now.Unix())
		if err != nil {
			return err
		}
		d.ID, _ = res.LastInsertId()
		return nil
	})
	if errors.Is(err, news.ErrDigestExists) {
		return news.Digest{}, fmt.Errorf("digest of chat %d for %s: %w", d.ChatID, d.LocalDate, err)
	}
	if err != nil {
		return news.Digest{}, fmt.Errorf("queue digest of chat %d: %w", d.ChatID, err)
	}
	return d, nil
}

// sqlDigestItems reads a chat's alerts of a time range with their articles,
// outlets (an aggregator's item's own, else its source's name) and
// subscriptions (by alerts_chat_created).
const sqlDigestItems = `
		SELECT COALESCE(a.story_id, a.id), a.id, al.subscription_id, sub.query, a.title, a.url, a.text, a.summary, COALESCE(a.outlet, s.name), a.published_at, al.created_at
		FROM alerts al
		JOIN articles a ON a.id = al.article_id
		JOIN sources s ON s.id = a.source_id
		JOIN subscriptions sub ON sub.id = al.subscription_id AND sub.chat_id = al.chat_id
		WHERE al.chat_id = ? AND al.created_at >= ? AND al.created_at < ?
		ORDER BY al.created_at, a.id`

// digestContent reads the chat's alerts created in [since, until) with their
// articles and subscriptions (alerts of deleted subscriptions are left out),
// and every source that carries each of their stories.
func digestContent(ctx context.Context, tx *wtx, chatID int64, since, until time.Time) (news.DigestContent, error) {
	c := news.DigestContent{Since: since, Until: until, Sources: map[int64][]news.StorySource{}}
	rows, err := tx.QueryContext(ctx, sqlDigestItems, chatID, since.Unix(), until.Unix())
	if err != nil {
		return c, fmt.Errorf("read digest items: %w", err)
	}
	defer rows.Close()
	seen := map[int64]bool{} // an article alerted in several forum topics is one item
	for rows.Next() {
		var it news.DigestItem
		var pub, alerted int64
		var text string // packed with the summary (see packArticle)
		t := newArticleText(&text, &it.Summary)
		if err := rows.Scan(&it.StoryID, &it.ArticleID, &it.SubscriptionID, &it.Query, &it.Title, &it.URL, &t.Text, &t.Summary, &it.SourceName, &pub, &alerted); err != nil {
			return c, fmt.Errorf("read digest items: %w", err)
		}
		if err := t.set(); err != nil {
			return c, fmt.Errorf("read digest items: %w", err)
		}
		if seen[it.ArticleID] {
			continue
		}
		seen[it.ArticleID] = true
		it.PublishedAt, it.AlertedAt = fromUnix(pub), fromUnix(alerted)
		c.Items = append(c.Items, it)
		c.Sources[it.StoryID] = nil
	}
	if err := rows.Err(); err != nil {
		return c, fmt.Errorf("read digest items: %w", err)
	}
	rows.Close()
	stories := make([]int64, 0, len(c.Sources))
	for id := range c.Sources {
		stories = append(stories, id)
	}
	for start := 0; start < len(stories); start += 400 {
		if err := storySources(ctx, tx, stories[start:min(start+400, len(stories))], c.Sources); err != nil {
			return c, err
		}
	}
	return c, nil
}

// storySources adds to into the sources that carry each of the stories,
// newest first.
func storySources(ctx context.Context, tx *wtx, stories []int64, into map[int64][]news.StorySource) error {
	args := make([]any, 0, 2*len(stories))
	for _, id := range stories {
		args = append(args, id)
	}
	args = append(args, args...)
	rows, err := tx.QueryContext(ctx, sqlStorySources(len(stories)), args...)
	if err != nil {
		return fmt.Errorf("read story sources: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var story, latest int64
		var name string
		if err := rows.Scan(&story, &name, &latest); err != nil {
			return fmt.Errorf("read story sources: %w", err)
		}
		if _, ok := into[story]; ok {
			into[story] = append(into[story], news.StorySource{Name: name, Latest: fromUnix(latest)})
		}
	}
	return rows.Err()
}

const digestColumns = `id, chat_id, kind, COALESCE(local_date, ''), due_at, since, until, stories, messages, COALESCE(first_message, 0), queued_at`

func scanDigest(sc scanner) (news.Digest, error) {
	var d news.Digest
	var due, since, until, queued int64
	err := sc.Scan(&d.ID, &d.ChatID, &d.Kind, &d.LocalDate, &due, &since, &until, &d.Stories, &d.Messages, &d.FirstID, &queued)
	d.DueAt, d.Since, d.Until, d.QueuedAt = fromUnix(due), fromUnix(since), fromUnix(until), fromUnix(queued)
	return d, err
}

// sqlHasDigest tells whether a chat has had a digest; it reads one entry of
// digests_chat_until, not the chat's year of digests.
const sqlHasDigest = `SELECT EXISTS (SELECT 1 FROM digests WHERE chat_id = ?)`

// HasDigest reports whether the chat has had a digest of any kind. It fails
// when the database does.
func (s *Store) HasDigest(ctx context.Context, chatID int64) (bool, error) {
	var had bool
	if err := s.r.QueryRowContext(ctx, sqlHasDigest, chatID).Scan(&had); err != nil {
		return false, fmt.Errorf("digests of chat %d: %w", chatID, err)
	}
	return had, nil
}

// ListDigests returns the chat's digests, oldest first.
func (s *Store) ListDigests(ctx context.Context, chatID int64) ([]news.Digest, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+digestColumns+` FROM digests WHERE chat_id = ? ORDER BY id`, chatID)
	if err != nil {
		return nil, fmt.Errorf("list digests of chat %d: %w", chatID, err)
	}
	out, err := collect(rows, scanDigest)
	if err != nil {
		return nil, fmt.Errorf("list digests of chat %d: %w", chatID, err)
	}
	return out, nil
}

// DigestMessages returns the texts of the digest's messages in order, sent or not.
func (s *Store) DigestMessages(ctx context.Context, d news.Digest) ([]string, error) {
	if d.Messages == 0 {
		return nil, nil
	}
	rows, err := s.r.QueryContext(ctx, `SELECT text FROM outbox WHERE chat_id = ? AND kind = ? AND id >= ? AND id < ? ORDER BY id`,
		d.ChatID, news.KindDigest, d.FirstID, d.FirstID+int64(d.Messages))
	if err != nil {
		return nil, fmt.Errorf("messages of digest %d: %w", d.ID, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var text string
		if err := rows.Scan(&text); err != nil {
			return nil, fmt.Errorf("messages of digest %d: %w", d.ID, err)
		}
		out = append(out, text)
	}
	return out, rows.Err()
}

// sqlStorySources reads the outlets of n stories (an aggregator's item's
// own, else its source's name; one per name in any case): their first articles by
// id, the others by articles_story (story_id IN implies the partial
// index's NOT NULL).
func sqlStorySources(n int) string {
	return `
		SELECT COALESCE(a.story_id, a.id) AS story, COALESCE(a.outlet, s.name) AS shown, max(a.published_at) AS latest
		FROM articles a JOIN sources s ON s.id = a.source_id
		WHERE a.id IN (` + placeholders(n) + `) OR a.story_id IN (` + placeholders(n) + `)
		GROUP BY story, lower(shown) ORDER BY story, latest DESC, shown`
}

// ListDigestsQueuedAfter returns the daily digests queued after t, in id
// order: with t the clock's time, those that a clock ahead of it queued.
// It fails when the database does.
func (s *Store) ListDigestsQueuedAfter(ctx context.Context, t time.Time) ([]news.Digest, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+digestColumns+` FROM digests WHERE kind = ? AND queued_at > ? ORDER BY id`,
		news.DigestScheduled, t.Unix())
	if err != nil {
		return nil, fmt.Errorf("list digests queued after %s: %w", t.UTC().Format(time.RFC3339), err)
	}
	out, err := collect(rows, scanDigest)
	if err != nil {
		return nil, fmt.Errorf("list digests queued after %s: %w", t.UTC().Format(time.RFC3339), err)
	}
	return out, nil
}

// RedateDigest records that the daily digest id was sent for the due time
// dueAt of the local date localDate (a clock ahead had dated it later), and
// that its window, where the next digest starts, ends at until when it ended
// later. When another digest of its chat holds localDate, the digest keeps
// no date: it then holds back no date's digest. It fails when the database
// does.
func (s *Store) RedateDigest(ctx context.Context, id int64, localDate string, dueAt, until time.Time) error {
	err := s.tx(ctx, func(tx *wtx) error {
		_, err := tx.ExecContext(ctx, `
			UPDATE digests SET
				local_date = CASE WHEN EXISTS (SELECT 1 FROM digests o WHERE o.chat_id = digests.chat_id AND o.local_date = ?1 AND o.id <> digests.id)
					THEN NULL ELSE ?1 END,
				due_at = ?2, until = min(until, ?3)
			WHERE id = ?4`, localDate, dueAt.Unix(), until.Unix(), id)
		return err
	})
	if err != nil {
		return fmt.Errorf("redate digest %d: %w", id, err)
	}
	return nil
}
