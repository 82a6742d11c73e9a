package store

import (
	"context"
	"fmt"
	"time"

	"github.com/newshound/newshound/news"
)

// TrendingStories returns the stories published at or after since that the
// most sources carried, most sources first, then the most recent.
func (s *Store) TrendingStories(ctx context.Context, since time.Time, limit int) ([]news.Story, error) {
	rows, err := s.r.QueryContext(ctx, `
		SELECT COALESCE(a.story_id, a.id) AS story, min(a.id), count(DISTINCT a.source_id) AS n, count(*), max(a.published_at) AS latest
		FROM articles a
		WHERE a.published_at >= ?
		GROUP BY COALESCE(a.story_id, a.id)
		ORDER BY n DESC, latest DESC LIMIT ?`, unix(since), limit)
	if err != nil {
		return nil, fmt.Errorf("trending stories: %w", err)
	}
	var found []storyRow
	for rows.Next() {
		var r storyRow
		var latest int64
		if err := rows.Scan(&r.story, &r.first, &r.sources, &r.count, &latest); err != nil {
			rows.Close()
			return nil, fmt.Errorf("trending stories: %w", err)
		}
		found = append(found, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("trending stories: %w", err)
	}
	ids := make([]int64, len(found))
	for i, r := range found {
		ids[i] = r.first
	}
	names, err := s.storySources(ctx, since, found)
	if err != nil {
		return nil, err
	}
	arts, err := s.FindArticles(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("trending stories: %w", err)
	}
	byID := map[int64]news.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	out := make([]news.Story, 0, len(found))
	for _, r := range found {
		a, ok := byID[r.first]
		if !ok {
			continue
		}
		out = append(out, news.Story{Article: a, Sources: names[r.story], Count: r.count})
	}
	return out, nil
}

type storyRow struct {
	story, first int64
	sources      int
	count        int
}

// storySources returns the distinct source names of each story's articles
// published at or after since.
func (s *Store) storySources(ctx context.Context, since time.Time, stories []storyRow) (map[int64][]string, error) {
	out := map[int64][]string{}
	if len(stories) == 0 {
		return out, nil
	}
	args := []any{unix(since)}
	for _, r := range stories {
		args = append(args, r.story)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT DISTINCT COALESCE(a.story_id, a.id), s.name
		FROM articles a JOIN sources s ON s.id = a.source_id
		WHERE a.published_at >= ? AND COALESCE(a.story_id, a.id) IN (`+placeholders(len(stories))+`)
		ORDER BY s.name`, args...)
	if err != nil {
		return nil, fmt.Errorf("trending sources: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var story int64
		var name string
		if err := rows.Scan(&story, &name); err != nil {
			return nil, fmt.Errorf("trending sources: %w", err)
		}
		out[story] = append(out[story], name)
	}
	return out, rows.Err()
}
