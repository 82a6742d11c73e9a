package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A storage.path whose folder is missing, is a file, or may not be written
// stopped the start with status 1, which the systemd unit restarts every 5
// seconds into the same error: only storage.path or the folder's owner
// mends it, a configuration error, status 78 (EX_CONFIG) as the README
// says of every such error.
func TestStorageFolderErrorsExitConfig(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a-file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, path, says string }{
		{"missing folder", filepath.Join(dir, "nope", "n.db"), "does not exist"},
		{"a file as the folder", filepath.Join(file, "n.db"), "is not a folder"},
	}
	// sysfs refuses a new file to every user, root too (EACCES): a folder
	// this process may not write, whoever runs the test.
	if f, err := os.CreateTemp("/sys", "newshound-probe-*"); err == nil {
		f.Close()
		os.Remove(f.Name())
	} else if _, serr := os.Stat("/sys"); serr == nil {
		cases = append(cases, struct{ name, path, says string }{"an unwritable folder", "/sys/n.db", "not writable"})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfgPath := filepath.Join(t.TempDir(), "newshound.toml")
			if err := os.WriteFile(cfgPath, []byte("[storage]\npath = \""+c.path+"\"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			m := NewMain(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" })
			err := m.Run(context.Background(), cfgPath)
			if err == nil || !strings.Contains(err.Error(), c.says) {
				t.Fatalf("Run = %v, want it to say %q", err, c.says)
			}
			if got := exitStatus(err); got != exitConfig {
				t.Errorf("exit status %d for %v, want %d (EX_CONFIG)", got, err, exitConfig)
			}
		})
	}
	if len(cases) < 3 {
		t.Log("no folder refuses this user here: the unwritable case was not run")
	}
}

// The lock file left root's by a run as root stopped the service's start
// with status 1, restarted every 5 seconds into the same "permission
// denied": only the chown the error names mends it, status 78 as a
// database it may not write.
func TestLockOfAnotherUserExitsConfig(t *testing.T) {
	const service = 65534
	dir, exe := binaryForAnotherUser(t, "newshound-lockexit-")
	db := serviceDatabase(t, dir, service)
	if err := os.WriteFile(db+".lock", nil, 0o600); err != nil { // root's, as a root run leaves it
		t.Fatal(err)
	}
	out, err := consoleAs(t, exe, db, service)
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != exitConfig {
		t.Errorf("exit %v, want status %d (EX_CONFIG):\n%s", err, exitConfig, out)
	}
	if !strings.Contains(string(out), "chown --reference="+db+" "+db+".lock") {
		t.Errorf("the error does not name the chown:\n%s", out)
	}
}
