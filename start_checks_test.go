package main

import (
	"context"
	"io"
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
