package digest

import (
	"strings"
	"testing"
	"time"
)

// Alerts held in quiet hours ("hold" mode) are not sent as alerts; the next
// digest lists them.
func TestDigestListsAlertsHeldInQuietHours(t *testing.T) {
	start := time.Date(2026, 11, 27, 23, 30, 0, 0, time.UTC)
	f := newFixture(t, start)
	f.chat(1, "UTC", "08:00")
	sub := f.subscribe(1, "kursk")
	f.alert(1, f.article(0, "Kursk deminers clear fields", "Deminers began work. More later.", start), sub)
	held, err := f.st.HoldChatAlerts(f.ctx, 1)
	if err != nil || held != 1 {
		t.Fatalf("held %d, %v; want 1", held, err)
	}
	if n := f.pending(); n != 0 {
		t.Fatalf("pending = %d after holding, want 0", n)
	}
	s := f.scheduler(Options{})
	f.tick(s, start) // the first tick only sets the window
	if sent := f.tick(s, time.Date(2026, 11, 28, 8, 0, 0, 0, time.UTC)); sent != 1 {
		t.Fatalf("digests queued at 08:00 = %d, want 1", sent)
	}
	ds := f.digests(1)
	if len(ds) != 1 {
		t.Fatalf("digests = %d", len(ds))
	}
	msgs := f.messages(ds[0])
	if len(msgs) != 1 || !strings.Contains(msgs[0], "Kursk deminers clear fields") || !strings.Contains(msgs[0], "Deminers began work.") {
		t.Fatalf("the digest lacks the held alert: %q", msgs)
	}
}
