package main

import (
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
)

// chatSpec is one subscriber of the trial.
type chatSpec struct {
	id       int64
	typ      string
	query    string
	keywords []string // the keywords of its query: a report matches when its keyword is one
	digestAt string   // HH:MM UTC
}

// report is one news report the trial published: its number, keyword and
// when; copied = carried by the second feed as well (an "Also:" edit due).
type report struct {
	n       int
	keyword string
	added   time.Time
	backlog bool // in a source's first fetch: stored, never alerted
	copied  bool
	// secondOnly: published by the second feed alone (never copied)
	secondOnly bool
}

// ledger knows what every chat should get and reads what it got.
type ledger struct {
	mu      sync.Mutex
	chats   []chatSpec
	reports map[int]*report
	// blockedAt is when a chat blocked the bot: it expects nothing added
	// after (nor, to be fair, anything still unsent then).
	blockedAt map[int64]time.Time
}

var reportRe = regexp.MustCompile(`(Alpha|Beta|Gamma) report (\d+) at`)

// matches says whether chat c should hear of report r.
func (c chatSpec) matches(r *report) bool {
	for _, k := range c.keywords {
		if k == r.keyword {
			return true
		}
	}
	return false
}

// tally is the comparison of what chats received against what they should.
type tally struct {
	expected, received, missing int
	// duplicated counts the repeats of a report in a chat: a repeat of a send
	// the outbox never recorded as sent is at-least-once (the bot was killed
	// with it in flight, or its answer was lost), allowed; twice counts the
	// repeats where both sends were recorded: the bot sent it twice knowing.
	duplicated, twice         int
	unexpected                int // reports received that the chat should not get (backlog, other keyword)
	alsoWanted, alsoMissing   int // "Also:" edits due and not seen
	digestsWanted, digestsGot int
	digestDups, digestTwice   int
	digestsMissing            int
	unrecorded, lost          int // sends Telegram took that the outbox does not record; of which answers lost
	// repeatable counts the reports in those sends: each may come again,
	// once, when its row is sent after the restart.
	repeatable int
	lines      []string
}

// compare reads what Telegram took (msgs, and the sends whose answer the
// fake hung up) against the outbox's record of the messages it sent
// (recorded: chat and Telegram message id).
func (l *ledger) compare(msgs []delivered, tg *telegramtest.Server, recorded map[[2]int64]bool, digestDay string, digestsDue map[int64]bool) tally {
	l.mu.Lock()
	defer l.mu.Unlock()
	var t tally
	for _, m := range []string{"sendMessage", "editMessageText"} {
		for _, c := range tg.Calls(m) {
			if c.Params.Get("_lost") == "1" {
				msgs = append(msgs, delivered{method: m, chat: c.ChatID(), text: c.Text(), at: c.At})
				if m == "sendMessage" {
					t.lost++
				}
			}
		}
	}
	known := func(m delivered) bool { return m.id != 0 && recorded[[2]int64{m.chat, int64(m.id)}] }
	got := map[int64]map[int][]delivered{}
	digests := map[int64][]delivered{}
	also := map[[2]int64]bool{}
	for _, m := range msgs {
		if m.method == "sendMessage" {
			if !known(m) {
				t.unrecorded++
			}
			if strings.HasPrefix(m.text, "📰 <b>") {
				digests[m.chat] = append(digests[m.chat], m)
				continue
			}
			first, _, _ := strings.Cut(m.text, "\n")
			if strings.Contains(first, "<i>(continued)</i>") {
				continue // a digest's later part
			}
			if strings.Contains(first, "Subscribed (#") {
				continue // the answer to /subscribe, which shows the recent matches (the backlog), no alert
			}
		}
		if m.method == "sendMessage" && !known(m) {
			t.repeatable += len(reportRe.FindAllStringIndex(m.text, -1))
		}
		for _, ix := range reportRe.FindAllStringSubmatchIndex(m.text, -1) {
			n, _ := strconv.Atoi(m.text[ix[4]:ix[5]])
			rest := m.text[ix[1]:]
			if next := reportRe.FindStringIndex(rest); next != nil {
				rest = rest[:next[0]]
			}
			if strings.Contains(rest, "lso: ") {
				also[[2]int64{m.chat, int64(n)}] = true
			}
			if m.method == "sendMessage" {
				if got[m.chat] == nil {
					got[m.chat] = map[int][]delivered{}
				}
				got[m.chat][n] = append(got[m.chat][n], m)
			}
		}
	}
	twiceKnown := func(ms []delivered) int {
		n := 0
		for _, m := range ms {
			if known(m) {
				n++
			}
		}
		return max(n-1, 0)
	}
	nums := make([]int, 0, len(l.reports))
	for n := range l.reports {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	for _, c := range l.chats {
		for _, n := range nums {
			r := l.reports[n]
			sends := got[c.id][n]
			k := len(sends)
			want := !r.backlog && c.matches(r)
			if b, ok := l.blockedAt[c.id]; ok && !r.added.Before(b.Add(-time.Minute)) {
				continue // added after (or just before) the chat blocked the bot: either is right
			}
			switch {
			case !want && k > 0:
				t.unexpected += k
				t.lines = append(t.lines, fmt.Sprintf("chat %d got report %d (%s, backlog %v) %d times; it should not", c.id, n, r.keyword, r.backlog, k))
			case !want:
			case k == 0:
				t.expected++
				t.missing++
				t.lines = append(t.lines, fmt.Sprintf("chat %d never got report %d (%s, added %s)", c.id, n, r.keyword, r.added.Format("15:04:05.000")))
			default:
				t.expected++
				t.received++
				t.duplicated += k - 1
				if tw := twiceKnown(sends); tw > 0 {
					t.twice += tw
					t.lines = append(t.lines, fmt.Sprintf("chat %d got report %d %d times, %d of them recorded as sent: %s", c.id, n, k, tw+1, describeSends(sends, known)))
				}
			}
			if want && r.copied && k > 0 {
				t.alsoWanted++
				if !also[[2]int64{c.id, int64(n)}] {
					t.alsoMissing++
					t.lines = append(t.lines, fmt.Sprintf("chat %d: report %d was carried by both feeds, no message says Also:", c.id, n))
				}
			}
		}
		if digestsDue[c.id] {
			t.digestsWanted++
			d := digests[c.id]
			switch {
			case len(d) == 0:
				t.digestsMissing++
				t.lines = append(t.lines, fmt.Sprintf("chat %d: no digest on %s", c.id, digestDay))
			default:
				t.digestsGot++
				t.digestDups += len(d) - 1
				if tw := twiceKnown(d); tw > 0 {
					t.digestTwice += tw
					t.lines = append(t.lines, fmt.Sprintf("chat %d: %d digests on %s, %d recorded as sent", c.id, len(d), digestDay, tw+1))
				}
			}
		}
	}
	return t
}

func (t tally) print(w io.Writer) {
	fmt.Fprintf(w, "alerts: expected %d, received %d, missing %d, duplicated %d (of which sent twice knowingly: %d), unexpected %d\n",
		t.expected, t.received, t.missing, t.duplicated, t.twice, t.unexpected)
	fmt.Fprintf(w, "messages Telegram took that the outbox does not record as sent: %d (answers lost: %d; the rest in flight at a kill), carrying %d reports\n", t.unrecorded, t.lost, t.repeatable)
	fmt.Fprintf(w, "also edits: due %d, missing %d\n", t.alsoWanted, t.alsoMissing)
	fmt.Fprintf(w, "digests: due %d, received %d, missing %d, repeated %d (of which sent twice knowingly: %d)\n", t.digestsWanted, t.digestsGot, t.digestsMissing, t.digestDups, t.digestTwice)
	for i, l := range t.lines {
		if i == 60 {
			fmt.Fprintf(w, "  … and %d more\n", len(t.lines)-i)
			break
		}
		fmt.Fprintln(w, "  "+l)
	}
}

// ok reports whether nothing was lost and every repeat is one Telegram gave
// no way to tell apart.
func (t tally) ok() bool {
	return t.missing == 0 && t.unexpected == 0 && t.alsoMissing == 0 && t.digestsMissing == 0 && t.twice == 0 && t.digestTwice == 0 &&
		t.duplicated <= t.repeatable
}

// describeSends names each send of a repeated report, for the one who
// looks the repeat up: Telegram's message id, when the wire saw it taken,
// whether the outbox records that id, and its first line.
func describeSends(ms []delivered, known func(delivered) bool) string {
	parts := make([]string, 0, len(ms))
	for _, m := range ms {
		first, _, _ := strings.Cut(m.text, "\n")
		rec := "not recorded"
		if known(m) {
			rec = "recorded"
		}
		parts = append(parts, fmt.Sprintf("[message %d at %s, %s: %.80q]", m.id, m.at.Format("15:04:05.000"), rec, first))
	}
	return strings.Join(parts, " ")
}

// inFlightSlack is how long after a kill the wire may write down a send
// the fake took before it: the kill aimed at a send sees the fake's record
// of the call, the wire notes it when the answer comes back through it.
const inFlightSlack = 20 * time.Millisecond

// unrecordedBeforeKills sorts the sends Telegram took (answers not lost)
// that the outbox does not record as sent by how long before the loop's
// next SIGKILL they were taken: within milliseconds, the bot was killed
// with the call in flight (a kill -9's at-least-once); longer, its answer
// came and the record of it was undone (by a power cut: written, not yet
// synced). Those taken after the last kill are counted apart.
func (t *trial) unrecordedBeforeKills() string {
	recorded := t.recorded()
	bounds := []time.Duration{5 * time.Millisecond, 20 * time.Millisecond, 100 * time.Millisecond, 500 * time.Millisecond, 3 * time.Second}
	counts := make([]int, len(bounds)+2)
	var slow []string // those taken 20 ms or more before their kill: answered, not recorded
	for _, m := range t.wire.messages() {
		if m.method != "sendMessage" || recorded[[2]int64{m.chat, int64(m.id)}] {
			continue
		}
		i, gap := killOf(t.killedAt, m.at)
		if i == len(t.killedAt) {
			counts[len(counts)-1]++
			continue
		}
		j := sort.Search(len(bounds), func(j int) bool { return gap < bounds[j] })
		counts[j]++
		if gap >= 20*time.Millisecond {
			first, _, _ := strings.Cut(m.text, "\n")
			slow = append(slow, fmt.Sprintf("    chat %d message %d taken %s, killed at stop %d, %s: %.60q", m.chat, m.id, m.at.Format("15:04:05.000"), t.killedNo[i], t.killedAt[i].Format("15:04:05.000"), first))
		}
	}
	var b strings.Builder
	lo := time.Duration(0)
	for j, hi := range bounds {
		fmt.Fprintf(&b, "  %s–%s: %d\n", lo, hi, counts[j])
		lo = hi
	}
	fmt.Fprintf(&b, "  %s or more: %d\n  after the last kill: %d\n", lo, counts[len(bounds)], counts[len(bounds)+1])
	for _, l := range slow {
		b.WriteString(l + "\n")
	}
	return b.String()
}

// killOf returns the kill (an index of kills, in order; len(kills) when
// none) that a send taken at at was in flight at or answered before, and
// how long before it the send was taken: the first kill at or after at,
// or the one just before when at is within inFlightSlack after it.
func killOf(kills []time.Time, at time.Time) (int, time.Duration) {
	i := sort.Search(len(kills), func(i int) bool { return !kills[i].Before(at) })
	if i > 0 && at.Sub(kills[i-1]) < inFlightSlack {
		return i - 1, 0
	}
	if i == len(kills) {
		return i, 0
	}
	return i, kills[i].Sub(at)
}
