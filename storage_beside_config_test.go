package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A relative storage.path ("data/nh.db") is read from the working folder;
// run from another folder than the configuration's, the start said to
// mkdir data there. When the folder is beside the configuration, the error
// gives the whole path to write, as it does for a ca_file.
func TestRelativeStorageFolderBesideTheConfig(t *testing.T) {
	dir := t.TempDir()
	conf := filepath.Join(dir, "conf")
	if err := os.MkdirAll(filepath.Join(conf, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(conf, "newshound.toml")
	if err := os.WriteFile(cfgPath, []byte("[storage]\npath = \"data/nh.db\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir) // not the configuration's folder
	m := NewMain(strings.NewReader(""), io.Discard, io.Discard, func(string) string { return "" })
	err := m.Run(context.Background(), cfgPath)
	want := `that folder is beside the configuration: storage.path = "` + filepath.Join(conf, "data", "nh.db") + `"`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Run = %v, does not say %s", err, want)
	}
	if got := exitStatus(err); got != exitConfig {
		t.Errorf("exit status %d, want %d", got, exitConfig)
	}
}

// Run without -config in a folder it may not write (/, /usr/local/bin),
// the start said to set storage.path, a key of a file the stranger did
// not have. It says to run from a folder one may write, or to start a
// configuration from config.example.toml.
func TestStorageRefusedWithoutConfigSaysWhereToRun(t *testing.T) {
	gone := filepath.Join(t.TempDir(), "gone")
	if err := os.Mkdir(gone, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(gone)
	if err := os.Remove(gone); err != nil { // the working folder refuses new files, even to root
		t.Fatal(err)
	}
	m := NewMain(strings.NewReader(""), io.Discard, io.Discard, func(string) string { return "" })
	err := m.Run(context.Background(), "")
	for _, want := range []string{`storage.path "newshound.db"`, "without -config the database is newshound.db in the working folder", "run newshound from a folder you may write", "copy config.example.toml"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Run = %v, does not say %q", err, want)
		}
	}
}

// storage.path written as the configuration's own path: the start read the
// file as a damaged database and advised restoring a backup over it. It is
// named as the configuration, with a database file to name instead, and
// left as it was.
func TestStoragePathIsTheConfigurationItself(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "newshound.toml")
	text := "[storage]\npath = \"" + cfgPath + "\"\n"
	if err := os.WriteFile(cfgPath, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	m := NewMain(strings.NewReader(""), io.Discard, io.Discard, func(string) string { return "" })
	err := m.Run(context.Background(), cfgPath)
	want := "is the configuration file itself (-config " + cfgPath + "): name the database file, such as storage.path = \"" + filepath.Join(dir, "newshound.db") + "\""
	if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "damaged") {
		t.Errorf("Run = %v, want %q and no word of a damaged database", err, want)
	}
	if got := exitStatus(err); got != exitConfig {
		t.Errorf("exit status %d, want %d", got, exitConfig)
	}
	if b, err := os.ReadFile(cfgPath); err != nil || string(b) != text {
		t.Errorf("the configuration changed: %q, %v", b, err)
	}
}
