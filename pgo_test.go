package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestFillBuildsWithTheBotsProfile keeps cmd/fill on the bot's profile
// (default.pgo, profile-guided optimization): the fill measures the
// per-article CPU of the code the bot runs only when both are built with the
// same profile. scripts/pgo-profile.sh writes both files.
func TestFillBuildsWithTheBotsProfile(t *testing.T) {
	bot, err := os.ReadFile("default.pgo")
	if err != nil {
		t.Fatal(err)
	}
	fill, err := os.ReadFile(filepath.Join("cmd", "fill", "default.pgo"))
	if err != nil {
		t.Fatal(err)
	}
	if len(bot) == 0 || !bytes.Equal(bot, fill) {
		t.Errorf("cmd/fill/default.pgo (%d bytes) is not default.pgo (%d bytes): run scripts/pgo-profile.sh, which writes both", len(fill), len(bot))
	}
}
