package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/newshound/newshound/bot"
	"github.com/newshound/newshound/settings"
	"github.com/newshound/newshound/store"
	"github.com/newshound/newshound/subscriptions"
)

// runFlood is the -flood mode: o.chats chats with alerts waiting (the
// outbox full), then o.flood new chats each writing one plain text through
// the real router, in one update stream as the long poll delivers them,
// with a /list from an existing chat every so often among them. It prints
// how long each /list took from entering the stream to Telegram accepting
// its reply, and how many hints went out.
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
	router := bot.NewRouter(bot.RouterOptions{Store: bot.ReplyQueue{RouterStore: st, Sender: sender}, Subscriptions: subs, Notify: sender.Notify,
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
			c := chatIDs[len(chatIDs)-1-len(stream)%len(chatIDs)]
			stream = append(stream, update{in: bot.Incoming{ChatID: c, ChatType: "private", UserID: c, Text: "/list"}, list: true})
		}
	}
	start := time.Now()
	entered := map[int64]time.Time{}
	for i, u := range stream {
		if wait := time.Until(start.Add(o.floodOver * time.Duration(i) / time.Duration(len(stream)))); wait > 0 {
			time.Sleep(wait) // the flood comes in over floodOver, as updates do
		}
		if u.list {
			entered[u.in.ChatID] = time.Now()
		}
		router.Handle(ctx, u.in)
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
	fmt.Fprintf(w, "flood: %d new chats each sent one text, %d /list among them, %d alerts waiting in %d chats\n", o.flood, len(entered), o.chats*o.perChat, o.chats)
	fmt.Fprintf(w, "the stream came in over %s; the router had handled it all %s after its start\n", o.floodOver, handled.Round(time.Millisecond))
	if len(waits) < len(entered) {
		return fmt.Errorf("only %d of %d /list replies arrived within 2 minutes", len(waits), len(entered))
	}
	fmt.Fprintf(w, "/list reply time (stream entry to Telegram accepting): median %s, max %s\n",
		waits[len(waits)/2].Round(time.Millisecond), waits[len(waits)-1].Round(time.Millisecond))
	fmt.Fprintf(w, "in the %s until the last reply: %d hints and %d alerts sent (%.1f hints/s, cap %.1f/s)\n",
		elapsed.Round(time.Millisecond), hints, alerts, float64(hints)/elapsed.Seconds(), rates.GlobalPerSecond/10)
	fmt.Fprintf(w, "429s received: %d\n", enf.Stats().Rejected)
	return nil
}
