package digest

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/localtime"
	"github.com/newshound/newshound/news"
)

func TestTickThreeTimezones(t *testing.T) {
	start := time.Date(2026, 6, 10, 0, 0, 0, 0, time.UTC)
	f := newFixture(t, start.Add(-time.Hour))
	chats := []struct {
		id   int64
		zone string
		hhmm string
	}{
		{1, "America/New_York", "08:00"},
		{2, "Europe/Berlin", "08:00"},
		{3, "Asia/Kolkata", "07:45"},
		{4, "+08:00", "21:30"},
	}
	for _, c := range chats {
		f.chat(c.id, c.zone, c.hhmm)
	}
	s := f.scheduler(Options{SendEmpty: true})
	f.tickEvery(s, start, start.Add(72*time.Hour), time.Minute)

	for _, c := range chats {
		loc, err := localtime.LoadLocation(c.zone)
		if err != nil {
			t.Fatal(err)
		}
		ds := f.digests(c.id)
		if len(ds) != 3 {
			t.Fatalf("chat %s: %d digests in 72h, want 3", c.zone, len(ds))
		}
		for i, d := range ds {
			local := d.DueAt.In(loc)
			if got := local.Format("15:04"); got != c.hhmm {
				t.Errorf("chat %s digest %d due at %s local, want %s", c.zone, i, got, c.hhmm)
			}
			if d.LocalDate != local.Format(localtime.DateLayout) {
				t.Errorf("chat %s digest %d recorded for %s, due on %s", c.zone, i, d.LocalDate, local.Format(localtime.DateLayout))
			}
			if !d.QueuedAt.Equal(d.DueAt) {
				t.Errorf("chat %s digest %d queued at %s, due at %s: want the tick of its minute", c.zone, i, d.QueuedAt, d.DueAt)
			}
			if i > 0 && ds[i-1].DueAt.Add(24*time.Hour) != d.DueAt {
				t.Errorf("chat %s: digests %s and %s are not a day apart", c.zone, ds[i-1].DueAt, d.DueAt)
			}
		}
	}
}

func TestTickDST(t *testing.T) {
	tests := []struct {
		name string
		zone string
		hhmm string
		day  time.Time // the day of the change, local midnight is found from it
	}{
		{"new york spring forward, 02:30 does not exist", "America/New_York", "02:30", time.Date(2026, 3, 8, 0, 0, 0, 0, time.UTC)},
		{"new york fall back, 01:30 happens twice", "America/New_York", "01:30", time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)},
		{"new york spring forward, 08:00", "America/New_York", "08:00", time.Date(2026, 3, 8, 0, 0, 0, 0, time.UTC)},
		{"berlin spring forward, 02:30 does not exist", "Europe/Berlin", "02:30", time.Date(2026, 3, 29, 0, 0, 0, 0, time.UTC)},
		{"berlin fall back, 02:30 happens twice", "Europe/Berlin", "02:30", time.Date(2026, 10, 25, 0, 0, 0, 0, time.UTC)},
		{"lord howe half-hour spring forward", "Australia/Lord_Howe", "02:15", time.Date(2026, 10, 4, 0, 0, 0, 0, time.UTC)},
		{"lord howe half-hour fall back", "Australia/Lord_Howe", "01:45", time.Date(2026, 4, 5, 0, 0, 0, 0, time.UTC)},
		{"santiago skips midnight", "America/Santiago", "00:00", time.Date(2026, 9, 6, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loc := mustLoad(t, tt.zone)
			y, m, d := tt.day.Date()
			from := time.Date(y, m, d-2, 12, 0, 0, 0, loc) // noon two days before
			to := time.Date(y, m, d+2, 12, 0, 0, 0, loc)   // noon two days after
			f := newFixture(t, from.Add(-time.Hour))
			f.chat(1, tt.zone, tt.hhmm)
			s := f.scheduler(Options{})
			f.tickEvery(s, from, to, time.Minute)

			ds := f.digests(1)
			want := []string{
				time.Date(y, m, d-1, 12, 0, 0, 0, time.UTC).Format(localtime.DateLayout),
				time.Date(y, m, d, 12, 0, 0, 0, time.UTC).Format(localtime.DateLayout),
				time.Date(y, m, d+1, 12, 0, 0, 0, time.UTC).Format(localtime.DateLayout),
				time.Date(y, m, d+2, 12, 0, 0, 0, time.UTC).Format(localtime.DateLayout),
			}
			var got []string
			for _, dg := range ds {
				got = append(got, dg.LocalDate)
			}
			if strings.Join(got, ",") != strings.Join(want, ",") {
				t.Fatalf("digests for dates %v, want %v (one per day, none skipped or doubled)", got, want)
			}
			// On the day of the change it never comes before its time of day.
			for _, dg := range ds {
				local := dg.DueAt.In(loc)
				if local.Format(localtime.DateLayout) != dg.LocalDate || local.Format("15:04") < tt.hhmm {
					t.Errorf("the %s digest of %s went out at %s", tt.hhmm, dg.LocalDate, local.Format("2006-01-02 15:04 MST"))
				}
			}
		})
	}
}

func TestRestartMidDigest(t *testing.T) {
	due := time.Date(2026, 6, 10, 8, 0, 0, 0, mustLoad(t, "Europe/Berlin"))

	t.Run("crash after building, before recording", func(t *testing.T) {
		f := newFixture(t, due.Add(-2*time.Hour))
		f.chat(1, "Europe/Berlin", "08:00")
		sub := f.subscribe(1, "kursk")
		f.alert(1, f.article(0, "Deminers near Kursk", "Teams began clearing fields.", due.Add(-time.Hour)), sub)

		crashing := f.scheduler(Options{})
		crashing.beforeCommit = func(int64) error { return errors.New("killed") }
		f.clk.Set(due)
		if _, err := crashing.Tick(f.ctx, due); err == nil {
			t.Fatal("the crashing tick reported no error")
		}
		if ds := f.digests(1); len(ds) != 0 {
			t.Fatalf("a crashed digest left %d records", len(ds))
		}
		if n := f.pending(); n != 1 { // the alert only
			t.Fatalf("pending messages after the crash = %d, want 1 (the alert, no digest)", n)
		}

		restarted := f.scheduler(Options{})
		if n := f.tick(restarted, due.Add(3*time.Minute)); n != 1 {
			t.Fatalf("restarted tick queued %d digests, want 1", n)
		}
		f.tickEvery(restarted, due.Add(4*time.Minute), due.Add(2*time.Hour), time.Minute)
		ds := f.digests(1)
		if len(ds) != 1 {
			t.Fatalf("digests after restart = %d, want 1", len(ds))
		}
		if msgs := f.messages(ds[0]); len(msgs) != 1 || !strings.Contains(msgs[0], "Deminers near Kursk") {
			t.Fatalf("digest after restart = %q", msgs)
		}
	})

	t.Run("two processes tick at once", func(t *testing.T) {
		f := newFixture(t, due.Add(-2*time.Hour))
		for id := int64(1); id <= 20; id++ {
			f.chat(id, "Europe/Berlin", "08:00")
		}
		other := mustOpenStore(t, f.path, f.clk.Now) // a second process on the same file
		a := f.scheduler(Options{SendEmpty: true})
		b := NewScheduler(Options{Store: other, Now: f.clk.Now, MaxItems: 20, CatchUp: time.Hour, SendEmpty: true, Logger: a.log})
		f.clk.Set(due)
		var wg sync.WaitGroup
		counts := make([]int, 2)
		for i, s := range []*Scheduler{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				n, err := s.Tick(context.Background(), due)
				if err != nil {
					t.Error(err)
				}
				counts[i] = n
			}()
		}
		wg.Wait()
		if counts[0]+counts[1] != 20 {
			t.Fatalf("the two processes queued %v digests, want 20 in all", counts)
		}
		for id := int64(1); id <= 20; id++ {
			if ds := f.digests(id); len(ds) != 1 || ds[0].Messages != 1 {
				t.Fatalf("chat %d: %d digests, want exactly 1 with 1 message", id, len(ds))
			}
		}
		if n := f.pending(); n != 20 {
			t.Fatalf("pending messages = %d, want 20", n)
		}
	})

	t.Run("restart while the messages go out", func(t *testing.T) {
		f := newFixture(t, due.Add(-2*time.Hour))
		f.chat(1, "Europe/Berlin", "08:00")
		sub := f.subscribe(1, "news")
		for i := range 60 {
			f.alert(1, f.article(i%5, strings.Repeat("A long headline about events ", 6), strings.Repeat("word ", 50)+".", due.Add(-time.Hour)), sub)
		}
		s := f.scheduler(Options{MaxItems: 60})
		f.tick(s, due)
		ds := f.digests(1)
		if len(ds) != 1 || ds[0].Messages < 2 {
			t.Fatalf("want one digest of several messages, got %+v", ds)
		}
		// The sender delivers the first digest message, then the process dies.
		if err := f.st.MarkSent(f.ctx, ds[0].FirstID, 99); err != nil {
			t.Fatal(err)
		}
		pendingBefore := f.pending()
		restarted := f.scheduler(Options{MaxItems: 60})
		f.tickEvery(restarted, due.Add(2*time.Minute), due.Add(time.Hour), time.Minute)
		if got := f.digests(1); len(got) != 1 {
			t.Fatalf("digests after restart = %d, want 1", len(got))
		}
		if n := f.pending(); n != pendingBefore {
			t.Fatalf("pending after restart = %d, want the %d left of the first run", n, pendingBefore)
		}
	})
}

func TestRestartMissesDigest(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	day := func(d, h, m int) time.Time { return time.Date(2026, 6, d, h, m, 0, 0, berlin) }
	tests := []struct {
		name      string
		hhmm      string
		catchUp   time.Duration
		downAt    time.Time // last tick before the outage
		upAt      time.Time // first tick after the restart
		wantFirst string    // local date of the first digest after the restart
		wantLate  bool      // it went out at the restart, late
	}{
		{"two hours late, catch-up 6h", "08:00", 6 * time.Hour, day(10, 7, 0), day(10, 10, 0), "2026-06-10", true},
		{"seven hours late, catch-up 6h", "08:00", 6 * time.Hour, day(10, 7, 0), day(10, 15, 0), "2026-06-11", false},
		{"over midnight", "23:30", 6 * time.Hour, day(10, 23, 0), day(11, 1, 0), "2026-06-10", true},
		{"catch-up 1ns", "08:00", time.Nanosecond, day(10, 7, 0), day(10, 8, 5), "2026-06-11", false},
		{"back before it was due", "08:00", 6 * time.Hour, day(10, 7, 0), day(10, 7, 59), "2026-06-10", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, tt.downAt.Add(-48*time.Hour))
			f.chat(1, "Europe/Berlin", tt.hhmm)
			sub := f.subscribe(1, "kursk")
			before := f.scheduler(Options{CatchUp: tt.catchUp})
			f.tickEvery(before, tt.downAt.Add(-25*time.Hour), tt.downAt.Add(time.Minute), time.Minute)
			n0 := len(f.digests(1))
			if n0 != 1 {
				t.Fatalf("%d digests before the outage, want 1", n0)
			}

			f.clk.Set(tt.downAt.Add(10 * time.Minute)) // matched while the scheduler was down
			f.alert(1, f.article(0, "Deminers near Kursk", "Teams began clearing fields.", f.clk.Now()), sub)

			after := f.scheduler(Options{CatchUp: tt.catchUp, SendEmpty: true})
			f.tickEvery(after, tt.upAt, tt.upAt.Add(26*time.Hour), time.Minute)
			ds := f.digests(1)[n0:]
			if len(ds) == 0 {
				t.Fatal("no digest at all after the restart")
			}
			if ds[0].LocalDate != tt.wantFirst || ds[0].QueuedAt.Equal(tt.upAt) != tt.wantLate {
				t.Fatalf("first digest after restart: %s queued at %s; want %s, late = %v", ds[0].LocalDate, ds[0].QueuedAt, tt.wantFirst, tt.wantLate)
			}
			seen := map[string]bool{}
			for _, d := range ds {
				if seen[d.LocalDate] {
					t.Fatalf("two digests for %s", d.LocalDate)
				}
				seen[d.LocalDate] = true
			}
			// Whether caught up or skipped, the story is in the first digest after the restart.
			if msgs := f.messages(ds[0]); len(msgs) != 1 || !strings.Contains(msgs[0], "Deminers near Kursk") {
				t.Fatalf("first digest after restart = %q", msgs)
			}
		})
	}
}

func TestTickSkips(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	at := time.Date(2026, 6, 10, 10, 0, 0, 0, berlin)
	f := newFixture(t, at.Add(-time.Hour))
	f.chat(1, "Europe/Berlin", "08:00") // created after its time today
	f.chat(2, "Europe/Berlin", "")      // digest off
	f.chat(3, "Europe/Berlin", "08:00")
	if err := f.st.SetChatActive(f.ctx, 3, false); err != nil {
		t.Fatal(err)
	}
	s := f.scheduler(Options{SendEmpty: true})
	f.tickEvery(s, at, at.Add(time.Hour), time.Minute)
	for id := int64(1); id <= 3; id++ {
		if ds := f.digests(id); len(ds) != 0 {
			t.Errorf("chat %d got %d digests, want none", id, len(ds))
		}
	}

	// A time set to one already past today waits for tomorrow.
	if err := f.st.SetChatDigestTime(f.ctx, 2, "09:00"); err != nil {
		t.Fatal(err)
	}
	f.tickEvery(s, at.Add(time.Hour), at.Add(2*time.Hour), time.Minute)
	if ds := f.digests(2); len(ds) != 0 {
		t.Fatalf("a time set after it passed sent %d digests today", len(ds))
	}
	f.tickEvery(s, at.Add(2*time.Hour), at.Add(24*time.Hour), time.Minute)
	if ds := f.digests(2); len(ds) != 1 || ds[0].LocalDate != "2026-06-11" {
		t.Fatalf("digests = %+v, want one on 2026-06-11", ds)
	}
}

// TestEmptyDay: with send_empty, an empty day says so; the chat's first
// digest covers the last 24 hours, so it says that, not "since the last
// digest" (there was none).
func TestEmptyDay(t *testing.T) {
	due := time.Date(2026, 6, 10, 8, 0, 0, 0, mustLoad(t, "Asia/Kolkata"))
	tests := []struct {
		name      string
		sendEmpty bool
		wantMsgs  int
	}{
		{"send_empty off sends nothing", false, 0},
		{"send_empty on says so", true, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, due.Add(-time.Hour))
			f.chat(1, "Asia/Kolkata", "08:00")
			f.subscribe(1, "kursk")
			s := f.scheduler(Options{SendEmpty: tt.sendEmpty})
			f.tickEvery(s, due.Add(-5*time.Minute), due.Add(25*time.Hour), time.Minute)
			ds := f.digests(1)
			if len(ds) != 2 {
				t.Fatalf("digests = %d, want 2 recorded (two days)", len(ds))
			}
			for i, d := range ds {
				if d.Messages != tt.wantMsgs {
					t.Fatalf("digest %d: messages = %d, want %d", i, d.Messages, tt.wantMsgs)
				}
			}
			if n := f.pending(); n != 2*tt.wantMsgs {
				t.Fatalf("pending = %d, want %d", n, 2*tt.wantMsgs)
			}
			if tt.wantMsgs == 0 {
				return
			}
			for i, want := range []string{"Nothing has matched your subscriptions in the last 24 hours.", "Nothing matched your subscriptions since the last digest."} {
				if msg := f.messages(ds[i])[0]; !strings.Contains(msg, want) {
					t.Errorf("empty digest %d = %q, want %q", i, msg, want)
				}
			}
			if msg := f.messages(ds[0])[0]; !strings.Contains(msg, "Wednesday 10 June") {
				t.Errorf("first empty digest = %q, want its date", msg)
			}
		})
	}
}

func TestDigestWindow(t *testing.T) {
	utc := time.Date(2026, 6, 10, 8, 0, 0, 0, time.UTC)
	f := newFixture(t, utc.Add(-30*time.Hour))
	f.chat(1, "UTC", "08:00")
	sub := f.subscribe(1, "kursk")
	f.alert(1, f.article(0, "Too old for a first digest", "", f.clk.Now()), sub)
	f.clk.Set(utc.Add(-2 * time.Hour))
	f.alert(1, f.article(1, "Day one story", "", f.clk.Now()), sub)

	s := f.scheduler(Options{})
	f.tickEvery(s, utc.Add(-time.Minute), utc.Add(time.Hour), time.Minute)

	f.clk.Set(utc.Add(3 * time.Hour))
	f.alert(1, f.article(2, "Asked for now", "", f.clk.Now()), sub)
	f.clk.Advance(time.Minute)
	n, err := s.SendNow(f.ctx, 1, 0, 0)
	if err != nil || n != 1 {
		t.Fatalf("SendNow = %d, %v; want 1 story", n, err)
	}
	if n, err := s.SendNow(f.ctx, 1, 0, 0); err != nil || n != 0 {
		t.Fatalf("second SendNow = %d, %v; want 0 (nothing new)", n, err)
	}

	f.clk.Set(utc.Add(5 * time.Hour))
	f.alert(1, f.article(3, "Day two story", "", f.clk.Now()), sub)
	f.tickEvery(s, utc.Add(2*time.Hour), utc.Add(25*time.Hour), time.Minute)

	ds := f.digests(1)
	if len(ds) != 3 {
		t.Fatalf("digests = %d, want 3 (daily, now, daily): %+v", len(ds), ds)
	}
	want := [][]string{{"Day one story"}, {"Asked for now"}, {"Day two story"}}
	for i, d := range ds {
		text := strings.Join(f.messages(d), "\n")
		for _, title := range []string{"Too old for a first digest", "Day one story", "Asked for now", "Day two story"} {
			if in := strings.Contains(text, title); in != (title == want[i][0]) {
				t.Errorf("digest %d (%s) contains %q = %v:\n%s", i, d.Kind, title, in, text)
			}
		}
	}
	if ds[1].Kind != news.DigestNow || ds[1].LocalDate != "" {
		t.Errorf("the /digest now record = %+v", ds[1])
	}
}

func TestTwoHundredMatches(t *testing.T) {
	due := time.Date(2026, 6, 10, 8, 0, 0, 0, mustLoad(t, "America/New_York"))
	tests := []struct {
		name        string
		maxItems    int
		wantEntries int
		wantMore    string
		wantSplit   bool
	}{
		{"max_items 20", 20, 20, "… and 60 more of 🔔 <b>ukraine</b>: <code>/search ukraine</code>\n\n" +
			"… and 60 more of 🔔 <b>election OR vote</b>: <code>/search election OR vote</code>\n\n" +
			"… and 60 more of 🔔 <b>&#34;climate &lt;summit&gt;&#34;</b>: <code>/search &#34;climate &lt;summit&gt;&#34;</code>", true},
		{"max_items 200, split", 200, 200, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, due.Add(-20*time.Hour))
			f.chat(1, "America/New_York", "08:00")
			subs := []int64{f.subscribe(1, "ukraine"), f.subscribe(1, "election OR vote"), f.subscribe(1, `"climate <summit>"`)}
			for i := range 200 {
				f.clk.Advance(5 * time.Minute)
				title := strings.Repeat("Headline with words & <markup> ", 2) + string(rune('A'+i%26))
				summary := "The first sentence of story number " + strings.Repeat("x", i%40) + " is here. A second sentence is not shown."
				f.alert(1, f.article(i%5, title, summary, f.clk.Now()), subs[i%3])
			}
			s := f.scheduler(Options{MaxItems: tt.maxItems})
			f.tick(s, due)
			ds := f.digests(1)
			if len(ds) != 1 || ds[0].Stories != 200 {
				t.Fatalf("digests = %+v, want one of 200 stories", ds)
			}
			msgs := f.messages(ds[0])
			if (len(msgs) > 1) != tt.wantSplit {
				t.Fatalf("%d messages, split wanted = %v", len(msgs), tt.wantSplit)
			}
			entries := 0
			for i, m := range msgs {
				if l := length(m); l > MaxMessage {
					t.Errorf("message %d is %d long", i, l)
				}
				for _, line := range strings.Split(m, "\n") {
					if strings.Contains(line, `<a href="`) {
						entries++
						if !strings.HasPrefix(line, strconv.Itoa(entries)+". ") {
							t.Fatalf("entry %d out of order: %q", entries, line)
						}
					}
				}
				if i > 0 && !strings.HasPrefix(m, "🔔 ") {
					t.Errorf("message %d does not start with a group header: %q", i, m[:40])
				}
				if strings.Contains(m, "<markup>") || strings.Contains(m, "A second sentence") {
					t.Errorf("message %d has raw markup or a second sentence", i)
				}
			}
			if entries != tt.wantEntries {
				t.Errorf("entries = %d, want %d", entries, tt.wantEntries)
			}
			last := msgs[len(msgs)-1]
			if tt.wantMore != "" && !strings.HasSuffix(last, tt.wantMore) {
				t.Errorf("last message ends %q, want %q", last[max(0, len(last)-400):], tt.wantMore)
			}
			if tt.wantMore == "" && strings.Contains(last, "more of") {
				t.Errorf("all shown but the digest says there are more")
			}
		})
	}
}
