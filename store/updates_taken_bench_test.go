package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkTakeUpdate is the cost HandleOnce adds to every update: one
// insert into updates_taken on the writer connection; cpu-µs/op is the
// process's CPU time (getrusage), which the machine's load does not inflate.
func BenchmarkTakeUpdate(b *testing.B) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(b.TempDir(), "b.db"), time.Now)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	now := time.Now()
	b.ResetTimer()
	cpu := cpuTime()
	for i := range b.N {
		if _, err := st.TakeUpdate(ctx, 1, int64(i), now); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/float64(b.N), "cpu-µs/op")
}
