package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
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
	storageConfig(t, cfg, db)
	if err := createDatabase(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	return bin, dir, cfg
}

// Ctrl-C or SIGTERM during `newshound backup` ended the process at once and
// left the copy it was writing, a partial file (and its -journal) that
// reads like a backup and makes the same command refuse "already exists".
// The signal stops the copy, the unfinished file is removed, and the
// command fails saying so.
func TestBackupStoppedBySignalLeavesNoFile(t *testing.T) {
	// SIGKILL too (the OOM killer, a container stopped past its grace):
	// the copy is written under another name, DEST.unfinished, and takes
	// DEST only once whole, so a killed backup leaves nothing at DEST.
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) { backupStoppedBy(t, sig) })
	}
}

func backupStoppedBy(t *testing.T, sig syscall.Signal) {
	bin, dir, cfg := binaryWithDatabase(t)
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(dir, "nh.db"))
	if err != nil {
		t.Fatal(err)
	}
	// About 150 MB, so that the copy takes a while to write.
	if _, err := db.Exec(`CREATE TABLE bulk(b BLOB); WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < 1500) INSERT INTO bulk SELECT randomblob(100000) FROM c`); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(dir, "copy.db")
	cmd := exec.Command(bin, "backup", "-config", cfg, dest)
	cmd.Env = []string{"HOME=" + dir}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var exited error
	finished := false
	testkit.WaitWithin(t, "the copy being written", 60*time.Second, func() bool {
		select {
		case exited = <-done:
			finished = true
			return true
		default:
		}
		fi, err := os.Stat(dest)
		if err == nil && fi.Size() > 0 {
			return true
		}
		fi, err = os.Stat(dest + ".unfinished")
		return err == nil && fi.Size() > 0
	})
	if finished {
		t.Skipf("the backup finished before it could be stopped (%v):\n%s", exited, out.String())
	}
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err == nil {
		if _, serr := os.Stat(dest); serr == nil && strings.Contains(out.String(), "copied") {
			t.Skipf("the backup finished as the signal came:\n%s", out.String())
		}
	}
	for _, f := range []string{dest, dest + "-journal"} {
		if _, err := os.Stat(f); !os.IsNotExist(err) {
			t.Errorf("the stopped backup left %s (stat: %v):\n%s", f, err, out.String())
		}
	}
	if sig != syscall.SIGKILL && !strings.Contains(out.String(), "unfinished") {
		t.Errorf("the stopped backup does not say its copy is removed:\n%s", out.String())
	}
	if sig == syscall.SIGKILL {
		// The next backup to the same name takes the leftover's place.
		next := exec.Command(bin, "backup", "-config", cfg, dest)
		next.Env = []string{"HOME=" + dir}
		if o, err := next.CombinedOutput(); err != nil {
			t.Errorf("the backup after a killed one: %v\n%s", err, o)
		}
		if _, err := os.Stat(dest + ".unfinished"); !os.IsNotExist(err) {
			t.Errorf("the killed backup's leftover is still there (stat: %v)", err)
		}
	}
}
