package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
)

// runUntil runs a sender on the rig until until reports true, then stops
// it as a restart does.
func runUntil(t *testing.T, r *senderRig, what string, until func() bool) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	tr, err := NewTelegram(ctx, TelegramOptions{Token: rigToken, Endpoint: r.tg.Endpoint(), PollTimeout: time.Second, Logger: r.opts.Logger})
	if err != nil {
		t.Fatal(err)
	}
	opts := r.opts
	opts.Transport = tr
	s := NewSender(opts)
	stopped := make(chan error, 1)
	go func() { stopped <- s.Run(ctx) }()
	testkit.WaitFor(t, what, until)
	cancel()
	if err := <-stopped; err != nil {
		t.Fatalf("first sender: %v", err)
	}
}

// A 429 asks a chat to wait 10 minutes; the bot restarts a minute later.
// The outbox holds a retry 4 minutes at most (its clock margin), and the
// wait lived in memory only: the restarted sender sent into it at minute 4.
// Now the wait is kept in the database and the new sender waits it out.
func TestAChats429PauseOutlivesARestart(t *testing.T) {
	r := newSenderRig(t)
	sub := r.chat(t, 10, "private")
	r.alerts(t, 10, sub, "A1", "A2")
	inject(r, 10, 1, telegramtest.Reply{Code: 429, Description: "Too Many Requests: retry after 600", RetryAfter: 600})
	runUntil(t, r, "the 429", func() bool { return strings.Contains(r.logs.String(), "telegram rate limit hit") })

	r.clock.Advance(time.Minute)
	sender := r.start(t)
	r.clock.Advance(5 * time.Minute) // past the outbox's retry, within the pause
	waitLooks(t, sender)
	if got := r.tg.Sent(10); len(got) != 0 {
		t.Fatalf("chat 10 got %q six minutes into a ten-minute 429 pause", texts(got))
	}
	r.clock.Advance(5 * time.Minute)
	got := r.tg.WaitSent(t, 10, 2, 5*time.Second)
	if !strings.Contains(got[0].Text(), "A1") || !strings.Contains(got[1].Text(), "A2") {
		t.Errorf("after the pause: %q, want A1 then A2", texts(got))
	}
}

// Two chats told to wait at once hold all sending (the global limit); a
// restart within that pause sent the other chats' messages into it.
func TestAGlobal429PauseOutlivesARestart(t *testing.T) {
	r := newSenderRig(t)
	subA, subB, subC := r.chat(t, 10, "private"), r.chat(t, 20, "private"), r.chat(t, 30, "private")
	r.alerts(t, 10, subA, "A1")
	r.alerts(t, 20, subB, "B1")
	refuseFirstSends(r, 30)
	r.opts.Concurrency = 1
	runUntil(t, r, "the global hold", func() bool { return strings.Contains(r.logs.String(), "all_chats=true") })

	r.alerts(t, 30, subC, "C1")
	sender := r.start(t)
	waitLooks(t, sender)
	if got := r.tg.Sent(0); len(got) != 0 {
		t.Fatalf("sent %q after a restart within a global hold", texts(got))
	}
	r.clock.Advance(31 * time.Second)
	r.tg.WaitSent(t, 0, 3, 5*time.Second)
}
