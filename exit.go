package main

import (
	"errors"
	"net"
	"syscall"
)

// exitConfig is the exit status of a configuration that cannot work
// (sysexits.h's EX_CONFIG): a bad value, an unknown key, an unreadable
// file, no token for a service, a storage.path whose folder is missing
// or may not be written, or whose file is not a database this version can
// use (another application's, empty, damaged, newer). The systemd unit's
// RestartPreventExitStatus=78 leaves such a service stopped ("failed")
// instead of starting it again every 5 seconds to the same error; other
// failures exit 1 and are restarted. A listen address whose port another
// program holds or that needs privileges is one too (listenRefused).
const exitConfig = 78

// configError marks an error of Run that only a change of the
// configuration (or of the environment it reads) mends.
type configError struct{ err error }

func (e *configError) Error() string { return e.err.Error() }
func (e *configError) Unwrap() error { return e.err }

// exitUsage is the exit status of a wrong command line, as the flag
// package's: a subcommand's missing argument or unknown flag.
const exitUsage = 2

// usageError marks an error of a command line that is wrong.
type usageError struct {
	err   error
	usage string // the subcommand's usage, printed after err; "" for none
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// exitStatus is the exit status of the error Run or a subcommand returned:
// exitConfig for a configuration's, exitUsage for a wrong command line's,
// 1 for any other (what -h says).
func exitStatus(err error) int {
	var ce *configError
	var ue *usageError
	switch {
	case errors.As(err, &ce):
		return exitConfig
	case errors.As(err, &ue):
		return exitUsage
	}
	return 1
}

// listenRefused reports whether err is the system refusing a listen
// address of the configuration (metrics.listen, telegram.webhook_listen)
// for good: the port held by another program (Prometheus itself listens on
// 9090 by default) or below 1024. Restarted every 5 s, the bot met the same
// refusal each time, for good; its message names the key and the fix. An
// address this machine does not have (yet: an interface not up at boot) or
// a host name that does not resolve may pass, and keeps status 1.
func listenRefused(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "listen" &&
		(errors.Is(err, syscall.EADDRINUSE) || errors.Is(err, syscall.EACCES))
}
