package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
)

// kill -HUP, the habit of asking a daemon to reload, is logged and changes
// nothing; SIGTERM then stops the bot with status 0, saying what waits in
// the outbox. (SIGHUP's default ended the process at once, and systemd
// counts an end by SIGHUP as clean: Restart=on-failure left the service
// stopped for good.)
func TestHangupIsLoggedAndTermStopsCleanly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	if runtime.GOOS == "windows" {
		t.Skip("no SIGHUP")
	}
	bin, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	tg := telegramtest.New(t, testToken)
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "newshound.toml")
	cfg := fmt.Sprintf("[telegram]\ntoken = %q\napi_endpoint = %q\npoll_timeout = \"1s\"\n[storage]\npath = %q\n", testToken, tg.Endpoint(), filepath.Join(dir, "n.db"))
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-config", cfgPath)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}
	out := newWatchedOutput()
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
		}
	}()
	out.waitText(t, "msg=started", 30*time.Second) // a stop before is clean too, but logs no "stopped"
	if err := cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	out.waitText(t, "SIGHUP: Newshound does not reload its configuration", 10*time.Second)
	select {
	case err := <-exited:
		t.Fatalf("the bot ended on SIGHUP: %v\n%s", err, out.String())
	default:
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("SIGTERM: the bot exited with %v, want status 0\n%s", err, out.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("the bot did not stop within 30 s of SIGTERM\n%s", out.String())
	}
	out.waitText(t, "msg=stopped outbox_pending=0", time.Second)
}
