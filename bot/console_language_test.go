package bot

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestConsoleLanguageAutoNamesTheTerminal: in the console, /language auto
// said "your Telegram app's language", which a terminal has none of; its
// language comes from LANG, and the console's answers say so.
func TestConsoleLanguageAutoNamesTheTerminal(t *testing.T) {
	h := newHarness(t, withLanguages)
	const chat = 31
	say := func(text string) string {
		t.Helper()
		n := len(h.tg.Sent(chat))
		h.router.Handle(context.Background(), Incoming{ChatID: chat, ChatType: "private", UserID: chat, Text: text, Language: "de", Terminal: true})
		return h.tg.WaitSent(t, chat, n+1, 5*time.Second)[n].Text()
	}
	say("/language ru")
	if got := say("/language auto"); got != "✅ Ab jetzt spreche ich hier die Sprache Ihres Terminals (LANG)." {
		t.Errorf("/language auto in the console = %q", got)
	}
	got := say("/language")
	for _, want := range []string{"Dieser Chat spricht Deutsch, die Sprache Ihres Terminals (LANG).", "<code>auto</code> die Sprache Ihres Terminals (LANG)"} {
		if !strings.Contains(got, want) {
			t.Errorf("/language in the console = %q, want %q", got, want)
		}
	}
	if strings.Contains(got, "Telegram") {
		t.Errorf("/language in the console names Telegram: %q", got)
	}
}
