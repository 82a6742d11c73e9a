// Command loadtest drives the real sender, through the real Telegram
// transport, against the fake Telegram of internal/telegramtest enforcing
// Telegram's flood limits (answering 429 beyond them), with many chats that
// each have alerts due. It prints the figures that BENCHMARKS.md records:
//
//	go run -tags sqlite_fts5 ./cmd/loadtest -chats 10000
//	go run -tags sqlite_fts5 ./cmd/loadtest -chats 5000 -flood 2000   # commands under a flood of text
//
// Everything runs in this one process: the fake server's memory counts in
// the peak figures.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/newshound/newshound/config"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

func main() {
	var o options
	flag.IntVar(&o.chats, "chats", 10000, "chats with alerts due")
	flag.IntVar(&o.perChat, "per-chat", 1, "alerts due per chat")
	flag.Float64Var(&o.groups, "groups", 0.1, "share of the chats that are groups (negative ids, 20/minute)")
	flag.DurationVar(&o.latency, "latency", 0, "the fake Telegram's answer delay")
	flag.DurationVar(&o.replyAt, "reply-at", 20*time.Second, "when to queue a command reply behind the alerts (0 = never)")
	flag.StringVar(&o.dir, "dir", "", "directory for the database (default: a temporary one, removed after)")
	flag.IntVar(&o.burstMax, "burst-max", config.Defaults().Alerts.BurstMax, "alerts.burst_max: more alerts for a chat within a minute go as one message")
	flag.BoolVar(&o.verbose, "v", false, "log the sender's warnings")
	flag.IntVar(&o.flood, "flood", 0, "flood mode: this many new chats each send one plain text through the router while the alerts wait, with a /list now and then; prints the /list reply times")
	flag.DurationVar(&o.floodOver, "flood-over", 10*time.Second, "flood mode: the time over which the texts come in")
	flag.DurationVar(&o.floodSlow, "flood-slow", 0, "flood mode: one more chat sends a /list just before each measured one, and its subscriptions take this long to read (a slow command)")
	flag.BoolVar(&o.floodDirect, "flood-direct", false, "flood mode: hand the stream to the router one update at a time, as before the dispatcher (issue 18), instead of through bot.Dispatcher")
	flag.IntVar(&o.workers, "workers", config.Defaults().Telegram.CommandWorkers, "flood mode: telegram.command_workers, the dispatcher's workers")
	flag.Parse()
	if err := run(context.Background(), o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

type options struct {
	chats, perChat int
	groups         float64
	latency        time.Duration
	replyAt        time.Duration
	dir            string
	burstMax       int
	verbose        bool
	flood          int
	floodOver      time.Duration
	floodSlow      time.Duration
	floodDirect    bool
	workers        int
}

const token = "1:LOADTEST"

func run(ctx context.Context, o options, w io.Writer) error {
	dir := o.dir
	if dir == "" {
		d, err := os.MkdirTemp("", "newshound-loadtest-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	st, err := store.Open(ctx, filepath.Join(dir, "load.db"), nil)
	if err != nil {
		return err
	}
	defer st.Close()
	started := time.Now()
	chatIDs, err := seed(ctx, st, o)
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	fmt.Fprintf(w, "seeded %d chats × %d alerts in %s\n", o.chats, o.perChat, time.Since(started).Round(time.Millisecond))
	if o.flood > 0 {
		return runFlood(ctx, o, st, chatIDs, w)
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	rig, err := newLoadRig(ctx, o, st)
	if err != nil {
		return err
	}
	defer rig.srv.Close()
	srv, enf, sender := rig.srv, rig.enf, rig.sender

	mon := newMonitor()
	go mon.sample(ctx, 100*time.Millisecond)
	start := time.Now()
	done := make(chan error, 1)
	go func() { done <- sender.Run(ctx) }()

	want := o.chats * o.perChat
	replyChat := chatIDs[len(chatIDs)-1]
	var replyQueued time.Time
	for {
		time.Sleep(50 * time.Millisecond)
		if o.replyAt > 0 && replyQueued.IsZero() && time.Since(start) >= o.replyAt {
			if _, err := st.Enqueue(ctx, news.Message{ChatID: replyChat, Kind: news.KindReply, Priority: news.PriorityReply, Text: "reply under load"}); err != nil {
				return err
			}
			sender.Notify()
			replyQueued = time.Now()
		}
		n, err := st.CountPending(ctx)
		if err != nil {
			return err
		}
		if n == 0 && (o.replyAt == 0 || !replyQueued.IsZero()) {
			break
		}
	}
	cancel()
	<-done
	return report(w, o, srv, enf, mon, start, replyQueued, want, replyChat)
}

// seed creates the chats, each with one subscription and perChat alerts
// due, and returns the chat ids.
func seed(ctx context.Context, st *store.Store, o options) ([]int64, error) {
	src, err := st.UpsertSource(ctx, "Load Wire", "https://load.example/rss", "config")
	if err != nil {
		return nil, err
	}
	groups := int(float64(o.chats) * o.groups)
	ids := make([]int64, o.chats)
	var items []news.Article
	for c := range ids {
		ids[c], _ = chatID(c, groups)
		for i := 0; i < o.perChat; i++ {
			items = append(items, news.Article{GUID: fmt.Sprintf("%d-%d", c, i), URL: fmt.Sprintf("https://load.example/%d/%d", c, i),
				Title: fmt.Sprintf("Load alert %d for chat %d", i, c), Summary: "A sentence or two of summary, as alerts carry.", PublishedAt: time.Now()})
		}
	}
	added, err := st.InsertArticles(ctx, src.ID, items)
	if err != nil {
		return nil, err
	}
	var alerts []news.Alert
	for c, id := range ids {
		_, typ := chatID(c, groups)
		if _, err := st.EnsureChat(ctx, id, typ, "", news.ChatDefaults{Timezone: "UTC"}); err != nil {
			return nil, err
		}
		sub, _, err := st.CreateSubscription(ctx, id, "load", "load", 10)
		if err != nil {
			return nil, err
		}
		for i := 0; i < o.perChat; i++ {
			alerts = append(alerts, news.Alert{ChatID: id, ArticleID: added[c*o.perChat+i].ID, SubscriptionID: sub.ID})
		}
	}
	if _, err := st.QueueAlerts(ctx, alerts); err != nil {
		return nil, err
	}
	return ids, nil
}

// chatID gives chat c its id and type: the first groups are groups.
func chatID(c, groups int) (int64, string) {
	if c < groups {
		return -1000000 - int64(c), "group"
	}
	return 1000000 + int64(c), "private"
}
