package main

import (
	"errors"
	"os"
	"os/exec"
	"testing"
)

// builtBinary returns the path of the binary built for the tests (see
// binary); it skips the test under -short and ends it when the build fails.
func builtBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// exitStatusOf runs cmd to its end and returns its exit status (0 when it
// succeeds) and its output; it ends the test when cmd cannot run.
func exitStatusOf(t *testing.T, cmd *exec.Cmd) (int, []byte) {
	t.Helper()
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), out
	} else if err != nil {
		t.Fatal(err)
	}
	return 0, out
}

// writeConfig writes text to the configuration file path, readable by its
// owner only, and returns path; it ends the test when it cannot.
func writeConfig(t *testing.T, path, text string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// storageConfig writes the configuration file path whose one setting is
// storage.path = db, and returns path; it ends the test when it cannot.
func storageConfig(t *testing.T, path, db string) string {
	t.Helper()
	return writeConfig(t, path, "[storage]\npath = \""+db+"\"\n")
}
