package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/newshound/newshound/news"
)

// FinishedArticlesOf returns the finished articles (past every step of the
// poller) of the source whose guids are among guids, with their text and
// summary, in no particular order; a guid with no such article is skipped.
// The poller reads them to follow an item its feed updated in place (a
// longer text under the same guid, see feeds.Poller). It fails only on a
// database error.
func (s *Store) FinishedArticlesOf(ctx context.Context, sourceID int64, guids []string) ([]news.Article, error) {
	var out []news.Article
	for len(guids) > 0 {
		n := min(len(guids), 500) // under SQLite's bound on variables
		args := make([]any, 0, n+1)
		args = append(args, sourceID)
		for _, g := range guids[:n] {
			args = append(args, g)
		}
		rows, err := s.r.QueryContext(ctx, `SELECT `+articleColumns+` FROM articles a JOIN sources s ON s.id = a.source_id
			WHERE a.source_id = ? AND a.pending = '' AND a.guid IN (?`+strings.Repeat(",?", n-1)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("find articles of source %d by guid: %w", sourceID, err)
		}
		got, err := collect(rows, scanArticle)
		if err != nil {
			return nil, fmt.Errorf("find articles of source %d by guid: %w", sourceID, err)
		}
		out, guids = append(out, got...), guids[n:]
	}
	return out, nil
}
