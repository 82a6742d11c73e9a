package digest

import (
	"testing"
	"time"
)

// A host clock a day ahead sends the digest of the next local date at
// today's due time; corrected (it steps back a day), it sent no digest at
// tomorrow's due time, whose date was taken already. Each due instant of
// the corrected clock gets one digest: the one sent ahead is re-dated to
// the due time it was sent at, and tomorrow's goes out.
func TestClockADayAheadCorrectedSendsOneDigestEachDueTime(t *testing.T) {
	day := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, time.UTC) }
	f := newFixture(t, day(9, 7, 0))
	f.chat(1, "UTC", "08:00")
	s := f.scheduler(Options{SendEmpty: true})
	f.tickEvery(s, day(9, 7, 0), day(10, 6, 0), 5*time.Minute) // 9 Nov 08:00: the digest of the 9th
	const ahead = 24 * time.Hour
	// From 10 Nov 06:00 the clock reads a day ahead: at 08:00 (it reads the 11th) the digest of the 11th goes.
	f.tickEvery(s, day(10, 6, 0).Add(ahead), day(10, 12, 0).Add(ahead), 5*time.Minute)
	// Corrected at 12:00 on the 10th; the 11th and the 12th come.
	f.tickEvery(s, day(10, 12, 0), day(12, 9, 0), 5*time.Minute)

	ds := f.digests(1)
	var dues []string
	for _, d := range ds {
		dues = append(dues, d.LocalDate+" "+d.DueAt.UTC().Format("15:04"))
	}
	// Sent at (true time) 9, 10, 11 and 12 Nov 08:00.
	if len(ds) != 4 {
		t.Fatalf("%d digests (%q), want 4: one at each 08:00 of 9-12 November", len(ds), dues)
	}
	seen := map[string]bool{}
	for _, d := range ds {
		if d.LocalDate != "" && seen[d.LocalDate] {
			t.Errorf("two digests dated %s: %q", d.LocalDate, dues)
		}
		seen[d.LocalDate] = true
	}
	for _, date := range []string{"2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12"} {
		if !seen[date] {
			t.Errorf("no digest dated %s: %q", date, dues)
		}
	}
}

// A clock an hour ahead and corrected passes a due time twice: its digest
// went once, at the first (TestClockStepsLoseNoAlertAndSendTheDigestOnce
// plays it through the whole bot).
func TestClockAnHourAheadCorrectedSendsTheDigestOnce(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, 11, 27, h, m, 0, 0, time.UTC) }
	f := newFixture(t, at(7, 0))
	f.chat(1, "UTC", "08:30")
	s := f.scheduler(Options{SendEmpty: true})
	f.tickEvery(s, at(7, 0), at(7, 30), time.Minute)
	f.tickEvery(s, at(8, 30), at(9, 0), time.Minute) // an hour ahead from 07:30
	f.tickEvery(s, at(8, 0), at(10, 0), time.Minute) // corrected at 08:00
	if ds := f.digests(1); len(ds) != 1 || ds[0].LocalDate != "2026-11-27" {
		t.Fatalf("digests = %+v, want one, on 27 November", ds)
	}
}

// The same, corrected while the bot was down: the restarted scheduler finds
// the digest queued a day ahead and dates it to the due time it was sent at.
func TestClockADayAheadCorrectedWhileDownSendsOneDigestEachDueTime(t *testing.T) {
	day := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, time.UTC) }
	f := newFixture(t, day(9, 7, 0))
	f.chat(1, "UTC", "08:00")
	s := f.scheduler(Options{SendEmpty: true})
	f.tickEvery(s, day(9, 7, 0), day(10, 6, 0), 5*time.Minute)
	const ahead = 24 * time.Hour
	f.tickEvery(s, day(10, 6, 0).Add(ahead), day(10, 12, 0).Add(ahead), 5*time.Minute)
	// Stopped at 12:00 on the 10th (the clock read the 11th), started again at 12:30, the clock corrected.
	f.clk.Set(day(10, 12, 30))
	f.st = mustOpenStore(t, f.path, f.clk.Now) // the old one stands for the stopped process: closed at the end
	s = f.scheduler(Options{SendEmpty: true})
	f.tickEvery(s, day(10, 12, 30), day(12, 9, 0), 5*time.Minute)
	var dates []string
	for _, d := range f.digests(1) {
		dates = append(dates, d.LocalDate+" "+d.DueAt.UTC().Format("15:04"))
	}
	want := []string{"2026-11-09 08:00", "2026-11-10 08:00", "2026-11-11 08:00", "2026-11-12 08:00"}
	if len(dates) != len(want) {
		t.Fatalf("digests %q, want %q", dates, want)
	}
	for i := range want {
		if dates[i] != want[i] {
			t.Fatalf("digests %q, want %q", dates, want)
		}
	}
}
