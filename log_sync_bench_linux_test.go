package main

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

// countedSyncs is the store's SyncLog, counting the syncs it made.
type countedSyncs struct {
	*store.Store
	synced atomic.Int64
}

func (c *countedSyncs) SyncLog() (bool, error) {
	ok, err := c.Store.SyncLog()
	if ok {
		c.synced.Add(1)
	}
	return ok, err
}

// BenchmarkMarkSentAtTelegramsRate records messages as sent at Telegram's
// full rate (30 a second, one every 33 ms of the wall clock: b.N messages
// take b.N/30 s) through the sender's outbox with the bot's log sync
// running (a tick every logSyncEvery, a kick per record: "kicked"), or
// with the tick alone ("tick"), or with a kick delayed to gather the
// records of 100 ms ("kicked-100ms", not the bot's), and reports the log's syncs and the
// process's CPU per message. BENCHMARKS.md (session 30) counts the
// process's fsync calls with strace:
//
//	go test -tags sqlite_fts5 -c -o ls.test . && strace -f -e trace=fsync,fdatasync -c \
//	    ./ls.test -test.run '^$' -test.bench MarkSentAtTelegramsRate/kicked -test.benchtime 600x
func BenchmarkMarkSentAtTelegramsRate(b *testing.B) {
	for _, mode := range []struct {
		name   string
		kicked bool
		delay  time.Duration // a kick syncs this long after the first record it follows (0: at once)
	}{{"kicked", true, 0}, {"kicked-100ms", true, 100 * time.Millisecond}, {"tick", false, 0}} {
		kicked := mode.kicked
		b.Run(mode.name, func(b *testing.B) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			st, err := store.Open(ctx, filepath.Join(b.TempDir(), "newshound.db"), time.Now)
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			if _, err := st.EnsureChat(ctx, 1, "private", "", news.ChatDefaults{Timezone: "UTC"}); err != nil {
				b.Fatal(err)
			}
			ids := make([]int64, b.N)
			for i := range ids {
				if ids[i], err = st.Enqueue(ctx, news.Message{ChatID: 1, Kind: news.KindReply, Text: "an alert's text, about as long as one: a title, a summary of two sentences and a link"}); err != nil {
					b.Fatal(err)
				}
			}
			if _, err := st.SyncLog(); err != nil { // the setup's writes
				b.Fatal(err)
			}
			counted := &countedSyncs{Store: st}
			kicks, kick := kicker()
			switch {
			case !kicked:
				kick = func() {}
			case mode.delay > 0:
				// Not the bot's: what a window gathering the records of
				// mode.delay into one sync would save.
				var pending atomic.Bool
				now := kick
				kick = func() {
					if pending.CompareAndSwap(false, true) {
						time.AfterFunc(mode.delay, func() { pending.Store(false); now() })
					}
				}
			}
			out := syncedOutbox{Store: st, kick: kick}
			tick := time.NewTicker(logSyncEvery)
			defer tick.Stop()
			loop, stop := context.WithCancel(ctx)
			done := make(chan error)
			go func() { done <- syncLog(loop, counted, tick.C, kicks, slog.New(slog.NewTextHandler(io.Discard, nil))) }()
			pace := time.NewTicker(time.Second / 30)
			defer pace.Stop()
			cpu0 := processCPU(b)
			b.ResetTimer()
			for i := range b.N {
				<-pace.C
				// As the sender records an outcome (bot/delivery.go): with a
				// context a stop does not cancel.
				if err := out.MarkSent(context.WithoutCancel(ctx), ids[i], i+1); err != nil {
					b.Fatal(err)
				}
			}
			<-pace.C // the last record's sync
			b.StopTimer()
			cpu := processCPU(b) - cpu0
			stop()
			if err := <-done; err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(counted.synced.Load())/float64(b.N), "syncs/msg")
			b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/msg")
		})
	}
}

// processCPU is the process's user and system CPU so far.
func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
