package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A console run once as root leaves the database, its lock and
// newshound.log root's. The next run as the folder's owner said to chown
// the database and its lock, then, once that was done, stopped logging to
// the file with a warning of its own that advised write access to the
// folder (which the user had). The one chown names the log too; a log
// left root's alone is named with the same chown.
func TestRootRunsLogIsNamedInTheOneChown(t *testing.T) {
	const service = 65534
	dir, exe := binaryForAnotherUser(t, "newshound-logowner-")
	db := serviceDatabase(t, dir, service)
	logPath := filepath.Join(dir, logFile)
	for _, f := range []string{db + ".lock", logPath} { // root's, as a root run leaves them
		if err := os.WriteFile(f, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chown(db, 0, 0); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(db, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := consoleAs(t, exe, db, service)
	if err == nil {
		t.Fatalf("started on a database it may not write:\n%s", out)
	}
	if want := fmt.Sprintf("chown %d %s %s.lock %s)", service, db, db, logPath); !bytes.Contains(out, []byte(want)) {
		t.Errorf("the start's error (%v) does not say %q:\n%s", err, want, out)
	}

	for _, f := range []string{db, db + ".lock"} { // the database given back, the log not
		if err := os.Chown(f, service, service); err != nil {
			t.Fatal(err)
		}
	}
	out, _ = consoleAs(t, exe, db, service)
	if want := fmt.Sprintf("chown %d %s)", service, logPath); !bytes.Contains(out, []byte(want)) {
		t.Errorf("the log file's warning does not say %q:\n%s", want, out)
	}
}

// consoleAs runs exe as uid in console mode on db (no token, an empty
// standard input: it stops once started) and returns what it printed.
func consoleAs(t *testing.T, exe, db string, uid int) ([]byte, error) {
	t.Helper()
	return runAs(t, exe, db, uid, "")
}

// A root cp or sqlite3 on the database leaves its -wal and -shm root's, and
// a root run its log: the start named the -wal and -shm in a chown of
// their own, and once that was done, the log in a warning with a second
// chown. The one chown names all three, and the next start is clean.
func TestRootsJournalsAndLogAreNamedInOneChown(t *testing.T) {
	const service = 65534
	dir, exe := binaryForAnotherUser(t, "newshound-journalowner-")
	db := serviceDatabase(t, dir, service)
	logPath := filepath.Join(dir, logFile)
	files := []string{db + "-wal", db + "-shm", logPath}
	for _, f := range files { // root's, as root's cp -a or sqlite3 and a root run leave them
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := consoleAs(t, exe, db, service)
	if err == nil {
		t.Fatalf("started beside a -wal it may not write:\n%s", out)
	}
	want := fmt.Sprintf("chown --reference=%s %s", db, strings.Join(files, " "))
	if !bytes.Contains(out, []byte(want)) {
		t.Fatalf("the start's error (%v) does not say %q:\n%s", err, want, out)
	}
	for _, f := range files { // the one chown done
		if err := os.Chown(f, service, service); err != nil {
			t.Fatal(err)
		}
	}
	out, err = consoleAs(t, exe, db, service)
	if err != nil || bytes.Contains(out, []byte("chown")) {
		t.Errorf("after the chown named: %v, and it still names a chown:\n%s", err, out)
	}
}
