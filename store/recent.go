package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// firstIDSince returns the id of the first article fetched at or after
// since (ids grow with fetched_at), or 0 when there is none: a lower bound
// of the window's rowids that costs one step of the articles_fetched index.
func (s *Store) firstIDSince(ctx context.Context, since time.Time) (int64, error) {
	var id int64
	err := s.r.QueryRowContext(ctx, sqlFirstIDSince, unix(since)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// RecentMatches reads, in bounded time, what the FTS5 expression match over
// articles_terms ("" = every article, or every article that scope admits
// when it is not nil: ScopeArticles) finds among the articles fetched
// since then: total is how many the expression matches there, counted up to
// countCap and beyond it estimated from the span of ids the first countCap
// cover (for match "", the span of ids, which counts the articles but those
// deleted meanwhile), and sample holds the newest of them (by id), at most
// sampleSize, newest published first, of which only those published since
// then are returned (examined counts them all). A prefix of more than
// previewTerms terms is read as its most frequent ones: the sample holds
// only articles they match, and total is scaled up for the rest (see
// scaleBroad). A caller that confirms the sample with its own matcher can
// scale the share it confirms to total. An expression "(P) NOT (N)" (whose
// N FTS5 reads no further than asked, see stopsAtBound) is read
// only over the ids of the newest candidateCap articles P matches (and of
// the newest negatedCap N matches among them), and total is estimated from
// that span as from the first countCap matches. A phrase, a column filter
// narrower than title and body, or a NOT of one, and an expression with a
// scope (the matches of the sources or at the hosts that a query's
// query.Scope admits: sourceScope) is read in bounded spans of the newest
// ids (recent_spans.go) and estimated the same way, unless the scope is of
// source names alone and its sources hold fewer than sampleSize of the ids
// a walk reads: then, as for match "", the sample is their newest articles
// and total their articles of the window, for a caller that confirms the
// sample and scales its share; the same for a scope of addresses, whose
// total is estimated from the span of ids read to find its newest. When a read in spans found none and the
// window goes on below the ids it read, sample is empty, examined is how
// many ids it read and total the window's articles, so that no exact 0 is
// claimed. For an expression, the articles waiting for the index are read
// in memory (freshTerms), as SearchNewest reads them, and counted as they
// are. It fails with an error wrapping
// ErrBadMatch when FTS5 rejects the expression, and when the database
// fails.
func (s *Store) RecentMatches(ctx context.Context, match string, scope *query.Scope, since time.Time, sampleSize int) (sample []news.Article, examined, total int, err error) {
	if match == "" && scope != nil {
		return s.recentOfScope(ctx, scope, since, sampleSize)
	}
	sample, examined, total, _, err = s.recentMatches(ctx, match, scope, since, sampleSize, false)
	return sample, examined, total, err
}

// RecentMatchesExact is RecentMatches of an expression that decides its
// matches on its own (query.Query.TermsMatchExact), for a caller that
// counts them without confirming them: the sample's articles are read
// without their Text and Summary (neither read nor inflated), and a match
// of "" reads every article of the window. When a prefix inside a NOT is
// broad enough to be read as only its most frequent terms, the expression
// so read lets through articles that match does not match: it is read as
// RecentMatches reads it (its prefixes read once), the sample carries its
// Text and Summary, and loose says the caller is to confirm it. It fails
// as RecentMatches does.
func (s *Store) RecentMatchesExact(ctx context.Context, match string, since time.Time, sampleSize int) (sample []news.Article, examined, total int, loose bool, err error) {
	return s.recentMatches(ctx, match, nil, since, sampleSize, true)
}

// recentMatches is RecentMatches of match, or, if exact, RecentMatchesExact;
// texted says whether the sample carries its articles' text.
func (s *Store) recentMatches(ctx context.Context, match string, scope *query.Scope, since time.Time, sampleSize int, exact bool) (sample []news.Article, examined, total int, texted bool, err error) {
	texted = !exact
	var sc *sourceScope
	var view freshView
	if match != "" {
		if view, err = s.readView(ctx); err != nil {
			return nil, 0, 0, false, fmt.Errorf("recent matches: %w", err)
		}
		defer view.close()
		if sc, err = s.sourceScope(ctx, scope); err != nil {
			return nil, 0, 0, false, fmt.Errorf("recent matches: %w", err)
		}
		if sc.none() {
			return nil, 0, 0, false, nil
		}
	}
	first, err := s.firstIDSince(ctx, since)
	if err != nil {
		return nil, 0, 0, false, fmt.Errorf("recent matches: %w", err)
	}
	if first == 0 {
		return nil, 0, 0, false, nil
	}
	var last int64
	if err := s.r.QueryRowContext(ctx, `SELECT max(id) FROM articles`).Scan(&last); err != nil {
		return nil, 0, 0, false, fmt.Errorf("recent matches: %w", err)
	}
	if ids, ok := sc.sourcesOnly(); ok {
		// The walk reads the newest previewSpan ids at most, which hold
		// about n·previewSpan/window of the sources' n articles of a
		// longer window: fewer than the sample when the sources are a few
		// of many (src7 of 1,000 sources: 4 of its 78, and the preview of
		// "source:src7 tariffs" said "at least 0"). Then their newest
		// articles are the sample, read with their text for the caller
		// to confirm, as for a query of sources alone.
		n, err := s.sourceCount(ctx, ids, first)
		if err != nil {
			return nil, 0, 0, false, fmt.Errorf("recent matches: %w", err)
		}
		if span, window := s.previewLimits().total, last-first+1; span < window && int64(n)*span < int64(sampleSize)*window {
			sample, examined, total, err = s.sourceSample(ctx, ids, first, n, since, sampleSize)
			return sample, examined, total, true, err
		}
	} else if sc != nil {
		// The same for a scope of addresses (site:src7.example police):
		// its newest articles, read through the hosts' index entries,
		// and how many the window holds, estimated from them.
		sample, examined, total, ok, err := s.scopeSample(ctx, sc, first, last, since, sampleSize)
		if err != nil {
			return nil, 0, 0, false, fmt.Errorf("recent matches: %w", err)
		}
		if ok {
			return sample, examined, total, true, nil
		}
	}
	// The articles above the index's part (freshView) that match: counted
	// as they are, and the newest of the sample; the index is read below
	// them (up to top), for the rest of the sample. A walk in spans reads
	// both parts in each span (spanWalk.matches).
	top := last
	var fresh []news.Article // the newest of them, at most sampleSize
	var freshN int
	var rows *sql.Rows
	scale := 1.0
	low := first      // the lowest id of the span read: above first when a NOT was read bounded
	bounded := false  // read by recentNot or in spans (recentSpans): the rows carry the lowest id read
	limit := countCap // the matches counted before the count is estimated
	all, matches := sqlRecentAll, sqlRecentMatches
	if !texted {
		all, matches = sqlRecentAllUntexted, sqlRecentMatchesUntexted
	}
	if match == "" {
		total = int(last - first + 1)
		rows, err = s.r.QueryContext(ctx, all, first, sampleSize, unix(since))
	} else {
		e, eerr := s.expand(ctx, match, previewTerms)
		if eerr != nil {
			return nil, 0, 0, false, searchErr(eerr)
		}
		if e.loose && !texted {
			// Read as RecentMatches reads it, for the caller to confirm:
			// the prefixes expanded once, not again by a second call.
			texted, matches = true, sqlRecentMatches
		}
		match, scale = e.match, e.scale
		// A NOT other than "P NOT N" of sides without one (inside an OR,
		// or inside a side): FTS5's NOT honours no bound ("officials"
		// -"government" OR quozeltigor, 118 ms a preview at 1M).
		pos, neg := splitNot(match)
		nested := pos == "" && strings.Contains(match, " NOT ")
		walk := sc != nil || nested || holdsPhrase(match) || !stopsAtBound(match)
		if !walk && view.top(last) < last {
			top = view.top(last)
			if freshN, fresh, err = s.freshMatches(ctx, view, match, max(first, top+1), last, sampleSize); err != nil {
				return nil, 0, 0, false, searchErr(err)
			}
			sampleSize -= len(fresh)
		}
		switch {
		case walk:
			// A phrase, or a column filter narrower than title and body
			// (title:said read every article holding "said", 75 ms at
			// 1M), which FTS5 reads past the bound walking newest first,
			// or a nested NOT: each part read upward in bounded spans. And
			// an expression confined to some sources (source:reuters
			// tariffs), whose newest matches were mostly other sources'.
			bounded = true
			rows, low, err = s.recentSpans(ctx, match, sc, first, sampleSize, since, texted, view)
		case neg != "":
			bounded = true
			rows, low, err = s.recentNot(ctx, pos, neg, first, top, sampleSize, since, texted)
		default:
			limit = countLimit(match)
			rows, err = s.r.QueryContext(ctx, matches, match, first, limit, max(sampleSize, 1), unix(since), top)
		}
	}
	if err != nil {
		return nil, 0, 0, false, searchErr(err)
	}
	defer rows.Close()
	var n int
	var lowest int64
	for rows.Next() {
		var a news.Article
		var pub, fetched int64
		var inWindow bool
		t := newArticleText(&a.Text, &a.Summary)
		dest := []any{&a.ID, &a.SourceID, &a.SourceName, &a.SourceURL, &a.GUID, &a.URL, &a.Title, &t.Text, &t.Summary, &pub, &fetched, &a.Alertable, &a.ImageURL, &a.PageImageURL, &a.Outlet, &inWindow}
		if !texted {
			dest = slices.Delete(dest, 7, 9)
		}
		if match != "" {
			dest = append(dest, &n, &lowest)
		}
		if bounded {
			dest = append(dest, &low)
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, 0, 0, false, searchErr(err)
		}
		if examined == sampleSize {
			continue // sampleSize 0: the row only carried the count
		}
		if texted {
			if err := t.set(); err != nil {
				return nil, 0, 0, false, fmt.Errorf("recent matches: %w", err)
			}
		}
		a.PublishedAt, a.FetchedAt = fromUnix(pub), fromUnix(fetched)
		examined++
		if inWindow {
			sample = append(sample, a)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, 0, 0, false, searchErr(err)
	}
	if bounded && n == 0 && low > first && freshN == 0 {
		// Nothing among the ids read, and the window goes on below them:
		// the caller learns how many were read (and found none) rather
		// than an exact 0 ("none of the 4000 newest articles it might
		// match did; older ones were not checked").
		return nil, int(last - low + 1), int(last - first + 1), texted, nil
	}
	if match != "" {
		total = n
		switch {
		case n == limit && lowest > first:
			// The newest limit matches cover the ids from lowest up:
			// the rest of the window is taken to match as densely.
			total = int(math.Round(float64(n) * float64(top-first+1) / float64(top-lowest+1)))
		case low > first:
			// The NOT was read whole over the ids from low up (see
			// candidateCap): the rest of the window as densely.
			total = int(math.Round(float64(n) * float64(top-first+1) / float64(top-low+1)))
		}
		if scale > 1 {
			total = scaleBroad(total, scale, int(top-first+1))
		}
		total += freshN
		examined += len(fresh)
		for _, a := range fresh {
			if !a.PublishedAt.Before(since) {
				sample = append(sample, a)
			}
		}
	}
	slices.SortStableFunc(sample, func(a, b news.Article) int { return b.PublishedAt.Compare(a.PublishedAt) })
	return sample, examined, max(total, examined), texted, nil
}

// scaleBroad estimates how many articles of a window of w match an
// expression whose broad prefixes were read as their most frequent terms,
// from how many the expression so read matches (h) and the prefixes' scale
// (expandPrefixes: the articles of all their terms over those of the terms
// read). The rarer terms hold (scale-1)·h articles (an article holding one
// term of the prefix each), of which the share 1 - h/w that the frequent
// terms do not match are new: h·(1 + (scale-1)·(1-h/w)), at most w. The
// estimate lies between h and h·scale; it is low when most articles hold several terms of
// the prefix, high when the rest of the expression narrows (h/w small) and
// the prefix's terms go together.
func scaleBroad(h int, scale float64, w int) int {
	if w <= 0 {
		return h
	}
	covered := min(1, float64(h)/float64(w))
	return min(w, int(math.Round(float64(h)*(1+(scale-1)*(1-covered)))))
}

// countCap is how many matches RecentMatches counts before it estimates.
const countCap = 1000

// countTerms is how many terms (quoted strings) an expression may hold for
// RecentMatches to count countCap of its matches: one of more is counted to
// countCap·(countTerms/terms)² (at least countCap/10). Each match costs each
// term a read, and each term of an AND also thins the matches, so that more
// of each term is read for each match: the AND of twelve broad prefixes (one
// term each at previewTerms 6) counted 1,000 matches in 7.5–9 ms at
// 1,000,000 articles, 333 in 2.4–2.5 ms, on top of about 1.5 ms that opening
// the twelve terms costs whatever the count; 333, 166 and 100 matches read
// 4.4, 2.6 and 2.1 ms (probed, fastest of 60, on a loaded host), 111 of
// them keep a count's error near a tenth. A variable for the tests only.
var countTerms = 4

// countLimit returns how many of match's newest matches RecentMatches
// counts before it estimates the rest (see countTerms).
func countLimit(match string) int {
	terms := termCount(match)
	if terms <= countTerms {
		return countCap
	}
	return max(countCap/10, countCap*countTerms*countTerms/(terms*terms))
}

// The queries of RecentMatches: where the window starts (articles_fetched),
// and its newest articles, all, or matching (up to id ?6, the top of the
// index's part of the read: freshView) with how many of the newest ?3
// matches there are and the lowest id of them (one walk of the index: each
// term of the expression costs a seek in each segment of it).
const (
	sqlFirstIDSince  = `SELECT id FROM articles WHERE fetched_at >= ? ORDER BY fetched_at, id LIMIT 1`
	sqlRecentAll     = `SELECT ` + articleColumns + sqlRecentAllFrom
	sqlRecentAllFrom = `, a.published_at >= ?3 FROM articles a JOIN sources s ON s.id = a.source_id
			WHERE a.id >= ?1 ORDER BY a.id DESC LIMIT ?2`
	sqlRecentMatches     = sqlRecentMatchesHead + articleColumns + sqlRecentMatchesFrom
	sqlRecentMatchesHead = `WITH m AS MATERIALIZED (SELECT rowid AS id FROM articles_terms WHERE articles_terms MATCH ?1 AND rowid >= ?2
				AND rowid <= ?6 ORDER BY rowid DESC LIMIT ?3),
			c AS (SELECT count(*) AS n, min(id) AS lowest FROM m)
		SELECT `
	sqlRecentMatchesFrom = `, a.published_at >= ?5, c.n, c.lowest` + sqlRecentMatchesJoin
	sqlRecentMatchesJoin = `
		FROM (SELECT id FROM m ORDER BY id DESC LIMIT ?4) k JOIN articles a ON a.id = k.id JOIN sources s ON s.id = a.source_id, c
		ORDER BY a.id DESC`
)

// The queries of RecentMatchesExact: RecentMatches' without the
// articles' text and summary.
const (
	articleColumnsUntexted   = `a.id, a.source_id, s.name, s.url, a.guid, a.url, a.title, a.published_at, a.fetched_at, a.alertable, a.image_url, a.page_image_url, COALESCE(a.outlet, '')`
	sqlRecentAllUntexted     = `SELECT ` + articleColumnsUntexted + sqlRecentAllFrom
	sqlRecentMatchesUntexted = sqlRecentMatchesHead + articleColumnsUntexted + sqlRecentMatchesFrom
)

// freshMatches returns how many of the ids from lo to hi the in-memory
// index of view matches (match: an expression of no phrase, column filter
// or nested NOT: those are read in spans, whose walk reads it), and the
// newest sampleSize of those articles, newest first, read with their
// text. It fails when FTS5 rejects the expression or the database fails.
func (s *Store) freshMatches(ctx context.Context, view freshView, match string, lo, hi int64, sampleSize int) (int, []news.Article, error) {
	ids, err := view.matches(match, lo, hi)
	if err != nil || len(ids) == 0 {
		return 0, nil, err
	}
	slices.Reverse(ids)
	arts, err := s.FindArticles(ctx, ids[:min(len(ids), sampleSize)])
	return len(ids), arts, err
}

// sourceCount returns how many articles the sources of ids hold from the
// id first up. It fails when the database does.
func (s *Store) sourceCount(ctx context.Context, ids []any, first int64) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, sqlSourceCount(len(ids)), append(slices.Clip(ids), first)...).Scan(&n)
	return n, err
}

// scopeSample is, for a scope that tells its articles by their address,
// what sourceSample is for one of sources: when the ids a walk reads would
// hold fewer than sampleSize of the scope's articles of the window (first
// to last), its newest sampleSize articles read with their text, and
// total, how many the window holds (estimated from the span of ids read to
// find them, when that is not the whole window); ok is false, and nothing
// else is returned, when a walk would find enough. It fails when the
// database does.
func (s *Store) scopeSample(ctx context.Context, sc *sourceScope, first, last int64, since time.Time, sampleSize int) (sample []news.Article, examined, total int, ok bool, err error) {
	span, window := s.previewLimits().total, last-first+1
	if span >= window {
		return nil, 0, 0, false, nil
	}
	ids, total, err := scopeWindow{s: s, sc: sc, first: first, last: last}.estimate(ctx, sampleSize)
	if err != nil {
		return nil, 0, 0, false, err
	}
	if int64(total)*span >= int64(sampleSize)*window {
		return nil, 0, 0, false, nil
	}
	arts, err := s.FindArticles(ctx, ids[:min(sampleSize, len(ids))])
	if err != nil {
		return nil, 0, 0, false, err
	}
	sample, examined, total = windowSample(arts, since, total)
	return sample, examined, total, true, nil
}

// sourceSample is recentOfScope of the sources of ids, which hold total
// articles from the id first up.
func (s *Store) sourceSample(ctx context.Context, ids []any, first int64, total int, since time.Time, sampleSize int) (sample []news.Article, examined, _ int, err error) {
	// Every article fetched in the window is examined, as for an FTS5
	// expression; those published before it are not in the sample.
	arts, err := s.sourceArticles(ctx, ids, first, 0, sampleSize)
	if err != nil {
		return nil, 0, 0, fmt.Errorf("recent matches: %w", err)
	}
	sample, examined, total = windowSample(arts, since, total)
	return sample, examined, total, nil
}

// windowSample returns the articles of arts (all fetched in a preview's
// window: examined) published since then, newest published first, and
// total, at least examined.
func windowSample(arts []news.Article, since time.Time, total int) (sample []news.Article, examined, _ int) {
	for _, a := range arts {
		if !a.PublishedAt.Before(since) {
			sample = append(sample, a)
		}
	}
	slices.SortStableFunc(sample, func(a, b news.Article) int { return b.PublishedAt.Compare(a.PublishedAt) })
	return sample, len(arts), max(total, len(arts))
}
