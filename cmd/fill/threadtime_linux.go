package main

import (
	"syscall"
	"time"
	"unsafe"
)

// clockThreadCPUTime is Linux's CLOCK_THREAD_CPUTIME_ID: the calling
// thread's CPU time, to the nanosecond. (getrusage's RUSAGE_THREAD moves at
// the scheduler's ticks: a short step after a long one was charged part of
// the long one's time.)
const clockThreadCPUTime = 3

// threadTime is the calling OS thread's CPU time so far (the fill loop
// locks its goroutine to its thread).
func threadTime() time.Duration {
	var ts syscall.Timespec
	if _, _, errno := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTime, uintptr(unsafe.Pointer(&ts)), 0); errno != 0 {
		return 0
	}
	return time.Duration(ts.Nano())
}
