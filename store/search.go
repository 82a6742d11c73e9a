package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// Ranking: a title match weighs titleWeight times a match in the text only
// (so a title match a week old ranks with a text match of today), and
// relevance halves for the first halfLife of age (1 / (1 + age/halfLife)).
// A larger weight would rank older title matches higher, and make the title
// walk of rankCandidates read further back.
const (
	titleWeight = 2.0
	halfLife    = 7 * 24 * time.Hour
)

// Bounds of a search, so that its cost does not grow with the store:
// rankCandidates is how many of the newest full-text matches, and as many of
// the newest title matches, are ranked; snippetHits is how many of the best
// hits SearchArticles gives a snippet.
const (
	rankCandidates = 1000
	snippetHits    = 10
)

// SearchArticles returns the articles SearchNewest finds, best first,
// without saying how far back it searched. It fails as SearchNewest does,
// and when reading the articles does.
func (s *Store) SearchArticles(ctx context.Context, match string, limit int) ([]news.Hit, error) {
	f, err := s.SearchNewest(ctx, match, nil, limit)
	if err != nil {
		return nil, err
	}
	arts, err := s.FindArticles(ctx, f.IDs)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	hits := make([]news.Hit, len(arts))
	for i, a := range arts {
		hits[i] = news.Hit{Article: a}
	}
	return hits, nil
}

// SearchNewest returns the ids of the articles matching the FTS5 expression
// match over articles_terms (see query.Query.TermsMatch), best first: a
// title match weighs titleWeight times a match in the text only, scaled
// down with age, at most limit. Only the newest rankCandidates matches and
// the newest rankCandidates title matches are ranked, so an old article
// that only a common word matches may be left out: its age would rank it
// low anyway. And only the newest searchSpan articles are read
// (search_span.go), fewer for an expression costly to read (spanWeight):
// when the search stopped there, Found.Searched says how many it read. The
// order is exact when the expression matches at most rankCandidates
// articles among them. A prefix of more than searchTerms terms is read as
// its most frequent ones (store/prefix.go): an article that only a rarer
// one matches is left out. A caller reads the articles
// it needs (FindArticles), so that ranking 200 to read 64 first costs one
// search. The articles waiting for the index are read in memory
// (freshTerms), with no write; when that cannot serve, it indexes them
// first (when that write fails, it logs it and searches without them).
// It fails with an error wrapping ErrBadMatch when FTS5
// rejects the expression. With a scope (a query's query.Query.Scope), only
// the articles it admits (of the sources whose name passes its tests, at
// the hosts it names) are read as matches (sourceScope).
func (s *Store) SearchNewest(ctx context.Context, match string, scope *query.Scope, limit int) (news.Found, error) {
	return s.searchNewest(ctx, match, scope, limit, spanLimits{first: firstSpan, total: searchSpan})
}

func (s *Store) searchNewest(ctx context.Context, match string, scope *query.Scope, limit int, limits spanLimits) (news.Found, error) {
	view, err := s.readView(ctx)
	if err != nil {
		return news.Found{}, searchErr(err)
	}
	defer view.close()
	sc, err := s.sourceScope(ctx, scope)
	if err != nil {
		return news.Found{}, searchErr(err)
	}
	if sc.none() {
		return news.Found{}, nil // no source has the name: nothing matches
	}
	match, _, err = s.expandPrefixes(ctx, match, searchTerms)
	if err != nil {
		return news.Found{}, searchErr(err)
	}
	text, titles, searched, err := s.rankCandidates(ctx, match, sc, limits, view)
	if err != nil {
		return news.Found{}, searchErr(err)
	}
	f := news.Found{Searched: searched}
	if len(text) == 0 {
		return f, nil
	}
	rows, err := s.r.QueryContext(ctx, sqlRankArticles, titleWeight, idList(text), idList(titles), s.now().Unix(), halfLife.Seconds(), limit)
	if err != nil {
		return news.Found{}, searchErr(err)
	}
	if f.IDs, err = collect(rows, func(r scanner) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	}); err != nil {
		return news.Found{}, searchErr(err)
	}
	return f, nil
}

// rankCandidates returns the ids SearchNewest ranks, newest first: the
// newest rankCandidates matches of match (text), and its newest
// rankCandidates title matches (titles) down to where no title match can
// rank among the text matches (sqlTitleCut), both within the walk's bound;
// and how many of the newest ids it read when that bound stopped it, else
// 0. An expression is read part by part, cut at its NOTs (spanExpr): FTS5's
// NOT honours no rowid bound, and "officials" -"government", which no
// article passes, read the whole index on each span (80 ms a span at
// 1,000,000 articles, 250 ms a search). It fails with the database's error.
func (s *Store) rankCandidates(ctx context.Context, match string, scope *sourceScope, limits spanLimits, view freshView) (text, titles []int64, searched int, err error) {
	parts := newSpanQuery(match, scope)
	limits.total = parts.expr.reach(limits.total, limits.first, true)
	w, err := s.newSpanWalk(ctx, limits, 1, view)
	if err != nil {
		return nil, nil, 0, err
	}
	for !w.done() && len(text) < rankCandidates {
		lo, hi := w.next()
		ids, err := parts.text(ctx, w, lo, hi)
		if err != nil {
			return nil, nil, 0, err
		}
		// a title match is a match: a span without one has none
		if len(ids) > 0 {
			text = append(text, ids...)
			if ids, err = parts.titles(ctx, w, lo, hi); err != nil {
				return nil, nil, 0, err
			}
			titles = append(titles, ids...)
		}
		w.resize(len(text), rankCandidates-len(text))
	}
	if len(text) >= rankCandidates {
		text = text[:rankCandidates]
		var cut int64
		if err := s.r.QueryRowContext(ctx, sqlTitleCut, s.now().Unix(), titleWeight, halfLife.Seconds(), text[len(text)-1]).Scan(&cut); err != nil {
			return nil, nil, 0, err
		}
		w.goOn(cut, len(titles), rankCandidates-len(titles))
		for !w.done() && len(titles) < rankCandidates {
			lo, hi := w.next()
			ids, err := parts.titles(ctx, w, lo, hi)
			if err != nil {
				return nil, nil, 0, err
			}
			titles = append(titles, ids...)
			w.resize(len(titles), rankCandidates-len(titles))
		}
	}
	if w.short() && len(titles) < rankCandidates {
		searched = int(limits.total)
	}
	return text, titles[:min(len(titles), rankCandidates)], searched, nil
}

func searchErr(err error) error {
	msg := err.Error()
	if strings.Contains(msg, "fts5:") || strings.Contains(msg, "no such column") || strings.Contains(msg, "unterminated string") {
		return fmt.Errorf("search: %w: %w", news.ErrBadMatch, err)
	}
	return fmt.Errorf("search: %w", err)
}

// SearchRecent returns the articles published at or after since that match
// the FTS5 expression, newest first, at most limit. It reads at most the
// rankCandidates newest matches fetched since then, and at most the newest
// searchSpan articles (fewer for an expression costly to read: spanWeight),
// so its cost does not grow with the store; a prefix of more than
// previewTerms terms is read as its most frequent ones, and an expression
// part by part, cut at its NOTs (spanExpr). The articles waiting for the
// index are read as SearchNewest reads them. With a scope, only the articles it
// admits are read as matches, as SearchNewest does.
// It fails with an error wrapping ErrBadMatch when FTS5 rejects the
// expression.
func (s *Store) SearchRecent(ctx context.Context, match string, scope *query.Scope, since time.Time, limit int) ([]news.Article, error) {
	view, err := s.readView(ctx)
	if err != nil {
		return nil, searchErr(err)
	}
	defer view.close()
	sc, err := s.sourceScope(ctx, scope)
	if err != nil {
		return nil, searchErr(err)
	}
	if sc.none() {
		return nil, nil
	}
	first, err := s.firstIDSince(ctx, since)
	if err != nil {
		return nil, searchErr(err)
	}
	if first == 0 {
		return nil, nil // nothing fetched since then
	}
	if match, _, err = s.expandPrefixes(ctx, match, previewTerms); err != nil {
		return nil, searchErr(err)
	}
	parts := newSpanQuery(match, sc)
	w, err := s.newSpanWalk(ctx, spanLimits{first: firstSpan, total: parts.expr.reach(searchSpan, firstSpan, false)}, first, view)
	if err != nil {
		return nil, searchErr(err)
	}
	var ids []int64
	for !w.done() && len(ids) < max(limit, rankCandidates) {
		lo, hi := w.next()
		found, err := parts.text(ctx, w, lo, hi)
		if err != nil {
			return nil, searchErr(err)
		}
		ids = append(ids, found...)
		w.resize(len(ids), max(limit, rankCandidates)-len(ids))
	}
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := s.r.QueryContext(ctx, sqlSearchRecent, idList(ids[:min(len(ids), max(limit, rankCandidates))]), unix(since), limit)
	if err != nil {
		return nil, searchErr(err)
	}
	out, err := collect(rows, scanArticle)
	if err != nil {
		return nil, searchErr(err)
	}
	return out, nil
}

// FindArticles returns the articles with these ids, in the order of ids;
// ids that no longer exist are left out.
func (s *Store) FindArticles(ctx context.Context, ids []int64) ([]news.Article, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+articleColumns+` FROM articles a JOIN sources s ON s.id = a.source_id
		WHERE a.id IN (`+placeholders(len(ids))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("find articles: %w", err)
	}
	defer rows.Close()
	byID := make(map[int64]news.Article, len(ids))
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("find articles: %w", err)
		}
		byID[a.ID] = a
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find articles: %w", err)
	}
	out := make([]news.Article, 0, len(ids))
	for _, id := range ids {
		if a, ok := byID[id]; ok {
			out = append(out, a)
		}
	}
	return out, nil
}

// searchTTL is how long a stored search can be paged; searchesPerChat is how
// many a chat keeps.
const (
	searchTTL       = 24 * time.Hour
	searchesPerChat = 20
)

// CreateSearch stores a search result of the chat (sr's ChatID, Query,
// ArticleIDs and Searched) and returns its id. It also forgets searches
// past their time and the chat's oldest beyond its share.
func (s *Store) CreateSearch(ctx context.Context, sr news.Search) (int64, error) {
	chatID, query, ids := sr.ChatID, sr.Query, sr.ArticleIDs
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	var id int64
	err := s.tx(ctx, func(tx *wtx) error {
		now := s.now()
		if _, err := tx.ExecContext(ctx, `DELETE FROM searches WHERE created_at < ?`, now.Add(-searchTTL).Unix()); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO searches (chat_id, query, article_ids, created_at, searched) VALUES (?, ?, ?, ?, ?)`,
			chatID, query, strings.Join(parts, ","), now.Unix(), sr.Searched)
		if err != nil {
			return err
		}
		id, _ = res.LastInsertId()
		_, err = tx.ExecContext(ctx, `DELETE FROM searches WHERE chat_id = ? AND id NOT IN
			(SELECT id FROM searches WHERE chat_id = ? ORDER BY id DESC LIMIT ?)`, chatID, chatID, searchesPerChat)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store search of chat %d: %w", chatID, err)
	}
	return id, nil
}

// FindSearch returns the chat's stored search, or ErrNotFound when the chat
// has no such search or it has expired.
func (s *Store) FindSearch(ctx context.Context, chatID, id int64) (news.Search, error) {
	sr := news.Search{ID: id, ChatID: chatID}
	var ids string
	var created int64
	err := s.w.QueryRowContext(ctx, `SELECT query, article_ids, created_at, searched FROM searches WHERE id = ? AND chat_id = ? AND created_at >= ?`,
		id, chatID, s.now().Add(-searchTTL).Unix()).Scan(&sr.Query, &ids, &created, &sr.Searched)
	if errors.Is(err, sql.ErrNoRows) {
		return news.Search{}, fmt.Errorf("search %d of chat %d: %w", id, chatID, news.ErrNotFound)
	}
	if err != nil {
		return news.Search{}, fmt.Errorf("find search %d: %w", id, err)
	}
	sr.CreatedAt = fromUnix(created)
	for _, p := range strings.Split(ids, ",") {
		if n, err := strconv.ParseInt(p, 10, 64); err == nil {
			sr.ArticleIDs = append(sr.ArticleIDs, n)
		}
	}
	return sr, nil
}

// sqlRankArticles ranks the text matches ?2 and the title matches ?3
// (JSON arrays of ids, rankCandidates' choice): a title match weighs ?1,
// any other 1, divided by 1 + age / ?5 (now is ?4), and returns the ids of
// the best ?6. It uses no bm25: FTS5's bm25 counts the articles of every
// term over the whole index on every query, a cost that grows with the
// store (24 ms of a common word's search at 100,000 articles).
const sqlRankArticles = `WITH
		hits AS (SELECT id, max(w) AS w FROM (SELECT value AS id, 1.0 AS w FROM json_each(?2) UNION ALL SELECT value, ?1 FROM json_each(?3)) GROUP BY id)
		SELECT h.id FROM hits h JOIN articles a INDEXED BY articles_id_published ON a.id = h.id
		ORDER BY h.w / (1.0 + max(0, ?4 - a.published_at) / ?5) DESC, h.id DESC LIMIT ?6`

// sqlTitleCut is the first id from which a title match can rank among the
// text matches: when there are rankCandidates text matches, the oldest of
// them (id ?4), fetched at f, scores at least 1 / (1 + (now-f)/?3), which a
// title match fetched before now - ((?2-1)·?3 + ?2·(now-f)) cannot reach
// (ids grow with fetched_at, and articles_fetched gives the first id after
// that time; now is ?1). Without the bound a phrase rare in titles walked
// every match of the phrase.
const sqlTitleCut = `SELECT coalesce((SELECT a.id FROM articles a INDEXED BY articles_fetched
		WHERE a.fetched_at >= ?1 - ((?2 - 1) * ?3 + ?2 * (?1 - (SELECT o.fetched_at FROM articles o WHERE o.id = ?4)))
		ORDER BY a.fetched_at LIMIT 1), 0)`

// sqlSearchRecent reads the matches ?1 (a JSON array of ids) published at
// or after ?2, newest first, at most ?3.
const sqlSearchRecent = `SELECT ` + articleColumns + `
		FROM json_each(?1) m
		JOIN articles a ON a.id = m.value JOIN sources s ON s.id = a.source_id
		WHERE a.published_at >= ?2
		ORDER BY a.published_at DESC, a.id DESC LIMIT ?3`
