package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// A database made while 0043 lacked articles_vocab_cols (main, 2026-11-30
// 00:01-00:33) opens, and its term list refreshes: it was refused at start
// as damaged, "lacks the table articles_vocab_cols", told to restore a backup.
func TestOpenMakesAMissingVocabularyViewAgain(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "n.db")
	st, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`DROP TABLE articles_vocab_cols`); err != nil {
		t.Fatal(err)
	}
	if err := raw.Close(); err != nil {
		t.Fatal(err)
	}
	st, err = Open(ctx, path, nil)
	if err != nil {
		t.Fatalf("Open without articles_vocab_cols: %v", err)
	}
	defer st.Close()
	if _, err := st.RefreshTerms(ctx); err != nil {
		t.Errorf("RefreshTerms after the view was made again: %v", err)
	}
}
