package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/newshound/newshound/news"
)

// StoryCandidates returns the articles published since then, with an id
// above afterID, that were already linked to a story, in id order. With
// afterID 0 it reads the window through the published_at index; with a later
// afterID (the linker's high-water mark) it reads only the ids above it
// through the primary key, so a linker that keeps the window in memory pays
// for what is new, not for the window. It fails when the database does.
// It runs on a reader through onReader (a read for every fetch).
func (s *Store) StoryCandidates(ctx context.Context, since time.Time, afterID int64) ([]news.StoryCandidate, error) {
	var out []news.StoryCandidate
	err := s.onReader(ctx, "story candidates", func(ctx context.Context, c *sql.Conn) error {
		var err error
		out, err = storyCandidates(ctx, c, since, afterID)
		return err
	})
	return out, err
}

func storyCandidates(ctx context.Context, r querier, since time.Time, afterID int64) ([]news.StoryCandidate, error) {
	q := sqlStoryWindow
	if afterID > 0 {
		q = sqlStoryAfter
	}
	rows, err := r.QueryContext(ctx, q, unix(since), afterID)
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

// StoryWindowIDs returns the ids of the articles published since then, read
// from the index articles_published alone (no row): what a linker that keeps
// the window in memory checks, now and then, to forget the articles deleted
// meanwhile. It fails when the database does.
// It runs on a reader through onReader.
func (s *Store) StoryWindowIDs(ctx context.Context, since time.Time) ([]int64, error) {
	var ids []int64
	err := s.onReader(ctx, "story window", func(ctx context.Context, c *sql.Conn) error {
		var err error
		ids, err = storyWindowIDs(ctx, c, since)
		return err
	})
	return ids, err
}

func storyWindowIDs(ctx context.Context, r querier, since time.Time) ([]int64, error) {
	rows, err := r.QueryContext(ctx, sqlStoryWindowIDs, unix(since))
	if err != nil {
		return nil, fmt.Errorf("story window: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("story window: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("story window: %w", err)
	}
	return ids, nil
}

// sqlStoryWindowIDs reads the window's ids from articles_published.
const sqlStoryWindowIDs = `SELECT id FROM articles WHERE published_at >= ?`

// StoriesOf returns the story of each of the articles ids that exists (the
// story's first article; the article itself when it has none), so that a
// list of articles can show one line per story. It fails when the database
// does.
func (s *Store) StoriesOf(ctx context.Context, ids []int64) (map[int64]int64, error) {
	out := make(map[int64]int64, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.r.QueryContext(ctx, `SELECT id, COALESCE(story_id, id) FROM articles WHERE id IN (`+placeholders(len(ids))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("stories of %d articles: %w", len(ids), err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, story int64
		if err := rows.Scan(&id, &story); err != nil {
			return nil, fmt.Errorf("stories of %d articles: %w", len(ids), err)
		}
		out[id] = story
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("stories of %d articles: %w", len(ids), err)
	}
	return out, nil
}

// LinkArticle records the article's canonical URL and signature and the
// story it belongs to: storyID 0 (or its own id) makes it the first of a new
// story. An article pending at StepLink moves on to StepMatch.
func (s *Store) LinkArticle(ctx context.Context, id, storyID int64, canonicalURL string, signature []byte) error {
	return s.LinkArticles(ctx, []news.StoryCandidate{{ArticleID: id, StoryID: storyID, CanonicalURL: canonicalURL, Signature: signature}})
}

// LinkArticles records what LinkArticle does for each link (its ArticleID,
// StoryID, CanonicalURL and Signature; PublishedAt is not read), in one
// transaction, each in the one statement that also moves an article pending
// at StepLink on to StepMatch (its row written once for both). An unknown
// id is no error. On failure nothing is recorded.
func (s *Store) LinkArticles(ctx context.Context, links []news.StoryCandidate) error {
	if len(links) == 0 {
		return nil
	}
	err := s.tx(ctx, func(tx *wtx) error {
		stmt, err := s.stmt(ctx, tx, sqlLinkArticle)
		if err != nil {
			return err
		}
		for _, l := range links {
			if _, err := stmt.ExecContext(ctx, storedStory(l), l.CanonicalURL, l.Signature, StepLink, StepMatch, l.ArticleID); err != nil {
				return fmt.Errorf("article %d to story %d: %w", l.ArticleID, storedStory(l), err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("link %d articles: %w", len(links), err)
	}
	return nil
}

// sqlLinkArticle records an article's story and moves it from StepLink to
// StepMatch.
const sqlLinkArticle = `UPDATE articles SET story_id = NULLIF(?, 0), canonical_url = ?, story_sig = ?,
		pending = CASE pending WHEN ? THEN ? ELSE pending END WHERE id = ?`

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

// storedStory is the story_id column of a link: 0 for an article that
// begins its own story, the story's first article otherwise.
func storedStory(l news.StoryCandidate) int64 {
	if l.StoryID == l.ArticleID {
		return 0
	}
	return l.StoryID
}

// sqlStoryOutlets reads, for each article of ids (?s), its outlet (an
// aggregator's item's own, else its source's name) and those of the other
// articles of its story, in the order they were published: the story's
// first article by its id, the others by articles_story.
const sqlStoryOutlets = `WITH k(id, story) AS (SELECT id, COALESCE(story_id, id) FROM articles WHERE id IN (%s)),
		m(id, art) AS (SELECT k.id, k.story FROM k UNION ALL SELECT k.id, a.id FROM k JOIN articles a ON a.story_id = k.story WHERE a.id <> k.story)
		SELECT m.id, m.art = m.id, COALESCE(a.outlet, s.name) FROM m JOIN articles a ON a.id = m.art JOIN sources s ON s.id = a.source_id
		ORDER BY m.id, m.art <> m.id, a.published_at, a.id`

// StoryOutlets returns, for each of the articles ids that has any, the
// names of the other outlets that carried its story (an aggregator's item
// counting as the outlet it carries, as AlsoSources folds them), in the
// order they published, without the article's own outlet and without
// repeats (by name, in any case): what an alert's "Also:" names, for a
// list of articles read in one query. It fails when the database does.
func (s *Store) StoryOutlets(ctx context.Context, ids []int64) (map[int64][]string, error) {
	out := map[int64][]string{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.r.QueryContext(ctx, fmt.Sprintf(sqlStoryOutlets, placeholders(len(ids))), args...)
	if err != nil {
		return nil, fmt.Errorf("outlets of the stories of %d articles: %w", len(ids), err)
	}
	defer rows.Close()
	seen := map[int64]map[string]bool{}
	for rows.Next() {
		var id int64
		var own bool
		var name string
		if err := rows.Scan(&id, &own, &name); err != nil {
			return nil, fmt.Errorf("outlets of the stories of %d articles: %w", len(ids), err)
		}
		if seen[id] == nil {
			seen[id] = map[string]bool{}
		}
		key := strings.ToLower(name)
		if !seen[id][key] && !own {
			out[id] = append(out[id], name)
		}
		seen[id][key] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("outlets of the stories of %d articles: %w", len(ids), err)
	}
	return out, nil
}
