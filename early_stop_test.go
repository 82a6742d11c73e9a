package main

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A SIGTERM while the packages are still initialising, before main runs,
// stops the bot with status 0 like any other stop: it was caught only
// once main had installed its handler, 50–140 ms into a loaded start
// (the locale catalogs' build half of it), and the signal's default action
// ended the process by the signal (crashtrial seed 3106). The runtime's
// own init trace says when the config package is initialised: well inside
// that window, and after the stop handler is installed.
func TestTermDuringInitialisationExitsZero(t *testing.T) {
	bin := builtBinary(t)
	if runtime.GOOS != "linux" {
		t.Skip("the init trace and SIGTERM as on Linux")
	}
	for i := range 5 {
		dir := t.TempDir()
		cfg := storageConfig(t, filepath.Join(dir, "newshound.toml"), filepath.Join(dir, "n.db"))
		cmd := exec.Command(bin, "-config", cfg)
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "GODEBUG=inittrace=1"}
		cmd.Dir = dir
		stdin, err := cmd.StdinPipe() // the console waits on it
		if err != nil {
			t.Fatal(err)
		}
		stderr, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var seen strings.Builder
		lines := bufio.NewScanner(stderr)
		for lines.Scan() {
			seen.WriteString(lines.Text() + "\n")
			if strings.HasPrefix(lines.Text(), "init github.com/newshound/newshound/config @") {
				break
			}
		}
		if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		rest, _ := io.ReadAll(stderr)
		seen.Write(rest)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err = <-done:
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("run %d: no end within 30 s of SIGTERM\n%s", i, seen.String())
		}
		stdin.Close()
		if err != nil {
			t.Fatalf("run %d: SIGTERM during initialisation: %v, want exit status 0\n%s", i, err, seen.String())
		}
	}
}
