package config

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestDefaultSourcesOnlyWithoutAFile(t *testing.T) {
	cfg, err := Load("", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Sources) < 3 || !slices.Equal(cfg.Sources, DefaultSources()) {
		t.Errorf("no config file: sources %+v, want the built-in ones", cfg.Sources)
	}
	path := filepath.Join(t.TempDir(), "c.toml")
	if err := os.WriteFile(path, []byte("[[sources]]\nname = \"Mine\"\nurl = \"https://mine.example/feed\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if cfg, err = Load(path, nil); err != nil {
		t.Fatal(err)
	}
	if len(cfg.Sources) != 1 || cfg.Sources[0].Name != "Mine" {
		t.Errorf("a file with one source: %+v, want only it", cfg.Sources)
	}
	if err := os.WriteFile(path, []byte("[poller]\nschedule = \"@every 5m\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if cfg, err = Load(path, nil); err != nil {
		t.Fatal(err)
	}
	if len(cfg.Sources) != 0 {
		t.Errorf("a file without [[sources]]: %+v, want none", cfg.Sources)
	}
	example, err := Load("../config.example.toml", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(example.Sources, DefaultSources()) {
		t.Errorf("config.example.toml lists %+v, want the built-in sources", example.Sources)
	}
}
