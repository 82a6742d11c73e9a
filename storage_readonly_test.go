package main

import (
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// storage.path on a read-only file system: under the systemd unit
// (ProtectSystem=strict) every folder but /var/lib/newshound is one, and an
// operator who set storage.path = "/srv/newshound/nh.db" read "give the
// user running Newshound write access to it", which chmod and chown cannot
// give. The start, and vacuum's and restore's lock, say the file system is
// read-only and where the unit lets it write.
func TestReadOnlyFileSystemSaysWhereToWrite(t *testing.T) {
	const path = "/srv/newshound/nh.db"
	erofs := &fs.PathError{Op: "open", Path: "/srv/newshound/.newshound-write-check-1", Err: syscall.EROFS}
	for _, err := range []error{storageFolderError(path, "", "/srv/newshound", erofs), lockAdvice(path, &fs.PathError{Op: "open", Path: path + ".lock", Err: syscall.EROFS})} {
		for _, want := range []string{"storage.path", "read-only file system", "/var/lib/newshound", "ReadWritePaths="} {
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("error %v does not say %q", err, want)
			}
		}
		if err != nil && strings.Contains(err.Error(), "write access") {
			t.Errorf("error %v advises write access, which a read-only file system cannot give", err)
		}
	}
	// The container's user is uid 65532: a host folder bind-mounted on /data
	// is the operator's, and "give the user running Newshound write access"
	// did not say which user that is.
	if got := writeAccessFix(65532, "/srv/newshound"); !strings.Contains(got, "write access") || !strings.Contains(got, "(uid 65532") || !strings.Contains(got, "chown 65532 /srv/newshound") {
		t.Errorf("a folder the user may not write: %q, want write access, the uid and the chown named", got)
	}
}

// storage.path = "/var/lib/newshound", the folder rather than the file in
// it: the start advised "give the user running Newshound write access to it
// (chown …)" for "open …: is a directory", and backup said "disk I/O error".
// Both say to name the file in that folder; the start exits 78 (only the
// configuration mends it).
func TestStoragePathThatIsAFolder(t *testing.T) {
	dir := t.TempDir()
	want := filepath.Join(dir, "newshound.db")
	if err := checkStorage(dir, ""); err == nil || !strings.Contains(err.Error(), "is a folder") || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "chown") {
		t.Errorf("checkStorage(a folder) = %v; want it called a folder, with %s offered", err, want)
	} else if exitStatus(err) != exitConfig {
		t.Errorf("exit status %d, want %d", exitStatus(err), exitConfig)
	}
	if err := existingDatabase(dir); err == nil || !strings.Contains(err.Error(), "is a folder") || !strings.Contains(err.Error(), want) {
		t.Errorf("existingDatabase(a folder) = %v; want it called a folder, with %s offered", err, want)
	}
}
