package bot

import (
	"context"
	"sync"
	"testing"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
)

// InFlight counts the message on its way to Telegram (still pending in the
// outbox until Telegram accepts it), and nothing once it is sent: /status
// leaves it out of what waits.
func TestSenderInFlightCountsTheMessageOnItsWay(t *testing.T) {
	r := newSenderRig(t)
	r.chat(t, 7, "private")
	onWire, release := make(chan struct{}), make(chan struct{})
	var wired, released sync.Once
	r.tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "sendMessage" {
			wired.Do(func() { close(onWire) })
			<-release
		}
		return nil
	})
	t.Cleanup(func() { released.Do(func() { close(release) }) }) // a failed test does not hold the server's close
	s := r.start(t)
	if n := s.InFlight(); n != 0 {
		t.Fatalf("nothing queued, %d in flight", n)
	}
	r.reply(t, 7, "the reply before /status")
	s.Notify()
	<-onWire
	pending, err := r.st.CountPending(context.Background())
	if n := s.InFlight(); err != nil || n != 1 || pending != 1 {
		t.Errorf("while Telegram holds the call: %d in flight and %d pending (%v), want 1 and 1", n, pending, err)
	}
	released.Do(func() { close(release) })
	r.tg.WaitSent(t, 7, 1, testkit.WaitTimeout)
	testkit.WaitFor(t, "the sender to let the sent message go", func() bool { return s.InFlight() == 0 })
}
