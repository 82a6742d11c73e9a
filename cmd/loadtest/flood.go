package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/newshound/newshound/bot"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/settings"
	"github.com/newshound/newshound/store"
	"github.com/newshound/newshound/subscriptions"
)

// runFlood is the -flood mode: o.chats chats with alerts waiting (the
// outbox full), then o.flood new chats each writing one plain text through
// the real router, in one update stream as the long poll delivers them,
// with a /list from an existing chat every so often among them. The stream
// goes through bot.Dispatcher with o.workers workers, as the bot runs it, or
// with -flood-direct straight to the router one update at a time (the bot
// before issue 18). With -flood-slow, one more chat sends a /list that takes
// that long just before each measured one. It prints how long each measured
// /list took from entering the stream to Telegram accepting its reply, and
// how many hints went out.
func runFlood(ctx context.Context, o options, st *store.Store, chatIDs []int64, w io.Writer) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	rig, err := newLoadRig(ctx, o, st)
	if err != nil {
		return err
	}
	defer rig.srv.Close()
	srv, enf, log, sender := rig.srv, rig.enf, rig.log, rig.sender
	rates := rig.rates
	subs := subscriptions.NewService(subscriptions.Options{Store: st, MaxPerChat: 10, Logger: log})
	slowChat := chatIDs[0]
	router := bot.NewRouter(bot.RouterOptions{Store: bot.ReplyQueue{RouterStore: st, Sender: sender}, Subscriptions: slowList{subs, slowChat, o.floodSlow}, Notify: sender.Notify,
		Logger: log, HintsPerSecond: rates.GlobalPerSecond / 10,
		Settings: settings.NewService(settings.Options{Store: st, Subscriptions: subs, DigestTime: "08:00", Logger: log})})
	done := make(chan error, 1)
	go func() { done <- sender.Run(ctx) }()

	// The update stream: the flood, with a /list after every o.flood/10 texts.
	const commands = 10
	type update struct {
		in   bot.Incoming
		list bool
	}
	var stream []update
	every := max(1, o.flood/commands)
	for i := range o.flood {
		stream = append(stream, update{in: bot.Incoming{ChatID: 50_000_000 + int64(i), ChatType: "private", UserID: 50_000_000 + int64(i), Text: "hello?"}})
		if i%every == every-1 {
			if o.floodSlow > 0 {
				stream = append(stream, update{in: bot.Incoming{ChatID: slowChat, ChatType: "private", UserID: slowChat, Text: "/list"}})
			}
			c := chatIDs[len(chatIDs)-1-len(stream)%len(chatIDs)]
			stream = append(stream, update{in: bot.Incoming{ChatID: c, ChatType: "private", UserID: c, Text: "/list"}, list: true})
		}
	}
	var mu sync.Mutex
	entered := map[int64]time.Time{} // measured chat → when its /list came in
	queued := map[int64]time.Time{}  // measured chat → when the router had queued its reply
	measured := func(ctx context.Context, in bot.Incoming) {
		router.Handle(ctx, in)
		mu.Lock()
		if _, ok := entered[in.ChatID]; ok {
			queued[in.ChatID] = time.Now()
		}
		mu.Unlock()
	}
	handle := measured
	var d *bot.Dispatcher
	if !o.floodDirect {
		d = bot.NewDispatcher(ctx, measured, bot.DispatchOptions{Workers: o.workers, Logger: log})
		handle = d.Handle
	}
	start := time.Now()
	for i, u := range stream {
		// The update comes in at its time in the stream, whether or not
		// the router is ready for it (one update at a time falls behind).
		due := start.Add(o.floodOver * time.Duration(i) / time.Duration(len(stream)))
		if wait := time.Until(due); wait > 0 {
			time.Sleep(wait) // the flood comes in over floodOver, as updates do
		}
		if u.list {
			mu.Lock()
			entered[u.in.ChatID] = due
			mu.Unlock()
		}
		handle(ctx, u.in)
	}
	if d != nil {
		d.Close(ctx) // waits for every update taken to be handled
	}
	handled := time.Since(start)
	var waits []time.Duration
	deadline := time.Now().Add(2 * time.Minute)
	for len(waits) < len(entered) && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		waits = waits[:0]
		for chat, at := range entered {
			for _, c := range srv.Sent(chat) {
				if !strings.Contains(c.Text(), "Load alert") && c.At.After(at) {
					waits = append(waits, c.At.Sub(at))
					break
				}
			}
		}
	}
	hints, alerts := 0, 0
	for _, c := range srv.Sent(0) {
		switch {
		case c.ChatID() >= 50_000_000:
			hints++
		case strings.Contains(c.Text(), "Load alert"):
			alerts++
		}
	}
	elapsed := time.Since(start)
	cancel()
	<-done
	sort.Slice(waits, func(i, j int) bool { return waits[i] < waits[j] })
	var handling []time.Duration
	for chat, at := range queued {
		handling = append(handling, at.Sub(entered[chat]))
	}
	sort.Slice(handling, func(i, j int) bool { return handling[i] < handling[j] })
	fmt.Fprintf(w, "flood: %d new chats each sent one text, %d /list among them, %d alerts waiting in %d chats\n", o.flood, len(entered), o.chats*o.perChat, o.chats)
	mode := fmt.Sprintf("through the dispatcher (%d workers)", o.workers)
	if o.floodDirect {
		mode = "one update at a time (-flood-direct)"
	}
	if o.floodSlow > 0 {
		fmt.Fprintf(w, "chat %d sent a /list taking %s before each measured one\n", slowChat, o.floodSlow)
	}
	fmt.Fprintf(w, "the stream came in over %s, handled %s; the router had handled it all %s after its start\n", o.floodOver, mode, handled.Round(time.Millisecond))
	if d != nil {
		fmt.Fprintf(w, "updates dropped by the dispatcher's bounds: %d\n", d.Dropped())
	}
	if len(waits) < len(entered) {
		return fmt.Errorf("only %d of %d /list replies arrived within 2 minutes", len(waits), len(entered))
	}
	fmt.Fprintf(w, "/list reply time (stream entry to Telegram accepting): median %s, max %s\n",
		waits[len(waits)/2].Round(time.Millisecond), waits[len(waits)-1].Round(time.Millisecond))
	if len(handling) > 0 {
		fmt.Fprintf(w, "  of which to the reply queued in the outbox: median %s, max %s\n",
			handling[len(handling)/2].Round(time.Millisecond), handling[len(handling)-1].Round(time.Millisecond))
	}
	fmt.Fprintf(w, "in the %s until the last reply: %d hints and %d alerts sent (%.1f hints/s, cap %.1f/s)\n",
		elapsed.Round(time.Millisecond), hints, alerts, float64(hints)/elapsed.Seconds(), rates.GlobalPerSecond/10)
	fmt.Fprintf(w, "429s received: %d\n", enf.Stats().Rejected)
	return nil
}

// slowList makes one chat's /list slow: its subscriptions take delay to
// read, as a slow store or a heavy command would.
type slowList struct {
	bot.Subscriptions
	chat  int64
	delay time.Duration
}

func (s slowList) List(ctx context.Context, chatID int64) ([]news.Subscription, error) {
	if chatID == s.chat && s.delay > 0 {
		select {
		case <-time.After(s.delay):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return s.Subscriptions.List(ctx, chatID)
}
