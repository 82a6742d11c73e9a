package main

import (
	"encoding/binary"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// A power cut differs from a SIGKILL in what reaches the disk: SQLite in
// WAL mode with synchronous = NORMAL syncs its log only at checkpoints, so
// the commits since the last one sit in the kernel's cache, written out
// within about 30 s (Linux's dirty_expire) but lost when the power goes
// first. The log's frames are checksummed in a chain, so what survives is
// a prefix of the log: the database as it was a few seconds before the
// cut. walWatch samples the log's size while the bot runs (under strace,
// which writes down each fsync and fdatasync with the file it syncs), and
// cut truncates the log to its size of a moment before the kill, as a
// power cut losing the writes of that moment on would, but never below its
// size when it was last synced: what a sync put on the disk stays.
type walWatch struct {
	path  string
	trace string // strace's output: the syncs
	stop  chan struct{}
	done  chan struct{}

	mu      sync.Mutex
	samples []walSample
}

type walSample struct {
	at   time.Time
	size int64
}

func watchWAL(dbPath, trace string) *walWatch {
	w := &walWatch{path: dbPath + "-wal", trace: trace, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			if fi, err := os.Stat(w.path); err == nil {
				w.mu.Lock()
				w.samples = append(w.samples, walSample{time.Now(), fi.Size()})
				w.mu.Unlock()
			}
			select {
			case <-w.stop:
				return
			case <-tick.C:
			}
		}
	}()
	return w
}

// cut truncates the log (the bot killed, no process holding the database)
// to the last whole frame of its size lost before the kill, and removes
// the shared-memory index (rebuilt from the log by the next opener, as
// after a reboot). It returns the bytes and frames taken off.
func (w *walWatch) cut(lost time.Duration) (bytes int64, frames int64, err error) {
	close(w.stop)
	<-w.done
	fi, err := os.Stat(w.path)
	if err != nil {
		return 0, 0, nil // no log: nothing unsynced
	}
	at := time.Now().Add(-lost)
	keep := int64(-1)
	w.mu.Lock()
	for i, s := range w.samples {
		// A moment before this run began keeps what it found: the
		// earlier runs' writes were cut at their own kills.
		if i > 0 && s.at.After(at) {
			break
		}
		keep = s.size
	}
	if synced := w.lastSync(); !synced.IsZero() {
		// The size sampled last before the sync began is on the disk.
		for _, s := range w.samples {
			if s.at.After(synced) {
				break
			}
			keep = max(keep, s.size)
		}
	}
	w.mu.Unlock()
	if keep < 0 || keep >= fi.Size() {
		return 0, 0, nil
	}
	f, err := os.OpenFile(w.path, os.O_RDWR, 0)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	var hdr [32]byte
	if _, err := f.ReadAt(hdr[:], 0); err != nil {
		return 0, 0, fmt.Errorf("read the log's header: %w", err)
	}
	frame := int64(24 + binary.BigEndian.Uint32(hdr[8:12]))
	whole := func(size int64) int64 { return max(0, (size-32)/frame) }
	keepFrames := whole(keep)
	if err := f.Truncate(32 + keepFrames*frame); err != nil {
		return 0, 0, err
	}
	if err := os.Remove(w.path[:len(w.path)-len("-wal")] + "-shm"); err != nil && !os.IsNotExist(err) {
		return 0, 0, err
	}
	return fi.Size() - (32 + keepFrames*frame), whole(fi.Size()) - keepFrames, nil
}

// lastSync returns when the bot last began to sync its log (zero: never
// in this run), from strace's lines such as
// "1733000000.123456 fsync(7</tmp/x/newshound.db-wal>) = 0".
func (w *walWatch) lastSync() time.Time {
	b, err := os.ReadFile(w.trace)
	if err != nil {
		return time.Time{}
	}
	var last time.Time
	for _, line := range strings.Split(string(b), "\n") {
		if !strings.Contains(line, w.path+">") || !strings.HasSuffix(strings.TrimSpace(line), "= 0") {
			continue // another file, or a sync unfinished (maybe never done)
		}
		f := strings.Fields(line)
		if len(f) < 3 {
			continue
		}
		// With -f each line starts with the thread's id.
		sec, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			continue
		}
		if at := time.Unix(0, int64(sec*1e9)); at.After(last) {
			last = at
		}
	}
	return last
}
