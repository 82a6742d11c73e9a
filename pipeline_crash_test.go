package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

// slowTeaserFeed is a feed of teasers whose article pages answer slowly, so
// that a poll spends most of its time fetching them.
type slowTeaserFeed struct {
	*httptest.Server
	mu     sync.Mutex
	titles []string
}

func newSlowTeaserFeed(t *testing.T, pageDelay time.Duration) *slowTeaserFeed {
	f := &slowTeaserFeed{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/page/") {
			select {
			case <-time.After(pageDelay):
			case <-r.Context().Done():
				return
			}
			fmt.Fprintf(w, "<html><body><article><h1>%s</h1><p>%s</p></article></body></html>", r.URL.Path, distinctText(r.URL.Path))
			return
		}
		f.mu.Lock()
		titles := f.titles
		f.mu.Unlock()
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Slow Wire</title>`)
		for _, title := range titles {
			slug := strings.ReplaceAll(title, " ", "-")
			fmt.Fprintf(&b, `<item><title>%s</title><link>%s/page/%s</link><guid>%s</guid><pubDate>%s</pubDate><description>%s… Read more</description></item>`,
				title, f.URL, slug, slug, time.Now().UTC().Format(time.RFC1123Z), title)
		}
		b.WriteString(`</channel></rss>`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, b.String())
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *slowTeaserFeed) add(titles ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.titles = append(f.titles, titles...)
}

// placeName is a made-up town of its own for report c×i (c < 100, i < 10),
// so that two reports are two stories: names and places tell same-day
// stories apart.
func placeName(c, i int) string {
	syllables := []string{"har", "val", "sen", "com", "bri", "mar", "riv", "sko", "gar", "tun"}
	name := syllables[c/10%10] + syllables[c%10] + syllables[i%10]
	return strings.ToUpper(name[:1]) + name[1:]
}

// distinctText is an article page's text of made-up words drawn from seed:
// a place name of its own and a vocabulary of thousands, so that no two
// articles share the names and words that make one story across outlets.
func distinctText(seed string) string {
	syllables := []string{"har", "val", "sen", "com", "bri", "mar", "riv", "sko", "gar", "tun",
		"air", "for", "mus", "fac", "isl", "vil", "sta", "hos", "rai", "cas"}
	rng := rand.New(rand.NewPCG(uint64(len(seed)), uint64(crc32.ChecksumIEEE([]byte(seed)))))
	word := func() string {
		return syllables[rng.IntN(len(syllables))] + syllables[rng.IntN(len(syllables))] + syllables[rng.IntN(len(syllables))]
	}
	place := strings.ToUpper(word()[:1]) + word()[1:]
	var b strings.Builder
	b.WriteString("The quake struck " + place + ". ")
	for i := 0; i < 120; i++ {
		b.WriteString(word())
		if i%12 == 11 {
			b.WriteString(". ")
		} else {
			b.WriteString(" ")
		}
	}
	return b.String()
}

var quakeTitle = regexp.MustCompile(`Quake report (\d+)x(\d+)`)

// TestStopsAtRandomMomentsOfAPollLoseNoAlert runs the real binary against a
// feed of slowly answering teasers, stops it (SIGKILL and SIGTERM in turn)
// at a random moment of each poll over 20 cycles, restarting it each time,
// and checks that every subscriber gets every alert, with no more duplicates
// than the messages on the wire at a stop.
func TestStopsAtRandomMomentsOfAPollLoseNoAlert(t *testing.T) {
	bin := builtBinary(t)
	const cycles, perCycle = 20, 3
	chats := []int64{6001, 6002, 6003}
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "stops.db")
	feed := newSlowTeaserFeed(t, 150*time.Millisecond)
	seedSubscribers(t, dbPath, chats, "quake")

	tg := telegramtest.New(t, testToken)
	cfgPath := filepath.Join(dir, "newshound.toml")
	cfg := fmt.Sprintf(`
[telegram]
token = %q
api_endpoint = %q
poll_timeout = "1s"
global_per_second = 5000.0
chat_per_second = 5000.0
group_per_minute = 300000.0
allow_private_urls = true
[storage]
path = %q
[poller]
schedule = "@every 1h"
concurrency = 2
[summary]
fetch_full_text = true
[alerts]
burst_max = 100000
[[sources]]
name = "Slow Wire"
url = %q
`, testToken, tg.Endpoint(), dbPath, feed.URL+"/feed")
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}

	// The first fetch stores the backlog without alerting it.
	feed.add("Quake report 0x1 near " + placeName(0, 1))
	p := startBinary(t, bin, cfgPath)
	testkit.WaitWithin(t, "the first fetch", 20*time.Second, func() bool { return sourceFetches(t, dbPath) >= 1 })
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	<-p.done

	got := func() map[string]int {
		out := map[string]int{}
		for _, c := range tg.Sent(0) {
			// A burst carries several alerts in one message.
			for _, m := range quakeTitle.FindAllStringSubmatch(c.Text(), -1) {
				out[fmt.Sprintf("%d/Quake report %sx%s", c.ChatID(), m[1], m[2])]++
			}
		}
		return out
	}
	delivered := func() (n int) {
		for _, c := range got() {
			n += c
		}
		return n
	}
	rng := rand.New(rand.NewPCG(11, uint64(time.Now().UnixNano())))
	var want []string
	kills, terms, midPoll, midSend := 0, 0, 0, 0
	for c := 1; c <= cycles; c++ {
		var titles []string
		for i := 1; i <= perCycle; i++ {
			id := fmt.Sprintf("%dx%d", c, i)
			titles = append(titles, "Quake report "+id+" near "+placeName(c, i))
			want = append(want, "Quake report "+id)
		}
		feed.add(titles...)
		p := startBinary(t, bin, cfgPath)
		// A poll at start takes about perCycle pages / 2 at a time × 150 ms,
		// then queues and sends: stop anywhere in the first second. This
		// sleep waits for nothing: it picks the moment of the stop at random.
		time.Sleep(time.Duration(rng.IntN(1000)) * time.Millisecond)
		sig := syscall.SIGKILL
		if c%2 == 0 {
			sig = syscall.SIGTERM
			terms++
		} else {
			kills++
		}
		if err := p.cmd.Process.Signal(sig); err != nil && !errors.Is(err, os.ErrProcessDone) {
			t.Fatal(err)
		}
		<-p.done
		if countRows(t, dbPath, `SELECT count(*) FROM articles WHERE pending <> ''`) > 0 {
			midPoll++ // stopped before the poll finished its articles
		}
		if countRows(t, dbPath, `SELECT count(*) FROM outbox WHERE kind = 'alert' AND status = 'pending'`) > 0 {
			midSend++ // stopped with alerts still to send
		}
	}
	// What Telegram accepted but the outbox does not record as sent was on
	// the wire at a stop: those alerts are sent again, and only those.
	// Let the fake finish answering what it had: no event tells that its
	// handlers for the killed process's last requests are done.
	time.Sleep(200 * time.Millisecond)
	onTheWire := delivered() - countRows(t, dbPath, `SELECT count(*) FROM outbox WHERE kind = 'alert' AND status = 'sent'`)

	last := startBinary(t, bin, cfgPath)
	expected := len(want) * len(chats)
	t.Cleanup(func() {
		if !t.Failed() {
			return
		}
		t.Logf("logs of the last run:\n%s", last.logs)
		methods := map[string]int{}
		for _, c := range tg.Calls("") {
			methods[c.Method+"/"+c.Params.Get("_accepted")]++
		}
		t.Logf("calls: %v", methods)
		received := got()
		for _, chat := range chats {
			for _, title := range want {
				if received[fmt.Sprintf("%d/%s", chat, title)] == 0 {
					t.Logf("chat %d never got %q", chat, title)
				}
			}
		}
	})
	testkit.WaitWithin(t, "every alert delivered after the last start", 30*time.Second, func() bool { return len(got()) >= expected })
	// Once no row is pending every send has been answered and recorded:
	// nothing more is on the wire, so a message more would be a duplicate.
	testkit.WaitWithin(t, "an outbox with nothing pending", 30*time.Second, func() bool {
		return countRows(t, dbPath, `SELECT count(*) FROM outbox WHERE status = 'pending'`) == 0
	})
	last.kill()

	received := got()
	lost, dups := 0, 0
	for _, chat := range chats {
		for _, title := range want {
			switch n := received[fmt.Sprintf("%d/%s", chat, title)]; {
			case n == 0:
				lost++
				t.Errorf("chat %d never got %q", chat, title)
			case n > 1:
				dups += n - 1
			}
		}
	}
	if n := received[fmt.Sprintf("%d/Quake report 0x1", chats[0])]; n != 0 {
		t.Errorf("the first fetch's backlog was alerted")
	}
	t.Logf("stops before the poll finished its articles: %d; with alerts still to send: %d", midPoll, midSend)
	t.Logf("%d cycles (%d SIGKILL, %d SIGTERM): %d alerts expected, %d distinct received, %d lost, %d duplicates, %d alerts on the wire at the stops",
		cycles, kills, terms, expected, len(received), lost, dups, onTheWire)
	if dups > onTheWire {
		t.Errorf("%d duplicates, more than the %d alerts on the wire at the stops", dups, onTheWire)
	}
}

// TestASecondInstanceOnTheSameDatabaseRefusesToStart starts the binary twice
// on one storage.path: the second exits at once, naming the path and the
// first one's pid.
func TestASecondInstanceOnTheSameDatabaseRefusesToStart(t *testing.T) {
	bin := builtBinary(t)
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "one.db")
	tg := telegramtest.New(t, testToken)
	cfgPath := filepath.Join(dir, "newshound.toml")
	cfg := fmt.Sprintf("[telegram]\ntoken = %q\napi_endpoint = %q\npoll_timeout = \"1s\"\n[storage]\npath = %q\n", testToken, tg.Endpoint(), dbPath)
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	first := startBinary(t, bin, cfgPath)
	testkit.WaitWithin(t, "the first instance to take the database", 60*time.Second, func() bool {
		b, err := os.ReadFile(dbPath + ".lock")
		return err == nil && strings.TrimSpace(string(b)) == fmt.Sprint(first.cmd.Process.Pid)
	})
	second := startBinary(t, bin, cfgPath)
	select {
	case <-second.done:
	case <-time.After(20 * time.Second):
		t.Fatal("the second instance did not exit")
	}
	if second.cmd.ProcessState.Success() {
		t.Error("the second instance exited with success")
	}
	logs := second.logs.String()
	for _, want := range []string{dbPath, fmt.Sprintf("pid %d", first.cmd.Process.Pid)} {
		if !strings.Contains(logs, want) {
			t.Errorf("the refusal does not name %q:\n%s", want, logs)
		}
	}
	select {
	case <-first.done:
		t.Fatal("the first instance stopped")
	default:
	}
	// A killed instance leaves no lock behind.
	first.kill()
	third := startBinary(t, bin, cfgPath)
	// A loaded machine can take long to start the binary: the wait is
	// generous, and an instance that gives up says why at once.
	testkit.WaitWithin(t, "an instance after a SIGKILL to take the database", 60*time.Second, func() bool {
		select {
		case <-third.done:
			t.Fatalf("the instance after a SIGKILL exited instead of taking the database:\n%s", third.logs.String())
		default:
		}
		b, err := os.ReadFile(dbPath + ".lock")
		return err == nil && strings.TrimSpace(string(b)) == fmt.Sprint(third.cmd.Process.Pid)
	})
}

// seedSubscribers makes chats, each subscribed to query.
func seedSubscribers(t *testing.T, dbPath string, chats []int64, query string) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dbPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, id := range chats {
		if _, err := st.EnsureChat(ctx, id, "private", "", news.ChatDefaults{Timezone: "UTC"}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := st.CreateSubscription(ctx, id, query, query, 10); err != nil {
			t.Fatal(err)
		}
	}
}

// sourceFetches reads, beside the running binary, how many successful
// fetches the only source has had.
func sourceFetches(t *testing.T, dbPath string) int {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+dbPath+"?_query_only=1&_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT COALESCE(max(fetches), 0) FROM sources`).Scan(&n); err != nil {
		return 0 // not created yet
	}
	return n
}

// countRows runs a count query on the database while the binary is stopped.
func countRows(t *testing.T, dbPath, q string) int {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+dbPath+"?_query_only=1&_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(q).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
