//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package main

// rootRunWarning is "": no root where files have no Unix owner.
func rootRunWarning(euid int, path, logPath string) string { return "" }
