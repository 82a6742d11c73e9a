package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/newshound/newshound/query"
)

// TestRefoldIndexesOldTermsAgain: a store indexed before Greek accents and
// the Polish ł were folded (its terms "εκλογές", "łodz") is indexed again at
// the next Open, so a query in either spelling finds the old articles, the
// old terms leave the list of terms, and an article without such a term is
// not touched.
func TestRefoldIndexesOldTermsAgain(t *testing.T) {
	path := filepath.Join(t.TempDir(), "refold.db")
	st := openUpgraded(t, path, 43,
		`INSERT INTO sources (id, name, url, created_at) VALUES (1, 'Wire', 'https://wire.example/rss', 0)`,
		`INSERT INTO articles (id, source_id, guid, url, title, text, published_at, fetched_at, pending) VALUES (1, 1, 'a', 'u1', 'Εκλογές στην Ελλάδα', 'Οι εκλογές', 0, 0, 'done')`,
		`INSERT INTO articles (id, source_id, guid, url, title, text, published_at, fetched_at, pending) VALUES (2, 1, 'b', 'u2', 'Łódź votes', 'In Łódź today', 0, 0, 'done')`,
		`INSERT INTO articles (id, source_id, guid, url, title, text, published_at, fetched_at, pending) VALUES (3, 1, 'c', 'u3', 'Harvest', 'Plain text', 0, 0, 'done')`,
		// As the store indexed them before.
		`INSERT INTO articles_terms (rowid, title, body) VALUES (1, 'εκλογές στην ελλάδα', 'οι εκλογές')`,
		`INSERT INTO articles_terms (rowid, title, body) VALUES (2, 'łodz votes', 'in łodz today')`,
		`INSERT INTO articles_terms (rowid, title, body) VALUES (3, 'harvest', 'plain text marker')`, // "marker": not what it would be now
		`INSERT INTO terms_list (term, docs) VALUES ('εκλογές', 2), ('ελλάδα', 1), ('στην', 1), ('οι', 1), ('łodz', 2), ('votes', 1), ('in', 1), ('today', 1), ('harvest', 1), ('plain', 1), ('text', 1)`,
	)
	wantMatches(t, st, map[string]int{`"εκλογεσ"`: 1, `"ελλαδα"`: 1, `"εκλογές"`: 0, `"lodz"`: 1, `"łodz"`: 0, `"marker"`: 1})
	listed := listedTerms(t, st)
	for _, gone := range []string{"εκλογές", "ελλάδα", "łodz"} {
		if _, ok := listed[gone]; ok {
			t.Errorf("the old term %q is still listed", gone)
		}
	}
	for _, now := range []string{"εκλογεσ", "ελλαδα", "lodz", "harvest"} {
		if _, ok := listed[now]; !ok {
			t.Errorf("the term %q is not listed", now)
		}
	}
	wantDropped(t, st, "terms_refold")
}

// TestRestemIndexesPortuguesePluralsAgain: a store indexed before Portuguese
// plurals in -ões were stemmed as their singulars (its stems "eleico", where
// "eleição" stems to "eleica") is indexed again at the next Open, so a query
// for the singular finds the old article; the terms stay listed, since the
// tokens are still written, and an article without such a word is not
// touched.
func TestRestemIndexesPortuguesePluralsAgain(t *testing.T) {
	path := filepath.Join(t.TempDir(), "restem.db")
	st := openUpgraded(t, path, 44,
		`INSERT INTO sources (id, name, url, created_at) VALUES (1, 'Folha', 'https://folha.example/rss', 0)`,
		`INSERT INTO articles (id, source_id, guid, url, title, text, published_at, fetched_at, pending) VALUES (1, 1, 'a', 'u1', 'As eleições municipais serão em outubro', 'O tribunal eleitoral confirmou a data das eleições e pediu calma aos partidos.', 0, 0, 'done')`,
		`INSERT INTO articles (id, source_id, guid, url, title, text, published_at, fetched_at, pending) VALUES (2, 1, 'b', 'u2', 'Harvest', 'Plain text', 0, 0, 'done')`,
		// As the store indexed them before.
		`INSERT INTO articles_terms (rowid, title, body, tstems, bstems) VALUES (1, 'as eleicoes municipais serao em outubro', 'o tribunal eleitoral confirmou a data das eleicoes e pediu calma aos partidos', 'eleico municip sera outubr', 'eleico confirm dat ped calm part')`,
		`INSERT INTO articles_terms (rowid, title, body, tstems, bstems) VALUES (2, 'harvest', 'plain text marker', '', '')`, // "marker": not what it would be now
		`INSERT INTO terms_list (term, docs) VALUES ('as', 1), ('eleicoes', 1), ('municipais', 1), ('serao', 1), ('em', 1), ('outubro', 1), ('harvest', 1), ('plain', 1), ('text', 1)`,
	)
	wantMatches(t, st, map[string]int{`{tstems} : "eleica"`: 1, `{bstems} : "eleica"`: 1, `"eleico"`: 0, `"marker"`: 1})
	wantFoundOnly(t, st, "title:eleição", 1)
	if _, ok := listedTerms(t, st)["eleicoes"]; !ok {
		t.Error(`the term "eleicoes" left the list of terms`)
	}
	wantDropped(t, st, "terms_restem")
}

// wantMatches checks how many articles of articles_terms each FTS5
// expression of want matches.
func wantMatches(t *testing.T, st *Store, want map[string]int) {
	t.Helper()
	for match, n := range want {
		var got int
		if err := st.w.QueryRow(`SELECT count(*) FROM articles_terms WHERE articles_terms MATCH ?`, match).Scan(&got); err != nil {
			t.Fatalf("%s: %v", match, err)
		}
		if got != n {
			t.Errorf("%s: %d articles, want %d", match, got, n)
		}
	}
}

// wantFoundOnly checks that a search of the query text finds the article
// id and nothing else.
func wantFoundOnly(t *testing.T, st *Store, text string, id int64) {
	t.Helper()
	q, err := query.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	hits, err := st.SearchArticles(context.Background(), q.TermsMatch(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].ID != id {
		t.Errorf("%s found %d articles, want article %d alone", text, len(hits), id)
	}
}

// wantDropped checks that a migration's marker table is gone.
func wantDropped(t *testing.T, st *Store, table string) {
	t.Helper()
	var n int
	if err := st.w.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = ?`, table).Scan(&n); err != nil || n != 0 {
		t.Errorf("the marker table %s is still there (%d, %v)", table, n, err)
	}
}

// TestArabicStemIndexesArabicWordsAgain: an Arabic article indexed before
// Arabic words were stemmed (their own stems) is indexed again by
// 0054_arabic_stem, so that /search of زلزال finds الزلزال.
func TestArabicStemIndexesArabicWordsAgain(t *testing.T) {
	path := filepath.Join(t.TempDir(), "arabic.db")
	st := openUpgraded(t, path, 52,
		`INSERT INTO sources (id, name, url, created_at) VALUES (1, 'Al Jazeera', 'https://aljazeera.example/rss', 0)`,
		`INSERT INTO articles (id, source_id, guid, url, title, text, published_at, fetched_at, pending) VALUES (1, 1, 'a', 'u1', 'الزلزال يضرب المغرب', 'قتلى بالزلزال في الحوز', 0, 0, 'done')`,
		// As the store indexed it before: Arabic words were their own stems.
		`INSERT INTO articles_terms (rowid, title, body, tstems, bstems) VALUES (1, 'الزلزال يضرب المغرب', 'قتلى بالزلزال في الحوز', '', '')`,
		`INSERT INTO terms_list (term, docs) VALUES ('الزلزال', 1), ('يضرب', 1), ('المغرب', 1), ('قتلى', 1), ('بالزلزال', 1), ('في', 1), ('الحوز', 1)`,
	)
	wantFoundOnly(t, st, "زلزال", 1)
	wantDropped(t, st, "terms_arabic")
}

// TestPersianFoldIndexesPersianLettersAgain: an article indexed before
// Persian keheh and yeh were written as Arabic kaf and yeh (its terms
// "کرمان", "ایران") is indexed again by 0056_persian_fold, so that a query
// typed on an Arabic keyboard finds it; the old terms leave the list of
// terms, and an article without such a letter is not touched.
func TestPersianFoldIndexesPersianLettersAgain(t *testing.T) {
	path := filepath.Join(t.TempDir(), "persian.db")
	st := openUpgraded(t, path, 55,
		// A database at 55 has run the earlier passes: their markers are gone.
		`DROP TABLE terms_refold`, `DROP TABLE terms_restem`, `DROP TABLE terms_arabic`,
		`INSERT INTO sources (id, name, url, created_at) VALUES (1, 'BBC Persian', 'https://persian.example/rss', 0)`,
		`INSERT INTO articles (id, source_id, guid, url, title, text, published_at, fetched_at, pending) VALUES (1, 1, 'a', 'u1', 'زلزله در کرمان', 'زلزله ایران را لرزاند', 0, 0, 'done')`,
		`INSERT INTO articles (id, source_id, guid, url, title, text, published_at, fetched_at, pending) VALUES (2, 1, 'b', 'u2', 'Harvest', 'Plain text', 0, 0, 'done')`,
		// As the store indexed them before: the Persian letters as typed.
		`INSERT INTO articles_terms (rowid, title, body, tstems, bstems) VALUES (1, 'زلزله در کرمان', 'زلزله ایران را لرزاند', '', '')`,
		`INSERT INTO articles_terms (rowid, title, body, tstems, bstems) VALUES (2, 'harvest', 'plain text marker', '', '')`, // "marker": not what it would be now
		`INSERT INTO terms_list (term, docs) VALUES ('زلزله', 1), ('در', 1), ('کرمان', 1), ('ایران', 1), ('را', 1), ('لرزاند', 1), ('harvest', 1), ('plain', 1), ('text', 1)`,
	)
	for _, typed := range []string{"كرمان", "کرمان", "ايران"} {
		wantFoundOnly(t, st, typed, 1)
	}
	wantMatches(t, st, map[string]int{`{title} : "كرمان"`: 1, `{body} : "ايران"`: 1, `"کرمان"`: 0, `"marker"`: 1})
	listed := listedTerms(t, st)
	for _, gone := range []string{"کرمان", "ایران"} {
		if _, ok := listed[gone]; ok {
			t.Errorf("the old term %q is still listed", gone)
		}
	}
	for _, now := range []string{"كرمان", "ايران", "harvest"} {
		if _, ok := listed[now]; !ok {
			t.Errorf("the term %q is not listed", now)
		}
	}
	wantDropped(t, st, "terms_persian")
}

// TestMarksFoldIndexesPointedWordsAgain: articles indexed before Hebrew
// points and Arabic vowel marks were dropped (their terms "שָׁלוֹם",
// "أيضاً") or a keycap ("7⃣", now the digit) are indexed again by
// 0065_marks_fold, so that the words typed without marks find them; the marked terms leave the list of terms, and an
// article without marks is not touched.
func TestMarksFoldIndexesPointedWordsAgain(t *testing.T) {
	path := filepath.Join(t.TempDir(), "marks.db")
	st := openUpgraded(t, path, 64,
		// A database at 64 has run the earlier passes: their markers are gone.
		`DROP TABLE terms_refold`, `DROP TABLE terms_restem`, `DROP TABLE terms_arabic`, `DROP TABLE terms_persian`,
		`INSERT INTO sources (id, name, url, created_at) VALUES (1, 'Kan', 'https://kan.example/rss', 0)`,
		`INSERT INTO articles (id, source_id, guid, url, title, text, published_at, fetched_at, pending) VALUES (1, 1, 'a', 'u1', 'שָׁלוֹם בירושלים', 'قال أيضاً الوزير 7⃣', 0, 0, 'done')`,
		`INSERT INTO articles (id, source_id, guid, url, title, text, published_at, fetched_at, pending) VALUES (2, 1, 'b', 'u2', 'Harvest', 'Plain text', 0, 0, 'done')`,
		// As the store indexed them before: the marks as written.
		`INSERT INTO articles_terms (rowid, title, body, tstems, bstems) VALUES (1, 'שָׁלוֹם בירושלים', 'قال أيضاً الوزير 7⃣', '', '')`,
		`INSERT INTO articles_terms (rowid, title, body, tstems, bstems) VALUES (2, 'harvest', 'plain text marker', '', '')`, // "marker": not what it would be now
		`INSERT INTO terms_list (term, docs) VALUES ('שָׁלוֹם', 1), ('בירושלים', 1), ('قال', 1), ('أيضاً', 1), ('الوزير', 1), ('7⃣', 1), ('harvest', 1), ('plain', 1), ('text', 1)`,
	)
	for _, typed := range []string{"שלום", "שָׁלוֹם", "أيضا", "أيضاً", "7"} {
		wantFoundOnly(t, st, typed, 1)
	}
	wantMatches(t, st, map[string]int{`"marker"`: 1})
	listed := listedTerms(t, st)
	for _, gone := range []string{"שָׁלוֹם", "أيضاً", "7⃣"} {
		if _, ok := listed[gone]; ok {
			t.Errorf("the old term %q is still listed", gone)
		}
	}
	for _, now := range []string{"שלום", "harvest"} {
		if _, ok := listed[now]; !ok {
			t.Errorf("the term %q is not listed", now)
		}
	}
	wantDropped(t, st, "terms_marks")
}
