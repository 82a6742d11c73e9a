package main

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/newshound/newshound/bot"
	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/localtime"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

// telegramGrace is how long Telegram calls may fail in a row before
// /healthz says the bot is not ready.
const telegramGrace = 3 * time.Minute

// watchStore is what the watch reads from the database.
type watchStore interface {
	ListSources(ctx context.Context) ([]news.Source, error)
	CheckWritable(ctx context.Context) error
}

// watch follows the bot's progress for /status, the console's status lines
// and /healthz. It passes every observation on to the metrics.
type watch struct {
	store    watchStore
	polls    feeds.Observer
	sends    bot.Observer
	now      func() time.Time
	nextPoll func(time.Time) time.Time
	// firstPoll, when set, is called once the first poll has finished, with
	// the articles it stored; console mode prints a status line with it.
	firstPoll func(stored int)

	mu          sync.Mutex
	started     time.Time
	finished    int       // polls finished
	lastPoll    time.Time // when the last poll finished
	firstStored int       // articles the first poll stored (backlog, not alerted)
	// fetchedBefore holds the sources fetched successfully before this run
	// (noteStart); nil: unknown, and /status names no backlog.
	fetchedBefore map[int64]bool
	stored        int // articles stored since start
	// reach is since when Telegram's calls fail and why (getMe at the
	// start, then the sender's): the one clock of /status, /healthz and the
	// log; nil until app.go sets it.
	reach *bot.Reach
	// pending counts the messages waiting in the outbox and failingSince
	// says since when Telegram's calls fail (zero: they do not), for
	// /status's delivery line; nil until the sender runs (setDelivery).
	pending      func(ctx context.Context) (int, error)
	failingSince func() time.Time
	inFlight     func() int // the messages on their way to Telegram now
	// held says what of the outbox is held back past now (a burst being
	// gathered, a retry), so that /status says why they wait; nil: unsaid.
	held func(ctx context.Context, now time.Time) (news.OutboxHold, error)
	// reaching is set while the start waits for Telegram to answer (getMe):
	// /healthz says not ready until then.
	reaching bool
	// dbPath is storage.path, whose folder a full disk's advice names; ""
	// names none.
	dbPath string
	// churning names the sources whose every item was new at several
	// fetches in a row (feeds.ChurnObserver), by id.
	churning map[int64]string
}

func newWatch(st watchStore, polls feeds.Observer, sends bot.Observer, now func() time.Time) *watch {
	return &watch{store: st, polls: polls, sends: sends, now: now, started: now()}
}

// noteStart records which sources were fetched before this run, so that
// /status tells the backlog (a source's first fetch ever) from this run's
// news. It fails when the sources cannot be listed.
func (w *watch) noteStart(ctx context.Context) error {
	srcs, err := w.store.ListSources(ctx)
	if err != nil {
		return fmt.Errorf("list sources: %w", err)
	}
	before := make(map[int64]bool, len(srcs))
	for _, s := range srcs {
		if s.Fetches > 0 {
			before[s.ID] = true
		}
	}
	w.mu.Lock()
	w.fetchedBefore = before
	w.mu.Unlock()
	return nil
}

// fetchedSoFar returns how many of the sources fetched (not retired) were
// fetched before this run (noteStart) and how many never were; both 0 when
// the sources cannot be listed.
func (w *watch) fetchedSoFar(ctx context.Context) (before, never int) {
	srcs, err := w.store.ListSources(ctx)
	if err != nil {
		return 0, 0
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, s := range srcs {
		switch {
		case s.Origin == news.OriginRetired:
		case w.fetchedBefore[s.ID]:
			before++
		default:
			never++
		}
	}
	return before, never
}

func (w *watch) Fetched(result string) { w.polls.Fetched(result) }

func (w *watch) Stored(n int) {
	w.polls.Stored(n)
	w.mu.Lock()
	defer w.mu.Unlock()
	w.stored += n
	if w.finished == 0 {
		w.firstStored += n
	}
}

// Churning keeps, for /status, the sources the poller says make their
// items' guids up anew (on) or no longer do (off).
func (w *watch) Churning(id int64, name string, on bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !on {
		delete(w.churning, id)
		return
	}
	if w.churning == nil {
		w.churning = map[int64]string{}
	}
	w.churning[id] = name
}

func (w *watch) PollTook(d time.Duration) {
	w.polls.PollTook(d)
	w.mu.Lock()
	w.finished++
	w.lastPoll = w.now()
	first, stored := w.finished == 1, w.firstStored
	w.mu.Unlock()
	if first && w.firstPoll != nil {
		w.firstPoll(stored)
	}
}

func (w *watch) Sent(kind string) { w.sends.Sent(kind) }

// Dropped passes on a message given up on, to metrics that count them.
func (w *watch) Dropped(reason string) {
	if d, ok := w.sends.(bot.DropObserver); ok {
		d.Dropped(reason)
	}
}

// SendFailed passes a failed call on to the metrics; since when Telegram
// fails is w.reach's, which the sender tells.
func (w *watch) SendFailed(code int) { w.sends.SendFailed(code) }

// setDelivery gives /status the outbox's count and the sender's outage.
// inFlight counts the messages on their way to Telegram at that moment
// (the reply to the command before /status, most often), which are not
// counted as waiting while Telegram's calls go well.
func (w *watch) setDelivery(pending func(ctx context.Context) (int, error), failingSince func() time.Time, inFlight func() int) {
	w.mu.Lock()
	w.pending, w.failingSince, w.inFlight = pending, failingSince, inFlight
	w.mu.Unlock()
}

// delivery is /status's line on delivery: the messages waiting in the
// outbox (not those on their way to Telegram at that moment, while its
// calls go well) and, when Telegram's calls fail, since when; "" before the
// sender runs or when the outbox cannot be counted.
func (w *watch) delivery(ctx context.Context, p locale.Printer) string {
	w.mu.Lock()
	pending, failingSince, inFlight := w.pending, w.failingSince, w.inFlight
	w.mu.Unlock()
	if pending == nil {
		return ""
	}
	n, err := pending(ctx)
	if err != nil {
		return ""
	}
	since := failingSince()
	if since.IsZero() && inFlight != nil {
		// A message on its way now (the reply to the command before this
		// one) is sent, not waiting; while Telegram fails, one in flight
		// is a try that most likely fails again, and waits.
		n = max(n-inFlight(), 0)
	}
	if !since.IsZero() {
		return p.Sprintf("Outbox: %s waiting to be sent; Telegram calls have failed since %s.", p.Count(n, "%d messages"), clock(since, localtime.ZoneFromContext(ctx)))
	}
	return p.Sprintf("Outbox: %s waiting to be sent.", p.Count(n, "%d messages")) + w.heldNote(ctx, p, n)
}

// setHeld gives /status what of the outbox is held back and why.
func (w *watch) setHeld(held func(ctx context.Context, now time.Time) (news.OutboxHold, error)) {
	w.mu.Lock()
	w.held = held
	w.mu.Unlock()
}

// heldNote says why messages of the n waiting are held back, as sentences
// to follow the outbox line ("" when none is): an operator read "Outbox: 1
// message waiting" right after the demo's alerts and could not tell a
// stuck message from one gathering a burst of alerts into one list.
func (w *watch) heldNote(ctx context.Context, p locale.Printer, n int) string {
	w.mu.Lock()
	held := w.held
	w.mu.Unlock()
	if held == nil || n == 0 {
		return ""
	}
	h, err := held(ctx, w.now())
	if err != nil {
		return ""
	}
	zone := localtime.ZoneFromContext(ctx)
	var note string
	if h.Burst > 0 {
		note += " " + p.Sprintf("Of them, %s: held until %s to go as one list of alerts (more than alerts.burst_max alerts for a chat within a minute).",
			p.Count(min(h.Burst, n), "%d messages"), clock(h.BurstUntil, zone))
	}
	if h.Retry > 0 {
		note += " " + p.Sprintf("Of them, %s: held until %s for a retry after a failed send (the log says why).",
			p.Count(min(h.Retry, n), "%d messages"), clock(h.RetryUntil, zone))
	}
	return note
}

// connecting notes that the start waits for Telegram to answer its first
// call; /healthz says not ready, and why, until connected.
func (w *watch) connecting() {
	w.mu.Lock()
	w.reaching = true
	w.mu.Unlock()
}

// connected notes that Telegram answered the start's first call.
func (w *watch) connected() {
	w.mu.Lock()
	w.reaching = false
	w.mu.Unlock()
}

// interval is the time between two polls of the schedule after t.
func (w *watch) interval(t time.Time) time.Duration {
	next := w.nextPoll(t)
	return w.nextPoll(next).Sub(next)
}

// Ready fails, with the reason, when the database takes no writes (a write
// refused within store.WriteFailureWindow, or a failing probe), the start
// still waits for Telegram to answer (getMe), Telegram calls have failed for longer than telegramGrace, or no poll finished
// within three intervals of the schedule.
func (w *watch) Ready(ctx context.Context) error {
	if err := w.store.CheckWritable(ctx); err != nil {
		return w.refusal(err)
	}
	now := w.now()
	w.mu.Lock()
	last, reaching, reach := w.lastPoll, w.reaching, w.reach
	if last.IsZero() {
		last = w.started
	}
	w.mu.Unlock()
	failing, method, why := reach.Failing()
	if reaching {
		if why != nil {
			return fmt.Errorf("not connected to telegram: getMe has failed since %s (%s), the last time with: %v",
				failing.UTC().Format(time.RFC3339), now.Sub(failing).Round(time.Second), why)
		}
		return fmt.Errorf("not connected to telegram: getMe has not answered since the start at %s (%s)",
			w.started.UTC().Format(time.RFC3339), now.Sub(w.started).Round(time.Second))
	}
	if !failing.IsZero() && now.Sub(failing) > telegramGrace {
		return fmt.Errorf("telegram calls have failed since %s (%s), the last one (%s) with: %v",
			failing.UTC().Format(time.RFC3339), now.Sub(failing).Round(time.Second), method, why)
	}
	if w.nextPoll != nil {
		if limit := 3 * w.interval(last); now.Sub(last) > limit {
			return fmt.Errorf("no poll finished since %s (%s ago; three intervals of the schedule are %s)",
				last.UTC().Format(time.RFC3339), now.Sub(last).Round(time.Second), limit)
		}
	}
	return nil
}

// Status is the plain-text answer to /status: first, when the database
// refuses writes (disk full, read-only, locked by another process), that and
// why; then sources, polls, what the first fetch stored, the messages
// waiting in the outbox (and since when Telegram fails, when it does) and
// which source is fetched next, when, in the language ctx carries (locale.FromContext). It fails when the sources cannot be listed.
func (w *watch) Status(ctx context.Context) (string, error) {
	srcs, err := w.store.ListSources(ctx)
	if err != nil {
		return "", err
	}
	active, failing := 0, 0
	var unstored []string // fetched well, the database refused their articles
	for _, s := range srcs {
		if s.Origin == news.OriginRetired {
			continue
		}
		active++
		switch {
		case notStored(s):
			unstored = append(unstored, s.Name)
		case s.LastError != "":
			failing++
		}
	}
	now := w.now()
	refused := w.checkWritable(ctx)
	if refused != nil {
		refused = w.refusal(refused)
	}
	p := locale.FromContext(ctx)
	zone := localtime.ZoneFromContext(ctx) // the chat's: its times are told in it
	delivery := w.delivery(ctx, p)
	w.mu.Lock()
	defer w.mu.Unlock()
	var b strings.Builder
	if refused != nil {
		b.WriteString(p.Sprintf("The database refuses writes (%s): replies to commands are sent without being stored; new articles and alerts wait until it takes writes again. The log says more.", refused) + "\n")
	}
	b.WriteString(p.Sprintf("Sources: %s", p.Count(active, "%d sources")))
	if failing > 0 {
		b.WriteString(p.Sprintf(", %d failing at the last fetch (see /sources)", failing))
	}
	b.WriteString(".\n")
	if active == 0 {
		b.WriteString(noSourcesHint(p) + "\n")
	}
	switch w.finished {
	case 0:
		b.WriteString(p.Sprintf("Since start: no poll finished yet.") + "\n")
	default:
		b.WriteString(p.Sprintf("Polls finished: %d, the last at %s; %s stored since start.", w.finished, clock(w.lastPoll, zone), p.Count(w.stored, "%d articles")) + "\n")
	}
	if fresh, waiting, failed := w.backlog(srcs); len(fresh) > 0 || len(waiting) > 0 || len(failed) > 0 {
		if len(fresh) > 0 {
			b.WriteString(p.Sprintf("Backlog: the first fetch ever of %s was stored, not alerted (alerts are for news that arrives later): %s.",
				p.Count(len(fresh), "%d sources"), names(fresh)) + "\n")
		}
		if len(waiting) > 0 {
			b.WriteString(p.Sprintf("Never fetched yet: %s; a source's first fetch is stored as the backlog, not alerted.", names(waiting)) + "\n")
		}
		if len(failed) > 0 {
			b.WriteString(p.Sprintf("Failing at every try so far: %s; /sources says why.", names(failed)) + "\n")
		}
	}
	if len(unstored) > 0 {
		b.WriteString(p.Sprintf("Fetched but not stored, the database refused the write (not the sources' fault; they are tried again within a minute): %s.", names(unstored)) + "\n")
	}
	if len(w.churning) > 0 {
		churning := slices.Sorted(maps.Values(w.churning))
		b.WriteString(p.Sprintf("Every item new at each of the last fetches: %s; the feed's guids change at every fetch (each fetch stores its items again, at most poller.max_items of them), or it publishes more between two fetches than it lists. The log says more.", names(churning)) + "\n")
	}
	if rolling := hurried(srcs); len(rolling) > 0 {
		b.WriteString(p.Sprintf("Fetched more often, their feeds dropping unseen items between fetches: %s (back to their interval once the fetches overlap again; /sources says how often).", names(rolling)) + "\n")
	}
	if delivery != "" {
		b.WriteString(delivery + "\n")
	}
	if src, at, ok := nextFetch(srcs, now); ok {
		b.WriteString(p.Sprintf("Next fetch at %s (%s).", clock(at, zone), src.Name))
	}
	return b.String(), nil
}

// refusal is err, the database refusing writes, with what to do when the
// disk is full: free space in the database's folder; the bot takes writes
// again by itself then. Other refusals are returned as they are.
func (w *watch) refusal(err error) error {
	if !store.DiskFull(err) {
		return err
	}
	dir := "the database's folder"
	if w.dbPath != "" {
		dir = filepath.Dir(w.dbPath)
		if abs, aerr := filepath.Abs(dir); aerr == nil {
			dir = abs
		}
	}
	return fmt.Errorf("%w; free space in %s (or raise the file-size limit: ulimit -f, LimitFSIZE=): the bot takes writes again by itself", err, dir)
}

// checkWritable is the store's CheckWritable within bot.ReplyWriteWait: a
// database whose write lock another process holds makes a write wait the
// busy timeout, and /status would wait with it.
func (w *watch) checkWritable(ctx context.Context) error {
	err := bot.Within(ctx, bot.ReplyWriteWait, w.store.CheckWritable)
	if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
		return fmt.Errorf("no write went through within %s; another process may hold the database's lock: %w", bot.ReplyWriteWait, err)
	}
	return err
}

// backlog returns the sources fetched (successfully) for the first time
// ever in this run, whose articles were stored as the backlog, those never
// tried yet, and those tried that never succeeded (every try failed: not
// "never fetched", which reads as "wait"); fresh is empty when noteStart was
// not called. w.mu is held.
func (w *watch) backlog(srcs []news.Source) (fresh, waiting, failed []string) {
	for _, s := range srcs {
		switch {
		case s.Origin == news.OriginRetired:
		case notStored(s): // the database's failure, not the source's: Status names it
		case s.Fetches == 0 && (s.Failures > 0 || s.LastError != "" || !s.LastFetchAt.IsZero()):
			failed = append(failed, s.Name)
		case s.Fetches == 0:
			waiting = append(waiting, s.Name)
		case w.fetchedBefore != nil && !w.fetchedBefore[s.ID]:
			fresh = append(fresh, s.Name)
		}
	}
	return fresh, waiting, failed
}

// notStored reports whether s's last fetch went well but storing its
// articles failed (news.FailDatabase): the database's failure, which
// /status does not count as the source failing.
func notStored(s news.Source) bool {
	f, ok := news.ParseFetchFailure(s.LastError)
	return ok && f.Kind == news.FailDatabase
}

// restarted reports whether this run's first poll found no backlog: every
// source of srcs fetched in it had been fetched before this run (noteStart
// was called and some source had been).
func (w *watch) restarted(srcs []news.Source) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	fresh, _, _ := w.backlog(srcs)
	return len(w.fetchedBefore) > 0 && len(fresh) == 0
}

// names lists up to three source names, then "…".
func names(list []string) string {
	if len(list) > 3 {
		return strings.Join(list[:3], ", ") + ", …"
	}
	return strings.Join(list, ", ")
}

// hurried names the sources of srcs the poller fetches more often than
// their interval because their feeds dropped items unseen between two
// fetches (news.ReasonRolls, kept with the interval: a restart keeps
// them named), in name order.
func hurried(srcs []news.Source) []string {
	var out []string
	for _, s := range srcs {
		if why, ok := news.ParseIntervalReason(s.IntervalReason); ok && why.Kind == news.ReasonRolls && s.Origin != news.OriginRetired {
			out = append(out, s.Name)
		}
	}
	slices.Sort(out)
	return out
}

// nextFetch returns the source fetched next and when, each source being on
// its own clock: the earliest due time (feeds.DueAt: a source never fetched
// is due now) of the sources fetched, false when none is.
func nextFetch(srcs []news.Source, now time.Time) (news.Source, time.Time, bool) {
	var next news.Source
	var at time.Time
	for _, s := range srcs {
		if s.Origin == news.OriginRetired {
			continue
		}
		if due := feeds.DueAt(s, now); at.IsZero() || due.Before(at) {
			next, at = s, due
		}
	}
	return next, at, !at.IsZero()
}

// clock formats t as a time of day in the stored zone (the chat's, as
// /timezone stores it; "" is UTC), naming the zone (localtime.TimeOfDay).
func clock(t time.Time, zone string) string { return localtime.TimeOfDay(t, zone) }

// CountSources counts the sources polled (retired ones are not) and those
// whose last fetch failed, for newshound_sources.
func (w *watch) CountSources(ctx context.Context) (all, failing int, err error) {
	srcs, err := w.store.ListSources(ctx)
	if err != nil {
		return 0, 0, err
	}
	for _, s := range srcs {
		if s.Origin == news.OriginRetired {
			continue
		}
		all++
		if s.Failures > 0 {
			failing++
		}
	}
	return all, failing, nil
}
