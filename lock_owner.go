package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/newshound/newshound/store"
)

// lockAsOwner is store.Lock for the bot and its maintenance commands
// (vacuum, restore): run as root on the database of a service that runs as
// another user (the unit's dynamic user, the image's 65532), the lock file
// it creates gets the database's owner (its folder's when there is no
// database yet). Left
// root's, with mode 0600, it stopped the service's next start with "lock
// …: permission denied", at every restart. It fails as store.Lock does (with
// lockAdvice's fix), or when the owner cannot be given.
func lockAsOwner(path string) (unlock func() error, err error) {
	unlock, err = store.Lock(path)
	if err != nil {
		return nil, lockAdvice(path, withLockHolder(err, path, "/proc"))
	}
	like := path
	if _, serr := os.Stat(path); serr != nil {
		like = filepath.Dir(path)
	}
	if err := sameOwner(store.LockPath(path), like); err != nil && !os.IsNotExist(err) {
		_ = unlock()
		return nil, err
	}
	return unlock, nil
}

// lockAdvice adds to store.Lock's error what to do when the lock file is
// another user's: someone ran newshound (or its vacuum or restore, before
// lockAsOwner) on this database as that user, root perhaps, and the
// service's user may not open it. Both that and a read-only file system
// are *configError (exit 78, as checkStorage's): a restart every 5 seconds
// mends neither. Any other error is returned as it is.
func lockAdvice(path string, err error) error {
	if errors.Is(err, syscall.EROFS) {
		return &configError{fmt.Errorf("storage.path %q: %w: the database is on a read-only file system: %s", path, err, readOnlyFix)}
	}
	if !errors.Is(err, fs.ErrPermission) {
		return err
	}
	return &configError{fmt.Errorf("%w: %s.lock (and maybe the database's -wal and -shm files beside it) belongs to another user, who ran newshound on this database "+
		"(as root?), and this process (uid %d) may not open it: give the files to the user the bot runs as "+
		"(chown --reference=%s %s.lock %s-wal %s-shm, when the database itself is that user's), then start again",
		err, path, os.Geteuid(), path, path, path, path)}
}
