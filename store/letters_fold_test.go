package store

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// TestLettersFoldIndexesTurkishAndRussianAgain: articles indexed before Turkish
// ı was read as i and Russian ё as е (their terms "diyarbakır", "пётр",
// "ещё") are indexed again by 0066_letters_fold, so that the words typed
// either way find them; the old terms leave the list of terms, and an
// article without such a letter is not touched.
func TestLettersFoldIndexesTurkishAndRussianAgain(t *testing.T) {
	path := filepath.Join(t.TempDir(), "letters.db")
	st := openUpgraded(t, path, 65,
		// A database at 65 has run the earlier passes: their markers are gone.
		`DROP TABLE terms_refold`, `DROP TABLE terms_restem`, `DROP TABLE terms_arabic`, `DROP TABLE terms_persian`, `DROP TABLE terms_marks`,
		`INSERT INTO sources (id, name, url, created_at) VALUES (1, 'Anadolu', 'https://aa.example/rss', 0)`,
		`INSERT INTO articles (id, source_id, guid, url, title, text, published_at, fetched_at, pending) VALUES (1, 1, 'a', 'u1', 'Diyarbakır''da deprem', 'AFAD ekipleri Iğdır''dan yola çıktı', 0, 0, 'done')`,
		`INSERT INTO articles (id, source_id, guid, url, title, text, published_at, fetched_at, pending) VALUES (2, 1, 'b', 'u2', 'Пётр Первый', 'Музей открыл ещё два зала', 0, 0, 'done')`,
		`INSERT INTO articles (id, source_id, guid, url, title, text, published_at, fetched_at, pending) VALUES (3, 1, 'c', 'u3', 'Harvest', 'Plain text', 0, 0, 'done')`,
		// As the store indexed them before: ı and ё as written (İ folded to i already).
		`INSERT INTO articles_terms (rowid, title, body, tstems, bstems) VALUES (1, 'diyarbakır da deprem', 'afad ekipleri ığdır dan yola çıktı', '', '')`,
		`INSERT INTO articles_terms (rowid, title, body, tstems, bstems) VALUES (2, 'пётр первый', 'музей открыл ещё два зала', '', '')`,
		`INSERT INTO articles_terms (rowid, title, body, tstems, bstems) VALUES (3, 'harvest', 'plain text marker', '', '')`, // "marker": not what it would be now
		`INSERT INTO terms_list (term, docs) VALUES ('diyarbakır', 1), ('da', 1), ('deprem', 1), ('afad', 1), ('ekipleri', 1), ('ığdır', 1), ('dan', 1), ('yola', 1), ('çıktı', 1), ('пётр', 1), ('первый', 1), ('музей', 1), ('открыл', 1), ('ещё', 1), ('два', 1), ('зала', 1), ('harvest', 1), ('plain', 1), ('text', 1)`,
	)
	for typed, id := range map[string]int64{"diyarbakir": 1, "Diyarbakır": 1, "DIYARBAKIR": 1, "igdir": 1, "Iğdır": 1, "петр": 2, "Пётр": 2, "еще": 2, `"ещё два"`: 2} {
		wantFoundOnly(t, st, typed, id)
	}
	wantMatches(t, st, map[string]int{`{title} : "diyarbakir"`: 1, `{body} : "еще"`: 1, `"пётр"`: 0, `"marker"`: 1})
	listed := listedTerms(t, st)
	for _, gone := range []string{"diyarbakır", "ığdır", "çıktı", "пётр", "ещё"} {
		if _, ok := listed[gone]; ok {
			t.Errorf("the old term %q is still listed", gone)
		}
	}
	for _, now := range []string{"diyarbakir", "igdir", "cikti", "петр", "еще", "harvest"} {
		if _, ok := listed[now]; !ok {
			t.Errorf("the term %q is not listed", now)
		}
	}
	wantDropped(t, st, "terms_letters")
}

// spellingArticles are headlines as Turkish, Russian and English outlets
// print them, with the spellings that the tokenizer reads one way in an
// article and another in a query.
var spellingArticles = []news.Article{
	{GUID: "tr1", Title: "Diyarbakır'da deprem: 1.000 bina hasar gördü", Text: "AFAD, İstanbul ve Iğdır'dan ekip gönderdi."},
	{GUID: "tr2", Title: "Ülke genelinde ılık hava", Text: "Sıcaklıklar 2024 yılında mevsim normallerinin üzerinde."},
	{GUID: "ru1", Title: "Пётр Первый и ещё 1 000 экспонатов", Text: "Музей на Ёлке открыл 10 000 залов."},
	{GUID: "ru2", Title: "Петр Первый", Text: "Еще 1000 экспонатов на елке."},
	{GUID: "en1", Title: "Phishing by e-mail rises after COVID-19", Text: "O'Neill said the G-7 would meet; 1,000,000 accounts."},
	{GUID: "en2", Title: "Email scams and covid19 vaccines", Text: "Oneill and the G7 leaders; hotline 0800 100 200."},
	{GUID: "en3", Title: "Votes: 3-1 in the final", Text: "The 1.5 litre bottle costs 2 024 yen."},
}

// spellingQueries are typed as people type them, in each spelling.
var spellingQueries = []string{
	"diyarbakir", "Diyarbakır", "istanbul", "İstanbul", "ıstanbul", "igdir", "ılık", "ilik", "sicakliklar",
	"петр", "Пётр", "еще", "ещё", `"ещё 1 000"`, "ёлке", "елке", "title:петр",
	"1000", "1,000", "1.000", "10000", "1000000", `"1 000"`, "2024", "0800", "3-1", "31", "1.5", "15",
	"e-mail", "email", `"e mail"`, "covid19", "covid-19", "title:covid-19", "o'neill", "oneill", "g7", "G-7",
	"deprem 1000", "e-mail -covid19", "(1000 OR 2024) -петр",
}

// TestSearchFindsEverySpellingTheMatcherFinds is a differential test of the
// two sides of a query: every article that the matcher (query.Match, what
// alerts use) finds for a query, /search (the FTS5 filter of the store's
// index of the same tokens) finds too, whatever the spelling of query and
// article; and the matcher finds each article in at least one spelling.
func TestSearchFindsEverySpellingTheMatcherFinds(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 12, 2, 1, 0, 0, 0, time.UTC)
	s := newSearchStore(t, &now)
	src := wireSource(t, s)
	arts := make([]news.Article, len(spellingArticles))
	for i, a := range spellingArticles {
		a.PublishedAt = now.Add(-time.Duration(i) * time.Minute)
		arts[i] = a
	}
	added := mustInsert(t, s, src.ID, arts...)
	indexed(t, s)
	found := map[string]bool{}
	for _, text := range spellingQueries {
		q, err := query.Parse(text)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		hits, err := s.SearchArticles(ctx, q.TermsMatch(), 100)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		searched := map[int64]bool{}
		for _, h := range hits {
			searched[h.ID] = true
		}
		for _, a := range added {
			if !q.Match(query.NewDocument(a)) {
				continue
			}
			found[a.GUID] = true
			if !searched[a.ID] {
				t.Errorf("%s (%s): the matcher finds %q, /search does not", text, q, a.Title)
			}
		}
	}
	for _, a := range added {
		if !found[a.GUID] {
			t.Errorf("no query finds %q", a.Title)
		}
	}
	if t.Failed() {
		t.Log(fmt.Sprint(len(spellingQueries), " queries, ", len(added), " articles"))
	}
}

// TestLettersFoldSaysTheStartDoesNotWait: a start with articles to index
// again does not wait for them: Open says, with how many, that they are
// indexed again in the background and what /search misses until then, and
// returns with the article still marked and indexed as before; the line
// that says it is done comes from the step that finishes.
func TestLettersFoldSaysTheStartDoesNotWait(t *testing.T) {
	path := filepath.Join(t.TempDir(), "letters.db")
	old := openAtVersion(t, path, 65)
	for _, q := range []string{
		`DROP TABLE terms_refold`, `DROP TABLE terms_restem`, `DROP TABLE terms_arabic`, `DROP TABLE terms_persian`, `DROP TABLE terms_marks`,
		`INSERT INTO sources (id, name, url, created_at) VALUES (1, 'ТАСС', 'https://tass.example/rss', 0)`,
		`INSERT INTO articles (id, source_id, guid, url, title, text, published_at, fetched_at, pending) VALUES (1, 1, 'a', 'u1', 'Пётр Первый', 'Музей открыл ещё два зала', 0, 0, 'done')`,
		`INSERT INTO articles_terms (rowid, title, body, tstems, bstems) VALUES (1, 'пётр первый', 'музей открыл ещё два зала', '', '')`,
		`INSERT INTO terms_list (term, docs) VALUES ('пётр', 1), ('первый', 1), ('музей', 1), ('открыл', 1), ('ещё', 1), ('два', 1), ('зала', 1)`,
	} {
		if _, err := old.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	markIndexed(t, old, 65)
	old.Close()
	var logged bytes.Buffer
	st, err := OpenLogged(context.Background(), path, nil, slog.New(slog.NewTextHandler(&logged, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	const done = "articles indexed again for Turkish ı read as i and Russian ё as е"
	if out := logged.String(); !strings.Contains(out, `re-indexing articles in the background; /search finds their ı/ё spellings when done" articles=1 pass=terms_letters`) || strings.Contains(out, done) {
		t.Errorf("Open does not say that the re-indexing runs in the background, or says it is done:\n%s", out)
	}
	if markedRows(t, st, "terms_letters") != 1 {
		t.Error("the article is not marked after Open")
	}
	wantMatches(t, st, map[string]int{`"пётр"`: 1, `"петр"`: 0})
	at := logged.Len()
	reindexed(t, st)
	if !strings.Contains(logged.String()[at:], done+`" articles=1`) {
		t.Errorf("the end of the re-indexing is not logged after the start:\n%s", logged.String())
	}
	wantMatches(t, st, map[string]int{`"пётр"`: 0, `"петр"`: 1})
	wantDropped(t, st, "terms_letters")
}
