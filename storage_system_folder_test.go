package main

import (
	"io/fs"
	"strings"
	"syscall"
	"testing"
)

// A relative storage.path (config.example.toml's "newshound.db") in the
// container image, whose working folder is /, or under a service manager
// without a working folder: the start told the bot's user to take the
// root of the machine, "chown 65532 /". A system folder gets no chown; the
// error says the path is relative and where to put the database instead.
func TestSystemFolderIsNeverChowned(t *testing.T) {
	denied := &fs.PathError{Op: "open", Path: "/.newshound-write-check-1", Err: syscall.EACCES}
	for _, dir := range []string{"/", "/etc", "/usr/local"} {
		err := storageFolderErrorAs(65532, "newshound.db", "", dir, denied)
		if strings.Contains(err.Error(), "chown") {
			t.Errorf("%s: %v, advises a chown of a system folder", dir, err)
		}
		for _, want := range []string{"/data/newshound.db", "/var/lib/newshound/newshound.db", "relative storage.path"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%s: %v, does not say %q", dir, err, want)
			}
		}
	}
	// A folder of the operator's still gets its chown.
	if err := storageFolderErrorAs(65532, "/srv/newshound/nh.db", "", "/srv/newshound", denied); !strings.Contains(err.Error(), "chown 65532 /srv/newshound") {
		t.Errorf("/srv/newshound: %v, want the chown named", err)
	}
}
