package digest

import (
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/newshound/newshound/settings"
)

// A chat that moves west across the date (Tokyo to New York) after its
// digest: Tokyo's digest of 10 November came at New York's 9 November
// 18:00, so New York's 10 November 08:00 is a due time of its own, which the
// date taken in Tokyo held back (38 hours without a digest). One moving east
// (New York to Tokyo) gets none twice. /digest shows the next one as the
// scheduler sends it.
func TestAChatThatMovesZoneGetsADigestAtEachDueTime(t *testing.T) {
	u := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, time.UTC) }
	f := newFixture(t, u(9, 0, 0))
	f.chat(1, "Asia/Tokyo", "08:00")
	f.chat(2, "America/New_York", "08:00")
	s := f.scheduler(Options{SendEmpty: true})
	set := settings.NewService(settings.Options{Store: f.st, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	f.tickEvery(s, u(9, 0, 0), u(10, 0, 0), time.Minute) // Tokyo 10 Nov 08:00 is 9 Nov 23:00 UTC; New York's 9 Nov 08:00 is 13:00 UTC
	for id, zone := range map[int64]string{1: "America/New_York", 2: "Asia/Tokyo"} {
		if _, _, err := set.SetTimezone(f.ctx, id, zone); err != nil {
			t.Fatal(err)
		}
	}
	if last, err := set.LastDigestDate(f.ctx, 1); err != nil || last != "2026-11-09" {
		t.Errorf("after the move west, the last digest is dated %q (%v), want 2026-11-09, New York's date when it came", last, err)
	}
	f.tickEvery(s, u(10, 0, 0), u(12, 0, 0), time.Minute)
	want := map[int64][]string{
		1: {"09 23:00", "10 13:00", "11 13:00"}, // Tokyo's 10th, New York's 10th and 11th
		2: {"09 13:00", "10 23:00", "11 23:00"}, // New York's 9th, Tokyo's 11th and 12th
	}
	for id, dues := range want {
		var got []string
		for _, d := range f.digests(id) {
			got = append(got, d.DueAt.UTC().Format("02 15:04"))
		}
		if len(got) != len(dues) {
			t.Errorf("chat %d: digests due %q, want %q", id, got, dues)
			continue
		}
		for i := range got {
			if got[i] != dues[i] {
				t.Errorf("chat %d: digests due %q, want %q", id, got, dues)
				break
			}
		}
	}
}
