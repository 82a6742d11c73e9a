package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `newshound -config /etc/newshound/newshound.toml` run by hand from the
// operator's home, with storage.path = "newshound.db" (relative, as in
// config.example.toml; the unit's WorkingDirectory makes it the service's
// database): the bot made a new, empty database in the home folder and
// said nothing of it. A new database made from a relative storage.path, with
// the configuration in another folder, is warned of with where it went.
func TestANewDatabaseFromARelativePathIsWarnedOf(t *testing.T) {
	etc, home := t.TempDir(), t.TempDir()
	cfgPath := filepath.Join(etc, "newshound.toml")
	if err := os.WriteFile(cfgPath, []byte("[storage]\npath = \"newshound.db\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(home)
	if err := NewMain(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" }).Run(context.Background(), cfgPath); err != nil {
		t.Fatal(err)
	}
	logged, err := os.ReadFile(filepath.Join(home, "newshound.log"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"new, empty database", filepath.Join(home, "newshound.db"), "working folder", "whole path"} {
		if !strings.Contains(string(logged), want) {
			t.Errorf("the log does not say %q:\n%s", want, logged)
		}
	}
	// The next start on it says nothing more.
	if err := NewMain(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" }).Run(context.Background(), cfgPath); err != nil {
		t.Fatal(err)
	}
	again, err := os.ReadFile(filepath.Join(home, "newshound.log"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(again), "stop now") != 1 {
		t.Errorf("the warning came again on an existing database:\n%s", again)
	}
}

// A relative storage.path whose folder is missing said to create the
// folder in the working folder, with no word that the path is read from
// there and not from beside the configuration: the operator whose
// configuration is in /etc/newshound could not tell why "data/" was looked
// for in their home.
func TestAMissingRelativeFolderSaysWhereItIsRead(t *testing.T) {
	etc, home := t.TempDir(), t.TempDir()
	cfgPath := filepath.Join(etc, "newshound.toml")
	if err := os.WriteFile(cfgPath, []byte("[storage]\npath = \"data/newshound.db\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(home)
	err := NewMain(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" }).Run(context.Background(), cfgPath)
	if err == nil {
		t.Fatal("started without the data folder")
	}
	for _, want := range []string{"storage.path", "mkdir -p " + filepath.Join(home, "data"), "working folder, " + home, "whole path"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Run = %v: does not say %q", err, want)
		}
	}
}
