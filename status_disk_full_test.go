package main

import (
	"context"
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A disk that fills while the bot runs: /healthz (docker inspect's
// reason) and /status said "database not writable: … database or disk is
// full" and nothing of what to do or where. They name the folder to free,
// and that the bot goes on by itself once there is room.
func TestDiskFullSaysWhereToFreeSpace(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
	st := &fakeWatchStore{writeErr: fmt.Errorf("database not writable: database refused a write 2s ago: %w", syscall.ENOSPC)}
	w := newWatch(st, nopObs{}, nopObs{}, clock.Now)
	w.dbPath = "/srv/newshound/nh.db"
	want := "free space in /srv/newshound"
	if err := w.Ready(context.Background()); err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "by itself") {
		t.Errorf("Ready = %v; want %q and that it goes on by itself", err, want)
	}
	s, err := w.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(s, want) {
		t.Errorf("/status does not say %q:\n%s", want, s)
	}
	st.writeErr = fmt.Errorf("database not writable: %w", syscall.EIO) // not a full disk: no advice about space
	if err := w.Ready(context.Background()); err == nil || strings.Contains(err.Error(), "free space") {
		t.Errorf("Ready = %v; an I/O error is no full disk", err)
	}
}
