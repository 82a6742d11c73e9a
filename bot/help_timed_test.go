package bot

import (
	"regexp"
	"strings"
	"testing"
)

// /help said "/pause — Pause all alerts" and "/mute ID or QUERY", in every
// language, after "/pause 3 days" and "/mute kursk 2h" had come to end by
// themselves: a stranger reading it paused for ever, or did not know to
// ask for less. /help and the command menus show the span, and the span
// /help shows is one the commands read, in each language.
func TestHelpAndMenusShowTheTimedPauseAndMute(t *testing.T) {
	h := newHarness(t, withLanguages)
	arg := regexp.MustCompile(`/(pause|mute) <i>([^<]*)\[([^\]]+)\]</i> — ([^\n]*)`)
	for i, lang := range []string{"en", "ru", "de", "es"} {
		chat := int64(700 + i)
		help := h.replyAs(chat, "private", chat, lang, "/help")
		found := map[string]bool{}
		for _, m := range arg.FindAllStringSubmatch(help, -1) {
			name, span, desc := m[1], m[3], m[4]
			found[name] = true
			end := map[string]string{"pause": "/resume", "mute": "/unmute"}[name]
			if !strings.Contains(desc, end) {
				t.Errorf("%s /help: /%s — %q does not say it lasts until %s otherwise", lang, name, desc, end)
			}
			rest, got := splitTimedSpan("kursk " + span)
			if d, ok := spanDuration(got); rest != "kursk" || !ok || d <= 0 {
				t.Errorf("%s /help shows /%s [%s], which /%s does not read as a span (%q, %q)", lang, name, span, name, rest, got)
			}
		}
		if !found["pause"] || !found["mute"] {
			t.Errorf("%s /help shows no span for /pause or /mute:\n%s", lang, help)
		}
	}
	menus := 0
	for _, m := range h.router.Menus() {
		for _, c := range m.Commands {
			end := map[string]string{"pause": "/resume", "mute": "/unmute"}[c.Name]
			if end == "" {
				continue
			}
			menus++
			if !strings.Contains(c.Description, end) || len(c.Description) > 256 {
				t.Errorf("menu %q %s: /%s — %q, want it to say %s", m.Language, m.Scope.Type, c.Name, c.Description, end)
			}
		}
	}
	if menus == 0 {
		t.Error("no menu lists /pause or /mute")
	}
}
