package main

import "syscall"

// peakRSS is the most resident memory the process has held, in bytes
// (getrusage's ru_maxrss, which Linux counts in KiB).
func peakRSS() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Maxrss << 10
}
