package store

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// listedTerms returns terms_list's terms, in order, with their docs, the
// new terms waiting in memory written first (see termQueue).
func listedTerms(t *testing.T, s *Store) map[string]int64 {
	t.Helper()
	indexed(t, s)
	if err := s.flushTerms(context.Background()); err != nil {
		t.Fatal(err)
	}
	rows, err := s.w.QueryContext(context.Background(), `SELECT term, docs FROM terms_list`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var term string
		var docs int64
		if err := rows.Scan(&term, &docs); err != nil {
			t.Fatal(err)
		}
		out[term] = docs
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// indexedTerms returns the terms of articles_terms' title and body columns,
// as FTS5 holds them.
func indexedTerms(t *testing.T, s *Store) []string {
	t.Helper()
	ctx := context.Background()
	indexed(t, s)
	if _, err := s.w.ExecContext(ctx, `CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms_cols USING fts5vocab(main, articles_terms, 'col')`); err != nil {
		t.Fatal(err)
	}
	rows, err := s.w.QueryContext(ctx, `SELECT DISTINCT term FROM temp.terms_cols WHERE col IN ('title', 'body') ORDER BY term`)
	if err != nil {
		t.Fatal(err)
	}
	terms, err := collect(rows, func(rs scanner) (term string, err error) { return term, rs.Scan(&term) })
	if err != nil {
		t.Fatal(err)
	}
	return terms
}

// TestTermsListHoldsEveryIndexedTerm: every term FTS5 holds in the title
// and text columns is in terms_list, whichever way the article came in (a
// finished article, or a fetched one whose text comes later), in any
// script and case, and an article's terms are listed once it is stored.
func TestTermsListHoldsEveryIndexedTerm(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	texts := []string{
		"The PRESIDENT's visit: O'Brien, long-term plans; 3.5% growth in 2026.",
		"Ученые из Москвы и Санкт-Петербурга. Straße, Größe, ÉCOLE, naïve café.",
		"北朝鮮のミサイル発射 — 東京 10時; Ελλάδα ΑΘΗΝΑ; İstanbul'da ılık.",
		"emoji 🎉 and #tags @handles e-mail x@y.example https://a.example/b?c=d",
	}
	var arts []news.Article
	for i, text := range texts {
		arts = append(arts, news.Article{GUID: fmt.Sprint("a", i), Title: strings.ToUpper(text[:20]), Text: text, PublishedAt: now})
	}
	mustInsert(t, s, src.ID, arts...)
	// A fetched article enters the index (and the list) with its text.
	added, err := s.StoreFeedItems(ctx, src.ID, []news.Article{{GUID: "f", URL: "https://wire.example/f", Title: "Teaser", Text: "teaser", PublishedAt: now}})
	if err != nil || len(added) != 1 {
		t.Fatalf("store feed item: %v, %d added", err, len(added))
	}
	if err := s.UpdateArticleText(ctx, added[0].ID, "Late fulltext Überraschung arrives", ""); err != nil {
		t.Fatal(err)
	}
	// A fetched article finished before the store (the poller's path) enters
	// with the terms made for it.
	added, err = s.StoreFeedItemsFinished(ctx, src.ID, []news.Article{{GUID: "g", URL: "https://wire.example/g", Title: "Finished",
		Text: "teaser", PublishedAt: now}}, func(_ int, a *news.Article) bool { a.Text = "Prefinished zwölf words"; return true })
	if err != nil || len(added) != 1 {
		t.Fatalf("store finished feed item: %v, %d added", err, len(added))
	}
	listed := listedTerms(t, s)
	indexed := indexedTerms(t, s)
	if len(indexed) < 40 {
		t.Fatalf("only %d terms indexed: the test corpus is wrong", len(indexed))
	}
	for _, term := range indexed {
		if _, ok := listed[term]; !ok {
			t.Errorf("indexed term %q is not in terms_list", term)
		}
	}
	if !hasKeys(listed, "uberraschung", "prefinished", "zwolf") {
		t.Errorf("the late text's or the finished text's terms are not listed: %v", listed)
	}
}

// TestRefreshTermsFollowsThePrune: a prune rewrites the list from the
// index, so the terms of pruned articles leave it and counts are brought up
// to date (in batches), and a term that left comes back with a new article
// that holds it (the memory of known terms does not keep it out).
func TestRefreshTermsFollowsThePrune(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	defer func(b int) { refreshBatch = b }(refreshBatch)
	refreshBatch = 7 // several batches
	old := now.Add(-100 * 24 * time.Hour)
	now = old
	mustInsert(t, s, src.ID,
		news.Article{GUID: "o1", Title: "Oldword one", Text: "shared words alpha beta gamma", PublishedAt: old},
		news.Article{GUID: "o2", Title: "Oldword two", Text: "shared words delta epsilon", PublishedAt: old})
	now = old.Add(99 * 24 * time.Hour)
	mustInsert(t, s, src.ID, news.Article{GUID: "n1", Title: "Newword", Text: "shared words zeta", PublishedAt: now})
	if l := listedTerms(t, s); l["oldword"] != -1 || l["shared"] != -1 {
		t.Fatalf("before a refresh, terms listed since have docs -1: %v", l)
	}
	if _, ok := listedTerms(t, s)["oldword"]; !ok {
		t.Fatal("oldword not listed")
	}
	now = now.Add(24 * time.Hour)
	p, err := s.Prune(ctx, now.Add(-90*24*time.Hour))
	if err != nil || p.Articles != 2 {
		t.Fatalf("prune: %+v, %v", p, err)
	}
	l := listedTerms(t, s)
	for _, gone := range []string{"oldword", "alpha", "epsilon", "one", "two"} {
		if _, ok := l[gone]; ok {
			t.Errorf("%s is still listed after its articles were pruned", gone)
		}
	}
	if l["shared"] != 1 || l["newword"] != 1 || l["zeta"] != 1 {
		t.Errorf("counts after the refresh: %v", l)
	}
	if indexed := indexedTerms(t, s); len(indexed) > len(l) {
		t.Errorf("%d terms indexed, %d listed", len(indexed), len(l))
	}
	mustInsert(t, s, src.ID, news.Article{GUID: "n2", Title: "Oldword again", Text: "alpha", PublishedAt: now})
	if l := listedTerms(t, s); !hasKeys(l, "oldword", "alpha", "again") {
		t.Errorf("terms back after the refresh are not listed: %v", l)
	}
	if n, err := s.RefreshTerms(ctx); err != nil || n != len(listedTerms(t, s)) {
		t.Errorf("RefreshTerms = %d, %v; %d listed", n, err, len(listedTerms(t, s)))
	}
}

func hasKeys(m map[string]int64, keys ...string) bool {
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			return false
		}
	}
	return true
}

// TestFailedTransactionForgetsKnownTerms: terms taken for known in a
// transaction that fails are written with the next article that holds
// them.
func TestFailedTransactionForgetsKnownTerms(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	failed := errors.New("disk full")
	err := s.tx(ctx, func(tx *wtx) error {
		if err := s.indexTerms(ctx, tx, 999, "Quorvantic", "zelphine words"); err != nil {
			return err
		}
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatalf("tx = %v", err)
	}
	if l := listedTerms(t, s); hasKeys(l, "quorvantic") {
		t.Fatalf("a rolled back term is listed: %v", l)
	}
	mustInsert(t, s, src.ID, news.Article{GUID: "1", Title: "Quorvantic", Text: "zelphine", PublishedAt: now})
	if l := listedTerms(t, s); !hasKeys(l, "quorvantic", "zelphine") {
		t.Errorf("terms of the failed transaction stay unlisted: %v", l)
	}
}

// TestPrefixQueriesAndTheirSide finds the prefixes of the expressions
// query.TermsMatch writes, and which stand under a NOT.
func TestPrefixQueriesAndTheirSide(t *testing.T) {
	tests := []struct {
		query   string
		want    []string // prefix, with "-" before a negated one
		unknown bool
	}{
		{"presid*", []string{"presid"}, false},
		{"title:presid*", []string{"presid"}, false},
		{"capital -presid*", []string{"-presid"}, false},
		{"presid* -minist*", []string{"presid", "-minist"}, false},
		{"presid* OR minist*", []string{"presid", "minist"}, false},
		{`capital -"the presid" -(minist* OR kur*)`, []string{"-minist", "-kur"}, false},
		{`(presid* OR "a""b") -(police -minist*)`, []string{"presid"}, false}, // TermsMatch drops a NOT it cannot write (police: two stems)
		{`"quoted*" presid*`, []string{"quoted", "presid"}, false},            // a prefix in quotes is the prefix (docs/QUERY.md)
		{`capital -(govern* -(minist* -kur*))`, []string{"-govern", "minist", "-kur"}, false},
	}
	for _, tt := range tests {
		q, err := query.Parse(tt.query)
		if err != nil {
			t.Fatalf("%s: %v", tt.query, err)
		}
		match := q.TermsMatch()
		var got []string
		for _, p := range prefixQueries(match) {
			if match[p.start:p.end] != `"`+strings.ReplaceAll(p.prefix, `"`, `""`)+`"*` {
				t.Errorf("%s: span %q for %q", tt.query, match[p.start:p.end], p.prefix)
			}
			s := p.prefix
			if p.negated {
				s = "-" + s
			}
			got = append(got, s)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s (%s): prefixes %v, want %v", tt.query, match, got, tt.want)
		}
	}
}

// TestBroadPrefixReadsItsFrequentTerms: a prefix of more terms than
// previewTerms is read as its most frequent ones. The preview's sample is
// the newest articles those terms match (each one the prefix matches), and
// its count (scaleBroad) lies between the count of what they match and that
// over their share of the prefix's articles, and within 15% of the prefix's
// true count on this corpus (Zipf-distributed terms, one to three of the
// prefix's in an article of four in five: the estimate takes the rarer
// terms' articles to hold a frequent one as often as any article, where
// here they do more often, so it is high; 4% with 16 terms read, 7% with 8,
// 11% with 6).
func TestBroadPrefixReadsItsFrequentTerms(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	rnd := rand.New(rand.NewPCG(3, 4))
	zipf := rand.NewZipf(rnd, 1.1, 1, 599)
	term := func() string { return fmt.Sprintf("zorb%03d", zipf.Uint64()) }
	const n = 3000
	var arts []news.Article
	for i := range n {
		words := []string{"filler", fmt.Sprint("w", rnd.IntN(50))}
		if rnd.IntN(5) > 0 {
			for range 1 + rnd.IntN(3) {
				words = append(words, term())
			}
		}
		arts = append(arts, news.Article{GUID: fmt.Sprint(i), Title: "Item", Text: strings.Join(words, " "),
			PublishedAt: now.Add(-time.Duration(n-i) * 20 * time.Minute)})
	}
	now = now.Add(-time.Duration(n) * 20 * time.Minute)
	for i := 0; i < n; i += 100 {
		now = arts[i].PublishedAt
		mustInsert(t, s, src.ID, arts[i:i+100]...)
	}
	now = arts[n-1].PublishedAt.Add(time.Minute)
	if _, err := s.RefreshTerms(ctx); err != nil {
		t.Fatal(err)
	}
	match := mustParse(t, "zorb*").TermsMatch()
	list, err := s.prefixTerms(ctx, "zorb", previewTerms, scanTerms)
	if err != nil || len(list) != previewTerms+1 {
		t.Fatalf("prefixTerms = %d terms, %v", len(list), err)
	}
	var terms []string
	var head float64
	for _, lt := range list[:previewTerms] {
		terms, head = append(terms, lt.term), head+float64(lt.docs)
	}
	allDocs, err := s.prefixDocs(ctx, "zorb", scanTerms)
	if err != nil {
		t.Fatal(err)
	}
	share := head / allDocs
	l := listedTerms(t, s)
	var all []int64
	for term, docs := range l {
		if strings.HasPrefix(term, "zorb") {
			all = append(all, docs)
		}
	}
	if len(all) <= previewTerms {
		t.Fatalf("zorb* has %d terms: the corpus is wrong", len(all))
	}
	slices.Sort(all)
	for _, term := range terms {
		if l[term] < all[len(all)-previewTerms] {
			t.Errorf("%s (%d articles) is not among the %d most frequent terms (from %d)", term, l[term], previewTerms, all[len(all)-previewTerms])
		}
	}

	since := now.Add(-7 * 24 * time.Hour) // 504 articles
	first, err := s.firstIDSince(ctx, since)
	if err != nil {
		t.Fatal(err)
	}
	count := func(m string) (ids []int64) {
		rows, err := s.r.QueryContext(ctx, `SELECT rowid FROM articles_terms WHERE articles_terms MATCH ? AND rowid >= ? ORDER BY rowid DESC`, m, first)
		if err != nil {
			t.Fatal(err)
		}
		if ids, err = collect(rows, func(rs scanner) (id int64, err error) { return id, rs.Scan(&id) }); err != nil {
			t.Fatal(err)
		}
		return ids
	}
	truth := count(match)
	headMatch, scale, err := s.expandPrefixes(ctx, match, previewTerms)
	if err != nil || scale <= 1 {
		t.Fatalf("expand: scale %v, %v", scale, err)
	}
	headIDs := count(headMatch)
	sample, examined, total, err := s.RecentMatches(ctx, match, nil, since, 20)
	if err != nil {
		t.Fatal(err)
	}
	var sampleIDs []int64
	for _, a := range sample {
		sampleIDs = append(sampleIDs, a.ID)
	}
	slices.Sort(sampleIDs)
	slices.Reverse(sampleIDs)
	if examined != 20 || !slices.Equal(sampleIDs, headIDs[:20]) || !isSubset(sampleIDs, truth) {
		t.Errorf("sample %v (%d examined), want the newest 20 of its terms' matches %v", sampleIDs, examined, headIDs[:20])
	}
	upper := float64(len(headIDs)) / share
	t.Logf("zorb*: %d terms, %d read (share %.3f); window: %d matches, its terms' %d, estimate %d (bound %d..%.0f)",
		len(all), len(terms), share, len(truth), len(headIDs), total, len(headIDs), upper)
	if total < len(headIDs) || float64(total) > upper {
		t.Errorf("estimate %d outside %d..%.0f", total, len(headIDs), upper)
	}
	if math.Abs(float64(total-len(truth))) > 0.15*float64(len(truth)) {
		t.Errorf("estimate %d, true count %d: more than 15%% off", total, len(truth))
	}
}

func mustParse(t *testing.T, text string) *query.Query {
	t.Helper()
	q, err := query.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// TestRefreshStreamsTheTerms: a batch of the refresh reads the index's
// terms in order and stops at its LIMIT (no sort of every term first).
func TestRefreshStreamsTheTerms(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	plan := planOf(t, s, sqlRefreshTerms, "presid", refreshBatch)
	if !strings.Contains(plan, "SCAN articles_vocab_cols VIRTUAL TABLE INDEX") || strings.Contains(plan, "TEMP B-TREE") {
		t.Errorf("refresh plan:\n%s", plan)
	}
}

// TestTermsListedDuringARefreshStay: a term first stored while a refresh
// runs, after the refresh read its part of the index, stays listed.
func TestTermsListedDuringARefreshStay(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	mustInsert(t, s, src.ID, news.Article{GUID: "1", Title: "Alpha beta", Text: "gamma delta mu nu xi", PublishedAt: now})
	defer func(b int) { refreshBatch, refreshRead = b, nil }(refreshBatch)
	refreshBatch = 3
	reads := 0
	refreshRead = func() {
		if reads++; reads == 1 { // after the read of alpha, beta, delta
			mustInsert(t, s, src.ID, news.Article{GUID: "2", Title: "Always", Text: "anew", PublishedAt: now})
		}
	}
	if _, err := s.RefreshTerms(ctx); err != nil {
		t.Fatal(err)
	}
	if l := listedTerms(t, s); !hasKeys(l, "always", "anew", "alpha", "xi") {
		t.Errorf("terms stored during the refresh were dropped: %v", l)
	}
}

// rawListed says whether terms_list holds term, without writing the new
// terms waiting in memory first.
func rawListed(t *testing.T, s *Store, term string) bool {
	t.Helper()
	var n int
	if err := s.w.QueryRowContext(context.Background(), `SELECT count(*) FROM terms_list WHERE term = ?`, term).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n > 0
}

// TestNewTermsWaitInMemory: a new term waits in memory for terms_list (a
// fetch's write does not insert it), a prefix finds it there all the same,
// and it is written with the first write after TermsWrite, with the
// write that makes termsBatch wait, and at Close.
func TestNewTermsWaitInMemory(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	path := filepath.Join(t.TempDir(), "test.db")
	s, err := Open(ctx, path, func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	wall := now.Add(time.Hour) // the queue's own clock
	s.termq.clock = func() time.Time { return wall }
	src := wireSource(t, s)
	defer func(n int) { indexBatch = n }(indexBatch)
	indexBatch = 1 // each article indexed (and its terms noted) in its own write
	added := mustInsert(t, s, src.ID, news.Article{GUID: "1", Title: "Quillborne harbour", Text: "ferries", PublishedAt: now})
	if rawListed(t, s, "quillborne") {
		t.Fatal("a new term was written with its article")
	}
	match := mustParse(t, "quillb*").TermsMatch()
	expanded, _, err := s.expandPrefixes(ctx, match, searchTerms)
	if err != nil || !strings.Contains(expanded, `("quillborne")`) {
		t.Fatalf("expand %s = %s, %v; want the waiting term", match, expanded, err)
	}
	found, _, total, err := s.RecentMatches(ctx, match, nil, now.Add(-time.Hour), 20)
	if err != nil || total != 1 || len(found) != 1 || found[0].ID != added[0].ID {
		t.Fatalf("RecentMatches(quillb*) = %v, %d, %v; want the new article", found, total, err)
	}
	if docs, err := s.prefixDocs(ctx, "quillb", scanTerms); err != nil || docs != 1 {
		t.Errorf("prefixDocs(quillb) = %v, %v; want 1", docs, err)
	}

	now = now.Add(24 * time.Hour) // the store's clock does not count
	wall = wall.Add(TermsWrite - time.Second)
	mustInsert(t, s, src.ID, news.Article{GUID: "2", Title: "Calm", Text: "seas", PublishedAt: now})
	if rawListed(t, s, "quillborne") {
		t.Fatal("a new term was written before TermsWrite")
	}
	wall = wall.Add(time.Second)
	mustInsert(t, s, src.ID, news.Article{GUID: "3", Title: "Calmer", Text: "seas", PublishedAt: now})
	for _, term := range []string{"quillborne", "calm", "calmer", "ferries"} {
		if !rawListed(t, s, term) {
			t.Errorf("%s not written after TermsWrite", term)
		}
	}
	if expanded, _, err := s.expandPrefixes(ctx, match, searchTerms); err != nil || !strings.Contains(expanded, `("quillborne")`) {
		t.Errorf("expand %s once written = %s, %v", match, expanded, err)
	}

	defer func(n int) { termsBatch = n }(termsBatch)
	termsBatch = 3
	mustInsert(t, s, src.ID, news.Article{GUID: "4", Title: "Ostrevel", Text: "seas", PublishedAt: now})
	if rawListed(t, s, "ostrevel") {
		t.Fatal("a new term was written before termsBatch waited")
	}
	mustInsert(t, s, src.ID, news.Article{GUID: "5", Title: "Ustrevel", Text: "Astrevel", PublishedAt: now})
	if !rawListed(t, s, "ostrevel") || !rawListed(t, s, "ustrevel") {
		t.Error("the terms were not written once termsBatch waited")
	}
	termsBatch = 4096

	// A write of the queue that fails puts its terms back in the queue.
	mustInsert(t, s, src.ID, news.Article{GUID: "7", Title: "Pendrawl", Text: "seas", PublishedAt: now})
	failed := errors.New("disk full")
	if err := s.tx(ctx, func(tx *wtx) error {
		if err := s.writeTerms(ctx, tx, nil, true); err != nil {
			return err
		}
		return failed
	}); !errors.Is(err, failed) {
		t.Fatalf("tx = %v", err)
	}
	if rawListed(t, s, "pendrawl") {
		t.Fatal("a rolled back write of the queue is listed")
	}
	if expanded, _, err := s.expandPrefixes(ctx, mustParse(t, "pendr*").TermsMatch(), searchTerms); err != nil || !strings.Contains(expanded, `("pendrawl")`) {
		t.Errorf("after a failed write of the queue, pendr* = %s, %v", expanded, err)
	}

	mustInsert(t, s, src.ID, news.Article{GUID: "6", Title: "Zentravik", Text: "seas", PublishedAt: now})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, path, func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !rawListed(t, s, "zentravik") {
		t.Error("a waiting term was not written at Close")
	}
}
