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

// "/timezone Etc/GMT+2", typed for Berlin, set UTC-2 and said only the
// time there: the reply says the name's sign is the other way round and
// what to send for UTC+2, in the chat's language.
func TestInvertedGMTZoneIsPointedOut(t *testing.T) {
	h := newHarness(t)
	got := h.reply(620, "private", 620, "/timezone Etc/GMT+2").Text()
	if !strings.Contains(got, "Etc/GMT+2 is UTC-02:00, not UTC+02:00") || !strings.Contains(got, "<code>/timezone +02:00</code>") {
		t.Errorf("/timezone Etc/GMT+2 → %q, want the inverted sign pointed out", got)
	}
	if got := h.replyAs(621, "private", 621, "de", "/timezone Etc/GMT-3"); !strings.Contains(got, "Etc/GMT-3 ist UTC+03:00, nicht UTC-03:00") {
		t.Errorf("/timezone Etc/GMT-3 in German → %q", got)
	}
	if got := h.reply(622, "private", 622, "/timezone Etc/UTC").Text(); strings.Contains(got, "Careful") {
		t.Errorf("/timezone Etc/UTC → %q, want no warning", got)
	}
}

// "/digest 08:00 Mars/Olympus" was told that it could not be read as a time
// of day: the time was fine, the zone was not, and the reply says so.
func TestDigestWithAnUnknownZoneNamesTheZone(t *testing.T) {
	h := newHarness(t, withDigests)
	got := h.reply(630, "private", 630, "/digest 08:00 Mars/Olympus").Text()
	if !strings.Contains(got, "know the time zone Mars/Olympus") || strings.Contains(got, "as a time of day") {
		t.Errorf("/digest 08:00 Mars/Olympus → %q, want the zone named unknown", got)
	}
	if got := h.reply(631, "private", 631, "/digest noonish").Text(); !strings.Contains(got, "as a time of day") {
		t.Errorf("/digest noonish → %q, want the time refused", got)
	}
}

func withDigests(o *RouterOptions) { o.Digests = nothingNew{} }

// "/digest 08:00 20:00" was told "I don't know the time zone 20:00": a chat
// has one daily digest, and the reply says so, with the first time to send.
func TestDigestAtTwoTimesSaysThereIsOne(t *testing.T) {
	h := newHarness(t, withDigests)
	for i, in := range []string{"08:00 20:00", "8am, 8pm", "7:30 12:00 19:00", "8:00 and 20:00", "8am & 8pm"} {
		chat := int64(650 + i)
		got := h.reply(chat, "private", chat, "/digest "+in).Text()
		first := strings.FieldsFunc(in, func(r rune) bool { return r == ' ' || r == ',' })[0]
		if !strings.Contains(got, "one daily digest") || !strings.Contains(got, "<code>/digest "+first+"</code>") || strings.Contains(got, "time zone") {
			t.Errorf("/digest %s → %q, want one digest a day said, with /digest %s", in, got, first)
		}
	}
	if got := h.replyAs(643, "private", 643, "de", "/digest 08:00 20:00"); !strings.Contains(got, "eine tägliche Übersicht") {
		t.Errorf("/digest 08:00 20:00 in German → %q", got)
	}
	if got := h.reply(644, "private", 644, "/digest 08:00 Mars/Olympus").Text(); !strings.Contains(got, "know the time zone Mars/Olympus") {
		t.Errorf("/digest 08:00 Mars/Olympus → %q, want the zone named unknown", got)
	}
}
