package store

import (
	"context"
	"fmt"
	"time"

	"github.com/newshound/newshound/news"
)

// StoryCandidates returns the articles published since then that were
// already linked to a story, oldest first.
func (s *Store) StoryCandidates(ctx context.Context, since time.Time) ([]news.StoryCandidate, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, COALESCE(story_id, id), canonical_url, story_sig FROM articles
		WHERE published_at >= ? AND (canonical_url <> '' OR story_sig IS NOT NULL) ORDER BY id`, unix(since))
	if err != nil {
		return nil, fmt.Errorf("story candidates: %w", err)
	}
	defer rows.Close()
	var out []news.StoryCandidate
	for rows.Next() {
		var c news.StoryCandidate
		if err := rows.Scan(&c.ArticleID, &c.StoryID, &c.CanonicalURL, &c.Signature); err != nil {
			return nil, fmt.Errorf("story candidates: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// LinkArticle records the article's canonical URL and signature and the
// story it belongs to: storyID 0 (or its own id) makes it the first of a new story.
func (s *Store) LinkArticle(ctx context.Context, id, storyID int64, canonicalURL string, signature []byte) error {
	if storyID == id {
		storyID = 0
	}
	if _, err := s.w.ExecContext(ctx, `UPDATE articles SET story_id = NULLIF(?, 0), canonical_url = ?, story_sig = ? WHERE id = ?`,
		storyID, canonicalURL, signature, id); err != nil {
		return fmt.Errorf("link article %d to story %d: %w", id, storyID, err)
	}
	return nil
}
