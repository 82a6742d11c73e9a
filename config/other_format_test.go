package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A configuration written in YAML or JSON (from habit, or for another
// program) read "toml: line 1: expected '.' or '=', but got ':' instead":
// nothing said the whole file was in the wrong format. The error names the
// format it reads as and what TOML looks like.
func TestAConfigInAnotherFormatIsNamed(t *testing.T) {
	cases := []struct{ name, file, text, says string }{
		{"yaml by name", "newshound.yaml", "storage:\n  path: n.db\n", "reads as YAML"},
		{"yaml in a .toml", "newshound.toml", "# mine\ntelegram:\n  token: x\n", "reads as YAML"},
		{"json", "newshound.json", `{"storage": {"path": "n.db"}}`, "reads as JSON"},
		{"json in a .toml", "newshound.toml", `{"storage": {"path": "n.db"}}`, "reads as JSON"},
	}
	for _, c := range cases {
		path := filepath.Join(t.TempDir(), c.file)
		if err := os.WriteFile(path, []byte(c.text), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Load(path, nil)
		if err == nil || !strings.Contains(err.Error(), c.says) || !strings.Contains(err.Error(), "config.example.toml") {
			t.Errorf("%s: Load = %v, want %q and config.example.toml named", c.name, err, c.says)
		}
	}
	// A TOML file with a TOML mistake is not called another format.
	path := filepath.Join(t.TempDir(), "newshound.toml")
	if err := os.WriteFile(path, []byte("[storage\npath = \"n.db\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(path, nil); err == nil || strings.Contains(err.Error(), "reads as") {
		t.Errorf("a TOML mistake: Load = %v, want it not called YAML or JSON", err)
	}
}
