package store

import (
	"context"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// A match expression the database refuses (here one FTS5 cannot parse) is
// an error of RecentMatches and RecentMatchesExact, not a panic: the
// query's error was shadowed, and the rows read were nil.
func TestRecentMatchesRefusedExpressionIsAnError(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	mustInsert(t, s, src.ID, news.Article{GUID: "g1", Title: "Kursk", Text: "Kursk report.", PublishedAt: now.Add(-time.Hour)})
	since := now.Add(-48 * time.Hour)
	if _, _, _, err := s.RecentMatches(ctx, `"kursk AND (`, nil, since, 20); err == nil {
		t.Error("RecentMatches of a refused expression: no error")
	}
	if _, _, _, _, err := s.RecentMatchesExact(ctx, `"kursk AND (`, since, 20); err == nil {
		t.Error("RecentMatchesExact of a refused expression: no error")
	}
}
