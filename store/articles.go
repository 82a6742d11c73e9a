package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"github.com/newshound/newshound/news"
)

// InsertArticles stores the articles of one source that it has not had
// before, judged by guid or by link, and returns those it inserted with their
// ids, in the order given. Already known articles are skipped silently. The
// articles are stored finished: the poller stores a fetch with StoreFeedItems.
func (s *Store) InsertArticles(ctx context.Context, sourceID int64, items []news.Article) ([]news.Article, error) {
	added, err := s.insertArticles(ctx, sourceID, items, false)
	if err != nil {
		return nil, fmt.Errorf("insert articles of source %d: %w", sourceID, err)
	}
	return added, nil
}

// Steps of an article the poller stored and has not finished with (the
// pending column, see 0006_pipeline.sql), in their order.
const (
	StepText  = "text"  // its full text and summary are to be made
	StepLink  = "link"  // it is to be linked to its story
	StepMatch = "match" // it is to be matched and its alerts queued
)

// StoreFeedItems stores what one fetch of the source carried, in one
// transaction: every item is recorded as seen (seen_items) as of now, and the
// items the source never had before, by guid or by link, whether their
// article is still stored or was pruned, are inserted as pending at StepText.
// It returns the inserted articles with their ids, in the order given. On
// failure nothing is stored.
func (s *Store) StoreFeedItems(ctx context.Context, sourceID int64, items []news.Article) ([]news.Article, error) {
	added, err := s.insertArticles(ctx, sourceID, items, true)
	if err != nil {
		return nil, fmt.Errorf("store feed items of source %d: %w", sourceID, err)
	}
	return added, nil
}

func (s *Store) insertArticles(ctx context.Context, sourceID int64, items []news.Article, fetched bool) ([]news.Article, error) {
	var added []news.Article
	err := s.tx(ctx, func(tx *sql.Tx) error {
		pending := ""
		if fetched {
			pending = StepText
		}
		stmt, err := tx.PrepareContext(ctx, sqlInsertArticle)
		if err != nil {
			return err
		}
		defer stmt.Close()
		now := s.now()
		for _, a := range items {
			if fetched {
				known, err := markSeen(ctx, tx, sourceID, a, now.Unix())
				if err != nil {
					return fmt.Errorf("article %q: %w", a.GUID, err)
				}
				if known {
					continue
				}
			}
			a.SourceID, a.FetchedAt = sourceID, now
			text, summary := packArticle(a.Text, a.Summary)
			res, err := stmt.ExecContext(ctx, sourceID, a.GUID, a.URL, a.Title, text, summary, unix(a.PublishedAt), now.Unix(), a.Alertable, pending, a.ImageURL)
			if err != nil {
				return fmt.Errorf("article %q: %w", a.GUID, err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				continue
			}
			a.ID, _ = res.LastInsertId()
			if pending != StepText {
				if err := indexTerms(ctx, tx, a.ID, a.Title, a.Text); err != nil {
					return err
				}
			}
			added = append(added, a)
		}
		if fetched {
			if _, err := tx.ExecContext(ctx, `UPDATE sources SET items_seen_at = ? WHERE id = ?`, now.Unix(), sourceID); err != nil {
				return err
			}
		}
		return nil
	})
	return added, err
}

// markSeen records the item's guid and link as seen by the source at now and
// reports whether either had been seen before.
func markSeen(ctx context.Context, tx *sql.Tx, sourceID int64, a news.Article, now int64) (bool, error) {
	keys := []int64{seenKey("guid:" + a.GUID)}
	if a.URL != "" {
		keys = append(keys, seenKey("url:"+a.URL))
	}
	known := false
	for _, k := range keys {
		var n int
		if err := tx.QueryRowContext(ctx, sqlSeenItem, sourceID, k).Scan(&n); err != nil {
			return false, err
		}
		known = known || n > 0
		if _, err := tx.ExecContext(ctx, `INSERT INTO seen_items (source_id, key_hash, last_seen_at) VALUES (?, ?, ?)
			ON CONFLICT (source_id, key_hash) DO UPDATE SET last_seen_at = excluded.last_seen_at`, sourceID, k, now); err != nil {
			return false, err
		}
	}
	return known, nil
}

// seenKey is the first 8 bytes of the key's SHA-256: one false "seen" in
// about 10^19 per pair of items of a source.
func seenKey(key string) int64 {
	sum := sha256.Sum256([]byte(key))
	return int64(binary.BigEndian.Uint64(sum[:8]))
}

// PendingArticles returns the articles the poller left at step (StepText,
// StepLink or StepMatch), with their sources' names, in id order.
func (s *Store) PendingArticles(ctx context.Context, step string) ([]news.Article, error) {
	rows, err := s.w.QueryContext(ctx, sqlPendingArticles, step)
	if err != nil {
		return nil, fmt.Errorf("articles pending at %s: %w", step, err)
	}
	out, err := collect(rows, scanArticle)
	if err != nil {
		return nil, fmt.Errorf("articles pending at %s: %w", step, err)
	}
	return out, nil
}

// AdvanceArticles moves the articles ids that are pending at step from to
// step to ("" = finished); others are left as they are.
func (s *Store) AdvanceArticles(ctx context.Context, ids []int64, from, to string) error {
	for len(ids) > 0 {
		n := min(len(ids), 500)
		args := []any{to, from}
		for _, id := range ids[:n] {
			args = append(args, id)
		}
		if _, err := s.w.ExecContext(ctx, `UPDATE articles SET pending = ? WHERE pending = ? AND id IN (`+placeholders(n)+`)`, args...); err != nil {
			return fmt.Errorf("advance %d articles from %s to %s: %w", n, from, to, err)
		}
		ids = ids[n:]
	}
	return nil
}

const articleColumns = `a.id, a.source_id, s.name, s.url, a.guid, a.url, a.title, a.text, a.summary, a.published_at, a.fetched_at, a.alertable, a.image_url`

func scanArticle(sc scanner) (news.Article, error) {
	var a news.Article
	var pub, fetched int64
	t := newArticleText(&a.Text, &a.Summary)
	if err := sc.Scan(&a.ID, &a.SourceID, &a.SourceName, &a.SourceURL, &a.GUID, &a.URL, &a.Title, &t.Text, &t.Summary, &pub, &fetched, &a.Alertable, &a.ImageURL); err != nil {
		return a, err
	}
	a.PublishedAt, a.FetchedAt = fromUnix(pub), fromUnix(fetched)
	return a, t.set()
}

// FindArticle returns the article with its source's name, or ErrNotFound.
func (s *Store) FindArticle(ctx context.Context, id int64) (news.Article, error) {
	a, err := scanArticle(s.w.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return news.Article{}, fmt.Errorf("article %d: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return news.Article{}, fmt.Errorf("find article %d: %w", id, err)
	}
	return a, nil
}

// ListArticlesSince returns the articles published at or after since, newest
// first, at most limit.
func (s *Store) ListArticlesSince(ctx context.Context, since time.Time, limit int) ([]news.Article, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+articleColumns+` FROM articles a JOIN sources s ON s.id = a.source_id
		WHERE a.published_at >= ? ORDER BY a.published_at DESC, a.id DESC LIMIT ?`, unix(since), limit)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	out, err := collect(rows, scanArticle)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return out, nil
}

// UpdateArticleText stores an article's (full) text and summary, and
// indexes it for search with that text; an article pending at StepText
// moves on to StepLink in the same transaction. An unknown id is no error.
func (s *Store) UpdateArticleText(ctx context.Context, id int64, text, summary string) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var title, pending string
		textCol, summaryCol := packArticle(text, summary)
		err := tx.QueryRowContext(ctx, `UPDATE articles SET text = ?, summary = ?,
			pending = CASE pending WHEN ? THEN ? ELSE pending END WHERE id = ?
			RETURNING title, pending`, textCol, summaryCol, StepText, StepLink, id).Scan(&title, &pending)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		// An article indexed before (it was past StepText) is indexed anew.
		if _, err := tx.ExecContext(ctx, `DELETE FROM articles_terms WHERE rowid = ?`, id); err != nil {
			return err
		}
		return indexTerms(ctx, tx, id, title, text)
	})
	if err != nil {
		return fmt.Errorf("update article %d: %w", id, err)
	}
	return nil
}

// DropArticleImage forgets the feed's image of an article (its ImageURL)
// once its page was fetched for its text: the page's own preview is
// preferred then. It fails only on a database error; an unknown id is no
// error.
func (s *Store) DropArticleImage(ctx context.Context, id int64) error {
	if _, err := s.w.ExecContext(ctx, `UPDATE articles SET image_url = '' WHERE id = ?`, id); err != nil {
		return fmt.Errorf("drop image of article %d: %w", id, err)
	}
	return nil
}

// sqlInsertArticle inserts an article unless its source has it already, by
// guid (the (source_id, guid) key) or by link (articles_url).
const sqlInsertArticle = `
			INSERT INTO articles (source_id, guid, url, title, text, summary, published_at, fetched_at, alertable, pending, image_url)
			SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11
			WHERE NOT EXISTS (SELECT 1 FROM articles WHERE source_id = ?1 AND guid = ?2)
				AND (?3 = '' OR NOT EXISTS (SELECT 1 FROM articles WHERE url = ?3 AND source_id = ?1))`

// sqlSeenItem checks one key of seen_items by its primary key.
const sqlSeenItem = `SELECT count(*) FROM seen_items WHERE source_id = ? AND key_hash = ?`

// sqlPendingArticles reads the articles at a step through the partial index
// articles_pending: the literal pending <> ” lets the planner use it, which
// a bound step alone does not.
const sqlPendingArticles = `SELECT ` + articleColumns + ` FROM articles a JOIN sources s ON s.id = a.source_id
		WHERE a.pending = ? AND a.pending <> '' ORDER BY a.id`
