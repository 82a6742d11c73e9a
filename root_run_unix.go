//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package main

import (
	"fmt"
	"os"
	"syscall"
)

// rootRunWarning is the start's warning when it runs as root (euid 0) on
// a database at path that another user owns (a service's: the systemd
// unit's dynamic user, the image's 65532), "" otherwise: the files that
// run creates or changes beside the database or as log.file (logPath)
// may be left root's, and the service's next start as its own user is
// then refused ("permission denied") until a chown. It names the user to
// run as and the chown.
func rootRunWarning(euid int, path, logPath string) string {
	if euid != 0 {
		return ""
	}
	fi, err := os.Stat(path)
	if err != nil {
		return ""
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok || st.Uid == 0 {
		return ""
	}
	also := ""
	if logPath != "" {
		also = " " + logPath
	}
	return fmt.Sprintf("running as root on the database %s, which belongs to uid %d (a service's user): Newshound needs no privileges, and files this run leaves may stay root's, "+
		"which that user then may not write; stop this one and start the service (systemctl start newshound), or run as that user (sudo -u '#%d' newshound ...); "+
		"if its next start is refused, chown %d %s %s.lock %s-wal %s-shm%s",
		path, st.Uid, st.Uid, st.Uid, path, path, path, path, also)
}
