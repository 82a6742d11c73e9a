package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// TestBackupWhileWriting copies the database while another goroutine keeps
// inserting articles: every copy opens, is a consistent database and holds at
// least the articles written before it started.
func TestBackupWhileWriting(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "live.db")
	st, err := Open(ctx, path, func() time.Time { return testNow })
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	src, err := st.UpsertSource(ctx, "A", "https://a.example/feed", news.OriginConfig)
	if err != nil {
		t.Fatal(err)
	}
	insert := func(i int) error {
		_, err := st.InsertArticles(ctx, src.ID, []news.Article{{GUID: fmt.Sprint("g", i), URL: fmt.Sprint("https://a.example/", i),
			Title: fmt.Sprint("Article ", i), PublishedAt: testNow}})
		return err
	}
	for i := range 50 {
		if err := insert(i); err != nil {
			t.Fatal(err)
		}
	}
	stop := make(chan struct{})
	writerDone := make(chan error, 1)
	go func() {
		for i := 50; ; i++ {
			select {
			case <-stop:
				writerDone <- nil
				return
			default:
			}
			if err := insert(i); err != nil {
				writerDone <- err
				return
			}
		}
	}()
	for n := range 3 {
		dest := filepath.Join(dir, fmt.Sprintf("copy%d.db", n))
		if err := Backup(ctx, path, dest); err != nil {
			t.Fatalf("Backup: %v", err)
		}
		cp, err := Open(ctx, dest, nil)
		if err != nil {
			t.Fatalf("open the copy: %v", err)
		}
		var count int
		var check string
		if err := cp.r.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&count); err != nil {
			t.Fatal(err)
		}
		if err := cp.r.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&check); err != nil {
			t.Fatal(err)
		}
		cp.Close()
		if count < 50 || check != "ok" {
			t.Fatalf("copy %d: %d articles, integrity %q; want at least 50 and ok", n, count, check)
		}
	}
	close(stop)
	if err := <-writerDone; err != nil {
		t.Fatalf("the writer failed during the backup: %v", err)
	}
}

func TestBackupRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "exists.db")
	if err := os.WriteFile(dest, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "live.db")
	s2, err := Open(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	s2.Close()
	if err := Backup(context.Background(), path, dest); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("Backup over a file = %v, want it refused", err)
	}
	if err := Backup(context.Background(), filepath.Join(dir, "missing.db"), filepath.Join(dir, "new.db")); err == nil {
		t.Fatal("Backup of a missing database succeeded")
	}
}

func TestCheckWritable(t *testing.T) {
	st := mustOpenStore(t)
	if err := st.CheckWritable(context.Background()); err != nil {
		t.Fatalf("CheckWritable: %v", err)
	}
	st.Close()
	if err := st.CheckWritable(context.Background()); err == nil {
		t.Fatal("CheckWritable on a closed store succeeded")
	}
}
