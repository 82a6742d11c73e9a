package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// indexTerms enters an article into articles_terms as the query engine reads
// it (see 0020_terms.sql): its tokens and their stems (see insertTerms).
func (s *Store) indexTerms(ctx context.Context, tx *wtx, id int64, title, text string) error {
	return s.insertTerms(ctx, tx, id, query.IndexColumns(news.Article{Title: title, Text: text}))
}

// insertTerms enters an article's terms, as query.IndexColumns made them,
// into articles_terms, and its tokens that terms_list may not hold yet into
// that list (see noteTerms).
func (s *Store) insertTerms(ctx context.Context, tx *wtx, id int64, c query.Columns) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles_terms (rowid, title, body, tstems, bstems) VALUES (?, ?, ?, ?, ?)`,
		id, c.Title, c.Body, c.TitleStems, c.BodyStems); err != nil {
		return fmt.Errorf("index article %d: %w", id, err)
	}
	if err := s.noteTerms(ctx, tx, c.Title, c.Body); err != nil {
		return fmt.Errorf("index article %d: list its terms: %w", id, err)
	}
	return nil
}

// termsRow is an article's entry in articles_terms.
type termsRow struct {
	id   int64
	cols query.Columns
}

// insertTermsRows enters articles into articles_terms as insertTerms does,
// in one statement for all (up to 100 a statement), and their tokens that
// terms_list may not hold yet into that list in one more: FTS5 then writes
// them out as one segment, where a statement between two inserts makes it
// write out the first's.
func (s *Store) insertTermsRows(ctx context.Context, tx *wtx, rows []termsRow) error {
	for rest := rows; len(rest) > 0; {
		batch := rest[:min(len(rest), 100)]
		rest = rest[len(batch):]
		args := make([]any, 0, 5*len(batch))
		for _, r := range batch {
			args = append(args, r.id, r.cols.Title, r.cols.Body, r.cols.TitleStems, r.cols.BodyStems)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO articles_terms (rowid, title, body, tstems, bstems) VALUES `+
			strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?),", len(batch)), ","), args...); err != nil {
			return fmt.Errorf("index %d articles: %w", len(batch), err)
		}
	}
	cols := make([]string, 0, 2*len(rows))
	for _, r := range rows {
		cols = append(cols, r.cols.Title, r.cols.Body)
	}
	if err := s.noteTerms(ctx, tx, cols...); err != nil {
		return fmt.Errorf("index %d articles: list their terms: %w", len(rows), err)
	}
	return nil
}

// upgradeBatch is how many articles upgradeArticles does in one transaction.
const upgradeBatch = 500

// upgradeArticles finishes 0020_terms on a database that had articles before
// it: newest first, it indexes them in articles_terms (those past
// StepText) and compresses their text and summary, upgradeBatch articles a
// transaction, remembering where it is in terms_backfill, which it drops
// when done. Stopped, it goes on at the next Open. It takes about a third of
// a millisecond an article (a minute at 200,000). A database that never had
// terms_backfill, or has finished, costs one look-up.
func (s *Store) upgradeArticles(ctx context.Context) error {
	var n int
	if err := s.w.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'terms_backfill'`).Scan(&n); err != nil || n == 0 {
		return err
	}
	done := 0
	for {
		var more bool
		err := s.tx(ctx, func(tx *wtx) error {
			var below int64
			if err := tx.QueryRowContext(ctx, `SELECT below FROM terms_backfill`).Scan(&below); err != nil {
				return err
			}
			last, k, err := s.upgradeSome(ctx, tx, below)
			if err != nil {
				return err
			}
			if k == 0 {
				_, err := tx.ExecContext(ctx, `DROP TABLE terms_backfill`)
				return err
			}
			done, more = done+k, true
			_, err = tx.ExecContext(ctx, `UPDATE terms_backfill SET below = ?`, last)
			return err
		})
		if err != nil {
			return fmt.Errorf("upgrade articles (%d done): %w", done, err)
		}
		if !more {
			if done > 0 {
				s.log.Info("articles indexed for search and compressed", "articles", done)
			}
			return nil
		}
		if done%(100*upgradeBatch) == 0 {
			s.log.Info("indexing articles for search and compressing them", "done", done)
		}
	}
}

// upgradeSome upgrades the upgradeBatch articles below id below and returns
// the lowest id it did and how many.
func (s *Store) upgradeSome(ctx context.Context, tx *wtx, below int64) (last int64, n int, err error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, title, text, summary, pending FROM articles WHERE id < ? ORDER BY id DESC LIMIT ?`, below, upgradeBatch)
	if err != nil {
		return 0, 0, err
	}
	type row struct {
		id                            int64
		title, text, summary, pending string
	}
	var batch []row
	for rows.Next() {
		var r row
		t := newArticleText(&r.text, &r.summary)
		if err := rows.Scan(&r.id, &r.title, &t.Text, &t.Summary, &r.pending); err != nil {
			rows.Close()
			return 0, 0, err
		}
		if err := t.set(); err != nil {
			rows.Close()
			return 0, 0, fmt.Errorf("article %d: %w", r.id, err)
		}
		batch = append(batch, r)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return 0, 0, err
	}
	for _, r := range batch {
		if r.pending != StepText {
			if err := s.indexTerms(ctx, tx, r.id, r.title, r.text); err != nil {
				return 0, 0, err
			}
		}
		text, summary := packArticle(r.text, r.summary)
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET text = ?, summary = ? WHERE id = ?`, text, summary, r.id); err != nil {
			return 0, 0, err
		}
	}
	if len(batch) == 0 {
		return below, 0, nil
	}
	return batch[len(batch)-1].id, len(batch), nil
}
