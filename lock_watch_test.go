package main

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/store"
)

// "database in use by another process (pid N holds newshound.db.lock)"
// reads like a lock left by a crash: an operator who deleted the lock file
// could start a second bot on the database, both sending every alert. The
// running bot makes the file again and locks it, so a second start is still
// refused.
func TestDeletedLockFileIsTakenAgain(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	db, _, _ := runUntilReady(t, testConfig{tg: tg}.String())
	if err := os.Remove(store.LockPath(db)); err != nil {
		t.Fatal(err)
	}
	testkit.WaitFor(t, "the lock file made and taken again", func() bool {
		pid, err := os.ReadFile(store.LockPath(db)) // written once locked
		return err == nil && strings.TrimSpace(string(pid)) == strconv.Itoa(os.Getpid())
	})
	if unlock, err := store.Lock(db); !errors.Is(err, store.ErrLocked) {
		if err == nil {
			unlock()
		}
		t.Errorf("a second start: %v, want it refused with ErrLocked", err)
	}
}

// A second bot that took the lock in the moment the file was gone: the
// running one stops (status 1), naming why, rather than both sending.
func TestLockTakenByAnotherAfterDeletionStops(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	db, _, done := runUntilReady(t, testConfig{tg: tg}.String())
	if err := os.Remove(store.LockPath(db)); err != nil {
		t.Fatal(err)
	}
	unlock, err := store.Lock(db) // the second bot
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	err = stopped(t, done)
	if !errors.Is(err, errLockTaken) || exitStatus(err) != 1 {
		t.Errorf("Run = %v (exit status %d), want errLockTaken and status 1", err, exitStatus(err))
	}
}

// The refusal of a second bot said whose the lock is, and a stranger who
// took it for one a crash left deleted it. It says that no crash leaves one.
func TestLockedSaysTheLockIsNotLeftOver(t *testing.T) {
	db := t.TempDir() + "/nh.db"
	unlock, err := store.Lock(db)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	_, err = store.Lock(db)
	if err == nil || !strings.Contains(err.Error(), "not left over from a crash") {
		t.Errorf("second Lock = %v, want it to say the lock is no crash's", err)
	}
}
