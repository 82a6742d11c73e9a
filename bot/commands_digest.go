package bot

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode"

	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/localtime"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/settings"
	"github.com/newshound/newshound/summarize"
)

// Digests is what /digest needs besides the settings: a digest on demand.
type Digests interface {
	// SendNow queues the chat's stories since its previous digest and
	// returns how many; 0 means nothing new and nothing queued. thread is
	// the forum topic it goes to (0: the chat itself, or General);
	// replyTo the message its first message answers (0: none).
	SendNow(ctx context.Context, chatID int64, thread, replyTo int) (int, error)
	HadDigest(ctx context.Context, chatID int64) (bool, error)
}

const timezoneHelp = "Use an IANA name such as <code>/timezone Europe/Berlin</code> or <code>/timezone America/New_York</code>, " +
	"or a UTC offset such as <code>/timezone +05:30</code>."

const digestHelp = "<code>/digest HH:MM</code> sets the time, <code>/digest off</code> stops it, <code>/digest now</code> sends one now."

// now is the router's clock.
func (r *Router) now() time.Time {
	if r.opts.Now != nil {
		return r.opts.Now()
	}
	return time.Now()
}

func (r *Router) cmdTimezone(ctx context.Context, req request) error {
	if req.args == "" {
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("🕑 This chat's time zone is <b>%s</b> (it is %s there).",
			esc(localtime.ZoneName(req.chat.Timezone)), r.now().In(localtime.Location(req.chat.Timezone)).Format("15:04"))+"\n"+tr(ctx).Sprintf(timezoneHelp))
		return nil
	}
	name, loc, err := r.opts.Settings.SetTimezone(ctx, req.in.ChatID, req.args)
	if errors.Is(err, localtime.ErrUnknownTimezone) {
		r.reply(ctx, req.in.ChatID, esc(explain(tr(ctx), err))+" "+tr(ctx).Sprintf(timezoneHelp))
		return nil
	}
	if err != nil {
		return err
	}
	req.chat.Timezone = name
	text := tr(ctx).Sprintf("✅ Time zone set to <b>%s</b> (it is %s there).", esc(name), r.now().In(loc).Format("15:04"))
	if localtime.IsOffset(name) {
		text += "\n" + tr(ctx).Sprintf(fixedOffsetNote)
	}
	if real, seeming, ok := localtime.InvertedGMT(name); ok {
		text += "\n" + tr(ctx).Sprintf("⚠️ Careful: %s is UTC%s, not UTC%s (these names count the other way). For UTC%s send <code>/timezone %s</code>.",
			esc(name), real, seeming, seeming, seeming)
	}
	if req.chat.DigestTime != "" {
		text += "\n" + r.digestLine(ctx, req.chat)
	}
	r.reply(ctx, req.in.ChatID, text)
	return nil
}

// fixedOffsetNote follows a fixed UTC offset that /timezone set.
const fixedOffsetNote = "A fixed offset does not follow summer time; a city (<code>/timezone Berlin</code>) does."

func (r *Router) cmdDigest(ctx context.Context, req request) error {
	if r.opts.Digests == nil {
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("Digests are not available on this bot."))
		return nil
	}
	// "/digest сейчас", "/digest aus": the chat's language's words too.
	arg := locale.ArgWords(req.args)
	switch arg {
	case "":
		if req.chat.DigestTime == "" {
			kept, err := r.opts.Settings.KeptDigestTime(ctx, req.in.ChatID)
			if err != nil {
				return err
			}
			if kept != "" {
				r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("📰 The daily digest is off. <code>/digest on</code> turns it back on at %s; <code>/digest 08:00</code> picks another time.", esc(kept)))
				return nil
			}
			r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("📰 The daily digest is off. Turn it on with <code>/digest 08:00</code> (any time of day)."))
		} else {
			r.reply(ctx, req.in.ChatID, "📰 "+r.digestLine(ctx, req.chat)+"\n"+tr(ctx).Sprintf(digestHelp))
		}
		return nil
	case "now":
		return r.digestNow(ctx, req)
	case "off", "stop", "none":
		kept, err := r.opts.Settings.DigestOff(ctx, req.in.ChatID)
		if err != nil {
			return err
		}
		held := r.heldForNoDigest(ctx, req.in.ChatID)
		if kept != "" { // kept for /digest on (now, or when it was turned off before): say so
			r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("🔕 Daily digest off. <code>/digest on</code> turns it back on at %s.", esc(kept))+held)
			return nil
		}
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("🔕 Daily digest off. <code>/digest 08:00</code> turns it back on.")+held)
		return nil
	}
	if f := strings.Fields(arg); len(f) == 2 && spanHours[f[1]] { // "8 Uhr", "20 h", "8 ч"
		arg, req.args = f[0], f[0]
	}
	zoneLine := ""
	if at, zone, ok := clockAndZone(req.args); ok { // "/digest 08:00 Europe/Paris": both at once
		name, loc, err := r.opts.Settings.SetTimezone(ctx, req.in.ChatID, zone)
		if err != nil {
			return err
		}
		if name != req.chat.Timezone { // the chat's zone, for alerts and quiet hours too: say so
			zoneLine = tr(ctx).Sprintf("✅ Time zone set to <b>%s</b> (it is %s there).", esc(name), r.now().In(loc).Format("15:04")) + "\n"
		}
		req.chat.Timezone, arg = name, at
	}
	hhmm, err := r.opts.Settings.SetDigestTime(ctx, req.in.ChatID, arg)
	if errors.Is(err, localtime.ErrBadClock) {
		if first, ok := severalClocks(req.args); ok { // "/digest 08:00 20:00" was told 20:00 is no time zone
			r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("A chat has one daily digest, at one time of day: <code>/digest %s</code> sets it, and <code>/digest now</code> sends one whenever you like.", esc(first)))
			return nil
		}
		if zerr := zoneAfterClock(req.args); zerr != nil { // "/digest 08:00 Mars/Olympus": the time is fine
			r.reply(ctx, req.in.ChatID, esc(explain(tr(ctx), zerr))+" "+tr(ctx).Sprintf(timezoneHelp))
			return nil
		}
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("I can't read <code>%s</code> as a time of day. "+
			"Try <code>/digest 08:00</code>, <code>/digest off</code> or <code>/digest now</code>.", esc(summarize.Clip(req.args, 40))))
		return nil
	}
	if err != nil {
		return err
	}
	req.chat.DigestTime = hhmm
	where := ""
	if thread, _ := destinationOf(ctx, req.in.ChatID); thread != 0 {
		// Set in a forum topic, where /digest now comes: the daily one
		// comes in General, and the topic waited for it.
		where = "\n" + tr(ctx).Sprintf("📍 The daily digest comes in General, for the whole group; <code>/digest now</code> sends one to this topic.")
	}
	r.reply(ctx, req.in.ChatID, zoneLine+"✅ "+r.digestLine(ctx, req.chat)+where+r.heldPastDigestLine(ctx, req.in.ChatID, hhmm)+r.englishDigestNote(ctx, req.in))
	return nil
}

func (r *Router) digestNow(ctx context.Context, req request) error {
	// In the topic it was asked in, where its answer goes: it went to
	// General. And as an answer to the command, as every answer is: in a
	// busy group it came loose, after whatever was said meanwhile.
	thread, replyTo := destinationOf(ctx, req.in.ChatID)
	n, err := r.opts.Digests.SendNow(ctx, req.in.ChatID, thread, replyTo)
	if err != nil {
		return err
	}
	if n == 0 {
		// A chat without subscriptions was told that nothing new matched
		// "your subscriptions": it has none, and waited for one to match.
		subs, err := r.opts.Subscriptions.List(ctx, req.in.ChatID)
		if err != nil {
			return err
		}
		if len(subs) == 0 {
			r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("No subscriptions yet: /subscribe QUERY first, or /search QUERY."))
			return nil
		}
		had, err := r.opts.Digests.HadDigest(ctx, req.in.ChatID)
		if err != nil {
			return err
		}
		if !had { // a first digest covers the last 24 hours: there is no "last digest"
			r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("Nothing has matched your subscriptions in the last 24 hours.")+r.latestHint(ctx, subs))
			return nil
		}
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("Nothing new has matched your subscriptions since the last digest.")+r.latestHint(ctx, subs))
		return nil
	}
	r.opts.Notify() // the digest itself is the answer
	return nil
}

// latestHint is the line an empty /digest now adds when stored articles
// match the chat's subscriptions all the same: a digest lists alerts, and
// what was stored before a subscription was never alerted. A stranger
// subscribed, was told it "would have matched 15 stored articles", sent
// /digest now and read that nothing had matched. "" when /latest would find
// nothing either, or cannot tell (logged).
func (r *Router) latestHint(ctx context.Context, subs []news.Subscription) string {
	if r.opts.Search == nil {
		return ""
	}
	found, err := r.opts.Search.Latest(ctx, subs)
	if err != nil {
		r.log.Warn("digest now: latest", "err", err)
		return ""
	}
	if len(found) == 0 {
		return ""
	}
	return "\n" + tr(ctx).Sprintf("A digest lists the alerts your subscriptions brought, not the articles stored before them: /latest shows those.")
}

// digestLine says when the chat's daily digest comes next.
func (r *Router) digestLine(ctx context.Context, chat news.Chat) string {
	p := tr(ctx)
	last, err := r.opts.Settings.LastDigestDate(ctx, chat.ID)
	if err != nil { // the promise may then name a date already served; the setting itself stands
		r.log.Warn("digest line: last digest unreadable", "chat", chat.ID, "err", err)
	}
	if next, ok := settings.NextDigest(chat, last, r.now()); ok {
		line := p.Sprintf("Daily digest at <b>%s</b> (%s); next on %s.", esc(chat.DigestTime), esc(localtime.ZoneName(chat.Timezone)), p.Date(next, "Mon 2 Jan at 15:04"))
		if at := next.Format("15:04"); at != chat.DigestTime {
			// A time the clocks skip that day (02:30 on the night they go
			// forward) comes just after the gap; unsaid, 03:30 looked wrong.
			line += " " + p.Sprintf("That day the clocks skip %s, so it comes at %s.", esc(chat.DigestTime), at)
		}
		return line
	}
	return p.Sprintf("Daily digest at <b>%s</b> (%s).", esc(chat.DigestTime), esc(localtime.ZoneName(chat.Timezone)))
}

// clockAndZone splits "08:00 Europe/Paris" (or "8pm new york") into a time
// of day and a time zone, both readable; ok is false for anything else.
// Both may be several words ("7 pm los angeles", "8 Uhr Europe/Berlin"):
// the first split where both read.
func clockAndZone(s string) (at, zone string, ok bool) {
	f := strings.Fields(s)
	for k := 1; k < len(f); k++ {
		at, zone = strings.Join(f[:k], " "), strings.Join(f[k:], " ")
		if _, err := localtime.ParseClock(at); err != nil {
			continue
		}
		if _, _, err := localtime.ParseTimezone(zone); err == nil {
			return at, zone, true
		}
	}
	return "", "", false
}

// severalClocks reports whether s is two or more times of day ("08:00
// 20:00", "8am, 8pm", "8:00 and 20:00"), and returns the first as typed.
func severalClocks(s string) (string, bool) {
	var f []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '/' || unicode.IsSpace(r) }) {
		if !clockJoiners[strings.ToLower(w)] { // "8:00 and 20:00" was told "and 20:00" is no time zone
			f = append(f, w)
		}
	}
	if len(f) < 2 {
		return "", false
	}
	for _, c := range f {
		if _, err := localtime.ParseClock(c); err != nil {
			return "", false
		}
	}
	return f[0], true
}

// clockJoiners are the words that join two times of day in the catalog's languages.
var clockJoiners = map[string]bool{"and": true, "&": true, "+": true, "und": true, "y": true, "e": true, "и": true}

// zoneAfterClock returns why the words after a time of day in s are no
// time zone ("08:00 Mars/Olympus" was told that it could not be read as a
// time of day), or nil when s is not a time and more.
// The time may be several words ("9 pm Atlantis"): the longest that reads.
func zoneAfterClock(s string) error {
	f := strings.Fields(s)
	for k := len(f) - 1; k >= 1; k-- {
		if _, err := localtime.ParseClock(strings.Join(f[:k], " ")); err != nil {
			continue
		}
		_, _, err := localtime.ParseTimezone(strings.Join(f[k:], " "))
		if !errors.Is(err, localtime.ErrUnknownTimezone) {
			return nil
		}
		return err
	}
	return nil
}

// heldForNoDigest warns, as a line to add to "/digest off", when the chat's
// quiet hours hold alerts for the digest: with no digest they wait for
// /digest now. /quiet and /settings said so, "/digest off" did not, so a
// chat that turned the digest off after setting "hold" lost its night's
// alerts unsaid. It is "" otherwise, and when the setting is unreadable.
func (r *Router) heldForNoDigest(ctx context.Context, chatID int64) string {
	q, err := r.opts.Settings.Quiet(ctx, chatID)
	if err != nil {
		r.log.Warn("digest off: quiet hours unreadable", "chat", chatID, "err", err)
		return ""
	}
	if !q.Set || q.Mode != news.QuietHold {
		return ""
	}
	return "\n" + tr(ctx).Sprintf("⚠️ Your quiet hours hold alerts for the digest: they now wait for <code>/digest now</code>. <code>/quiet silent</code> has them arrive without a sound instead.")
}

// heldPastDigestLine warns, as a line to add to "/digest HH:MM", when the
// chat's quiet hours hold alerts and the new digest time falls inside them
// (see heldPastDigest). It is "" otherwise, and when the setting is
// unreadable.
func (r *Router) heldPastDigestLine(ctx context.Context, chatID int64, hhmm string) string {
	q, err := r.opts.Settings.Quiet(ctx, chatID)
	if err != nil {
		r.log.Warn("digest time: quiet hours unreadable", "chat", chatID, "err", err)
		return ""
	}
	warn := heldPastDigest(tr(ctx), q, hhmm)
	if warn == "" {
		return ""
	}
	return "\n" + tr(ctx).Sprintf("⚠️ Your quiet hours %s–%s hold alerts for the digest", q.Hours.Start.String(), q.Hours.End.String()) + warn + "."
}
