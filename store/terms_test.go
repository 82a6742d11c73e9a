package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestTermsMigrationUpgradesStoredArticles: a database of the release before
// 0020 (articles_fts over the raw text, text stored plain) opens with every
// finished article in articles_terms, found by its stems, its text and
// summary compressed and read back as they were, the article waiting for its
// text left out of the index until its text step, and the old index gone.
// The upgrade resumes where a stop left it.
func TestTermsMigrationUpgradesStoredArticles(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old := openAtVersion(t, path, 13)
	long := strings.Repeat("Deminers cleared the fields near the village again. ", 12)
	stmts := []string{`INSERT INTO sources (id, name, url, created_at) VALUES (1, 'Wire', 'https://wire.example/rss', 0)`}
	for i := 1; i <= 1200; i++ {
		stmts = append(stmts, fmt.Sprintf(`INSERT INTO articles (id, source_id, guid, url, title, text, summary, published_at, fetched_at, pending)
			VALUES (%d, 1, 'g%d', 'https://wire.example/%d', 'Story %d', '%s', 'Deminers cleared the fields near the village.', %d, %d, '')`, i, i, i, i, long, i, i))
	}
	stmts = append(stmts,
		`INSERT INTO articles (id, source_id, guid, url, title, text, published_at, fetched_at, pending) VALUES (1201, 1, 'w', 'https://wire.example/w', 'Teaser of Kursk', 'wait', 0, 0, 'text')`,
	)
	if _, err := old.Exec("BEGIN;\n" + strings.Join(stmts, ";\n") + ";\nCOMMIT"); err != nil {
		t.Fatal(err)
	}
	old.Close()

	st, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for q, want := range map[string]int64{
		`SELECT count(*) FROM articles_terms WHERE articles_terms MATCH 'deminer'`:                    1200, // the stem of deminers
		`SELECT count(*) FROM articles_terms WHERE articles_terms MATCH 'kursk'`:                      0,    // waits for its text
		`SELECT count(*) FROM articles WHERE typeof(text) = 'blob' AND typeof(summary) = 'text'`:      1200, // the summary is too short to pack
		`SELECT count(*) FROM sqlite_master WHERE name IN ('articles_fts', 'terms_backfill')`:         0,
		`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'articles_fts%'`:     0,
		`SELECT sum(length(text)) < 1200 * length('` + long + `') / 4 FROM articles WHERE id <= 1200`: 1,
	} {
		var got int64
		if err := st.w.QueryRowContext(ctx, q).Scan(&got); err != nil || got != want {
			t.Errorf("%s = %d, %v; want %d", q, got, err, want)
		}
	}
	a, err := st.FindArticle(ctx, 7)
	if err != nil || a.Text != long || a.Summary != "Deminers cleared the fields near the village." {
		t.Errorf("article 7 reads back %q / %q, %v", a.Text, a.Summary, err)
	}
	if err := st.UpdateArticleText(ctx, 1201, "Full text from Kursk.", "Kursk."); err != nil {
		t.Fatal(err)
	}
	hits, err := st.SearchArticles(ctx, `{title body tstems bstems} : "kursk"`, 10)
	if err != nil || len(hits) != 1 || hits[0].ID != 1201 || hits[0].Text != "Full text from Kursk." {
		t.Errorf("after the text step: %v, %v", hits, err)
	}
	if _, err := st.w.ExecContext(ctx, `INSERT INTO articles_terms (articles_terms) VALUES ('integrity-check')`); err != nil {
		t.Errorf("integrity-check: %v", err)
	}
}

// TestTermsUpgradeResumes: an upgrade stopped part way (terms_backfill still
// names where it was) does the rest at the next Open, and only the rest.
func TestTermsUpgradeResumes(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "resume.db")
	old := openAtVersion(t, path, 13)
	for _, q := range []string{
		`INSERT INTO sources (id, name, url, created_at) VALUES (1, 'Wire', 'https://wire.example/rss', 0)`,
		`INSERT INTO articles (id, source_id, guid, url, title, text, published_at, fetched_at) VALUES (1, 1, 'a', 'u1', 'Harvest', 'Old text', 0, 0)`,
		`INSERT INTO articles (id, source_id, guid, url, title, text, published_at, fetched_at) VALUES (2, 1, 'b', 'u2', 'Harvest', 'New text', 0, 0)`,
	} {
		if _, err := old.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	body, err := migrationFiles.ReadFile("migrations/0020_terms.sql")
	if err != nil {
		t.Fatal(err)
	}
	// 0020 ran and the upgrade did article 2 before a stop.
	for _, q := range []string{string(body), `INSERT INTO schema_migrations VALUES (20, 0)`,
		`INSERT INTO articles_terms (rowid, title, body) VALUES (2, 'harvest', 'new text')`, `UPDATE terms_backfill SET below = 2`} {
		if _, err := old.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	old.Close()
	st, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, tt := range []struct {
		match string
		want  int
	}{{"harvest", 2}, {"old", 1}, {"new", 1}} {
		var n int
		if err := st.w.QueryRowContext(ctx, `SELECT count(*) FROM articles_terms WHERE articles_terms MATCH ?`, tt.match).Scan(&n); err != nil || n != tt.want {
			t.Errorf("%s: %d entries (%v), want %d", tt.match, n, err, tt.want)
		}
	}
}

func TestPackedTextRoundTrips(t *testing.T) {
	long := strings.Repeat("news text ", 100)
	for _, tt := range []struct{ text, summary string }{
		{"", ""}, {"short", "s"}, {long, ""}, {long, "news text news text."}, {"Курской области " + strings.Repeat("б", 300), "Курской"}, {"", long},
	} {
		textCol, summaryCol := packArticle(tt.text, tt.summary)
		text, summary, err := unpackArticle(textCol, summaryCol)
		if err != nil || text != tt.text || summary != tt.summary {
			t.Errorf("packArticle(%.20q, %.20q) reads back %.20q, %.20q, %v", tt.text, tt.summary, text, summary, err)
		}
	}
	if textCol, summaryCol := packArticle(long, "news text news text."); !bytes.HasPrefix(fmt.Appendf(nil, "%T", textCol), []byte("[]uint8")) || summaryCol != "" {
		t.Errorf("long text is stored as %T, summary %q; want deflate data and ''", textCol, summaryCol)
	}
	if _, _, err := unpackArticle([]byte("not deflate"), ""); !errors.Is(err, errPacked) {
		t.Errorf("a BLOB that is not deflate data: %v, want errPacked", err)
	}
}

// TestTermsLeavesOf8000Bytes: from 0051 articles_terms writes leaves of
// about 8,000 bytes; the leaves a store wrote before stay readable beside
// them: words and phrases are found in both, and FTS5's integrity check
// passes.
func TestTermsLeavesOf8000Bytes(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "leaves.db")
	old := openAtVersion(t, path, 49)
	body := func(i int) string {
		var b strings.Builder
		for j := range 60 {
			fmt.Fprintf(&b, "w%d w%d harvest ", (i*61+j)%997, j)
		}
		return b.String()
	}
	var stmts []string
	for i := 1; i <= 300; i++ {
		stmts = append(stmts, fmt.Sprintf(`INSERT INTO articles_terms (rowid, title, body, tstems, bstems) VALUES (%d, 'before %d', 'old deminers %s', '', '')`, i, i, body(i)))
	}
	if _, err := old.Exec("BEGIN;\n" + strings.Join(stmts, ";\n") + ";\nCOMMIT"); err != nil {
		t.Fatal(err)
	}
	var oldMax int64
	if err := old.QueryRow(`SELECT max(length(block)) FROM articles_terms_data`).Scan(&oldMax); err != nil {
		t.Fatal(err)
	}
	old.Close()
	if oldMax > 4100 {
		t.Fatalf("before 0051 a leaf of %d bytes; want FTS5's default size, about 4,050", oldMax)
	}

	st, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	err = st.tx(ctx, func(tx *wtx) error {
		for i := 301; i <= 600; i++ {
			if err := st.indexTerms(ctx, tx, int64(i), fmt.Sprintf("after %d", i), "new deminers "+body(i)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int64{
		`SELECT v FROM articles_terms_config WHERE k = 'pgsz'`:                            8000,
		`SELECT max(length(block)) > 6000 FROM articles_terms_data`:                       1, // the new segment's leaves
		`SELECT count(*) FROM articles_terms WHERE articles_terms MATCH 'deminers'`:       600,
		`SELECT count(*) FROM articles_terms WHERE articles_terms MATCH '"old deminers"'`: 300,
		`SELECT count(*) FROM articles_terms WHERE articles_terms MATCH '"new deminers"'`: 300,
		`SELECT count(*) FROM articles_terms WHERE articles_terms MATCH '"w5 harvest"'`:   600,
	} {
		var got int64
		if err := st.w.QueryRowContext(ctx, q).Scan(&got); err != nil || got != want {
			t.Errorf("%s = %d, %v; want %d", q, got, err, want)
		}
	}
	if _, err := st.w.ExecContext(ctx, `INSERT INTO articles_terms (articles_terms) VALUES ('integrity-check')`); err != nil {
		t.Errorf("integrity-check: %v", err)
	}
}
