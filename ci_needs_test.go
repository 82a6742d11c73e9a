package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// .ci/run linked the static binary last, after minutes of vet, tests and
// fuzzing: on a machine with the README's Go and C compiler alone (Fedora's
// gcc brings no libc.a) it failed there with the linker's "cannot find
// -lc". scripts/ci-needs.sh, run first, names the static C library and how
// to install it.
func TestCINamesTheStaticCLibraryFirst(t *testing.T) {
	run, err := os.ReadFile(".ci/run")
	if err != nil {
		t.Fatal(err)
	}
	needs, vet := strings.Index(string(run), "\nsh scripts/ci-needs.sh\n"), strings.Index(string(run), "\ngo vet ")
	if needs < 0 || vet < 0 || needs > vet {
		t.Errorf(".ci/run does not run scripts/ci-needs.sh before go vet:\n%s", run)
	}
	// A compiler without the static C library: -print-file-name prints
	// the bare name back, as gcc does for a file it does not find.
	cc := filepath.Join(t.TempDir(), "cc")
	if err := os.WriteFile(cc, []byte("#!/bin/sh\necho libc.a\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("sh", "scripts/ci-needs.sh")
	cmd.Env = append(os.Environ(), "CC="+cc)
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "no static C library (libc.a)") || !strings.Contains(string(out), "glibc-static") {
		t.Errorf("ci-needs.sh with no libc.a: %v, want a failure naming libc.a and how to install it:\n%s", err, out)
	}
}
