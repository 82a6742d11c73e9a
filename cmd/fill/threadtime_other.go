//go:build !linux

package main

import "time"

// threadTime is not measured on this system: the per-step CPU figures read 0.
func threadTime() time.Duration { return 0 }
