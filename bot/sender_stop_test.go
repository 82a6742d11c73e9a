package bot

import (
	"context"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/news"
)

// TestSenderStopFinishesSendsOnTheWire: a stop (SIGTERM cancels the
// context of the transport and the sender alike) while a message is on the
// wire lets Telegram's answer come back and marks the message sent, so a
// restart does not send it again; messages not yet on the wire stay pending.
func TestSenderStopFinishesSendsOnTheWire(t *testing.T) {
	r := newSenderRig(t)
	// One message a second per chat: the first leaves a turn after the
	// start (a chat's bucket starts empty), the second a turn later, after
	// the stop. (A rate of 0.01 stood for "one, then a long wait" while a
	// chat's bucket started full.)
	r.opts.Rates = Rates{GlobalPerSecond: 1000, ChatPerSecond: 1, GroupPerMinute: 60000}
	sub := r.chat(t, 10, "private")
	r.alerts(t, 10, sub, "on the wire")
	onWire := make(chan struct{})
	r.tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method != "sendMessage" {
			return nil
		}
		close(onWire)
		return &telegramtest.Reply{Delay: 500 * time.Millisecond} // Telegram answers slowly
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	tr, err := NewTelegram(ctx, TelegramOptions{Token: rigToken, Endpoint: r.tg.Endpoint(), PollTimeout: time.Second, Logger: r.opts.Logger})
	if err != nil {
		t.Fatal(err)
	}
	opts := r.opts
	opts.Transport = tr
	s := NewSender(opts)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := s.Run(ctx); err != nil && ctx.Err() == nil {
			t.Errorf("sender: %v", err)
		}
	}()

	select {
	case <-onWire:
	case <-time.After(10 * time.Second):
		t.Fatal("the message never left")
	}
	r.alerts(t, 10, sub, "not yet sent") // waits behind the chat's rate
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the sender did not stop within 10 s")
	}
	if got := r.tg.Sent(10); len(got) != 1 {
		t.Fatalf("Telegram accepted %d messages, want the one on the wire", len(got))
	}
	st := r.statuses(t)
	if st[news.StatusSent] != 1 || st[news.StatusPending] != 1 {
		t.Fatalf("statuses after the stop = %v, want the message on the wire sent and the other pending", st)
	}
}
