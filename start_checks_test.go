package main

import (
	"context"
	"database/sql"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A service started with no token, a storage.path in a folder not made yet
// and two sources whose ca_file was not copied took four starts, each
// naming one. The start names all four at once, with status 78.
func TestStartChecksNamedAtOnce(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "newshound.toml")
	text := "[storage]\npath = \"" + filepath.Join(dir, "missing", "nh.db") + "\"\n" +
		"[[sources]]\nname = \"a\"\nurl = \"https://a.example/rss\"\nca_file = \"" + filepath.Join(dir, "a.pem") + "\"\n" +
		"[[sources]]\nname = \"b\"\nurl = \"https://b.example/rss\"\nca_file = \"" + filepath.Join(dir, "b.pem") + "\"\n"
	if err := os.WriteFile(cfgPath, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	null, err := os.Open(os.DevNull) // as under systemd
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	m := NewMain(null, io.Discard, io.Discard, func(string) string { return "" })
	err = m.Run(context.Background(), cfgPath)
	for _, want := range []string{"no bot token", "the folder " + filepath.Join(dir, "missing") + " does not exist", "sources[0].ca_file", "sources[1].ca_file"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Run = %v, does not say %q", err, want)
		}
	}
	if got := exitStatus(err); got != exitConfig {
		t.Errorf("exit status %d, want %d", got, exitConfig)
	}
}

// A file with a typo and a value of the wrong type, whose storage.path
// folder was not made yet and whose metrics.listen port another program
// holds, took three starts: the file's mistakes, then the folder, then the
// port (tried only after the database was opened). One start names all
// four, with status 78, and leaves out what a mistaken key's check would
// say (the storage.path given a number).
func TestConfigMistakesAndStartChecksAtOnce(t *testing.T) {
	dir := t.TempDir()
	held, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	cfgPath := filepath.Join(dir, "newshound.toml")
	text := "[storage]\npath = \"" + filepath.Join(dir, "missing", "nh.db") + "\"\n" +
		"[poller]\nconcurency = 4\ntimeout = 20\n" +
		"[metrics]\nlisten = \"" + held.Addr().String() + "\"\n"
	if err := os.WriteFile(cfgPath, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	token := func(k string) string {
		if k == "NEWSHOUND_TELEGRAM_TOKEN" {
			return "123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345678"
		}
		return ""
	}
	m := NewMain(strings.NewReader(""), io.Discard, io.Discard, token)
	err = m.Run(context.Background(), cfgPath)
	for _, want := range []string{"poller.concurency", "poller.timeout", "the folder " + filepath.Join(dir, "missing") + " does not exist",
		"metrics.listen " + held.Addr().String(), "the key is in " + cfgPath} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Run = %v, does not say %q", err, want)
		}
	}
	if got := exitStatus(err); got != exitConfig {
		t.Errorf("exit status %d, want %d", got, exitConfig)
	}

	// storage.path itself mistaken: its check would speak of the default.
	text = "[storage]\npath = 5\n"
	if err := os.WriteFile(cfgPath, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	err = m.Run(context.Background(), cfgPath)
	if err == nil || !strings.Contains(err.Error(), "storage.path must be") || strings.Contains(err.Error(), "\n  and") {
		t.Errorf("Run = %v, want storage.path's type alone", err)
	}
}

// A file with a typo, and at storage.path another application's database
// (the path pointed at the wrong file): the typo was named, and only at
// the next start, once it was mended, the database. One start names both,
// without changing the file.
func TestConfigMistakeAndUnusableDatabaseAtOnce(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "other.db")
	other, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Exec("CREATE TABLE users(id INTEGER)"); err != nil {
		t.Fatal(err)
	}
	other.Close()
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(dir, "newshound.toml")
	if err := os.WriteFile(cfgPath, []byte("[storage]\npath = \""+db+"\"\n[poller]\nconcurency = 4\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := NewMain(strings.NewReader(""), io.Discard, io.Discard, func(string) string { return "" })
	err = m.Run(context.Background(), cfgPath)
	for _, want := range []string{"poller.concurency", "not a Newshound database"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Run = %v, does not say %q", err, want)
		}
	}
	if got := exitStatus(err); got != exitConfig {
		t.Errorf("exit status %d, want %d", got, exitConfig)
	}
	if after, err := os.ReadFile(db); err != nil || string(after) != string(before) {
		t.Errorf("the other application's file changed (%v)", err)
	}
}

// A second bot started by hand on the service's database, with a typo in
// its file: the typo was named, and once mended, that another bot held the
// database. One start names both.
func TestConfigMistakeAndAnotherBotAtOnce(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "nh.db")
	unlock, err := lockAsOwner(db)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	cfgPath := filepath.Join(dir, "newshound.toml")
	if err := os.WriteFile(cfgPath, []byte("[storage]\npath = \""+db+"\"\n[poller]\nconcurency = 4\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := NewMain(strings.NewReader(""), io.Discard, io.Discard, func(string) string { return "" })
	err = m.Run(context.Background(), cfgPath)
	for _, want := range []string{"poller.concurency", "database in use by another process"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Run = %v, does not say %q", err, want)
		}
	}
}

// "path = …" written above every table (its [storage] line left out) is
// an unknown key, and storage.path stays the default newshound.db in the
// working folder: the start checked that folder too, and named a problem
// of a database the operator never meant. A key above every table may be
// any table's, so the checks that read one are left out.
func TestKeyAboveEveryTableLeavesTheChecksOut(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "newshound.toml")
	if err := os.WriteFile(cfgPath, []byte("path = \""+filepath.Join(dir, "nh.db")+"\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	gone := filepath.Join(dir, "gone")
	if err := os.Mkdir(gone, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(gone)
	if err := os.Remove(gone); err != nil { // newshound.db here cannot be made
		t.Fatal(err)
	}
	m := NewMain(strings.NewReader(""), io.Discard, io.Discard, func(string) string { return "" })
	err := m.Run(context.Background(), cfgPath)
	if err == nil || !strings.Contains(err.Error(), "unknown key path") || strings.Contains(err.Error(), `storage.path "newshound.db"`) {
		t.Errorf("Run = %v, want the unknown key alone, no word of the default newshound.db", err)
	}
}
