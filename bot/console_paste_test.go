package bot

import (
	"context"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
)

// handled collects what the console hands the router.
type handled struct {
	mu  sync.Mutex
	ins []Incoming
}

func (h *handled) handle(ctx context.Context, in Incoming) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.ins = append(h.ins, in)
}

func (h *handled) all() []Incoming {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]Incoming(nil), h.ins...)
}

const pastedOPML = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Feeds</title></head>
  <body>
    <outline type="rss" text="One" xmlUrl="https://one.example/rss"/>
    <outline type="rss" text="Two" xmlUrl="https://two.example/rss"/>
  </body>
</opml>`

// TestConsolePastedOPMLIsOneImport: an OPML list pasted into the console
// was a message a line ("I understand commands only" eight times) and
// nothing was imported; it is now one /import whose file is the list.
func TestConsolePastedOPMLIsOneImport(t *testing.T) {
	for name, input := range map[string]string{
		"alone":        pastedOPML + "\n/help\n",
		"after import": "/import " + pastedOPML + "\n/help\n",
	} {
		t.Run(name, func(t *testing.T) {
			c := NewConsole(strings.NewReader(input), &syncWriter{})
			var h handled
			if err := c.Updates(context.Background(), h.handle); err != io.EOF {
				t.Fatalf("Updates = %v, want io.EOF", err)
			}
			ins := h.all()
			if len(ins) != 2 || ins[0].Text != "/import" || ins[0].Document == nil || ins[1].Text != "/help" {
				t.Fatalf("handled %+v, want one /import with the list, then /help", ins)
			}
			data, err := c.DownloadFile(context.Background(), ins[0].Document.ID, maxImport)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimPrefix(string(data), "/import "); got != pastedOPML {
				t.Errorf("the import's file is %q, want the pasted list", got)
			}
		})
	}
}

// TestConsolePasteWithoutItsEndEndsAtAPause: a list pasted without its
// </opml> is imported once the lines stop coming, and the next line typed
// is a command again.
func TestConsolePasteWithoutItsEndEndsAtAPause(t *testing.T) {
	r, w := io.Pipe()
	c := NewConsole(r, &syncWriter{})
	c.pastePause = 50 * time.Millisecond
	var h handled
	done := make(chan error, 1)
	go func() { done <- c.Updates(context.Background(), h.handle) }()
	io.WriteString(w, "<opml version=\"2.0\">\n<body>\n<outline xmlUrl=\"https://one.example/rss\"/>\n")
	testkit.WaitFor(t, "the paste without </opml> imported", func() bool { return len(h.all()) == 1 })
	io.WriteString(w, "/help\n")
	w.Close()
	if err := <-done; err != io.EOF {
		t.Fatalf("Updates = %v", err)
	}
	ins := h.all()
	if len(ins) != 2 || ins[0].Text != "/import" || ins[1].Text != "/help" {
		t.Fatalf("handled %+v, want /import then /help", ins)
	}
}

// TestConsolePasteOverTheLimitIsRefused: a paste over 1 MB is one note,
// not an import and not a thousand messages.
func TestConsolePasteOverTheLimitIsRefused(t *testing.T) {
	line := `<outline type="rss" text="x" xmlUrl="https://example.com/` + strings.Repeat("a", 1000) + `"/>` + "\n"
	input := "<opml><body>\n" + strings.Repeat(line, maxPaste/len(line)+10) + "</body></opml>\n/help\n"
	out := &syncWriter{}
	c := NewConsole(strings.NewReader(input), out)
	var h handled
	c.Updates(context.Background(), h.handle)
	ins := h.all()
	if len(ins) != 1 || ins[0].Text != "/help" {
		t.Fatalf("handled %d messages (first %q), want /help alone", len(ins), ins[0].Text)
	}
	if !strings.Contains(out.String(), "over 1024 KB") {
		t.Errorf("printed %q, want the limit named", out.String())
	}
}

// TestConsoleLinesSpeakTheChatsLanguage: after /language de the replies
// spoke German and the console's own lines English ("There is no button
// 7."); they follow the chat's language now, the terminal's without one.
func TestConsoleLinesSpeakTheChatsLanguage(t *testing.T) {
	out := &syncWriter{}
	c := NewConsole(strings.NewReader("7\n/import\n"), out)
	c.SetChatLanguage(func(context.Context) string { return "de" })
	c.Updates(context.Background(), func(context.Context, Incoming) {})
	got := out.String()
	for _, want := range []string{"Newshound-Konsole", "Es gibt keine Schaltfläche 7.", "In der Konsole nimmt /import"} {
		if !strings.Contains(got, want) {
			t.Errorf("printed %q, want %q", got, want)
		}
	}
	if c.Spoke() != "de" {
		t.Errorf("Spoke() = %q, want de", c.Spoke())
	}
}
