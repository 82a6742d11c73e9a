package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An empty or damaged database file stops the start with the fix named,
// before anything runs.
func TestStartRefusesEmptyOrDamagedDatabase(t *testing.T) {
	for _, tt := range []struct {
		name    string
		content []byte
		want    string
		fix     string // an empty file has nothing to salvage
	}{
		{"empty", nil, "empty", "delete the empty file"},
		{"not a database", []byte(strings.Repeat("garbage ", 1000)), "not an SQLite database", ".recover"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "newshound.db")
			if err := os.WriteFile(db, tt.content, 0o600); err != nil {
				t.Fatal(err)
			}
			cfg := filepath.Join(dir, "newshound.toml")
			if err := os.WriteFile(cfg, []byte(fmt.Sprintf("[storage]\npath = %q\n", db)), 0o600); err != nil {
				t.Fatal(err)
			}
			m := NewMain(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" })
			err := m.Run(context.Background(), cfg)
			if err == nil {
				t.Fatal("started on a damaged database")
			}
			for _, w := range []string{tt.want, "newshound backup", tt.fix, "storage.path"} {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
			if info, err := os.Stat(db); err != nil || info.Size() != int64(len(tt.content)) {
				t.Errorf("the file was changed: %v, %v", info, err)
			}
		})
	}
}
