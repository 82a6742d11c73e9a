package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// raiseFileLimit lifts the file-size limit (RLIMIT_FSIZE) of the process
// pid, as freeing space on a full disk would.
func raiseFileLimit(pid int) error {
	lim := syscall.Rlimit{Cur: ^uint64(0), Max: ^uint64(0)} // RLIM_INFINITY
	if _, _, errno := syscall.RawSyscall6(syscall.SYS_PRLIMIT64, uintptr(pid), syscall.RLIMIT_FSIZE, uintptr(unsafe.Pointer(&lim)), 0, 0, 0); errno != 0 {
		return errno
	}
	return nil
}

// TestAFullDiskAtANormalStartIsWaitedOut: on a full disk (here a file-size
// limit below the 32 kB of SQLite's shared-memory file) the operator's
// normal start said "the database file is damaged ... (disk I/O error: file
// too large); restore your latest backup", and exited. The start names the
// full disk, the database and the folder to free, waits, and starts by
// itself once there is room.
func TestAFullDiskAtANormalStartIsWaitedOut(t *testing.T) {
	bin, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "nh.db")
	cfg := storageConfig(t, filepath.Join(dir, "nh.toml"), db)
	env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}
	first := exec.Command(bin, "-config", cfg)
	first.Env = env
	first.Stdin = strings.NewReader("")                 // a pipe that ends: no input (/dev/null is refused without a token)
	if out, err := first.CombinedOutput(); err != nil { // stdin empty: the console ends at once
		t.Fatalf("the first start failed: %v\n%s", err, out)
	}
	// 20 blocks of 512 bytes, a soft limit that raiseFileLimit can lift.
	cmd := exec.Command("sh", "-c", `ulimit -S -f 20 && exec "$0" -config "$1"`, bin, cfg)
	cmd.Env = env
	cmd.Stdin = strings.NewReader("") // a pipe that ends: no input (/dev/null is refused without a token)
	stdout := &syncBuffer{}
	cmd.Stdout = stdout
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	var said string
	for said == "" {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("the start exited on the full disk: %v\n%s", cmd.Wait(), stdout)
			}
			if strings.Contains(l, "disk is full") || strings.Contains(l, "damaged") {
				said = l
			}
		case <-time.After(time.Minute): // a guard against a hang, not a measure
			t.Fatal("the start said nothing of the full disk")
		}
	}
	for _, want := range []string{`storage.path "` + db + `"`, "the disk is full", "free space in " + dir, "starts once there is room"} {
		if !strings.Contains(said, want) {
			t.Errorf("what the operator saw lacks %q:\n%s", want, said)
		}
	}
	if strings.Contains(said, "damaged") {
		t.Errorf("a full disk called a damaged database:\n%s", said)
	}
	if err := raiseFileLimit(cmd.Process.Pid); err != nil {
		t.Fatalf("lift the file-size limit: %v", err)
	}
	var rest []string
	for l := range lines {
		rest = append(rest, l)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("the start after space was freed: %v\n%s\n%s", err, strings.Join(rest, "\n"), stdout)
	}
	if !strings.Contains(stdout.String(), "Newshound console") {
		t.Errorf("the bot did not start once there was room:\n%s", stdout)
	}
}
