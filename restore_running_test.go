package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/newshound/newshound/store"
)

// `newshound restore` while the bot runs on the database: the refusal
// said "stop it first, or give this one another storage.path", the bot's
// advice, which for a restore would put the backup beside the database the
// bot goes on using. It says to stop the bot, naming its pid, and that
// nothing was changed.
func TestRestoreWhileTheBotRunsSaysStopIt(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "nh.db")
	cfgPath := storageConfig(t, filepath.Join(dir, "nh.toml"), db)
	ctx := context.Background()
	if err := createDatabase(ctx, db); err != nil {
		t.Fatal(err)
	}
	bk := filepath.Join(dir, "backup.db")
	if err := runBackup(ctx, []string{"-config", cfgPath, bk}, func(string) string { return "" }, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	unlock, err := store.Lock(db) // the running bot's lock
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	err = runRestore(ctx, []string{"-config", cfgPath, bk}, func(string) string { return "" }, &bytes.Buffer{})
	if err == nil {
		t.Fatal("restored under a running bot")
	}
	for _, want := range []string{"stop it first", "pid " + strconv.Itoa(os.Getpid()), "nothing was changed"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the refusal %q lacks %q", err, want)
		}
	}
	if strings.Contains(err.Error(), "another storage.path") {
		t.Errorf("the refusal %q gives the bot's advice", err)
	}
}
