package main

import "errors"

// exitConfig is the exit status of a configuration that cannot work
// (sysexits.h's EX_CONFIG): a bad value, an unknown key, an unreadable
// file, no token for a service. The systemd unit's
// RestartPreventExitStatus=78 leaves such a service stopped ("failed")
// instead of starting it again every 5 seconds to the same error; other
// failures exit 1 and are restarted.
const exitConfig = 78

// configError marks an error of Run that only a change of the
// configuration (or of the environment it reads) mends.
type configError struct{ err error }

func (e *configError) Error() string { return e.err.Error() }
func (e *configError) Unwrap() error { return e.err }

// exitStatus is the exit status of the error Run returned: exitConfig for
// a configuration's, 1 for any other.
func exitStatus(err error) int {
	var ce *configError
	if errors.As(err, &ce) {
		return exitConfig
	}
	return 1
}
