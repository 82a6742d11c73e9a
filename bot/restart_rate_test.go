package bot

import (
	"context"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
)

// A restart does not give a chat a fresh burst on top of what the stopped
// sender sent it: the first sender sends a private chat its burst (two
// alerts at once) and stops, as a process killed or restarted does; a
// second sender on the same outbox starts at once with two more alerts
// for the chat. Telegram's limits (1 a second per chat, a burst of 3, as
// the fake enforces them, judged when each message leaves) refuse none:
// the second sender's buckets start empty. Before, it sent both at once,
// four messages in well under a second, and the fourth got a 429 (the
// crash trial met them after most restarts that followed a send: seeds
// 3101 and 3102, "429s for going over Telegram's limits").
func TestARestartGivesAChatNoFreshBurst(t *testing.T) {
	r := newSenderRig(t)
	r.opts.Rates = Rates{GlobalPerSecond: 30, ChatPerSecond: 1, GroupPerMinute: 20}
	enf := telegramtest.NewEnforcer(telegramtest.TelegramLimits(), 0)
	r.wrap = func(tr Transport) Transport { return judgedOnDeparture{tr, enf} }
	const chat = 71
	sub := r.chat(t, chat, "private")
	r.alerts(t, chat, sub, "first alert", "second alert")

	ctx, cancel := context.WithCancel(context.Background())
	tr, err := NewTelegram(ctx, TelegramOptions{Token: rigToken, Endpoint: r.tg.Endpoint(), PollTimeout: time.Second, Logger: r.opts.Logger})
	if err != nil {
		t.Fatal(err)
	}
	opts := r.opts
	opts.Transport = r.wrap(tr)
	first := NewSender(opts)
	stopped := make(chan error, 1)
	go func() { stopped <- first.Run(ctx) }()
	testkit.WaitFor(t, "the first sender's two alerts", func() bool { return len(r.tg.Sent(chat)) == 2 })
	cancel()
	if err := <-stopped; err != nil {
		t.Fatalf("first sender: %v", err)
	}

	r.alerts(t, chat, sub, "third alert", "fourth alert")
	r.start(t)
	testkit.WaitFor(t, "the second sender's two alerts", func() bool { return len(r.tg.Sent(chat)) == 4 })
	if st := enf.Stats(); st.Rejected != 0 {
		t.Errorf("%d messages refused with 429 (%d for the chat's limit); want none", st.Rejected, st.RejectedChat)
	}
}
