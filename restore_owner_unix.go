//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package main

import (
	"os"
	"syscall"
)

// sameOwner gives file the owner and group of like, when this process may
// (root); otherwise the file stays this process's.
func sameOwner(file, like string) error {
	if os.Geteuid() != 0 {
		return nil
	}
	fi, err := os.Stat(like)
	if err != nil {
		return err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	return os.Chown(file, int(st.Uid), int(st.Gid))
}

// ownedBy reports whether every one of paths exists and belongs to uid.
func ownedBy(uid int, paths ...string) bool {
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return false
		}
		st, ok := fi.Sys().(*syscall.Stat_t)
		if !ok || int(st.Uid) != uid {
			return false
		}
	}
	return len(paths) > 0
}
