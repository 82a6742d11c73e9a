package bot

import (
	"strconv"
	"strings"
	"testing"
)

func TestASCIIID(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"12", "12"},
		{"#12", "#12"},
		{"１２", "12"},       // full-width
		{"＃３", "#3"},       // full-width hash
		{"١٢", "12"},       // Arabic-Indic
		{"۷", "7"},         // Extended Arabic-Indic
		{"४२", "42"},       // Devanagari
		{" 𝟗 ", "9"},       // mathematical bold
		{"kursk", "kursk"}, // a query stays
		{"1 2", "1 2"},
		{"１a", "１a"},
		{"", ""},
		{"#", "#"},
	} {
		if got := asciiID(tt.in); got != tt.want {
			t.Errorf("asciiID(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A Japanese keyboard wrote "/unmute １": "This chat has no subscription １".
func TestIDsInOtherDigitsAreUnderstood(t *testing.T) {
	h := newHarness(t)
	sub := h.mustSubscribe(41, "private", "kursk")
	wide := strings.Map(func(r rune) rune { return r - '0' + '０' }, strconv.FormatInt(sub.ID, 10))
	if got := h.reply(41, "private", 41, "/mute "+wide).Text(); !strings.Contains(got, "Muted #"+strconv.FormatInt(sub.ID, 10)) {
		t.Errorf("/mute %s = %q, want it muted", wide, got)
	}
	if got := h.reply(41, "private", 41, "/unsubscribe ＃"+wide).Text(); !strings.Contains(got, "Removed") {
		t.Errorf("/unsubscribe ＃%s = %q, want it removed", wide, got)
	}
}

// "/mute kursk" got "This chat has no subscription kursk" while
// "/unsubscribe kursk" named it by its query: /mute and /unmute do too.
func TestMuteByQuery(t *testing.T) {
	h := newHarness(t)
	sub := h.mustSubscribe(42, "private", "kursk deminers")
	id := strconv.FormatInt(sub.ID, 10)
	if got := h.reply(42, "private", 42, "/mute Kursk deminers").Text(); !strings.Contains(got, "Muted #"+id) {
		t.Errorf("/mute Kursk deminers = %q, want #%s muted", got, id)
	}
	if got := h.reply(42, "private", 42, "/unmute kursk AND deminers").Text(); !strings.Contains(got, "Unmuted #"+id) {
		t.Errorf("/unmute kursk AND deminers = %q, want #%s unmuted", got, id)
	}
	if got := h.reply(42, "private", 42, "/mute belgorod").Text(); !strings.Contains(got, `no subscription "belgorod"`) {
		t.Errorf("/mute belgorod = %q, want no such subscription", got)
	}
	if got := h.reply(42, "private", 42, "/mute (").Text(); !strings.Contains(got, `no subscription "("`) {
		t.Errorf("/mute ( = %q, want no such subscription", got)
	}
}

// In a forum, "/mute kursk" sent in a topic mutes that topic's kursk, as
// "/unsubscribe kursk" removes it, not another topic's.
func TestMuteByQueryInATopic(t *testing.T) {
	h := newHarness(t)
	const group = -100990
	h.tg.SetMember(group, 5, "administrator")
	h.tg.AddTopic(group, 7)
	h.tg.AddTopic(group, 8)
	first := h.topicReply(group, 7, 5, "/subscribe kursk").Text()
	second := h.topicReply(group, 8, 5, "/subscribe kursk").Text()
	if !strings.Contains(first, "Subscribed") || !strings.Contains(second, "Subscribed") {
		t.Fatalf("subscribe in two topics = %q, %q", first, second)
	}
	got := h.topicReply(group, 8, 5, "/mute kursk").Text()
	subs := h.mustList(group)
	if len(subs) != 2 {
		t.Fatalf("subscriptions = %+v", subs)
	}
	for _, s := range subs {
		if s.Muted != (s.ThreadID == 8) {
			t.Errorf("after /mute kursk in topic 8 (%q): #%d in topic %d muted %v", got, s.ID, s.ThreadID, s.Muted)
		}
	}
}
