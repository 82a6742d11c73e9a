//go:build unix

package stories

import "syscall"

// processCPUSeconds returns the user and system CPU time the test process
// has used, so that a benchmark can report throughput per CPU-second,
// which other load on the machine does not skew the way it skews wall
// time.
func processCPUSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
