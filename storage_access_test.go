package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// storage.path in a folder that even root may not write (/sys, whose
// sysfs refuses every new file; /proc, whose procfs answers "no such file")
// read "give the user running Newshound (uid 0) write access to it (chown 0
// /sys)": root owns it already, and no chown mends it. /proc's also exited
// 1, which systemd restarts into the same error. Both now say to put the
// database elsewhere, with status 78.
func TestAFolderRootMayNotWriteNamesNoChown(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root: a folder refusing root is what this is about")
	}
	ran := 0
	for _, dir := range []string{"/sys", "/proc"} {
		if f, err := os.CreateTemp(dir, "newshound-probe-*"); err == nil { // this system lets root write there
			f.Close()
			os.Remove(f.Name())
			continue
		} else if _, serr := os.Stat(dir); serr != nil {
			continue
		}
		ran++
		t.Run(dir, func(t *testing.T) {
			cfgPath := filepath.Join(t.TempDir(), "newshound.toml")
			if err := os.WriteFile(cfgPath, []byte("[storage]\npath = \""+dir+"/n.db\"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			m := NewMain(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" })
			err := m.Run(context.Background(), cfgPath)
			if err == nil {
				t.Fatal("started on a database in " + dir)
			}
			if strings.Contains(err.Error(), "chown") {
				t.Errorf("Run = %v: names a chown, which cannot help root", err)
			}
			if !strings.Contains(err.Error(), "set storage.path to a file in a folder on a disk") {
				t.Errorf("Run = %v: does not say where to put the database", err)
			}
			if got := exitStatus(err); got != exitConfig {
				t.Errorf("exit status %d for %v, want %d (EX_CONFIG)", got, err, exitConfig)
			}
		})
	}
	if ran == 0 {
		t.Skip("no kernel folder refuses root here")
	}
}

// writeAccessFix names the chown only when the files are another user's:
// a user refused its own folder (mode 0555) lacks the write bit, and root is
// refused only by the file system.
func TestWriteAccessFixNamesWhatHelps(t *testing.T) {
	dir := t.TempDir()
	owner := os.Geteuid()
	if owner == 0 {
		owner = 65534
		if err := os.Chown(dir, owner, owner); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		name      string
		uid       int
		say, omit string
	}{
		{"root", 0, "lsattr -d " + dir, "chown"},
		{"the owner", owner, "chmod u+w " + dir, "chown"},
		{"another user", owner + 1, "chown " + strconv.Itoa(owner+1) + " " + dir, "chmod"},
	}
	for _, c := range cases {
		got := writeAccessFix(c.uid, dir)
		if !strings.Contains(got, c.say) || strings.Contains(got, c.omit) {
			t.Errorf("%s: writeAccessFix = %q, want %q and no %q", c.name, got, c.say, c.omit)
		}
	}
}

// The service's database run by hand as another user: /var/lib/newshound
// is /var/lib/private/newshound (DynamicUser=), which only root may enter,
// and the start said "cannot use the folder …: permission denied", naming
// no fix. (Root enters any folder, so the refusal is made up here.)
func TestFolderNotEnterableNamesTheFix(t *testing.T) {
	err := folderStatError("/var/lib/newshound/newshound.db", "/var/lib/newshound", 1000, &fs.PathError{Op: "stat", Path: "/var/lib/newshound", Err: syscall.EACCES})
	for _, want := range []string{"uid 1000", "may not enter the folder /var/lib/newshound", "/var/lib/private/newshound", "systemctl start newshound", "set storage.path"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if !storageConfigError(err) {
		t.Errorf("error %q is not one only the configuration mends (exit 78)", err)
	}
	if got := storageInContainer(err, "/var/lib/newshound/newshound.db", true, 1000); got != err {
		t.Errorf("in a container: %v, want no note of a command to run on the host (it names none)", got)
	}
}
