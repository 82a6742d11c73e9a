package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"strings"
	"testing"
)

// A subcommand's wrong command line printed its usage to stdout: it goes
// to stderr with the fault, exit status 2; usage asked for with -h goes to
// stdout, no failure.
func TestSubcommandUsageErrorsGoToStderr(t *testing.T) {
	getenv := func(string) string { return "" }
	for _, tt := range []struct {
		name string
		run  func([]string, *bytes.Buffer) error
		args []string
	}{
		{"backup", func(a []string, out *bytes.Buffer) error { return runBackup(context.Background(), a, getenv, out) }, nil},
		{"backup", func(a []string, out *bytes.Buffer) error { return runBackup(context.Background(), a, getenv, out) }, []string{"-nonsense", "x.db"}},
		{"restore", func(a []string, out *bytes.Buffer) error { return runRestore(context.Background(), a, getenv, out) }, []string{"a.db", "b.db"}},
		{"vacuum", func(a []string, out *bytes.Buffer) error { return runVacuum(context.Background(), a, getenv, out) }, []string{"now"}},
		{"healthcheck", func(a []string, out *bytes.Buffer) error { return runHealthcheck(context.Background(), a, getenv, out) }, []string{"-x"}},
	} {
		var stdout, stderr bytes.Buffer
		err := tt.run(tt.args, &stdout)
		reportFailure(&stderr, tt.name, err)
		if err == nil || exitStatus(err) != exitUsage {
			t.Errorf("%s %v: %v (exit %d), want a usage error, exit 2", tt.name, tt.args, err, exitStatus(err))
		}
		if stdout.Len() != 0 {
			t.Errorf("%s %v printed to stdout: %q", tt.name, tt.args, stdout.String())
		}
		if got := stderr.String(); !strings.HasPrefix(got, "newshound "+tt.name+": ") || !strings.Contains(got, "usage: newshound "+tt.name) || strings.Count(got, "not defined") > 1 {
			t.Errorf("%s %v: stderr %q, want the fault once, then the usage", tt.name, tt.args, got)
		}
		var help, helpErr bytes.Buffer
		err = tt.run([]string{"-h"}, &help)
		reportFailure(&helpErr, tt.name, err)
		if !errors.Is(err, flag.ErrHelp) || !strings.Contains(help.String(), "usage: newshound "+tt.name) || helpErr.Len() != 0 {
			t.Errorf("%s -h: %v, stdout %q, stderr %q; want the usage on stdout", tt.name, err, help.String(), helpErr.String())
		}
	}
}
