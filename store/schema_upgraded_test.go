package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A start on a database of an older schema logs that it was upgraded,
// from which version to which; a new database and one already at this
// version log no such line.
func TestOpenLogsTheSchemaUpgrade(t *testing.T) {
	ctx := context.Background()
	list, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	last := list[len(list)-1].version
	old := list[len(list)-3].version
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite3", "file:"+path+"?_foreign_keys=on")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	var quiet bytes.Buffer
	early := &Store{w: db, now: func() time.Time { return time.Unix(0, 0) }, log: slog.New(slog.NewTextHandler(&quiet, nil)), writeFailures: &writeFailures{now: time.Now}, fetches: newFetchState()}
	if err := early.migrateOnly(ctx, func(v int) bool { return v <= old }); err != nil {
		t.Fatal(err)
	}
	db.Close()

	open := func(path string) string {
		var out bytes.Buffer
		st, err := OpenLogged(ctx, path, nil, slog.New(slog.NewTextHandler(&out, nil)))
		if err != nil {
			t.Fatal(err)
		}
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	want := fmt.Sprintf("database schema upgraded from version %d to %d", old, last)
	if got := open(path); !strings.Contains(got, want) || !strings.Contains(got, fmt.Sprintf("from=%d to=%d", old, last)) {
		t.Errorf("opening a database of schema %d logged:\n%s\nwant %q", old, got, want)
	}
	if got := open(path); strings.Contains(got, "upgraded") {
		t.Errorf("opening it again logged:\n%s", got)
	}
	if got := open(filepath.Join(t.TempDir(), "new.db")); strings.Contains(got, "upgraded") {
		t.Errorf("creating a database logged:\n%s", got)
	}
}
