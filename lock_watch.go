package main

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"

	"github.com/newshound/newshound/store"
)

// heldLock is the database's lock (store.Lock) as the running bot holds
// it, watched for its file being deleted: "database in use by another
// process" reads like a stale lock after a crash, and a second bot started
// once the file was gone took a lock of its own, both sending every alert.
type heldLock struct {
	path string // storage.path

	mu     sync.Mutex
	unlock func() error
	file   os.FileInfo // the lock file held; nil when it could not be looked at
}

// newHeldLock is the lock unlock releases, on the database at path.
func newHeldLock(path string, unlock func() error) *heldLock {
	h := &heldLock{path: path, unlock: unlock}
	if fi, err := os.Stat(store.LockPath(path)); err == nil {
		h.file = fi
	}
	return h
}

// release releases the lock held (for the deferred stop).
func (h *heldLock) release() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.unlock()
}

// errLockTaken is another process holding the lock of the database after
// its lock file was deleted under the running bot.
var errLockTaken = errors.New("the database's lock file was deleted while Newshound ran, and another process has taken the database since")

// check takes the lock again when its file was deleted or replaced: a new
// file locked at once keeps a second bot out. It fails with errLockTaken,
// naming the other process, when another one holds the new file already:
// two bots on one database send every alert twice, so this one stops. A
// file that cannot be looked at is no reason to act.
func (h *heldLock) check(log *slog.Logger) error {
	if h == nil || h.file == nil {
		return nil
	}
	name := store.LockPath(h.path)
	fi, err := os.Stat(name)
	if err == nil && os.SameFile(fi, h.file) {
		return nil
	}
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	unlock, lerr := store.Lock(h.path)
	if errors.Is(lerr, store.ErrLocked) {
		return fmt.Errorf("%s: %w: %v; stopping this one, so that one bot sends (the lock file is never to be deleted: a bot killed leaves no lock behind)", name, errLockTaken, lerr)
	}
	if lerr != nil {
		log.Warn("the database's lock file was deleted, and it could not be made again; a second bot started on this database would not be refused", "path", name, "err", lerr)
		h.file = nil
		return nil
	}
	_ = h.unlock() // the deleted file's lock keeps nobody out
	h.unlock = unlock
	if fi, err := os.Stat(name); err == nil {
		h.file = fi
	}
	log.Warn("the database's lock file was deleted while Newshound ran; made and taken again (never delete it: a bot killed leaves no lock behind, and the lock keeps a second bot off the database)", "path", name)
	return nil
}
