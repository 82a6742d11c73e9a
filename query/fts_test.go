package query

import (
	"database/sql"
	"path/filepath"
	"slices"
	"testing"

	_ "github.com/mattn/go-sqlite3"
)

// ftsTable is an FTS5 table "t" of articles in a test database; match asks it.
type ftsTable struct {
	db *sql.DB
}

// ftsOracle is SQLite FTS5 over the same articles, the oracle that docs/QUERY.md names: for quoted words, prefixes,
// AND, OR and NOT it answers with the meaning that Newshound's matcher must have.
type ftsOracle = ftsTable

func newFTSOracle(tb testing.TB, articles []Article) *ftsOracle {
	tb.Helper()
	return newFTSTable(tb, `CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')`,
		`INSERT INTO t(rowid, title, body) VALUES (?, ?, ?)`, len(articles),
		func(i int) []any { return []any{articles[i].Title, articles[i].Text} })
}

// newFTSTable creates the table with create and inserts n rows with insert,
// whose first argument is the row's index and the others row(i).
func newFTSTable(tb testing.TB, create, insert string, n int, row func(i int) []any) *ftsTable {
	tb.Helper()
	db, err := sql.Open("sqlite3", filepath.Join(tb.TempDir(), "fts.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	if _, err := db.Exec(create); err != nil {
		tb.Fatalf("create fts5 table: %v", err)
	}
	tx, err := db.Begin()
	if err != nil {
		tb.Fatal(err)
	}
	for i := range n {
		if _, err := tx.Exec(insert, append([]any{i}, row(i)...)...); err != nil {
			tb.Fatalf("insert article %d: %v", i, err)
		}
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
	return &ftsTable{db: db}
}

// match returns the rowids (article indexes) that expr matches, ascending.
func (o *ftsTable) match(tb testing.TB, expr string) []int64 {
	tb.Helper()
	rows, err := o.db.Query(`SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid`, expr)
	if err != nil {
		tb.Fatalf("fts5 MATCH %q: %v", expr, err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			tb.Fatal(err)
		}
		out = append(out, id)
	}
	if err := rows.Err(); err != nil {
		tb.Fatalf("fts5 MATCH %q: %v", expr, err)
	}
	return out
}

func matchAll(q *Query, docs []*Document) []int64 {
	var out []int64
	for i, d := range docs {
		if q.Match(d) {
			out = append(out, int64(i))
		}
	}
	return out
}

// TestFTS5Differential checks, on a generated corpus, that for queries of quoted words, prefixes, AND, OR and NOT
// the matcher (Query.Match and Index.Match) and SQLite FTS5 return the same articles.
// The second corpus mixes real words of every language Newshound stems (Cyrillic among them), article by article.
func TestFTS5Differential(t *testing.T) {
	t.Run("generated", func(t *testing.T) { testFTS5Differential(t, newCorpusGen(20240601, 400)) })
	t.Run("languages", func(t *testing.T) { testFTS5Differential(t, newLangCorpusGen(20240602)) })
}

func testFTS5Differential(t *testing.T, g *corpusGen) {
	const nArticles, nQueries = 2000, 500
	articles := make([]Article, nArticles)
	docs := make([]*Document, nArticles)
	for i := range articles {
		articles[i] = g.article(40 + g.rng.IntN(80))
		docs[i] = NewDocument(articles[i])
	}
	oracle := newFTSOracle(t, articles)

	type genQuery struct {
		q   *Query
		fts string
	}
	var queries []genQuery
	for len(queries) < nQueries {
		ours, fts := g.ftsQuery(g.rng.IntN(3))
		q, err := Parse(ours)
		if err != nil {
			continue // too many terms or characters; the generator does not count them
		}
		queries = append(queries, genQuery{q, fts})
	}

	ix := NewIndex()
	for i, gq := range queries {
		ix.Add(int64(i), gq.q)
	}
	byIndex := make([][]int64, nQueries) // query → articles, from Index.Match
	for a, d := range docs {
		for _, id := range ix.Match(d) {
			byIndex[id] = append(byIndex[id], int64(a))
		}
	}

	matched, total := 0, 0
	for i, gq := range queries {
		want := oracle.match(t, gq.fts)
		got := matchAll(gq.q, docs)
		if !slices.Equal(got, want) {
			t.Errorf("query %q (FTS5 %q): Match finds %d articles, FTS5 %d; only ours %v, only FTS5's %v",
				gq.q.Text(), gq.fts, len(got), len(want), minus(got, want), minus(want, got))
			continue
		}
		if !slices.Equal(byIndex[i], want) {
			t.Errorf("query %q: Index.Match finds %v, want %v", gq.q.Text(), byIndex[i], want)
		}
		if len(want) > 0 {
			matched++
		}
		total += len(want)
	}
	// Guard against a vacuous test: most queries must find something, and not everything.
	if matched < nQueries/2 || total > nQueries*nArticles/2 {
		t.Errorf("generated queries too weak: %d of %d match an article, %d matches in all", matched, nQueries, total)
	}
	t.Logf("%d queries over %d articles: %d match something, %d matches in all", nQueries, nArticles, matched, total)
}

// minus returns the elements of a not in b; both ascending.
func minus(a, b []int64) []int64 {
	var out []int64
	for _, x := range a {
		if _, found := slices.BinarySearch(b, x); !found {
			out = append(out, x)
		}
	}
	return out
}
