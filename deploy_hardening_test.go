package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newshound/newshound/config"
)

// unitKeys returns the values of each key of a systemd unit's text, in
// order (a key may be given more than once).
func unitKeys(text string) map[string][]string {
	keys := map[string][]string{}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "[") {
			continue
		}
		if k, v, ok := strings.Cut(line, "="); ok {
			keys[k] = append(keys[k], v)
		}
	}
	return keys
}

// Under the unit's ProtectSystem=strict every folder is read-only but
// its StateDirectory, LogsDirectory and ReadWritePaths: the database of
// deploy/newshound.toml, its working folder and the log.file the
// configuration's comments offer must be in one of them, and out of
// ProtectHome's reach, or the service's first start is refused
// ("read-only file system") after an install that followed every step.
func TestUnitHardeningLeavesTheDataPathsWritable(t *testing.T) {
	b, err := os.ReadFile("deploy/newshound.service")
	if err != nil {
		t.Fatal(err)
	}
	keys := unitKeys(string(b))
	if got := keys["ProtectSystem"]; len(got) != 1 || got[0] != "strict" {
		t.Fatalf("ProtectSystem=%v: this test reads the unit as strict", got)
	}
	var writable []string
	for _, d := range keys["StateDirectory"] {
		writable = append(writable, "/var/lib/"+d)
	}
	for _, d := range keys["LogsDirectory"] {
		writable = append(writable, "/var/log/"+d)
	}
	for _, v := range keys["ReadWritePaths"] {
		writable = append(writable, strings.Fields(v)...)
	}
	inWritable := func(dir string) bool {
		for _, w := range writable {
			if dir == w || strings.HasPrefix(dir, w+"/") {
				return true
			}
		}
		return false
	}
	cfg, err := config.Load("deploy/newshound.toml", nil)
	if err != nil {
		t.Fatal(err)
	}
	dirs := map[string]string{"storage.path's folder": filepath.Dir(cfg.Storage.Path)}
	if wd := keys["WorkingDirectory"]; len(wd) == 1 {
		dirs["WorkingDirectory"] = wd[0]
	}
	if cfg.Log.File != "" {
		dirs["log.file's folder"] = filepath.Dir(cfg.Log.File)
	}
	example, err := os.ReadFile("config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(example), "/var/log/newshound/") || !strings.Contains(string(b), `log.file = "/var/log/newshound/newshound.log"`) {
		t.Error("config.example.toml or the unit no longer offers /var/log/newshound/ for log.file")
	}
	dirs["the log.file the unit offers"] = "/var/log/newshound"
	for what, dir := range dirs {
		if !inWritable(dir) {
			t.Errorf("%s %s is read-only under the unit's ProtectSystem=strict (writable: %v)", what, dir, writable)
		}
		if (strings.HasPrefix(dir, "/home") || strings.HasPrefix(dir, "/root") || strings.HasPrefix(dir, "/run/user")) && len(keys["ProtectHome"]) > 0 && keys["ProtectHome"][0] != "no" {
			t.Errorf("%s %s is hidden by the unit's ProtectHome", what, dir)
		}
	}
	if keys["PrivateTmp"] != nil && strings.HasPrefix(cfg.Storage.Path, "/tmp/") {
		t.Errorf("storage.path %s is in the unit's private /tmp, lost at every stop", cfg.Storage.Path)
	}
}
