//go:build !linux

package metrics

import "math"

// diskFree is NaN where Newshound does not read the free space (it is
// built and deployed for Linux).
func diskFree(string) float64 { return math.NaN() }
