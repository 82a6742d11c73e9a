package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A relative log.file ("logs/nh.log") is opened from the working folder;
// run from another folder than the configuration's, the warning said only
// to mkdir logs there. It says the path is read from the working folder
// and, when the folder is beside the configuration, gives the whole path
// to write, as storage.path's error does.
func TestRelativeLogFileBesideTheConfig(t *testing.T) {
	dir := t.TempDir()
	conf := filepath.Join(dir, "conf")
	if err := os.MkdirAll(filepath.Join(conf, "logs"), 0o755); err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(conf, "newshound.toml")
	cfg := "[storage]\npath = \"" + filepath.Join(dir, "n.db") + "\"\n[log]\nfile = \"logs/nh.log\"\n"
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir) // not the configuration's folder
	var stderr bytes.Buffer
	if err := NewMain(strings.NewReader(""), &bytes.Buffer{}, &stderr, func(string) string { return "" }).Run(context.Background(), cfgPath); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"mkdir -p " + filepath.Join(dir, "logs"),
		"relative log.file is read from the working folder, " + dir,
		`that folder is beside the configuration: log.file = \"` + filepath.Join(conf, "logs", "nh.log") + `\"`,
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("the warning does not say %s:\n%s", want, stderr.String())
		}
	}
}

// Run without -config, a relative path's note said it was read from the
// working folder, "not the configuration's": there was none. It says the
// working folder alone; with -config, it still sets the two apart.
func TestRelativeNoteWithoutConfig(t *testing.T) {
	denied := &fs.PathError{Op: "open", Path: "/srv/nh/x", Err: syscall.EACCES}
	missing := &fs.PathError{Op: "open", Path: "logs/nh.log", Err: syscall.ENOENT}
	for _, tt := range []struct {
		name, configPath string
		wantConfigWord   bool
	}{
		{"without -config", "", false},
		{"with -config", "/etc/newshound/newshound.toml", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, got := range []string{
				storageFolderErrorAs(65532, "newshound.db", tt.configPath, "/srv/nh", denied).Error(),
				logFileFix("logs/nh.log", tt.configPath, missing),
			} {
				if !strings.Contains(got, "working folder") {
					t.Errorf("%q does not say the working folder", got)
				}
				if strings.Contains(got, "configuration's") != tt.wantConfigWord {
					t.Errorf("%q: names the configuration's folder = %v, want %v", got, !tt.wantConfigWord, tt.wantConfigWord)
				}
			}
		})
	}
}
