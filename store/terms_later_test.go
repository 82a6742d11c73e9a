package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// indexed indexes the articles waiting for the full-text index, as a
// search does before it reads it (see termsLater), for a test that reads
// articles_terms itself.
func indexed(t testing.TB, s *Store) {
	t.Helper()
	if err := s.indexNow(t.Context()); err != nil {
		t.Fatal(err)
	}
}

// indexedCount returns how many entries of articles_terms match the FTS5
// expression, counting an article entered twice twice.
func indexedCount(t *testing.T, s *Store, match string) int {
	t.Helper()
	var n int
	if err := s.w.QueryRowContext(t.Context(), `SELECT count(*) FROM articles_terms WHERE articles_terms MATCH ?`, match).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// indexedThrough returns terms_indexed.through.
func indexedThrough(t *testing.T, s *Store) int64 {
	t.Helper()
	var through int64
	if err := s.w.QueryRowContext(t.Context(), `SELECT through FROM terms_indexed`).Scan(&through); err != nil {
		t.Fatal(err)
	}
	return through
}

// checkIndex runs FTS5's integrity-check of articles_terms.
func checkIndex(t *testing.T, s *Store) {
	t.Helper()
	if _, err := s.w.ExecContext(t.Context(), `INSERT INTO articles_terms (articles_terms) VALUES ('integrity-check')`); err != nil {
		t.Errorf("integrity-check: %v", err)
	}
}

// killImage copies the database files of an open store as a kill would
// leave them (the write-ahead log holds the commits), and opens the copy.
func killImage(t *testing.T, path string, now func() time.Time) *Store {
	t.Helper()
	dir := t.TempDir()
	for _, suffix := range []string{"", "-wal"} {
		in, err := os.Open(path + suffix)
		if err != nil {
			t.Fatal(err)
		}
		out, err := os.Create(filepath.Join(dir, "killed.db"+suffix))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(out, in); err != nil {
			t.Fatal(err)
		}
		if err := errors.Join(in.Close(), out.Close()); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Open(t.Context(), filepath.Join(dir, "killed.db"), now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestNewArticlesWaitForABatch: a fetch's new articles are not entered into
// articles_terms in its write, but in the write that makes indexBatch of
// them wait, or the first after the oldest has waited IndexDelay; a search
// indexes what waits before it reads, so it finds an article as soon as
// it is stored.
func TestNewArticlesWaitForABatch(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	wall := now
	s.later.clock = func() time.Time { return wall }
	defer func(n int) { indexBatch = n }(indexBatch)
	indexBatch = 3
	src := wireSource(t, s)
	store := func(guid, title string) {
		t.Helper()
		added, err := s.StoreFeedItemsFinished(ctx, src.ID, []news.Article{{GUID: guid, URL: "https://wire.example/" + guid, Title: title, Text: "teaser", PublishedAt: now}},
			func(_ int, a *news.Article) bool { a.Text = "the whole text of " + guid; return true })
		if err != nil || len(added) != 1 {
			t.Fatalf("store %s: %v, %d added", guid, err, len(added))
		}
	}
	store("a1", "Quorvant harbour")
	store("a2", "Quorvant ferries")
	if n := indexedCount(t, s, "quorvant"); n != 0 || indexedThrough(t, s) != 0 {
		t.Fatalf("%d articles indexed (through %d) after two fetches, want none before a batch of 3", n, indexedThrough(t, s))
	}
	store("a3", "Quorvant tides")
	if n := indexedCount(t, s, "quorvant"); n != 3 || indexedThrough(t, s) != 3 {
		t.Fatalf("%d articles indexed (through %d) by the third fetch's write, want 3 (through 3)", n, indexedThrough(t, s))
	}

	store("b1", "Zelphine one")
	wall = wall.Add(IndexDelay - time.Second)
	store("b2", "Zelphine two")
	if n := indexedCount(t, s, "zelphine"); n != 0 {
		t.Fatalf("%d articles indexed before the oldest waited IndexDelay", n)
	}
	wall = wall.Add(time.Second)
	store("b3", "Zelphine three")
	if n := indexedCount(t, s, "zelphine"); n != 3 {
		t.Fatalf("%d articles indexed once the oldest waited IndexDelay, want 3", n)
	}

	store("c1", "Ostrevel bridge")
	if n := indexedCount(t, s, "ostrevel"); n != 0 {
		t.Fatalf("%d articles indexed before a batch", n)
	}
	// The reads find the waiting article in memory (freshTerms), and
	// begin no write.
	begun := s.begins.Load()
	hits, err := s.SearchArticles(ctx, mustParse(t, "ostrevel").TermsMatch(), 10)
	if err != nil || len(hits) != 1 || hits[0].GUID != "c1" {
		t.Fatalf("search of the waiting article = %v, %v; want it", hits, err)
	}
	found, _, total, err := s.RecentMatches(ctx, mustParse(t, "ostrevel").TermsMatch(), nil, now.Add(-time.Hour), 20)
	if err != nil || total != 1 || len(found) != 1 || found[0].GUID != "c1" {
		t.Fatalf("preview of the waiting article = %v, %d, %v; want it", found, total, err)
	}
	found, _, total, err = s.RecentMatches(ctx, mustParse(t, "tides").TermsMatch(), nil, now.Add(-time.Hour), 20)
	if err != nil || total != 1 || len(found) != 1 {
		t.Fatalf("preview = %v, %d, %v", found, total, err)
	}
	if n := s.begins.Load() - begun; n != 0 {
		t.Errorf("the reads began %d writes, want none", n)
	}
	for word, want := range map[string]int{"quorvant": 3, "zelphine": 3, "ostrevel": 0, "whole": 6, "teaser": 0} {
		if n := indexedCount(t, s, word); n != want {
			t.Errorf("%s: %d entries, want %d (each article once)", word, n, want)
		}
	}
	checkIndex(t, s)
}

// TestWaitingArticlesSurviveAKill: articles stored but not indexed yet are
// indexed, once each, by the next Open after a kill (their terms made from
// the stored text), with the text an UpdateArticleText gave them; and
// indexed once each by the store that kept running.
func TestWaitingArticlesSurviveAKill(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	path := filepath.Join(t.TempDir(), "test.db")
	s, err := Open(ctx, path, clock)
	if err != nil {
		t.Fatal(err)
	}
	src := wireSource(t, s)
	mustInsert(t, s, src.ID, news.Article{GUID: "old", Title: "Indexed before", Text: "harbour words", PublishedAt: now})
	indexed(t, s)
	var ids []int64
	for i := range 4 {
		added, err := s.StoreFeedItemsFinished(ctx, src.ID, []news.Article{{GUID: fmt.Sprint(i), URL: fmt.Sprintf("https://wire.example/%d", i), Title: "Kursk deminers", Text: "teaser", PublishedAt: now}},
			func(_ int, a *news.Article) bool { a.Text = "fields cleared near harbour"; return true })
		if err != nil || len(added) != 1 {
			t.Fatalf("store %d: %v, %d added", i, err, len(added))
		}
		ids = append(ids, added[0].ID)
	}
	// One waits for its text step, then gets it while not indexed yet.
	teaser, err := s.StoreFeedItems(ctx, src.ID, []news.Article{{GUID: "t", URL: "https://wire.example/t", Title: "Orel", Text: "teaser", PublishedAt: now}})
	if err != nil || len(teaser) != 1 {
		t.Fatalf("store the teaser: %v", err)
	}
	if err := s.UpdateArticleText(ctx, teaser[0].ID, "the whole page of orel", ""); err != nil {
		t.Fatal(err)
	}
	// One at the text step stays out of the index.
	if _, err := s.StoreFeedItems(ctx, src.ID, []news.Article{{GUID: "w", URL: "https://wire.example/w", Title: "Waiting", Text: "teaser", PublishedAt: now}}); err != nil {
		t.Fatal(err)
	}
	if n := indexedCount(t, s, "kursk OR orel OR harbour"); n != 1 {
		t.Fatalf("%d entries before the batch, want the older article's alone", n)
	}

	killed := killImage(t, path, clock)
	for word, want := range map[string]int{"kursk": 4, "harbour": 5, "page": 1, "teaser": 0, "waiting": 0} {
		if n := indexedCount(t, killed, word); n != want {
			t.Errorf("after a kill and Open: %s has %d entries, want %d", word, n, want)
		}
	}
	if got, want := indexedThrough(t, killed), teaser[0].ID+1; got != want {
		t.Errorf("through = %d after Open, want %d (the last article)", got, want)
	}
	checkIndex(t, killed)
	hits, err := killed.SearchArticles(ctx, mustParse(t, "deminers").TermsMatch(), 10)
	got := make([]int64, len(hits))
	for i, h := range hits {
		got[i] = h.ID
	}
	slices.Sort(got)
	if err != nil || !slices.Equal(got, ids) {
		t.Errorf("search after the kill = %v, %v; want %v", got, err, ids)
	}

	// The store that kept running indexes them once too, and a reopen
	// adds nothing.
	hits, err = s.SearchArticles(ctx, mustParse(t, "deminers").TermsMatch(), 10)
	if err != nil || len(hits) != 4 {
		t.Errorf("search = %d hits, %v; want 4", len(hits), err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, path, clock)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for word, want := range map[string]int{"kursk": 4, "harbour": 5, "page": 1, "teaser": 0} {
		if n := indexedCount(t, s, word); n != want {
			t.Errorf("after Close and Open: %s has %d entries, want %d", word, n, want)
		}
	}
	checkIndex(t, s)
}

// TestARolledBackArticleLeavesNoTerms: the terms a failed write kept for
// later are dropped, so the article that takes its id next is indexed with
// its own.
func TestARolledBackArticleLeavesNoTerms(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	failed := errors.New("disk full")
	err := s.tx(ctx, func(tx *wtx) error {
		if err := s.indexLater(ctx, tx, []termsRow{{id: 1, cols: query.IndexColumns(news.Article{Title: "Ghostly", Text: "phantom"})}}); err != nil {
			return err
		}
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatalf("tx = %v", err)
	}
	added := mustInsert(t, s, src.ID, news.Article{GUID: "1", Title: "Real", Text: "solid words", PublishedAt: now})
	if added[0].ID != 1 {
		t.Fatalf("the article took id %d, want 1 (the test's premise)", added[0].ID)
	}
	indexed(t, s)
	if indexedCount(t, s, "ghostly OR phantom") != 0 || indexedCount(t, s, "real") != 1 {
		t.Errorf("index: ghost %d, real %d; want 0, 1", indexedCount(t, s, "ghostly OR phantom"), indexedCount(t, s, "real"))
	}
}

// TestAWaitingArticleDeletedIsNotIndexed: an article deleted before its
// batch (its source removed) is not indexed, and its delete leaves
// articles_terms alone.
func TestAWaitingArticleDeletedIsNotIndexed(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	other, err := s.UpsertSource(ctx, "Other", "https://other.example/rss", "config")
	if err != nil {
		t.Fatal(err)
	}
	mustInsert(t, s, src.ID, news.Article{GUID: "1", Title: "Kept", Text: "harbour", PublishedAt: now})
	mustInsert(t, s, other.ID, news.Article{GUID: "2", Title: "Gone", Text: "harbour", PublishedAt: now})
	if err := s.DeleteSource(ctx, other.ID); err != nil {
		t.Fatal(err)
	}
	indexed(t, s)
	if indexedCount(t, s, "gone") != 0 || indexedCount(t, s, "harbour") != 1 || indexedThrough(t, s) != 1 {
		t.Errorf("index: gone %d, harbour %d, through %d; want 0, 1, 1 (the last article left)", indexedCount(t, s, "gone"), indexedCount(t, s, "harbour"), indexedThrough(t, s))
	}
	checkIndex(t, s)
}

// TestASearchWhoseIndexingFailsStillAnswers: a search on a full disk finds
// the waiting articles in memory (freshTerms), needing no write; and when
// it must index them first (the in-memory index failed) and that write
// fails, it answers from the index as it is, without them, and the next
// search after the disk has room indexes and finds them.
func TestASearchWhoseIndexingFailsStillAnswers(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	mustInsert(t, s, src.ID, news.Article{GUID: "old", Title: "Harbour ferries", Text: "an older article", PublishedAt: now})
	indexed(t, s)
	var words []string
	for i := range 3000 {
		words = append(words, fmt.Sprintf("harbour%d", i)) // a segment of many pages
	}
	mustInsert(t, s, src.ID, news.Article{GUID: "new", Title: "Harbour tides", Text: strings.Join(words, " "), PublishedAt: now})
	var pages int
	if err := s.w.QueryRowContext(ctx, `PRAGMA page_count`).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.ExecContext(ctx, fmt.Sprintf(`PRAGMA max_page_count = %d`, pages)); err != nil {
		t.Fatal(err)
	}
	match := mustParse(t, "harbour").TermsMatch()
	hits, err := s.SearchArticles(ctx, match, 10)
	if err != nil || len(hits) != 2 {
		t.Fatalf("search on a full disk = %d hits, %v; want both articles, the new one read in memory", len(hits), err)
	}
	freshFailed(s)
	hits, err = s.SearchArticles(ctx, match, 10)
	if err != nil || len(hits) != 1 || hits[0].GUID != "old" {
		t.Fatalf("search on a full disk, indexing first = %d hits, %v; want the older article alone", len(hits), err)
	}
	if _, err := s.w.ExecContext(ctx, `PRAGMA max_page_count = 1073741823`); err != nil {
		t.Fatal(err)
	}
	hits, err = s.SearchArticles(ctx, match, 10)
	if err != nil || len(hits) != 2 {
		t.Fatalf("search once the disk has room = %v, %v; want both articles", hits, err)
	}
	// Nothing waits now: the in-memory index is emptied and serves again.
	if v, ok := s.later.view(); !ok {
		t.Error("the reads still index first once nothing waits")
	} else {
		v.close()
	}
	mustInsert(t, s, src.ID, news.Article{GUID: "newer", Title: "Harbour cranes", Text: "a newer article", PublishedAt: now})
	begun := s.begins.Load()
	if hits, err = s.SearchArticles(ctx, match, 10); err != nil || len(hits) != 3 || s.begins.Load() != begun {
		t.Errorf("search after = %d hits, %v, %d writes; want all three, read without a write", len(hits), err, s.begins.Load()-begun)
	}
}

// TestIndexBeforeReadLeavesMergingToWrites: the articles a read indexes
// first (when the in-memory index cannot serve it) are written as a
// segment each, none merged (FTS5's automerge, which merged four segments
// of a level when it filled, 40–140 ms of a user's /subscribe at 1,000,000
// articles, is off for that write), and the stored automerge stays 4: the
// poller's writes merge them.
func TestIndexBeforeReadLeavesMergingToWrites(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	before, err := s.TermSegments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Each read's batch fills pages enough (twenty articles of 300 words
	// of their own) that automerge, whose work comes once writes have
	// filled 64 pages, would merge within the twelve, which stay below
	// FTS5's crisis merge of 16 segments a level.
	word := 0
	for i := range 12 {
		var arts []news.Article
		for j := range 20 {
			var text strings.Builder
			for range 300 {
				word++
				fmt.Fprintf(&text, "w%dx ", word)
			}
			arts = append(arts, news.Article{GUID: fmt.Sprint("r", i, "-", j), Title: fmt.Sprint("Kursk ", i), Text: text.String(), PublishedAt: now})
		}
		mustInsert(t, s, src.ID, arts...)
		freshFailed(s)
		if _, _, _, err := s.RecentMatches(ctx, `"kursk"`, nil, now.Add(-time.Hour), 20); err != nil {
			t.Fatal(err)
		}
	}
	read, err := s.TermSegments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if read != before+12 {
		t.Errorf("twelve reads after a write each: %d segments, want %d (one each, none merged)", read, before+12)
	}
	var automerge int
	if err := s.r.QueryRowContext(ctx, `SELECT v FROM articles_terms_config WHERE k = 'automerge'`).Scan(&automerge); err != nil || automerge != termsAutomerge {
		t.Errorf("stored automerge = %d, %v; want %d", automerge, err, termsAutomerge)
	}
	// The writes that index merge again (FTS5 merges when they have
	// written 64 pages, or when a level holds 16 segments).
	defer func(n int) { indexBatch = n }(indexBatch)
	indexBatch = 1 // each article indexed in the write that stores it
	for i := range 80 {
		mustInsert(t, s, src.ID, news.Article{GUID: fmt.Sprint("w", i), Title: "Kursk", Text: "Deminers at work.", PublishedAt: now})
		written, err := s.TermSegments(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if written < read {
			return
		}
	}
	t.Errorf("80 writes that index after the reads: no merge")
}

// freshFailed makes s's reads index the waiting articles first, as after a
// failed write of the in-memory index, until a commit leaves none waiting.
func freshFailed(s *Store) {
	s.later.mu.Lock()
	defer s.later.mu.Unlock()
	s.later.freshBad = true
}
