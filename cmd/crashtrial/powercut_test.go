package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestPowerCutKeepsWhatASyncPutOnTheDisk: a power cut keeps the log's
// writes returned before the moment it loses from, and those returned
// before a completed sync of the log began, never a write of another file
// or one a sync began before.
func TestPowerCutKeepsWhatASyncPutOnTheDisk(t *testing.T) {
	dir := t.TempDir()
	wal := filepath.Join(dir, "n.db-wal")
	trace := filepath.Join(dir, "trace")
	lines := "" +
		"10  100.000000 pwrite64(5</d/other-wal>, \"\"..., 4096, 90000) = 4096\n" +
		"10  100.100000 pwrite64(5<" + wal + ">, \"\"..., 24, 1000) = 24\n" +
		"10  100.100100 pwrite64(5<" + wal + ">, \"\"..., 4096, 1024) = 4096\n" + // ends at 5120
		"11  100.200000 fsync(5<" + wal + "> <unfinished ...>\n" +
		"10  100.250000 pwrite64(5<" + wal + ">, \"\"..., 4096, 5120 <unfinished ...>\n" +
		"11  100.300000 <... fsync resumed>) = 0\n" + // synced: up to 5120
		"10  100.300100 <... pwrite64 resumed>) = 4096\n" + // ends at 9216, after the sync began
		"10  101.000000 pwrite64(5<" + wal + ">, \"\"..., 4096, 9216) = 4096\n" + // 13312
		"11  101.100000 fsync(5<" + wal + "> <unfinished ...>\n" // never returned
	if err := os.WriteFile(trace, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	w := &walWatch{path: wal, trace: trace, start: 32}
	at := func(s float64) time.Time { return time.Unix(0, int64(s*1e9)) }
	for _, tt := range []struct {
		name string
		kill time.Time
		lost time.Duration
		want int64
	}{
		{"all lost after the synced writes", at(101.2), 2 * time.Second, 5120},
		{"a moment before the last write", at(101.2), 500 * time.Millisecond, 9216},
		{"nothing lost", at(101.2), 0, 13312},
		{"before any write: the start", at(100.05), 0, 32},
	} {
		if got := w.keep(tt.kill, tt.lost); got != tt.want {
			t.Errorf("%s: keep = %d, want %d", tt.name, got, tt.want)
		}
	}
}
