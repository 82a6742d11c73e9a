package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The unit is checked by systemd's own parser where there is one (a key
// misspelt is ignored by systemd with only a line in the journal), and
// its system-call deny list fails a call with EPERM instead of killing:
// older systemd counts prlimit64, which Go calls at every start to raise
// its open-file limit, in @resources.
func TestSystemdUnitVerifies(t *testing.T) {
	unit, err := os.ReadFile("deploy/newshound.service")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(unit), "SystemCallFilter=~") && !strings.Contains(string(unit), "\nSystemCallErrorNumber=EPERM\n") {
		t.Error("deploy/newshound.service denies system calls with SIGSYS (no SystemCallErrorNumber=EPERM): a Go start's prlimit64 kills it on older systemd")
	}
	if strings.Contains(string(unit), "status 1,") {
		t.Error("deploy/newshound.service says a missing token stops it with status 1; it is 78")
	}
	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil || testing.Short() {
		t.Skip("no systemd-analyze here (or -short): the unit's keys are not checked by systemd")
	}
	bin, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "newshound.service")
	if err := os.WriteFile(path, []byte(strings.ReplaceAll(string(unit), "/usr/local/bin/newshound", bin)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(analyze, "verify", path).CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
}
