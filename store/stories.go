package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/newshound/newshound/news"
)

// StoryCandidates returns the articles published since then, with an id
// above afterID, that were already linked to a story, in id order. With
// afterID 0 it reads the window through the published_at index; with a later
// afterID (the linker's high-water mark) it reads only the ids above it
// through the primary key, so a linker that keeps the window in memory pays
// for what is new, not for the window. It fails when the database does.
func (s *Store) StoryCandidates(ctx context.Context, since time.Time, afterID int64) ([]news.StoryCandidate, error) {
	q := sqlStoryWindow
	if afterID > 0 {
		q = sqlStoryAfter
	}
	rows, err := s.r.QueryContext(ctx, q, unix(since), afterID)
	if err != nil {
		return nil, fmt.Errorf("story candidates: %w", err)
	}
	defer rows.Close()
	var out []news.StoryCandidate
	for rows.Next() {
		var c news.StoryCandidate
		var pub int64
		if err := rows.Scan(&c.ArticleID, &c.StoryID, &c.CanonicalURL, &c.Signature, &pub); err != nil {
			return nil, fmt.Errorf("story candidates: %w", err)
		}
		c.PublishedAt = fromUnix(pub)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("story candidates: %w", err)
	}
	if afterID == 0 {
		slices.SortFunc(out, func(a, b news.StoryCandidate) int { return cmp.Compare(a.ArticleID, b.ArticleID) })
	}
	return out, nil
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

// The story candidates of the window: a first read walks the window's range
// of published_at (articles_published); a later one the ids above the
// high-water mark (the primary key). The unary + keeps the planner on the
// intended index.
const (
	sqlStoryWindow = `SELECT id, COALESCE(story_id, id), canonical_url, story_sig, published_at FROM articles
		WHERE published_at >= ? AND +id > ? AND (canonical_url <> '' OR story_sig IS NOT NULL)`
	sqlStoryAfter = `SELECT id, COALESCE(story_id, id), canonical_url, story_sig, published_at FROM articles
		WHERE +published_at >= ? AND id > ? AND (canonical_url <> '' OR story_sig IS NOT NULL) ORDER BY id`
)
