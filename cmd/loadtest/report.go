package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
)

// monitor samples the Go heap while the run goes.
type monitor struct {
	mu       sync.Mutex
	peakHeap uint64 // bytes in use by the Go heap, at the highest sample
	peakSys  uint64 // bytes the Go runtime got from the OS
}

func newMonitor() *monitor { return &monitor{} }

func (m *monitor) sample(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	var ms runtime.MemStats
	for {
		runtime.ReadMemStats(&ms)
		m.mu.Lock()
		m.peakHeap = max(m.peakHeap, ms.HeapInuse)
		m.peakSys = max(m.peakSys, ms.Sys)
		m.mu.Unlock()
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// vmHWM reads the process's peak resident set size from /proc (Linux).
func vmHWM() string {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return "n/a"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "n/a"
}

// report prints the figures of a finished run.
func report(w io.Writer, o options, srv *telegramtest.Server, enf *telegramtest.Enforcer, mon *monitor, start, replyQueued time.Time, want int, replyChat int64) error {
	sent := srv.Sent(0)
	var times []time.Time
	var replyAt, replyChatAlertAt time.Time
	for _, c := range sent {
		if c.Text() == "reply under load" {
			replyAt = c.At
			continue
		}
		times = append(times, c.At)
		if c.ChatID() == replyChat {
			replyChatAlertAt = c.At
		}
	}
	sort.Slice(times, func(i, j int) bool { return times[i].Before(times[j]) })
	if len(times) == 0 || (len(times) != want && o.perChat <= o.burstMax) {
		return fmt.Errorf("%d alert messages accepted, want %d", len(times), want)
	}
	first, last := times[0], times[len(times)-1]
	st := enf.Stats()
	// Steady state: leave out the first and last 5 seconds.
	from, to := first.Add(5*time.Second), last.Add(-5*time.Second)
	steady := 0
	for _, t := range times {
		if !t.Before(from) && t.Before(to) {
			steady++
		}
	}
	steady429 := "0"
	if st.Rejected > 0 {
		steady429 = fmt.Sprintf("%d in all, first at +%s, last at +%s", st.Rejected, st.First429.Sub(start).Round(time.Millisecond), st.Last429.Sub(start).Round(time.Millisecond))
	}
	mon.mu.Lock()
	heap, sys := mon.peakHeap, mon.peakSys
	mon.mu.Unlock()
	fmt.Fprintf(w, "chats %d (groups %.0f%%), alerts %d, burst_max %d, fake latency %s\n", o.chats, o.groups*100, want, o.burstMax, o.latency)
	fmt.Fprintf(w, "messages: %d for %d alerts\n", len(times), want)
	fmt.Fprintf(w, "time until the last chat had its alert: %s\n", last.Sub(start).Round(time.Millisecond))
	fmt.Fprintf(w, "overall send rate: %.2f messages/s (%d messages, first to last)\n", float64(len(times)-1)/last.Sub(first).Seconds(), len(times))
	if to.After(from) {
		fmt.Fprintf(w, "steady send rate: %.2f messages/s (first and last 5 s left out)\n", float64(steady)/to.Sub(from).Seconds())
	}
	fmt.Fprintf(w, "429s received: %s (of which for one chat's limit: %d)\n", steady429, st.RejectedChat)
	fmt.Fprintf(w, "peak memory: VmHWM %s (process, fake server included); Go heap in use %.1f MiB, Go runtime from OS %.1f MiB\n",
		vmHWM(), float64(heap)/(1<<20), float64(sys)/(1<<20))
	if !replyQueued.IsZero() {
		order := "before"
		if replyChatAlertAt.Before(replyAt) {
			order = "after"
		}
		fmt.Fprintf(w, "reply queued at +%s behind %d pending alert messages: accepted %s later, %s that chat's alert\n",
			replyQueued.Sub(start).Round(time.Millisecond), pendingAt(times, replyQueued), replyAt.Sub(replyQueued).Round(time.Millisecond), order)
	}
	return nil
}

// pendingAt counts the alerts accepted after t.
func pendingAt(times []time.Time, t time.Time) int {
	return len(times) - sort.Search(len(times), func(i int) bool { return !times[i].Before(t) })
}
