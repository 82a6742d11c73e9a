package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// A start as root on a database another user owns (the service's) warns,
// naming that user and the chown; a start as that user, or as root on
// root's own database, says nothing.
func TestRootRunOnAServiceDatabaseWarns(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() != 0 {
		t.Skip("needs root, to give the database another owner")
	}
	path := filepath.Join(t.TempDir(), "newshound.db")
	makeDatabase(t, path)
	if w := rootRunWarning(0, path, ""); w != "" {
		t.Errorf("root on root's database warned: %s", w)
	}
	if err := os.Chown(path, 64123, 64123); err != nil {
		t.Fatal(err)
	}
	w := rootRunWarning(0, path, "/var/log/newshound/newshound.log")
	for _, want := range []string{"running as root", "belongs to uid 64123", "sudo -u '#64123'", "chown 64123 " + path + " " + path + ".lock", "/var/log/newshound/newshound.log"} {
		if !strings.Contains(w, want) {
			t.Errorf("the warning does not say %q:\n%s", want, w)
		}
	}
	if w := rootRunWarning(64123, path, ""); w != "" {
		t.Errorf("the owner's own start warned: %s", w)
	}
}
