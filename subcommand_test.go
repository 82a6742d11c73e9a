package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
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

// A subcommand's wrong number of words said "backup takes 1 argument(s)
// besides -config, got 0"; a flag put after DEST ("backup copy.db -config
// x.toml") was counted as words too. The fault names what is missing, or
// the word too many, and that flags go first.
func TestSubcommandArgumentsAreNamed(t *testing.T) {
	getenv := func(string) string { return "" }
	ctx := context.Background()
	for _, tt := range []struct {
		name string
		err  error
		want []string
	}{
		{"backup without DEST", runBackup(ctx, nil, getenv, &bytes.Buffer{}), []string{"backup needs DEST, the file to write the copy to"}},
		{"restore without BACKUP", runRestore(ctx, []string{"-config", "x.toml"}, getenv, &bytes.Buffer{}), []string{"restore needs BACKUP"}},
		{"a flag after DEST", runBackup(ctx, []string{"copy.db", "-config", "x.toml"}, getenv, &bytes.Buffer{}), []string{`"-config" comes after copy.db`, "flags go first: newshound backup -config x.toml copy.db"}},
		{"a word too many", runVacuum(ctx, []string{"now"}, getenv, &bytes.Buffer{}), []string{`unexpected argument "now"`, "vacuum takes none"}},
		{"two backups", runBackup(ctx, []string{"a.db", "b.db"}, getenv, &bytes.Buffer{}), []string{`unexpected argument "b.db"`, "one DEST"}},
		// The configuration given without -config: restore read it as the
		// backup ("empty or damaged"), backup as DEST ("already exists …
		// such as newshound-2.toml") or wrote a database into it.
		{"restore of the configuration", runRestore(ctx, []string{"newshound.toml"}, getenv, &bytes.Buffer{}), []string{"newshound.toml is a configuration file (.toml), not BACKUP", "newshound restore -config newshound.toml BACKUP"}},
		{"backup to the configuration", runBackup(ctx, []string{"/etc/newshound/newshound.toml"}, getenv, &bytes.Buffer{}), []string{"not DEST, the file to write the copy to", "newshound backup -config /etc/newshound/newshound.toml DEST"}},
	} {
		if tt.err == nil || exitStatus(tt.err) != exitUsage {
			t.Errorf("%s: %v, want a usage error", tt.name, tt.err)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(tt.err.Error(), w) {
				t.Errorf("%s: %q does not say %q", tt.name, tt.err, w)
			}
		}
	}
}

// A typo made in [poller] since the bot started refused `newshound backup`
// (and restore, in an incident) until it was mended, though the command
// uses storage.path alone. It goes on, warning of the mistakes; a mistake
// in storage.path itself still refuses it (status 78).
func TestBackupGoesOnPastMistakesElsewhere(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "nh.db")
	if err := createDatabase(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(dir, "nh.toml")
	if err := os.WriteFile(cfgPath, []byte("[storage]\npath = \""+db+"\"\n[poller]\nconcurency = 3\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	dest := filepath.Join(dir, "copy.db")
	if err := runBackup(context.Background(), []string{"-config", cfgPath, dest}, func(string) string { return "" }, &out); err != nil {
		t.Fatalf("backup past a mistake in [poller]: %v", err)
	}
	if _, err := os.Stat(dest); err != nil {
		t.Errorf("no copy: %v", err)
	}
	for _, want := range []string{"warning: " + cfgPath + " has mistakes the bot will refuse", "poller.concurency", "do not touch storage.path"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("backup's output does not say %q:\n%s", want, out.String())
		}
	}
	// A mistake in [storage], or a key above every table (the [storage]
	// line left out), whose default storage.path is not the bot's.
	for _, body := range []string{"[storage]\npth = \"" + db + "\"\n", "path = \"" + db + "\"\n"} {
		if err := os.WriteFile(cfgPath, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		err := runBackup(context.Background(), []string{"-config", cfgPath, filepath.Join(dir, "copy2.db")}, func(string) string { return "" }, &bytes.Buffer{})
		if exitStatus(err) != exitConfig || !strings.Contains(fmt.Sprint(err), "unknown key") {
			t.Errorf("backup with %q: %v (status %d), want status %d naming it", body, err, exitStatus(err), exitConfig)
		}
	}
}
