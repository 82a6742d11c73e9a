package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

// errDiskFull is what SQLite says when the database's filesystem is full.
var errDiskFull = errors.New("database or disk is full")

// fullDisk is the store with every write of the sender and the router
// failing while full is set, as on a full filesystem (reads still work, as
// they do with SQLite in WAL mode).
type fullDisk struct {
	*store.Store
	full   atomic.Bool
	failed atomic.Int64
}

func (f *fullDisk) fail() error {
	if f.full.Load() {
		f.failed.Add(1)
		return errDiskFull
	}
	return nil
}

// CheckWritable fails while the disk is full, as the store's does after a
// refused write.
func (f *fullDisk) CheckWritable(ctx context.Context) error {
	if f.full.Load() {
		return errDiskFull
	}
	return f.Store.CheckWritable(ctx)
}

func (f *fullDisk) MarkSent(ctx context.Context, id int64, tg int) error {
	if err := f.fail(); err != nil {
		return err
	}
	return f.Store.MarkSent(ctx, id, tg)
}

func (f *fullDisk) MarkBurstSent(ctx context.Context, ids []int64, tg int) error {
	if err := f.fail(); err != nil {
		return err
	}
	return f.Store.MarkBurstSent(ctx, ids, tg)
}

func (f *fullDisk) MarkRetry(ctx context.Context, id int64, nb time.Time, reason string) error {
	if err := f.fail(); err != nil {
		return err
	}
	return f.Store.MarkRetry(ctx, id, nb, reason)
}

func (f *fullDisk) MarkDropped(ctx context.Context, id int64, reason string) error {
	if err := f.fail(); err != nil {
		return err
	}
	return f.Store.MarkDropped(ctx, id, reason)
}

func (f *fullDisk) MarkManyDropped(ctx context.Context, ids []int64, reason string) error {
	if err := f.fail(); err != nil {
		return err
	}
	return f.Store.MarkManyDropped(ctx, ids, reason)
}

func (f *fullDisk) DeferMessage(ctx context.Context, id int64, nb time.Time) error {
	if err := f.fail(); err != nil {
		return err
	}
	return f.Store.DeferMessage(ctx, id, nb)
}

func (f *fullDisk) EnsureChat(ctx context.Context, id int64, typ, title string, def news.ChatDefaults) (news.Chat, error) {
	if err := f.fail(); err != nil {
		return news.Chat{}, err
	}
	return f.Store.EnsureChat(ctx, id, typ, title, def)
}

func (f *fullDisk) Enqueue(ctx context.Context, m news.Message) (int64, error) {
	if err := f.fail(); err != nil {
		return 0, err
	}
	return f.Store.Enqueue(ctx, m)
}

// Across 90 s of "database or disk is full", 50 chats with alerts and
// replies waiting, and replies the router queues meanwhile: every message
// goes out exactly once (the replies at once, from memory: the operator's
// /status has to get through), and every outcome is recorded once the disk
// takes writes again.
func TestDiskFullSendsNothingTwiceAndLosesNothing(t *testing.T) {
	const chats, perChat = 50, 3
	r := newSenderRig(t)
	disk := &fullDisk{Store: r.st}
	r.opts.Outbox = disk
	var want []string
	for c := int64(1); c <= chats; c++ {
		sub := r.chat(t, c, "private")
		var titles []string
		for i := range perChat {
			titles = append(titles, fmt.Sprintf("story-%d-%d", c, i))
		}
		r.alerts(t, c, sub, titles...)
		want = append(want, titles...)
	}
	disk.full.Store(true)
	sender := r.start(t)

	// While the disk is full: each chat's head goes once; the rest wait.
	testkit.WaitFor(t, "each chat's first message", func() bool { return len(r.tg.Calls("sendMessage")) >= chats })
	queue := ReplyQueue{RouterStore: disk, Sender: sender}
	ctx := context.Background()
	for c := int64(1); c <= 10; c++ {
		if _, err := queue.EnsureChat(ctx, c, "private", "", news.ChatDefaults{}); err != nil {
			t.Fatalf("a known chat while the disk is full: %v", err)
		}
		text := fmt.Sprintf("reply-%d", c)
		if _, err := queue.Enqueue(ctx, news.Message{ChatID: c, Kind: news.KindReply, Priority: news.PriorityReply, Text: text}); err != nil {
			t.Fatalf("a reply while the disk is full: %v", err)
		}
		want = append(want, text)
	}
	for range 9 {
		r.clock.Advance(10 * time.Second)
		sender.Notify()
		waitLooks(t, sender)
	}
	if got := len(r.tg.Calls("sendMessage")); got != chats+10 {
		t.Fatalf("%d messages sent while the disk was full, want %d (one per chat, none again, and the 10 replies)", got, chats+10)
	}
	if disk.failed.Load() == 0 {
		t.Fatal("no write failed: the test did not fill the disk")
	}
	if n := strings.Count(r.logs.String(), "the database refuses writes"); n != 1 {
		t.Errorf("the full disk was logged %d times in 90 s, want once a minute (1)", n)
	}

	disk.full.Store(false)
	sender.Notify()
	testkit.WaitFor(t, "every message recorded as sent", func() bool {
		st := r.statuses(t)
		return st[news.StatusSent] == chats*perChat && st[news.StatusPending] == 0 // the replies went from memory, never rows
	})
	waitLooks(t, sender)
	seen := map[string]int{}
	for _, c := range r.tg.Calls("sendMessage") {
		for _, w := range want {
			if strings.Contains(c.Text(), w+" ") || strings.HasSuffix(c.Text(), w) || strings.Contains(c.Text(), w+"\n") {
				seen[w]++
			}
		}
	}
	for _, w := range want {
		if seen[w] != 1 {
			t.Errorf("%q sent %d times, want once", w, seen[w])
		}
	}
	if held := sender.journal.Held(); held != 0 {
		t.Errorf("journal holds %d after the disk recovered", held)
	}
}

// The journal is bounded: once JournalMax outcomes are held, no new
// delivery starts.
func TestJournalFullStartsNothing(t *testing.T) {
	r := newSenderRig(t)
	disk := &fullDisk{Store: r.st}
	sub := r.chat(t, 1, "private")
	r.alerts(t, 1, sub, "one")
	j := newJournal(disk, r.opts.Logger, r.clock.Now)
	disk.full.Store(true)
	ctx := context.Background()
	for i := range JournalMax {
		if err := j.MarkRetry(ctx, int64(1_000_000+i), r.clock.Now(), "x"); err != nil {
			t.Fatal(err)
		}
	}
	due, err := j.DueMessages(ctx, r.clock.Now(), 10)
	if err != nil || len(due) != 0 {
		t.Fatalf("a full journal gave %d due messages (%v), want none", len(due), err)
	}
	disk.full.Store(false)
	due, err = j.DueMessages(ctx, r.clock.Now(), 10)
	if err != nil || len(due) != 1 || j.Held() != 0 {
		t.Fatalf("after the disk recovered: %d due (%v), %d held; want 1 due, 0 held", len(due), err, j.Held())
	}
}

// A user who sent /start for the first time while the disk was full got no
// answer ever: the chat could not be recorded, so the router dropped the
// command. A new chat is now answered at once, from memory, and the chat is
// recorded once the database takes writes again.
func TestNewChatWhileDiskFullIsAnsweredAndRecordedOnceTheDiskRecovers(t *testing.T) {
	r := newSenderRig(t)
	disk := &fullDisk{Store: r.st}
	r.opts.Outbox = disk
	disk.full.Store(true)
	sender := r.start(t)
	queue := ReplyQueue{RouterStore: disk, Sender: sender}
	ctx := context.Background()
	chat, err := queue.EnsureChat(ctx, 777, "private", "", news.ChatDefaults{DigestTime: "08:00"})
	if err != nil {
		t.Fatalf("a new chat while the disk is full: %v", err)
	}
	if chat.ID != 777 || chat.Type != "private" || !chat.Active || chat.DigestTime != "08:00" {
		t.Errorf("the new chat read as %+v", chat)
	}
	if _, err := queue.Enqueue(ctx, news.Message{ChatID: 777, Kind: news.KindReply, Priority: news.PriorityReply, Text: "welcome"}); err != nil {
		t.Fatalf("its reply while the disk is full: %v", err)
	}
	testkit.WaitFor(t, "the new chat's reply while the disk is full", func() bool {
		for _, c := range r.tg.Calls("sendMessage") {
			if c.Text() == "welcome" {
				return true
			}
		}
		return false
	})
	if _, err := r.st.FindChat(ctx, 777); !errors.Is(err, news.ErrNotFound) {
		t.Fatalf("the chat recorded while the disk was full: %v", err)
	}
	disk.full.Store(false)
	sender.Notify()
	testkit.WaitFor(t, "the journal recorded the chat", func() bool { return sender.journal.Held() == 0 })
	if held := sender.journal.Held(); held != 0 {
		t.Errorf("journal holds %d after the disk recovered", held)
	}
	if c, err := r.st.FindChat(ctx, 777); err != nil || c.DigestTime != "08:00" {
		t.Errorf("the chat recorded = %+v, %v", c, err)
	}
}

// An entry the database refuses for ever (a held reply to a chat deleted
// meanwhile: its foreign key fails) while it takes every other write used to
// hold every later outcome in memory until the journal was full and nothing
// was sent; it is now dropped after PoisonStrikes refusals, PoisonProbeGap
// apart, and what follows it is recorded. While the disk is full nothing is
// dropped, however long.
func TestJournalDropsAnEntryRefusedAlone(t *testing.T) {
	r := newSenderRig(t)
	disk := &fullDisk{Store: r.st}
	sub := r.chat(t, 1, "private")
	r.alerts(t, 1, sub, "one")
	ctx := context.Background()
	due, err := r.st.DueMessages(ctx, r.clock.Now(), 10)
	if err != nil || len(due) != 1 {
		t.Fatalf("due: %d, %v; want 1", len(due), err)
	}
	ids := []int64{due[0].ID}
	j := newJournal(disk, r.opts.Logger, r.clock.Now)
	errFK := errors.New("FOREIGN KEY constraint failed")
	refused := 0
	disk.full.Store(true)
	if err := j.write(ctx, journalEntry{what: "reply", reply: true, apply: func(context.Context) error {
		refused++
		return errFK
	}}, heldOutcome{}); err != nil {
		t.Fatal(err)
	}
	if err := j.MarkSent(ctx, ids[0], 77); err != nil {
		t.Fatal(err)
	}
	for range 10 { // a long outage: nothing is dropped
		r.clock.Advance(PoisonProbeGap)
		j.flush(ctx)
	}
	if j.Held() != 2 {
		t.Fatalf("while the disk is full the journal holds %d, want 2", j.Held())
	}
	disk.full.Store(false)
	for i := 0; j.Held() > 0; i++ {
		if i > 3*PoisonStrikes {
			t.Fatalf("the refused entry was not dropped after %d flushes (%d refusals)", i, refused)
		}
		j.flush(ctx) // a flush within PoisonProbeGap of the last probe counts no strike
		r.clock.Advance(PoisonProbeGap)
	}
	st, err := r.st.FindMessage(ctx, ids[0])
	if err != nil || st.Status != "sent" {
		t.Errorf("the outcome behind the refused entry: %+v, %v; want recorded as sent", st, err)
	}
}
