package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestAFullDiskAtTheFirstStartNamesTheFixAndLeavesNoHalfFile: on a disk
// without room (here a file-size limit, as a small disk or systemd's
// LimitFSIZE= sets one) the operator's first start said only "migration
// 0006_pipeline.sql: disk I/O error: file too large" and left the half-made
// database behind, holding what space there was. The start names the full
// disk and the fix, removes the half-made file, and the next start with
// room creates the database.
func TestAFullDiskAtTheFirstStartNamesTheFixAndLeavesNoHalfFile(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("ulimit -f is a Linux shell's")
	}
	bin, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cfg := storageConfig(t, filepath.Join(dir, "nh.toml"), filepath.Join(dir, "nh.db"))
	// 100 blocks of 512 bytes: the schema takes more.
	cmd := exec.Command("sh", "-c", `ulimit -f 100 && exec "$0" -config "$1"`, bin, cfg)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}
	cmd.Stdin = strings.NewReader("") // a pipe that ends: no input (/dev/null is refused without a token)
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("the start succeeded within 51 kB:\n%s", out)
	}
	for _, want := range []string{`storage.path "` + filepath.Join(dir, "nh.db") + `"`, "the disk is full", "free space in " + dir} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the start's error lacks %q:\n%s", want, out)
		}
	}
	left, err := filepath.Glob(filepath.Join(dir, "nh.db*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range left {
		if !strings.HasSuffix(f, ".lock") {
			t.Errorf("left behind: %s", f)
		}
	}
	cmd = exec.Command(bin, "-config", cfg)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}
	cmd.Stdin = strings.NewReader("")                 // a pipe that ends: no input (/dev/null is refused without a token)
	if out, err := cmd.CombinedOutput(); err != nil { // stdin empty: the console ends at once
		t.Fatalf("the start with room failed: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "nh.db")); err != nil {
		t.Errorf("no database after a start with room: %v", err)
	}
}
