package main

import (
	"encoding/binary"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// A power cut differs from a SIGKILL in what reaches the disk: SQLite in
// WAL mode with synchronous = NORMAL syncs its log only at checkpoints, so
// the commits since the last one sit in the kernel's cache, written out
// within about 30 s (Linux's dirty_expire) but lost when the power goes
// first. The log's frames are checksummed in a chain, so what survives is
// a prefix of the log: the database as it was a moment before the cut.
//
// walWatch reads what the bot did to its log from strace (every pwrite64
// with its offset and length, every fsync and fdatasync, each with when it
// began and ended), and cut truncates the log after the kill to the end of
// the writes done 0-3 s before it, as a power cut losing the writes of
// that moment on would, but never below the end of the writes done before
// a sync that completed began (what a sync put on the disk stays), nor
// below the log's size when this run began (earlier runs' cuts are done).
type walWatch struct {
	path  string
	trace string // strace's output
	start int64  // the log's size when the run began
}

func watchWAL(dbPath, trace string) *walWatch {
	w := &walWatch{path: dbPath + "-wal", trace: trace}
	if fi, err := os.Stat(w.path); err == nil {
		w.start = fi.Size()
	}
	return w
}

// walEvent is one call on the log, from its start to its end (end zero:
// never returned, the process killed in it).
type walEvent struct {
	sync       bool
	start, end time.Time
	upto       int64 // a write's end: its offset + its length
}

var (
	// 1234  1796076130.730800 pwrite64(20</d/newshound.db-wal>, ""..., 4096, 8272) = 4096
	// 1234  1796076130.730800 fsync(20</d/newshound.db-wal>) = 0
	// 1234  1796076130.730800 pwrite64(20</d/x.db-wal>, ""..., 4096, 8272 <unfinished ...>
	// 1234  1796076130.731000 <... pwrite64 resumed>) = 4096
	traceCall    = regexp.MustCompile(`^(\d+)\s+([\d.]+) (pwrite64|fsync|fdatasync)\(\d+<([^>]*)>(.*)$`)
	traceResumed = regexp.MustCompile(`^(\d+)\s+([\d.]+) <\.\.\. (pwrite64|fsync|fdatasync) resumed>.*\) = (-?\d+)`)
	writeArgs    = regexp.MustCompile(`, (\d+), (\d+)(\) = (-?\d+)| <unfinished \.\.\.>)\s*$`)
	syncArgs     = regexp.MustCompile(`^\)( = (-?\d+)|.*<unfinished \.\.\.>)\s*$|^ <unfinished \.\.\.>\s*$`)
)

func traceTime(s string) time.Time {
	f, _ := strconv.ParseFloat(s, 64)
	return time.Unix(0, int64(f*1e9))
}

// events reads the calls on the log from the trace.
func (w *walWatch) events() []walEvent {
	b, err := os.ReadFile(w.trace)
	if err != nil {
		return nil
	}
	var out []walEvent
	open := map[string]int{} // a thread's call begun and not returned: its index in out
	for _, line := range strings.Split(string(b), "\n") {
		if m := traceResumed.FindStringSubmatch(line); m != nil {
			if i, ok := open[m[1]]; ok {
				delete(open, m[1])
				if m[4] == "0" || !out[i].sync && m[4] != "-1" {
					out[i].end = traceTime(m[2])
				}
			}
			continue
		}
		m := traceCall.FindStringSubmatch(line)
		if m == nil || m[4] != w.path {
			continue
		}
		e := walEvent{sync: m[3] != "pwrite64", start: traceTime(m[2])}
		if e.sync {
			a := syncArgs.FindStringSubmatch(m[5])
			if a == nil {
				continue
			}
			if a[1] != "" && a[2] == "0" {
				e.end = e.start
			} else if a[2] == "" {
				open[m[1]] = len(out)
			}
		} else {
			a := writeArgs.FindStringSubmatch(m[5])
			if a == nil {
				continue
			}
			n, _ := strconv.ParseInt(a[1], 10, 64)
			off, _ := strconv.ParseInt(a[2], 10, 64)
			e.upto = off + n
			if a[4] != "" && a[4] != "-1" {
				e.end = e.start
			} else if a[4] == "" {
				open[m[1]] = len(out)
			}
		}
		out = append(out, e)
	}
	return out
}

// keep returns how much of the log a power cut at kill, losing what was
// written after kill-lost, leaves on the disk.
func (w *walWatch) keep(kill time.Time, lost time.Duration) int64 {
	ev := w.events()
	doneBy := func(at time.Time) int64 { // the end of the writes returned by at
		n := int64(0)
		for _, e := range ev {
			if !e.sync && !e.end.IsZero() && !e.end.After(at) {
				n = max(n, e.upto)
			}
		}
		return n
	}
	keep := max(w.start, doneBy(kill.Add(-lost)))
	for _, e := range ev {
		if e.sync && !e.end.IsZero() && !e.end.After(kill) {
			keep = max(keep, doneBy(e.start))
		}
	}
	return keep
}

// cut truncates the log (the bot killed, no process holding the database)
// to the last whole frame of what a power cut at kill, losing lost, leaves
// (see walWatch), and removes the shared-memory index (rebuilt from the log
// by the next opener, as after a reboot). It returns the bytes and frames
// taken off.
func (w *walWatch) cut(kill time.Time, lost time.Duration) (bytes int64, frames int64, err error) {
	fi, err := os.Stat(w.path)
	if err != nil {
		return 0, 0, nil // no log: nothing unsynced
	}
	keep := w.keep(kill, lost)
	if keep >= fi.Size() {
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
