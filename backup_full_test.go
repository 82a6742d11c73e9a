package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// `newshound backup` onto a full disk (here a file-size limit, ulimit -f)
// failed with "database or disk is full" and left the unfinished copy
// behind, an empty or partial file that reads like a backup and makes the
// same command refuse "already exists". The copy is removed, and the error
// says to free space or pick another disk.
func TestBackupOntoAFullDiskLeavesNoFile(t *testing.T) {
	bin, dir, cfg := binaryWithDatabase(t)
	dest := filepath.Join(dir, "copy.db")
	// 100 blocks of 512 bytes: room for SQLite's -shm file (32 kB), not for the schema.
	cmd := exec.Command("sh", "-c", `ulimit -f 100 && exec "$0" backup -config "$1" "$2"`, bin, cfg, dest)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir}
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("the backup succeeded within 51 kB:\n%s", out)
	}
	for _, want := range []string{"free space in " + dir, "unfinished"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the error lacks %q:\n%s", want, out)
		}
	}
	if _, err := os.Stat(dest); !os.IsNotExist(err) {
		t.Errorf("the unfinished copy is left at %s (stat: %v)", dest, err)
	}
}

// `newshound vacuum` without the room it needs (a file-size limit here)
// said only "vacuum: disk I/O error: file too large"; it says how much room
// it needs, where, and that the database is unchanged.
func TestVacuumWithoutRoomSaysWhatItNeeds(t *testing.T) {
	bin, dir, cfg := binaryWithDatabase(t)
	// 150 blocks of 512 bytes: room for SQLite's -shm file, not for a
	// rewritten copy of the schema.
	cmd := exec.Command("sh", "-c", `ulimit -f 150 && exec "$0" vacuum -config "$1"`, bin, cfg)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "SQLITE_TMPDIR=" + dir}
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Skipf("the vacuum fit within 75 kB:\n%s", out)
	}
	for _, want := range []string{"vacuum needs about", "free", dir, "unchanged"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the error lacks %q:\n%s", want, out)
		}
	}
}

// binaryWithDatabase builds the binary (skipped with -short, and off Linux,
// where ulimit -f is not the shell's) and makes a new database in a
// temporary folder with a configuration naming it: the binary, the folder
// and the configuration's path.
func binaryWithDatabase(t *testing.T) (bin, dir, cfg string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	if runtime.GOOS != "linux" {
		t.Skip("ulimit -f is a Linux shell's")
	}
	bin, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	db := filepath.Join(dir, "nh.db")
	cfg = filepath.Join(dir, "nh.toml")
	if err := os.WriteFile(cfg, []byte("[storage]\npath = \""+db+"\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := createDatabase(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	return bin, dir, cfg
}
