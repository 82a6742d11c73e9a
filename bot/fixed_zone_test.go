package bot

import (
	"strings"
	"testing"
)

// "/timezone +5.5" was refused, and an offset that was taken did not say it
// stays the same all year; "/language 🇩🇪" was refused too.
func TestTimezoneOffsetsAndLanguageFlags(t *testing.T) {
	h := newHarness(t, withLanguages)
	for i, tt := range []struct{ in, want string }{
		{"+5.5", "<b>+05:30</b>"},
		{"UTC+5:30", "<b>+05:30</b>"},
		{"GMT-3", "<b>-03:00</b>"},
	} {
		chat := int64(600 + i)
		got := h.reply(chat, "private", chat, "/timezone "+tt.in).Text()
		if !strings.Contains(got, tt.want) || !strings.Contains(got, "does not follow summer time") {
			t.Errorf("/timezone %s → %q, want %s, a fixed zone without summer time", tt.in, got, tt.want)
		}
	}
	if got := h.reply(610, "private", 610, "/timezone Europe/Berlin").Text(); strings.Contains(got, "summer time") {
		t.Errorf("/timezone Europe/Berlin → %q, which follows summer time", got)
	}
	if got := h.replyAs(611, "private", 611, "en", "/language 🇩🇪"); !strings.Contains(got, "Deutsch") {
		t.Errorf("/language 🇩🇪 → %q, want German chosen", got)
	}
	if got := h.replyAs(611, "private", 611, "en", "/pause"); !strings.Contains(got, "pausiert") {
		t.Errorf("/pause after /language 🇩🇪 → %q, want it in German", got)
	}
}
