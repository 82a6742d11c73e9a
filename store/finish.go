package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/newshound/newshound/news"
)

// FinishArticles finishes a batch of articles pending at StepLink in one
// transaction: it records each link's story, canonical URL and signature
// (as LinkArticles does), queues the alerts (as QueueAlerts does, after the
// links, so that each alert sees its article's story) and moves every
// article of ids still pending at StepLink to done, each linked article's row
// written once for its story and the move. It returns how many messages it
// queued. One bad alert is skipped as QueueAlerts skips it; any other
// database error fails the whole call and records nothing, the articles
// staying at StepLink, so that calling it again (after a restart too) links,
// queues and finishes each of them once.
func (s *Store) FinishArticles(ctx context.Context, links []news.StoryCandidate, alerts []news.Alert, ids []int64) (int, error) {
	queued, err := s.finishArticles(ctx, links, alerts, ids, false)
	if errors.Is(err, errUndo) {
		queued, err = s.finishArticles(ctx, links, alerts, ids, true)
	}
	if err != nil {
		return 0, fmt.Errorf("finish %d articles: %w", len(ids), err)
	}
	return queued, nil
}

func (s *Store) finishArticles(ctx context.Context, links []news.StoryCandidate, alerts []news.Alert, ids []int64, savepoints bool) (int, error) {
	queued := 0
	err := s.tx(ctx, func(tx *wtx) error {
		ctx := unwatched(ctx) // as a fetch's write (insertArticles)
		if len(links) > 0 {
			stmt, err := s.stmt(ctx, tx, sqlFinishLink)
			if err != nil {
				return err
			}
			for _, l := range links {
				if _, err := stmt.ExecContext(ctx, storedStory(l), l.CanonicalURL, l.Signature, StepLink, l.ArticleID); err != nil {
					return fmt.Errorf("article %d to story %d: %w", l.ArticleID, storedStory(l), err)
				}
			}
		}
		var err error
		if queued, err = s.queueAlertsTx(ctx, tx, alerts, savepoints); err != nil {
			return err
		}
		// The articles without a link (no linker, or one that failed).
		linked := make(map[int64]bool, len(links))
		for _, l := range links {
			linked[l.ArticleID] = true
		}
		var unlinked []int64
		for _, id := range ids {
			if !linked[id] {
				unlinked = append(unlinked, id)
			}
		}
		for rest := unlinked; len(rest) > 0; {
			n := min(len(rest), 500)
			args := []any{StepLink}
			for _, id := range rest[:n] {
				args = append(args, id)
			}
			if _, err := tx.ExecContext(ctx, `UPDATE articles SET pending = '' WHERE pending = ? AND id IN (`+placeholders(n)+`)`, args...); err != nil {
				return fmt.Errorf("move %d articles to done: %w", n, err)
			}
			rest = rest[n:]
		}
		return nil
	})
	return queued, err
}

// sqlFinishLink records an article's story and moves it from StepLink to
// done, in one write of its row.
const sqlFinishLink = `UPDATE articles SET story_id = NULLIF(?, 0), canonical_url = ?, story_sig = ?,
		pending = CASE pending WHEN ? THEN '' ELSE pending END WHERE id = ?`
