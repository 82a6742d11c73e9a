package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
)

// A SIGHUP while the packages are still initialising, before main runs, is
// a hangup like any other: the bot goes on, says once its log is set up
// that it reloads nothing, and a SIGTERM then stops it with status 0. Only
// main caught SIGHUP, after every package's initialisation and the flags:
// one in those 50-150 ms of a loaded start ended the bot by the signal,
// with nothing logged (crashtrial -hup seeds 3401 and 3402, run 15). The
// runtime's init trace says when the config package is initialised: well
// inside that window, and after earlystop's.
func TestHangupDuringInitialisationGoesOn(t *testing.T) {
	bin := builtBinary(t)
	if runtime.GOOS != "linux" {
		t.Skip("the init trace and SIGHUP as on Linux")
	}
	tg := telegramtest.New(t, testToken)
	for i := range 3 {
		dir := t.TempDir()
		cfg := writeConfig(t, filepath.Join(dir, "newshound.toml"), fmt.Sprintf("[telegram]\ntoken = %q\napi_endpoint = %q\npoll_timeout = \"1s\"\n[storage]\npath = %q\n", testToken, tg.Endpoint(), filepath.Join(dir, "n.db")))
		cmd := exec.Command(bin, "-config", cfg)
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "GODEBUG=inittrace=1"}
		cmd.Dir = dir
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
		if err := cmd.Process.Signal(syscall.SIGHUP); err != nil {
			t.Fatal(err)
		}
		handled := false
		for lines.Scan() {
			seen.WriteString(lines.Text() + "\n")
			if strings.Contains(lines.Text(), "SIGHUP: Newshound does not reload its configuration") {
				handled = true
				break
			}
		}
		if !handled {
			err := cmd.Wait()
			t.Fatalf("run %d: SIGHUP during initialisation: the bot ended (%v) without handling it\n%s", i, err, seen.String())
		}
		go func() { // the rest, so that the bot never blocks on a full pipe
			for lines.Scan() {
			}
		}()
		if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err = <-done:
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("run %d: no end within 30 s of SIGTERM\n%s", i, seen.String())
		}
		if err != nil {
			t.Fatalf("run %d: SIGTERM after the SIGHUP: %v, want exit status 0\n%s", i, err, seen.String())
		}
	}
}
