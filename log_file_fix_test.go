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

// A log.file Newshound cannot open (its folder missing, not writable, or
// read-only under the unit's ProtectSystem=strict) was logged as "cannot
// open the log file (log.file); logging to stderr" with the system's error
// alone. The line says what to do.
func TestUnopenableLogFileNamesTheFix(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "logs")
	cfgPath := filepath.Join(dir, "newshound.toml")
	cfg := "[storage]\npath = \"" + filepath.Join(dir, "n.db") + "\"\n[log]\nfile = \"" + filepath.Join(missing, "newshound.log") + "\"\n"
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	if err := NewMain(strings.NewReader(""), &bytes.Buffer{}, &stderr, func(string) string { return "" }).Run(context.Background(), cfgPath); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr.String(), "mkdir -p "+missing) {
		t.Errorf("the warning does not say to create the folder (mkdir -p %s):\n%s", missing, stderr.String())
	}
	for _, c := range []struct {
		errno syscall.Errno
		want  string
	}{
		{syscall.EROFS, "LogsDirectory"},
		{syscall.EACCES, "write access"},
	} {
		err := &fs.PathError{Op: "open", Path: "/var/log/nh/newshound.log", Err: c.errno}
		if got := logFileFix("/var/log/nh/newshound.log", "", err); !strings.Contains(got, c.want) || !strings.Contains(got, "log.file") {
			t.Errorf("logFileFix(%v) = %q, want %q and log.file in it", c.errno, got, c.want)
		}
	}
	unit, err := os.ReadFile("deploy/newshound.service")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(unit), "\nLogsDirectory=newshound\n") {
		t.Error("the read-only advice names /var/log/newshound, which deploy/newshound.service does not make writable (LogsDirectory=newshound)")
	}
}
