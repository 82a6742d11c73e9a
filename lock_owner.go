package main

import (
	"os"
	"path/filepath"

	"github.com/newshound/newshound/store"
)

// lockAsOwner is store.Lock for a maintenance command (vacuum, restore):
// run as root on the database of a service that runs as another user (the
// unit's dynamic user, the image's 65532), the lock file it creates gets the
// database's owner (its folder's when there is no database yet). Left
// root's, with mode 0600, it stopped the service's next start with "lock
// …: permission denied", at every restart. It fails as store.Lock does, or
// when the owner cannot be given.
func lockAsOwner(path string) (unlock func() error, err error) {
	unlock, err = store.Lock(path)
	if err != nil {
		return nil, err
	}
	like := path
	if _, serr := os.Stat(path); serr != nil {
		like = filepath.Dir(path)
	}
	if err := sameOwner(path+".lock", like); err != nil && !os.IsNotExist(err) {
		_ = unlock()
		return nil, err
	}
	return unlock, nil
}
