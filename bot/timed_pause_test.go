package bot

import (
	"context"
	"strings"
	"testing"
	"time"
)

// "/pause 3 days" and "/mute kursk 2h" were made for ever, the reply
// saying the time was not kept. They now end by themselves at that time,
// by the injected clock: the replies, /list, /settings and /status say
// until when, in the chat's time zone and language; once the time has
// passed, the chat and the subscription read as neither paused nor muted
// where alerts are decided; /resume and /unmute end them sooner.
func TestPauseAndMuteForATimeSayUntilWhen(t *testing.T) {
	h := newHarness(t, withLanguages, withOperator, func(o *RouterOptions) {
		o.CommandBurst = 50
		o.Status = func(context.Context) (string, error) { return "Sources: 1 source.", nil }
	})
	ctx := context.Background()
	// The clock reads Fri 27 Nov 2026 12:00 UTC.
	for _, c := range []struct{ args, want string }{
		{"3 days", "Alerts paused until Mon 30 Nov at 12:00 (UTC)"},
		{"90 min", "Alerts paused until Fri 27 Nov at 13:30 (UTC)"},
		{"for a week", "Alerts paused until Fri 4 Dec at 12:00 (UTC)"}, // the last one holds
	} {
		args, want := c.args, c.want
		if got := h.reply(91, "private", 91, "/pause "+args).Text(); !strings.Contains(got, want) || strings.Contains(got, "not kept") {
			t.Errorf("/pause %s → %q, want %q", args, got, want)
		}
	}
	// In the chat's time zone and language.
	h.reply(92, "private", 92, "/timezone Europe/Moscow")
	if got := h.replyAs(92, "private", 92, "ru", "/pause на 2 часа"); !strings.Contains(got, "приостановлены до") || !strings.Contains(got, "17:01") || !strings.Contains(got, "Europe/Moscow") {
		t.Errorf("Russian /pause на 2 часа in Moscow → %q", got)
	}
	if got := h.replyAs(92, "private", 92, "de", "/pause für 3 Tage"); !strings.Contains(got, "pausiert bis") {
		t.Errorf("German /pause für 3 Tage → %q", got)
	}
	if got := h.replyAs(92, "private", 92, "es", "/pause por una semana"); !strings.Contains(got, "en pausa hasta") {
		t.Errorf("Spanish /pause por una semana → %q", got)
	}
	if got := h.replyAs(92, "private", 92, "en", "/settings"); !strings.Contains(got, "Alerts are paused until Fri 4 Dec at 15:01 (Europe/Moscow)") {
		t.Errorf("/settings → %q", got)
	}
	// replyAs moved the clock on by seconds: a pause ends at the whole
	// minute its reply shows, the next one. From here the clock reads 12:01.
	h.clock.Set(time.Date(2026, 11, 27, 12, 1, 0, 0, time.UTC))
	h.reply(operator, "private", operator, "/pause 1h")
	if got := h.reply(operator, "private", operator, "/status").Text(); !strings.Contains(got, "Sources: 1 source.") || !strings.Contains(got, "Alerts are paused until Fri 27 Nov at 13:01 (UTC)") {
		t.Errorf("/status → %q", got)
	}

	sub := h.mustSubscribe(93, "private", "kursk")
	other := h.mustSubscribe(93, "private", "sudzha")
	got := h.reply(93, "private", 93, "/mute kursk 2h").Text()
	if !strings.Contains(got, "Muted #"+itoa(sub.ID)+" until Fri 27 Nov at 14:01 (UTC)") || strings.Contains(got, "not kept") {
		t.Errorf("/mute kursk 2h → %q", got)
	}
	h.reply(93, "private", 93, "/mute "+itoa(other.ID)+" 3h")
	if got := h.reply(93, "private", 93, "/list").Text(); !strings.Contains(got, "(muted until Fri 27 Nov at 14:01 (UTC))") {
		t.Errorf("/list → %q", got)
	}
	if got := h.reply(93, "private", 93, "/subscribe kursk").Text(); !strings.Contains(got, "It is muted until Fri 27 Nov at 14:01 (UTC)") {
		t.Errorf("/subscribe kursk again while muted for a time → %q", got)
	}
	// A subscription that ends in what reads as a span is muted as itself.
	odd := h.mustSubscribe(94, "private", "covid 19 d")
	if got := h.reply(94, "private", 94, "/mute covid 19 d").Text(); !strings.Contains(got, "Muted #"+itoa(odd.ID)+": no alerts for it until <code>/unmute "+itoa(odd.ID)+"</code>.") {
		t.Errorf("/mute covid 19 d → %q", got)
	}

	// /resume and /unmute end them at once; the others still hold.
	h.mustSubscribe(95, "private", "kursk")
	h.reply(95, "private", 95, "/pause 3 days")
	h.reply(95, "private", 95, "/resume")
	h.reply(93, "private", 93, "/unmute "+itoa(other.ID))
	paused := func(chat int64) bool {
		c, err := h.st.FindChat(ctx, chat)
		if err != nil {
			t.Fatal(err)
		}
		return c.Paused
	}
	muted := func(chat, id int64) bool {
		s, err := h.st.FindSubscription(ctx, chat, id)
		if err != nil {
			t.Fatal(err)
		}
		return s.Muted
	}
	if paused(95) || !paused(92) || muted(93, other.ID) || !muted(93, sub.ID) {
		t.Errorf("after /resume in 95 and /unmute of #%d: paused 95=%v 92=%v, muted #%d=%v #%d=%v", other.ID, paused(95), paused(92), other.ID, muted(93, other.ID), sub.ID, muted(93, sub.ID))
	}
	targets, err := h.st.AlertTargets(ctx, []int64{sub.ID})
	if err != nil || len(targets) != 1 || !targets[0].Muted {
		t.Errorf("before its time, the muted subscription's target = %+v, %v; want muted", targets, err)
	}

	// At the time, they end by themselves.
	h.clock.Advance(2 * time.Hour)
	if muted(93, sub.ID) || !paused(91) {
		t.Errorf("two hours on: kursk muted=%v (want false), chat 91 paused=%v (want true: its longest pause is a week)", muted(93, sub.ID), paused(91))
	}
	targets, err = h.st.AlertTargets(ctx, []int64{sub.ID})
	if err != nil || len(targets) != 1 || targets[0].Muted {
		t.Errorf("after its time, the subscription's target = %+v, %v; want unmuted", targets, err)
	}
	if got := h.reply(93, "private", 93, "/list").Text(); strings.Contains(got, "muted") {
		t.Errorf("/list after the mute's time → %q", got)
	}
	h.clock.Advance(7 * 24 * time.Hour)
	if paused(91) || paused(92) {
		t.Error("a week and two hours on, the chats' pauses should have ended")
	}
	if got := h.reply(91, "private", 91, "/settings").Text(); strings.Contains(got, "paused") {
		t.Errorf("/settings after the pause's time → %q", got)
	}
}

// A pause's end is the minute its reply shows, not seconds before it.
func TestATimedPauseEndsAtTheMinuteItsReplyShows(t *testing.T) {
	at := time.Date(2026, 11, 27, 3, 8, 30, 0, time.UTC)
	if got, want := endOfSpan(at, time.Minute), time.Date(2026, 11, 27, 3, 10, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("endOfSpan(03:08:30, 1m) = %v, want %v", got, want)
	}
	if got, want := endOfSpan(at.Truncate(time.Minute), time.Hour), time.Date(2026, 11, 27, 4, 8, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("endOfSpan(03:08, 1h) = %v, want %v", got, want)
	}
}

// The spans the commands read, in the bot's four languages.
func TestSpanDurationReadsTheUnits(t *testing.T) {
	day := 24 * time.Hour
	for span, want := range map[string]time.Duration{
		"3 days": 3 * day, "2h": 2 * time.Hour, "for a week": 7 * day, "90 min": 90 * time.Minute,
		"1.5h": 90 * time.Minute, "на 2 часа": 2 * time.Hour, "на 3 дня": 3 * day, "на неделю": 7 * day,
		"für 3 Tage": 3 * day, "2 Std": 2 * time.Hour, "eine Woche": 7 * day,
		"por una semana": 7 * day, "durante 2 horas": 2 * time.Hour, "3 días": 3 * day,
		"9999 weeks": longestSpan,
	} {
		_, sp := splitTimedSpan(span)
		if got, ok := spanDuration(sp); !ok || got != want {
			t.Errorf("spanDuration(%q from %q) = %v, %v; want %v", sp, span, got, ok, want)
		}
	}
	if _, ok := spanDuration("0 h"); ok {
		t.Error(`"0 h" should be no span`)
	}
}

// Every unit word of the table is both found at the end of the words and
// read as its length, in any case, glued to its number or not; words that
// only look like units stay words of the subscription.
func TestSpanUnitsAreFoundAndRead(t *testing.T) {
	for _, u := range spanUnits {
		for _, w := range u.words {
			for _, span := range []string{"2 " + w, "2" + w, "2 " + strings.ToUpper(w), "for 2 " + w + "."} {
				rest, got := splitTimedSpan("kursk " + span)
				if d, ok := spanDuration(got); rest != "kursk" || !ok || d != 2*u.per {
					t.Errorf("%q: rest %q, span %q read as %v, %v; want kursk, %v", span, rest, got, d, ok, 2*u.per)
				}
			}
		}
	}
	for _, words := range []string{"for ukraine", "kursk d", "h", "kursk 3", "3", "день победы", "semana santa", "3 часаа"} {
		if rest, span := splitTimedSpan(words); span != "" || rest != words {
			t.Errorf("%q split into %q and span %q; want no span", words, rest, span)
		}
	}
}
