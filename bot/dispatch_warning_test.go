package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
)

// TestDispatcherDropWarningNamesTheChat: ~80 of 180 commands of one chat
// were dropped with one warning a minute that said "dropped_so_far" alone;
// it names the chat and why, and counts the drops since the last warning
// and the chats that lost most.
func TestDispatcherDropWarningNamesTheChat(t *testing.T) {
	rec := newRecorder(t, 1)
	var logs lockedBuffer
	clk := testkit.NewClock(time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC))
	d := NewDispatcher(context.Background(), rec.handle, DispatchOptions{Workers: 1, ChatQueue: 1, Now: clk.Now,
		Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	defer d.Close(context.Background())
	ctx := context.Background()
	d.Submit(ctx, Incoming{ChatID: 1, Text: "/slow"})
	<-rec.held // the one worker is busy: everything below waits
	d.Submit(ctx, Incoming{ChatID: 2, Text: "/a"})
	d.Submit(ctx, Incoming{ChatID: 2, Text: "/b"}) // dropped: warned at once
	for i := range 3 {
		d.Submit(ctx, Incoming{ChatID: 3, Text: fmt.Sprintf("/c%d", i)}) // the first waits, two dropped
	}
	d.Submit(ctx, Incoming{ChatID: 2, Text: "/d"}) // dropped
	clk.Advance(time.Minute)
	d.Submit(ctx, Incoming{ChatID: 3, Text: "/e"}) // dropped: the second warning
	close(rec.release)
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	var warnings []string
	for _, l := range lines {
		if strings.Contains(l, "updates dropped") {
			warnings = append(warnings, l)
		}
	}
	if len(warnings) != 2 {
		t.Fatalf("%d warnings, want 2:\n%s", len(warnings), logs.String())
	}
	for i, want := range [][]string{
		{"chat=2", `why="the chat has too many commands waiting"`, "dropped_since_last_warning=1", "chats=1", "most_in_chat=2 most=1", "dropped_so_far=1"},
		{"chat=3", "dropped_since_last_warning=4", "chats=2", "most_in_chat=3 most=3", "dropped_so_far=5"},
	} {
		for _, w := range want {
			if !strings.Contains(warnings[i], w) {
				t.Errorf("warning %d lacks %s: %s", i+1, w, warnings[i])
			}
		}
	}
}
