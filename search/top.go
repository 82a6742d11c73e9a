package search

import (
	"context"
	"fmt"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// Top returns the best n stored articles for text, ranked as Search ranks
// them, one per story (its best-ranked report: two outlets' reports of one
// story were two inline entries, and two lines of a shared query's "Lately
// it found"), without storing a search (inline queries come from no chat).
// It fails with an error wrapping a *query.ParseError when text is not a
// valid query, and with the store's error when the database fails.
func (s *Service) Top(ctx context.Context, text string, n int) ([]news.Article, error) {
	q, err := query.Parse(text)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", text, err)
	}
	ids, _, err := s.rank(ctx, q) // an inline answer has no line to say how far back it looked
	if err != nil {
		return nil, err
	}
	if ids, err = s.firstOfEachStory(ctx, ids, n); err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, nil
	}
	return s.store.FindArticles(ctx, ids)
}

// firstOfEachStory returns the first n of ids, in order, that are of
// different stories. It fails when the store does.
func (s *Service) firstOfEachStory(ctx context.Context, ids []int64, n int) ([]int64, error) {
	if len(ids) < 2 || n < 2 {
		return ids[:min(len(ids), max(n, 0))], nil
	}
	stories, err := s.store.StoriesOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	seen := make(map[int64]bool, n)
	out := make([]int64, 0, n)
	for _, id := range ids {
		if len(out) == n {
			break
		}
		story, ok := stories[id]
		if !ok {
			story = id // deleted meanwhile: a story of its own
		}
		if !seen[story] {
			seen[story] = true
			out = append(out, id)
		}
	}
	return out, nil
}

// Outlets returns, for each of the articles ids whose story others carried
// too, those outlets' names, as an alert's "Also:" names them (its own
// outlet and repeats left out), in one read of the store for them all: an
// inline answer names them under each result. It fails when the store does.
func (s *Service) Outlets(ctx context.Context, ids []int64) (map[int64][]string, error) {
	out, err := s.store.StoryOutlets(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("other outlets of %d articles: %w", len(ids), err)
	}
	return out, nil
}
