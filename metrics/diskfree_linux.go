package metrics

import (
	"math"
	"syscall"
)

// diskFree is the bytes an unprivileged process may still write on the file
// system of dir, or NaN when it cannot be read.
func diskFree(dir string) float64 {
	var fs syscall.Statfs_t
	if err := syscall.Statfs(dir, &fs); err != nil {
		return math.NaN()
	}
	return float64(fs.Bavail) * float64(fs.Bsize)
}
