package bot

import (
	"context"
	"strings"
	"testing"

	"github.com/newshound/newshound/locale"
)

// TestArgumentWordsInEveryLanguage: "/digest сейчас", "/digest jetzt",
// "/digest ahora" were not read as "now" (nor the words for off, on,
// large, small and above by /digest, /preview and /quiet), though the
// chat speaks that language and its help showed the English words. Each
// language's words work, and its help shows them.
func TestArgumentWordsInEveryLanguage(t *testing.T) {
	h := newHarness(t, withLanguages, withDigests, func(o *RouterOptions) { o.CommandBurst = 100 })
	ctx := context.Background()
	for i, l := range locale.Languages {
		t.Run(l.Code, func(t *testing.T) {
			p := locale.For(l.Code)
			chat := int64(800 + i)
			say := func(text string) string { return h.replyAs(chat, "private", chat, l.Code, text) }
			if got := say("/digest 08:00"); strings.Contains(got, "<code>08:00</code>") {
				t.Fatalf("/digest 08:00 = %q", got)
			}
			if got, want := say("/digest"), "<code>/digest "+p.Arg("now")+"</code>"; !strings.Contains(got, want) {
				t.Errorf("/digest = %q, want it to show %s", got, want)
			}
			if got, want := say("/digest "+p.Arg("now")), p.Sprintf("No subscriptions yet: /subscribe QUERY first, or /search QUERY."); got != want {
				t.Errorf("/digest %s = %q, want %q", p.Arg("now"), got, want)
			}
			say("/digest " + strings.ToUpper(p.Arg("off")))
			if c, err := h.st.FindChat(ctx, chat); err != nil || c.DigestTime != "" {
				t.Errorf("/digest %s left the digest at %q (%v)", p.Arg("off"), c.DigestTime, err)
			}
			say("/digest " + p.Arg("on"))
			if c, err := h.st.FindChat(ctx, chat); err != nil || c.DigestTime != "08:00" {
				t.Errorf("/digest %s set the digest to %q (%v), want 08:00 back", p.Arg("on"), c.DigestTime, err)
			}
			if got, want := say("/preview"), "<code>/preview "+p.Arg("on")+"</code>"; !strings.Contains(got, want) || !strings.Contains(got, p.Arg("above")) {
				t.Errorf("/preview = %q, want it to show %s and %s", got, want, p.Arg("above"))
			}
			say("/preview " + p.Arg("large") + " " + p.Arg("above"))
			if c, err := h.st.FindChatDelivery(ctx, chat); err != nil || c.Preview != "large above" {
				t.Errorf("/preview %s %s set %q (%v)", p.Arg("large"), p.Arg("above"), c.Preview, err)
			}
			say("/preview " + p.Arg("small"))
			if c, err := h.st.FindChatDelivery(ctx, chat); err != nil || c.Preview != "small" {
				t.Errorf("/preview %s set %q (%v)", p.Arg("small"), c.Preview, err)
			}
			say("/preview " + p.Arg("off"))
			if c, err := h.st.FindChatDelivery(ctx, chat); err != nil || c.Preview != "" {
				t.Errorf("/preview %s set %q (%v)", p.Arg("off"), c.Preview, err)
			}
			say("/quiet 23:00-07:00")
			if got, want := say("/quiet"), "<code>/quiet "+p.Arg("off")+"</code>"; !strings.Contains(got, want) {
				t.Errorf("/quiet = %q, want it to show %s", got, want)
			}
			say("/quiet " + p.Arg("off"))
			if c, err := h.st.FindChatDelivery(ctx, chat); err != nil || c.QuietStart != "" {
				t.Errorf("/quiet %s left quiet hours from %q (%v)", p.Arg("off"), c.QuietStart, err)
			}
		})
	}
}
