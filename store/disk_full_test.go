package store_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/newshound/newshound/store"
)

// mountSmallDisk mounts a 4 MiB tmpfs in a new folder and returns it, or
// skips the test where mounting is not allowed (not root, no
// CAP_SYS_ADMIN): a real full disk, which ulimit -f only imitates.
func mountSmallDisk(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=4m"); err != nil {
		t.Skipf("mount a small tmpfs: %v (a real full disk needs root)", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, syscall.MNT_DETACH); err != nil {
			t.Errorf("unmount %s: %v", dir, err)
		}
	})
	return dir
}

// fill writes a file into dir until the disk has no room left.
func fill(t *testing.T, dir string) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := make([]byte, 4096)
	for {
		if _, err := f.Write(block); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("fill the disk: %v", err)
			}
			return
		}
	}
}

// TestAFullDiskIsNotADamagedDatabase: on a disk with no room left (a real
// one, not a file-size limit), SQLite cannot make the shared-memory file of
// a sound database and says "disk I/O error: no space left on device", an
// I/O error whose errno the error does not unwrap to. DiskFull missed it, so
// the bot's start told the operator to restore a backup over a good
// database (losing what it held since) instead of waiting for room.
func TestAFullDiskIsNotADamagedDatabase(t *testing.T) {
	dir := mountSmallDisk(t)
	path := filepath.Join(dir, "nh.db")
	ctx := context.Background()
	st, err := store.Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	fill(t, dir)
	_, err = store.CheckFile(ctx, path, false)
	if err == nil {
		t.Fatal("CheckFile on a full disk passed: the test no longer makes SQLite fail")
	}
	if errors.Is(err, store.ErrDamaged) {
		t.Errorf("a full disk called a damaged database: %v", err)
	}
	if !store.DiskFull(err) {
		t.Errorf("DiskFull(%v) = false", err)
	}
	if err := os.Remove(filepath.Join(dir, "filler")); err != nil {
		t.Fatal(err)
	}
	if _, err := store.CheckFile(ctx, path, false); err != nil {
		t.Errorf("CheckFile with room again: %v", err)
	}
}
