package bot

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

// unreadableOutbox is the store with the outbox unreadable while broken is
// set, as with a damaged database file.
type unreadableOutbox struct {
	*store.Store
	broken atomic.Bool
	reads  atomic.Int64 // failed reads
}

func (u *unreadableOutbox) DueMessages(ctx context.Context, now time.Time, limit int) ([]news.Message, error) {
	if u.broken.Load() {
		u.reads.Add(1)
		return nil, errDiskImageMalformed
	}
	return u.Store.DueMessages(ctx, now, limit)
}

var errDiskImageMalformed = errors.New("database disk image is malformed")

// A sender that cannot read its outbox looks again five times a second;
// 100 failed reads within a minute log one line, and the first failure after
// the minute logs the next, with the count held back.
func TestSenderLogsAnUnreadableOutboxOncePerMinute(t *testing.T) {
	r := newSenderRig(t)
	outbox := &unreadableOutbox{Store: r.st}
	outbox.broken.Store(true)
	r.opts.Outbox = outbox
	sender := r.start(t)
	testkit.WaitFor(t, "100 failed reads of the outbox", func() bool {
		sender.Notify()
		return outbox.reads.Load() >= 100
	})
	if n := strings.Count(r.logs.String(), `msg="read outbox"`); n != 1 {
		t.Fatalf("%d failed reads within a minute logged %d lines, want 1:\n%s", outbox.reads.Load(), n, r.logs.String())
	}
	r.clock.Advance(time.Minute)
	testkit.WaitFor(t, "a second log line a minute later", func() bool {
		sender.Notify()
		return strings.Count(r.logs.String(), `msg="read outbox"`) == 2
	})
	if !strings.Contains(r.logs.String(), "suppressed_since_last_log=") {
		t.Fatalf("the second line does not say how many were held back:\n%s", r.logs.String())
	}
	outbox.broken.Store(false)
	sub := r.chat(t, 1, "private")
	r.alerts(t, 1, sub, "after")
	sender.Notify()
	testkit.WaitFor(t, "the alert sent once the outbox reads again", func() bool { return len(r.tg.Calls("sendMessage")) == 1 })
}
