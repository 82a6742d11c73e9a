package bot

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/newshound/newshound/locale"

	"github.com/newshound/newshound/localtime"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/settings"
	"github.com/newshound/newshound/summarize"
)

// cmdQuiet shows or sets the chat's quiet hours:
//
//	/quiet                        show them
//	/quiet 23:00-07:00 [silent|hold]  set them (and the mode); 11pm-7am and 23:00 - 07:00 read too
//	/quiet silent | hold          set the mode only
//	/quiet off                    remove them
//
// The modes read in every language the bot speaks ("тихо", "zurückhalten",
// settings.QuietModeOf), and each language's replies name its own words.
func (r *Router) cmdQuiet(ctx context.Context, req request) error {
	fields := strings.Fields(settings.QuietModePhrases(strings.Join(strings.Fields(strings.ToLower(req.args)), " ")))
	var change settings.QuietChange
	zone := "" // a zone after the hours and a mode ("23:00-07:00 hold new york")
	switch {
	case len(fields) == 0:
		q, err := r.opts.Settings.Quiet(ctx, req.in.ChatID)
		if err != nil {
			return err
		}
		r.reply(ctx, req.in.ChatID, describeQuiet(tr(ctx), q, req.chat.DigestTime))
		return nil
	case len(fields) == 1 && locale.ArgWords(fields[0]) == "off": // "/quiet выкл", "/quiet aus"
		change.Off = true
	case len(fields) == 1 && settings.IsQuietMode(fields[0]):
		change.Mode = fields[0]
	case len(fields) <= 9: // hours, a mode, and a zone of several words ("10 pm - 6 am rio de janeiro")
		// The hours, written with spaces or not ("23:00-07:00", "23:00 - 07:00",
		// "10 pm - 7 am", "22:00 07:00", "22:00 to 07:00"), and maybe a mode,
		// before or after them.
		rest, modes := quietModes(fields)
		if len(modes) > 1 {
			// "/quiet 22:00-06:00 silent hold" was told that "06:00 silent"
			// is not a time of day.
			r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("Quiet hours do one thing, <code>silent</code> or <code>hold</code>, not both.")+" "+
				tr(ctx).Sprintf("After the hours say <code>silent</code> (alerts arrive without a sound) or <code>hold</code> (alerts wait for the digest)."))
			return nil
		}
		change.Hours, change.Mode = quietWords(rest)
		if len(modes) == 1 {
			if _, _, zerr := localtime.ParseTimezone(change.Mode); change.Mode != "" && zerr == nil {
				zone = change.Mode
			} else if change.Mode != "" { // no mode after all: a word of the hours, which their error names
				change.Hours += " " + change.Mode
			}
			change.Mode = modes[0]
		}
	default:
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("Try <code>/quiet 23:00-07:00</code>, <code>/quiet 23:00-07:00 hold</code> or <code>/quiet off</code>."))
		return nil
	}
	zoneLine := ""
	if zone == "" && change.Mode != "" && !settings.IsQuietMode(change.Mode) {
		zone = change.Mode
	}
	if zone != "" && change.Hours != "" {
		// "/quiet 23:00-07:00 Europe/Paris", as "/digest 08:00 Europe/Paris" sets both: the zone was named an
		// unknown mode. The zone is the chat's, for alerts and the digest too: the reply says so.
		_, _, zerr := localtime.ParseTimezone(zone)
		if _, herr := localtime.ParseQuietHours(change.Hours); herr == nil && errors.Is(zerr, localtime.ErrAmbiguousTimezone) {
			// "/quiet 23:00-07:00 ist" was told "I don't know the mode ist": IST is a zone, of three countries.
			r.reply(ctx, req.in.ChatID, esc(explain(tr(ctx), zerr)))
			return nil
		}
		if zerr == nil {
			if _, herr := localtime.ParseQuietHours(change.Hours); herr == nil {
				name, loc, err := r.opts.Settings.SetTimezone(ctx, req.in.ChatID, zone)
				if err != nil {
					return err
				}
				if name != req.chat.Timezone {
					zoneLine = tr(ctx).Sprintf("✅ Time zone set to <b>%s</b> (it is %s there).", esc(name), r.now().In(loc).Format("15:04")) + "\n"
				}
				if change.Mode == zone {
					change.Mode = ""
				}
			}
		}
	}
	q, err := r.opts.Settings.SetQuiet(ctx, req.in.ChatID, change)
	switch {
	case errors.Is(err, localtime.ErrBadQuietHours):
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("I can't read that: %s. Try <code>/quiet 23:00-07:00</code>.", esc(explain(tr(ctx), err))))
		return nil
	case errors.Is(err, settings.ErrUnknownQuietMode):
		// The word as typed (fields are lower-cased), so the user sees
		// which one was not understood.
		typed := strings.Fields(req.args)
		r.reply(ctx, req.in.ChatID, esc(tr(ctx).Sprintf("I don't know the mode %q.", summarize.Clip(typed[len(typed)-1], 40)))+" "+tr(ctx).Sprintf("After the hours say <code>silent</code> (alerts arrive without a sound) or <code>hold</code> (alerts wait for the digest)."))
		return nil
	case err != nil:
		return err
	}
	if !q.Set && change.Mode != "" {
		// "/quiet hold" before any hours: the mode is kept for them, and
		// "No quiet hours" alone read as if it was not understood.
		r.reply(ctx, req.in.ChatID, "✅ "+tr(ctx).Sprintf("Quiet hours will do that once you set them, e.g. <code>/quiet 23:00-07:00</code>.")+"\n"+describeQuiet(tr(ctx), q, req.chat.DigestTime))
		return nil
	}
	r.reply(ctx, req.in.ChatID, zoneLine+"✅ "+describeQuiet(tr(ctx), q, req.chat.DigestTime))
	return nil
}

// quietWords splits the words of /quiet into the hours, as
// localtime.ParseQuietHours reads them, and a mode ("" for none). A span
// written without a dash ("22:00 07:00", "22:00 to 07:00", "10 pm 7 am")
// gets one when it splits only one way into two times of day; two words
// that are no such span are hours and a mode, so an unknown mode is named.
func quietWords(fields []string) (hours, mode string) {
	if n := len(fields); n >= 2 && settings.IsQuietMode(fields[n-1]) {
		fields, mode = fields[:n-1], fields[n-1]
	}
	if mode == "" && len(fields) >= 3 {
		// "23:00-07:00 new york": a zone of several words after the hours was read as hours. The longest zone
		// whose hours read wins; one word after them is the mode below, which cmdQuiet tries as a zone.
		for k := 1; k < len(fields)-1; k++ {
			zone := strings.Join(fields[k:], " ")
			if _, _, err := localtime.ParseTimezone(zone); err != nil {
				continue
			}
			if h, m := quietWords(fields[:k]); m == "" {
				if _, err := localtime.ParseQuietHours(h); err == nil {
					return h, zone
				}
			}
		}
	}
	fields = spanWords(fields)
	if span := undashedSpan(fields); span != "" {
		return span, mode
	}
	if mode == "" && len(fields) == 2 && !dashed(fields[0], fields[1]) {
		return fields[0], fields[1]
	}
	return strings.Join(fields, " "), mode
}

// quietModes splits the words of /quiet into those that name a quiet mode
// and the rest, each in its order.
func quietModes(fields []string) (rest, modes []string) {
	for _, f := range fields {
		if settings.IsQuietMode(f) {
			modes = append(modes, f)
		} else {
			rest = append(rest, f)
		}
	}
	return rest, modes
}

// undashedSpan returns the words as "start-end" when they are two times of
// day without a dash between them: around one "to", "until" or "till", or
// else split at the only place where both halves read as times of day. It
// returns "" when the words have a dash or are no such span.
func undashedSpan(fields []string) string {
	for _, f := range fields {
		if strings.ContainsAny(f, "-–—") {
			return ""
		}
	}
	for i := 1; i < len(fields)-1; i++ {
		if spanTo[fields[i]] {
			return strings.Join(fields[:i], " ") + "-" + strings.Join(fields[i+1:], " ")
		}
	}
	span := ""
	for i := 1; i < len(fields); i++ {
		from, to := strings.Join(fields[:i], " "), strings.Join(fields[i:], " ")
		if _, err := localtime.ParseClock(from); err != nil {
			continue
		}
		if _, err := localtime.ParseClock(to); err != nil {
			continue
		}
		if span != "" {
			return "" // two readings: not unambiguous
		}
		span = from + "-" + to
	}
	return span
}

// The words of a span in the languages of the catalog: what may open it
// ("from 22 to 7", "с 22 до 7", "von 22 bis 7", "de 22 a 7"), stand
// between its ends, and follow an hour ("22 Uhr", "22 h", "22 ч"; stuck to
// it, "22h", the clock grammar reads). Strangers
// typed "/quiet 22 bis 7" and read that it was no span.
var (
	spanFrom  = map[string]bool{"from": true, "с": true, "со": true, "von": true, "ab": true, "de": true, "desde": true, "entre": true}
	spanTo    = map[string]bool{"to": true, "until": true, "till": true, "til": true, "до": true, "по": true, "bis": true, "a": true, "hasta": true, "y": true}
	spanHours = map[string]bool{"uhr": true, "h": true, "ч": true, "ч.": true, "час": true, "часа": true, "часов": true, "hrs": true, "horas": true}
)

// spanWords drops the words that only frame a span (spanFrom first,
// spanHours after an hour), so that the times and spanTo remain.
func spanWords(fields []string) []string {
	if len(fields) > 2 && spanFrom[fields[0]] {
		fields = fields[1:]
	}
	out := make([]string, 0, len(fields))
	for i, f := range fields {
		if i > 0 && spanHours[f] {
			continue
		}
		out = append(out, f)
	}
	return out
}

// dashed reports whether a and b are the two halves of a span written with
// a space around its dash ("23:00- 07:00", "23:00 -07:00").
func dashed(a, b string) bool {
	for _, d := range []string{"-", "–", "—"} {
		if strings.HasSuffix(a, d) || strings.HasPrefix(b, d) {
			return true
		}
	}
	return false
}

// describeQuiet says what the chat's quiet hours are and do, and warns when
// held alerts have no daily digest to go to, or when the digest (digestTime,
// "HH:MM", "" = off) comes before the quiet hours end: what is held after it
// waited a whole day for the next one, unsaid.
func describeQuiet(p locale.Printer, q settings.Quiet, digestTime string) string {
	digestOff := digestTime == ""
	if !q.Set {
		return p.Sprintf("No quiet hours: alerts arrive as they come. Set some with <code>/quiet 23:00-07:00</code>.")
	}
	what := p.Sprintf("alerts arrive without a sound")
	if q.Mode == news.QuietHold {
		what = p.Sprintf("alerts are held for the digest")
		if digestOff {
			what += p.Sprintf(" — but your daily digest is off, so they wait for <code>/digest now</code>; turn it on with <code>/digest 08:00</code>")
		} else if warn := heldPastDigest(p, q, digestTime); warn != "" {
			what += warn
		}
	}
	return p.Sprintf("Quiet hours %s–%s (%s): %s.", q.Hours.Start.String(), q.Hours.End.String(), esc(localtime.ZoneName(q.Timezone)), what) + "\n" +
		p.Sprintf("Change with <code>/quiet silent</code> or <code>/quiet hold</code>; remove with <code>/quiet off</code>.")
}

// heldPastDigest is the clause that warns, for quiet hours that hold alerts,
// when the daily digest at digestTime falls inside them: the alerts held
// from the digest to the end of the quiet hours wait for the next day's
// digest (a digest at 07:30 with quiet hours until 08:00 kept the news of
// 07:30–08:00 for a day). It is "" when the digest comes at or after their
// end, or is off or unreadable.
func heldPastDigest(p locale.Printer, q settings.Quiet, digestTime string) string {
	if !q.Set || q.Mode != news.QuietHold || digestTime == "" {
		return ""
	}
	at, err := localtime.LoadClock(digestTime)
	if err != nil {
		return ""
	}
	day := time.Date(2000, 1, 1, at.Hour(), at.Minute(), 0, 0, time.UTC)
	if !q.Hours.Contains(day, time.UTC) {
		return ""
	}
	return p.Sprintf(" — but your digest at %s comes before they end, so alerts held from %s to %s wait for the next day's digest; <code>/digest %s</code> sends it as they end",
		at.String(), at.String(), q.Hours.End.String(), q.Hours.End.String())
}
