package main

import (
	"bufio"
	"bytes"
	"errors"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// logrotate's postrotate "kill -HUP $(pidof newshound)", which
// config.example.toml suggests for log.file, reaches every newshound
// process: a backup or vacuum running at that moment was ended midway by
// SIGHUP's default action. A subcommand goes on through a SIGHUP. The
// healthcheck stands for them all (one main, one signal set-up), held
// mid-way by a /healthz that takes the connection and does not answer.
func TestASubcommandOutlivesSIGHUP(t *testing.T) {
	bin := builtBinary(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	cfg := filepath.Join(t.TempDir(), "newshound.toml")
	if err := os.WriteFile(cfg, []byte("[metrics]\nlisten = \""+ln.Addr().String()+"\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "healthcheck", "-config", cfg)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	conn, err := ln.Accept()
	if err != nil {
		t.Fatal(err)
	}
	// The check is under way once its request is read: an answer written
	// before the request was sent is one Go's client calls unsolicited
	// ("Unsolicited response received on idle HTTP channel"), and the
	// check failed with readLoopPeekFailLocked one run in a few under load.
	if _, err := http.ReadRequest(bufio.NewReader(conn)); err != nil {
		t.Fatalf("the healthcheck's request: %v", err)
	}
	if err := cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	// Whether the signal has been handled yet or not, the process has it
	// pending: answering now ends the check by its own path or not at all.
	conn.Write([]byte("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"))
	conn.Close()
	err = cmd.Wait()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		if st, ok := exit.Sys().(syscall.WaitStatus); ok && st.Signaled() {
			t.Fatalf("the healthcheck was ended by %v:\n%s", st.Signal(), out.String())
		}
	}
	if err != nil {
		t.Errorf("the healthcheck of a ready bot failed after a SIGHUP: %v\n%s", err, out.String())
	}
}
