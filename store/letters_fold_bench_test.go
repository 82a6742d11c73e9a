package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/newshound/newshound/news"
)

// reindexArticles is how many articles with ё a benchmark database holds.
const reindexArticles = 1000

// russianWords make the text of an article of a Russian outlet that writes
// ё: about one word in six holds it, as in a dictionary-spelled text.
var russianWords = strings.Fields(`ещё всё её Пётр Королёв объём решённый
	правительство заявило что в области продолжаются работы по восстановлению
	энергосистемы после обстрелов жители получили воду и тепло мэр города
	сообщил о новых мерах поддержки семей пострадавших отмечается рост цен
	на продукты в регионе эксперты ожидают снижения инфляции к концу года`)

// russianArticle returns the i-th article: a title of 8 words and a text of
// 250, each a different turn through russianWords.
func russianArticle(i int) news.Article {
	words := func(n, from int) string {
		out := make([]string, n)
		for k := range out {
			out[k] = russianWords[(from+k*7)%len(russianWords)]
		}
		return strings.Join(out, " ")
	}
	return news.Article{GUID: fmt.Sprint("ru", i), Title: words(8, i), Text: words(250, i*3) + ".", PublishedAt: time.Unix(int64(1_700_000_000+i), 0)}
}

// oldLettersDB makes at path a store of n Russian articles (russianArticle
// 0 to n-1, ids 1 to n) indexed as before 0066_letters_fold, ё kept in
// their terms, with the marker table when marked.
func oldLettersDB(b testing.TB, path string, marked bool, n int) {
	ctx := context.Background()
	st, err := Open(ctx, path, nil)
	if err != nil {
		b.Fatal(err)
	}
	src, err := st.UpsertSource(ctx, "ТАСС", "https://tass.example/rss", "config")
	if err != nil {
		b.Fatal(err)
	}
	arts := make([]news.Article, n)
	for i := range arts {
		arts[i] = russianArticle(i)
	}
	added, err := st.InsertArticles(ctx, src.ID, arts)
	if err != nil {
		b.Fatal(err)
	}
	indexed(b, st)
	old := func(s string) string {
		return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
	}
	for _, a := range added {
		var tstems, bstems string
		if err := st.w.QueryRowContext(ctx, `SELECT coalesce(tstems, ''), coalesce(bstems, '') FROM articles_terms WHERE rowid = ?`, a.ID).Scan(&tstems, &bstems); err != nil {
			b.Fatal(err)
		}
		for _, q := range []string{`DELETE FROM articles_terms WHERE rowid = ?`, `INSERT INTO articles_terms (rowid, title, body, tstems, bstems) VALUES (?, ?, ?, ?, ?)`} {
			args := []any{a.ID}
			if strings.HasPrefix(q, "INSERT") {
				args = append(args, old(a.Title), old(a.Text), tstems, bstems)
			}
			if _, err := st.w.ExecContext(ctx, q, args...); err != nil {
				b.Fatal(err)
			}
		}
	}
	for _, w := range russianWords {
		if w = strings.ToLower(w); strings.ContainsRune(w, 'ё') {
			if _, err := st.w.ExecContext(ctx, `INSERT OR IGNORE INTO terms_list (term, docs) VALUES (?, ?)`, w, n); err != nil {
				b.Fatal(err)
			}
		}
	}
	if marked {
		if _, err := st.w.ExecContext(ctx, `CREATE TABLE terms_letters (started INTEGER NOT NULL)`); err != nil {
			b.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkLettersFoldOpen times the Open of a store of reindexArticles
// Russian articles with ё, with 0066_letters_fold's marker (the articles
// marked, not indexed again: ReindexStep does that later) and without (the
// Open alone); the difference is what the marking adds to the start.
func BenchmarkLettersFoldOpen(b *testing.B) {
	for _, marked := range []bool{false, true} {
		b.Run(fmt.Sprint("marked=", marked), func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				path := filepath.Join(b.TempDir(), fmt.Sprint("letters", i, ".db"))
				oldLettersDB(b, path, marked, reindexArticles)
				b.StartTimer()
				st, err := Open(context.Background(), path, nil)
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				if want := map[bool]int{true: reindexArticles}[marked]; st.Reindexing() != want {
					b.Fatalf("%d articles marked, want %d", st.Reindexing(), want)
				}
				st.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/reindexArticles, "µs/article")
		})
	}
}

// BenchmarkLettersFoldBatch times the background re-indexing of the
// reindexArticles articles that Open marked, ReindexStep after step: the
// cost of an article and of a batch (one write transaction).
func BenchmarkLettersFoldBatch(b *testing.B) {
	steps := 0
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), fmt.Sprint("letters", i, ".db"))
		oldLettersDB(b, path, true, reindexArticles)
		st, err := Open(context.Background(), path, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		steps += reindexed(b, st)
		b.StopTimer()
		var n int
		if err := st.w.QueryRow(`SELECT count(*) FROM articles_terms WHERE articles_terms MATCH '"еще"'`).Scan(&n); err != nil || n != reindexArticles {
			b.Fatalf("%d articles indexed again (%v), want %d", n, err, reindexArticles)
		}
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/reindexArticles, "µs/article")
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(steps), "ms/batch")
}
