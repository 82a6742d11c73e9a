package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A data folder whose name holds a space, '#', '?' or '%' (a folder named
// "News #2" on a NAS): the database is made there, not beside it, and
// backup and vacuum find it. ('#' and '?' cut the path of SQLite's URI: a
// start made "<parent>/News " or failed renaming the new database into
// place; "%41" was read as "A".)
func TestADataFolderNamedWithURICharacters(t *testing.T) {
	for _, name := range []string{"News #2", "what?now", "pct%41x", "with space"} {
		t.Run(name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, name)
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			db := filepath.Join(dir, "n.db")
			cfgPath := storageConfig(t, filepath.Join(dir, "newshound.toml"), db)
			noEnv := func(string) string { return "" }
			m := NewMain(strings.NewReader("/id\n"), &bytes.Buffer{}, &bytes.Buffer{}, noEnv)
			if err := m.Run(context.Background(), cfgPath); err != nil {
				t.Fatalf("Run: %v", err)
			}
			if _, err := os.Stat(db); err != nil {
				t.Fatalf("no database at %s: %v", db, err)
			}
			if err := runBackup(context.Background(), []string{"-config", cfgPath, filepath.Join(parent, "copy.db")}, noEnv, &bytes.Buffer{}); err != nil {
				t.Errorf("backup: %v", err)
			}
			if err := runVacuum(context.Background(), []string{"-config", cfgPath}, noEnv, &bytes.Buffer{}); err != nil {
				t.Errorf("vacuum: %v", err)
			}
			entries, err := os.ReadDir(parent)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if e.Name() != name && e.Name() != "copy.db" {
					t.Errorf("a file beside the data folder: %s", e.Name())
				}
			}
		})
	}
}
