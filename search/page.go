package search

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
	"github.com/newshound/newshound/summarize"
)

// ErrNoPage is returned by Page for a page number the search does not have.
var ErrNoPage = errors.New("no such page")

// Page is one page of a stored search.
type Page struct {
	SearchID int64  // the stored search; 0 when nothing matched
	Query    string // the query as the chat typed it
	Number   int    // 0 for the first page
	First    int    // the position of Results[0] among all results, from 1
	Total    int    // results of the whole search
	More     bool   // a further page follows
	// Searched, on every page of a search, is how many of the newest
	// articles the search read when its bound on cost stopped it before the
	// oldest (an older article may match too); 0 when it read all it needed.
	Searched int
	// Results are the page's articles, best first. It may hold fewer than
	// the page's share when articles were deleted since the search.
	Results []Result
}

// Result is an article on a page.
type Result struct {
	Article news.Article
	// Snippet is a piece of the text with the matching words between
	// news.SnippetStart and news.SnippetEnd; "" when there is none.
	Snippet string
}

// Search finds the stored articles matching query (an article its source
// re-published under a new GUID and URL once), stores the ranked result
// for the chat and returns its first page. Nothing matching is a page with
// Total 0 and no stored search. It fails with an error wrapping a
// *query.ParseError when text is not a valid query, and with the
// store's error when the database fails.
func (s *Service) Search(ctx context.Context, chatID int64, text string) (Page, error) {
	q, err := query.Parse(text)
	if err != nil {
		return Page{}, fmt.Errorf("search %q: %w", text, err)
	}
	ids, searched, err := s.rank(ctx, q)
	if err != nil {
		return Page{}, err
	}
	if len(ids) == 0 {
		return Page{Query: text, Searched: searched}, nil
	}
	sr := news.Search{ChatID: chatID, Query: text, ArticleIDs: ids, Searched: searched}
	if sr.ID, err = s.store.CreateSearch(ctx, sr); err != nil {
		return Page{}, err
	}
	return s.page(ctx, sr, 0)
}

// Page returns page n (0 for the first) of the chat's stored search id. It
// fails with an error wrapping news.ErrNotFound when the chat has no such
// search or it has expired, with ErrNoPage when the search has no page n,
// and with the store's error when the database fails.
func (s *Service) Page(ctx context.Context, chatID, id int64, n int) (Page, error) {
	sr, err := s.store.FindSearch(ctx, chatID, id)
	if err != nil {
		return Page{}, err
	}
	if n < 0 || n >= (len(sr.ArticleIDs)+PageSize-1)/PageSize {
		return Page{}, fmt.Errorf("page %d of search %d: %w", n, id, ErrNoPage)
	}
	return s.page(ctx, sr, n)
}

// rank returns the ids of the stored articles that match q, best first, at
// most MaxResults, and how many of the newest articles it read when the
// store's bound stopped it (news.Found.Searched), else 0. A query FTS5
// cannot narrow (site:bbc.co.uk -sport) is matched against the newest
// scanLimit articles of the last scanWindow at most, newest first (those
// its scope admits, when it names sources or web addresses:
// Store.ScopeArticles), and says so when older ones were left.
func (s *Service) rank(ctx context.Context, q *query.Query) ([]int64, int, error) {
	var ids []int64
	if match := q.TermsMatch(); match != "" {
		ids, searched, err := s.confirmed(ctx, q, match)
		if err == nil {
			return ids, searched, nil
		}
		if !errors.Is(err, news.ErrBadMatch) {
			return nil, 0, err
		}
		s.log.Warn("search: FTS5 refused the expression; scanning instead", "err", err)
	}
	// Newest first, in growing reads, so that a query that finds its
	// MaxResults among the newest articles reads no further; only the
	// articles of the sources or at the addresses a query names, when it
	// names them.
	since, done, copies := s.now().Add(-scanWindow), 0, reprints{}
	read := func(limit int) ([]news.Article, error) { return s.store.ListArticlesSince(ctx, since, limit) }
	if scope := q.Scope(); scope != nil {
		read = func(limit int) ([]news.Article, error) { return s.store.ScopeArticles(ctx, scope, since, limit) }
	}
	for _, limit := range []int{scanLimit / 20, scanLimit / 5, scanLimit} {
		arts, err := read(limit)
		if err != nil {
			return nil, 0, err
		}
		for _, a := range arts[min(done, len(arts)):] {
			if len(ids) == MaxResults {
				return ids, 0, nil
			}
			if q.MatchArticle(a) && !copies.seen(a) {
				ids = append(ids, a.ID)
			}
		}
		if len(arts) < limit {
			return ids, 0, nil
		}
		done = len(arts)
	}
	// It stopped at scanLimit with older articles left: the user is told,
	// as of a walk that stopped at its bound.
	return ids, scanLimit, nil
}

// confirmed ranks up to maxCandidates FTS5 candidates of match in one
// search of the store, reads the best firstCandidates of them and then,
// when the matcher dropped too many to fill MaxResults, the rest, and
// returns the ids of those q matches, best first, at most MaxResults, and
// the search's news.Found.Searched. Most queries confirm MaxResults from
// the first read, which spares reading and inflating the rest; ranking more
// than it reads costs the search nothing (the store walks the same ids).
func (s *Service) confirmed(ctx context.Context, q *query.Query, match string) ([]int64, int, error) {
	found, err := s.store.SearchNewest(ctx, match, q.Scope(), maxCandidates)
	if err != nil {
		return nil, 0, err
	}
	var ids []int64
	copies := reprints{}
	for from := 0; from < len(found.IDs); {
		to := len(found.IDs)
		if from == 0 {
			to = min(to, firstCandidates)
		}
		arts, err := s.store.FindArticles(ctx, found.IDs[from:to])
		if err != nil {
			return nil, 0, err
		}
		for _, a := range arts {
			if len(ids) == MaxResults {
				return ids, found.Searched, nil
			}
			if q.MatchArticle(a) && !copies.seen(a) {
				ids = append(ids, a.ID)
			}
		}
		from = to
	}
	return ids, found.Searched, nil
}

// page reads page n of sr: its articles, with a snippet of each text
// around the words the query matches.
func (s *Service) page(ctx context.Context, sr news.Search, n int) (Page, error) {
	from := n * PageSize
	to := min(from+PageSize, len(sr.ArticleIDs))
	arts, err := s.store.FindArticles(ctx, sr.ArticleIDs[from:to])
	if err != nil {
		return Page{}, err
	}
	q, err := query.ParseStored(sr.Query)
	if err != nil {
		q = nil // a stored query parsed when it was stored; a changed grammar only loses the marks
	}
	p := Page{SearchID: sr.ID, Query: sr.Query, Number: n, First: from + 1, Total: len(sr.ArticleIDs), More: to < len(sr.ArticleIDs), Searched: sr.Searched}
	for _, a := range arts {
		p.Results = append(p.Results, Result{Article: a, Snippet: snippet(q, a)})
	}
	return p, nil
}

// snippetReadBytes is how much of a text a snippet is first looked for in
// its readable form: the lead, where furniture gathers and most matches
// are; reading a text readable costs about a millisecond a kilobyte.
const snippetReadBytes = 4 << 10

// snippet is the piece of the article's text that q matches best, taken
// from the readable text of its first snippetReadBytes (summarize.Readable:
// no byline, timestamp, player notice or photo caption that the stored
// text still carries), or from the whole stored text when the words q
// matches are not there (past the lead, a title word the readable text cut
// from its lead, a word of a caption).
func snippet(q *query.Query, a news.Article) string {
	lead := a.Text
	if len(lead) > snippetReadBytes {
		// at the end of a sentence, so that the readable text ends on one
		lead = summarize.LimitBytes(lead, snippetReadBytes)
		if i := strings.LastIndexAny(lead, ".!?\n"); i > snippetReadBytes/2 {
			lead = lead[:i+1]
		}
	}
	if s := q.Snippet(summarize.Readable(lead, a.Title), snippetWords); strings.Contains(s, news.SnippetStart) || q == nil && s != "" {
		return s
	}
	return q.Snippet(a.Text, snippetWords)
}
