package store

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// reindexed runs the re-indexing that Open marked to its end, as the
// bot's background task does, and returns how many steps it took.
func reindexed(t testing.TB, st *Store) int {
	t.Helper()
	steps := 0
	for st.Reindexing() > 0 {
		if _, err := st.ReindexStep(context.Background()); err != nil {
			t.Fatal(err)
		}
		steps++
	}
	return steps
}

// markedRows returns how many articles the marker table holds.
func markedRows(t *testing.T, st *Store, marker string) int {
	t.Helper()
	var n int
	if err := st.w.QueryRow(`SELECT count(*) FROM ` + marker).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// docTerms returns the terms of each article in articles_terms, as FTS5
// holds them (term, column and offset), by id.
func docTerms(t *testing.T, st *Store) map[int64][]string {
	t.Helper()
	if _, err := st.w.Exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms_instance USING fts5vocab(main, articles_terms, 'instance')`); err != nil {
		t.Fatal(err)
	}
	rows, err := st.w.Query(`SELECT doc, term, col, offset FROM temp.terms_instance ORDER BY doc, col, offset, term`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int64][]string{}
	for rows.Next() {
		var doc, offset int64
		var term, col string
		if err := rows.Scan(&doc, &term, &col, &offset); err != nil {
			t.Fatal(err)
		}
		out[doc] = append(out[doc], fmt.Sprint(col, ":", offset, ":", term))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// newLettersTerms returns docTerms of a new store that stored
// russianArticle 0 to n-1 (ids 1 to n): the terms a re-indexing done at
// once, as Open did before, leaves too.
func newLettersTerms(t *testing.T, n int) map[int64][]string {
	t.Helper()
	st, err := Open(context.Background(), filepath.Join(t.TempDir(), "new.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	src, err := st.UpsertSource(context.Background(), "ТАСС", "https://tass.example/rss", "config")
	if err != nil {
		t.Fatal(err)
	}
	arts := make([]news.Article, n)
	for i := range arts {
		arts[i] = russianArticle(i)
	}
	if _, err := st.InsertArticles(context.Background(), src.ID, arts); err != nil {
		t.Fatal(err)
	}
	indexed(t, st)
	return docTerms(t, st)
}

// wantTermsNow checks that the articles ids are indexed as in want (the
// new store's index) when now is true, else otherwise (as before
// 0066_letters_fold, ё kept).
func wantTermsNow(t *testing.T, st *Store, want map[int64][]string, now bool, ids ...int64) {
	t.Helper()
	got := docTerms(t, st)
	for _, id := range ids {
		if len(want[id]) == 0 {
			t.Fatalf("article %d: no terms in the new store", id)
		}
		if same := slices.Equal(got[id], want[id]); same != now {
			t.Errorf("article %d: terms as a new store's %v, want %v", id, same, now)
		}
	}
}

func ids(from, to int64) []int64 {
	var out []int64
	for id := from; id <= to; id++ {
		out = append(out, id)
	}
	return out
}

// TestReindexRunsInTheBackgroundAfterOpen: Open of a store whose articles
// 0066_letters_fold marked returns with them still marked and indexed as
// before, and says that they are indexed again in the background; each
// ReindexStep then indexes refoldBatch of them again; a restart part way
// resumes with those left (not all again); at the end every article is
// indexed as a synchronous re-indexing (or a new store) indexes it, the
// old terms left terms_list, the marker is gone, and /search finds the
// articles by the ё spelling and the е one. The progress is logged at most
// once a minute of the store's clock, and the end once.
func TestReindexRunsInTheBackgroundAfterOpen(t *testing.T) {
	const n = 2*refoldBatch + 50
	path := filepath.Join(t.TempDir(), "letters.db")
	oldLettersDB(t, path, true, n)
	want := newLettersTerms(t, n)
	now := time.Date(2026, 12, 2, 2, 0, 0, 0, time.UTC)
	var logged bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logged, nil))
	open := func() *Store {
		st, err := OpenLogged(context.Background(), path, func() time.Time { return now }, log)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	st := open()
	if !strings.Contains(logged.String(), "re-indexing articles in the background; /search finds their ı/ё spellings when done\" articles=450 pass=terms_letters") {
		t.Errorf("Open does not say that it re-indexes 450 articles in the background:\n%s", logged.String())
	}
	if got := markedRows(t, st, "terms_letters"); got != n || st.Reindexing() != n {
		t.Fatalf("after Open %d articles marked, %d waiting, want %d", got, st.Reindexing(), n)
	}
	wantTermsNow(t, st, want, false, ids(1, n)...)

	left, err := st.ReindexStep(context.Background())
	if err != nil || left != n-refoldBatch {
		t.Fatalf("the first step leaves %d (%v), want %d", left, err, n-refoldBatch)
	}
	wantTermsNow(t, st, want, true, ids(1, refoldBatch)...)
	wantTermsNow(t, st, want, false, ids(refoldBatch+1, n)...)
	if strings.Contains(logged.String(), "articles_left") {
		t.Errorf("progress logged before a minute passed:\n%s", logged.String())
	}

	// A crash here: the files as they are, copied while the store runs
	// (the last step committed), opened as a start after it would.
	crashed := filepath.Join(t.TempDir(), "crashed.db")
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(path + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(crashed+suffix, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	after, err := Open(context.Background(), crashed, nil)
	if err != nil {
		t.Fatal(err)
	}
	if after.Reindexing() != n-refoldBatch || markedRows(t, after, "terms_letters") != n-refoldBatch {
		t.Errorf("after a crash %d articles wait, want %d", after.Reindexing(), n-refoldBatch)
	}
	reindexed(t, after)
	if got := docTerms(t, after); !maps.EqualFunc(got, want, slices.Equal) {
		t.Error("after a crash part way the re-indexing does not end as a new store's index")
	}
	after.Close()

	// A stop here.
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	logged.Reset()
	st = open()
	defer st.Close()
	if !strings.Contains(logged.String(), "articles=250 pass=terms_letters") || st.Reindexing() != n-refoldBatch {
		t.Errorf("the restart does not resume with the 250 articles left (%d):\n%s", st.Reindexing(), logged.String())
	}
	now = now.Add(refoldEvery)
	if left, err := st.ReindexStep(context.Background()); err != nil || left != 50 {
		t.Fatalf("the second step leaves %d (%v), want 50", left, err)
	}
	if !strings.Contains(logged.String(), "articles_left=50 pass=terms_letters") {
		t.Errorf("no progress logged after a minute:\n%s", logged.String())
	}
	wantTermsNow(t, st, want, false, ids(2*refoldBatch+1, n)...)
	if left, err := st.ReindexStep(context.Background()); err != nil || left != 0 {
		t.Fatalf("the last step leaves %d (%v), want 0", left, err)
	}
	if got := strings.Count(logged.String(), "articles indexed again for Turkish ı read as i and Russian ё as е\" articles=250"); got != 1 {
		t.Errorf("the end is logged %d times, want once:\n%s", got, logged.String())
	}
	if got := strings.Count(logged.String(), "articles_left"); got != 1 {
		t.Errorf("progress logged %d times, want once:\n%s", got, logged.String())
	}
	wantTermsNow(t, st, want, true, ids(1, n)...)
	if got := docTerms(t, st); len(got) != n {
		t.Errorf("%d articles indexed, want %d", len(got), n)
	}
	wantDropped(t, st, "terms_letters")
	listed := listedTerms(t, st)
	for _, gone := range []string{"пётр", "ещё", "всё", "королёв"} {
		if _, ok := listed[gone]; ok {
			t.Errorf("the old term %q is still listed", gone)
		}
	}
	for _, typed := range []string{"Пётр", "петр", "ещё", "еще"} {
		q, err := query.Parse(typed)
		if err != nil {
			t.Fatal(err)
		}
		hits, err := st.SearchArticles(context.Background(), q.TermsMatch(), n+1)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 {
			t.Errorf("/search %s finds nothing after the re-indexing", typed)
		}
	}
	if left, err := st.ReindexStep(context.Background()); err != nil || left != 0 {
		t.Errorf("a step after the end: %d left, %v", left, err)
	}
}

// TestReindexUnmarkedStoreDoesNothing: a store with nothing marked has
// nothing to re-index, and a step does not touch the database (a stopped
// context, which every write refuses, does not fail it).
func TestReindexUnmarkedStoreDoesNothing(t *testing.T) {
	st, err := Open(context.Background(), filepath.Join(t.TempDir(), "new.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if left, err := st.ReindexStep(ctx); err != nil || left != 0 || st.Reindexing() != 0 {
		t.Errorf("a step of an unmarked store: %d left, %v", left, err)
	}
}
