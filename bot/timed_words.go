package bot

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// spanUnits are the units of time /pause and /mute read at the end of
// their words, in the bot's languages, each word as written (lower-cased)
// with the length it stands for. Both finding a span (timedSpan) and
// reading it (spanDuration) come from this one table.
var spanUnits = []struct {
	per   time.Duration
	words []string
}{
	{time.Minute, []string{
		"m", "min", "mins", "minute", "minutes",
		"мин", "минута", "минуты", "минут",
		"minuto", "minutos",
	}},
	{time.Hour, []string{
		"h", "hr", "hrs", "hour", "hours",
		"ч", "час", "часа", "часов",
		"std", "stunde", "stunden",
		"hora", "horas",
	}},
	{24 * time.Hour, []string{
		"d", "day", "days",
		"д", "дн", "день", "дня", "дней", "сутки", "суток",
		"t", "tag", "tage", "tagen",
		"dia", "dias", "día", "días",
	}},
	{7 * 24 * time.Hour, []string{
		"w", "wk", "wks", "week", "weeks",
		"нед", "неделя", "недели", "неделю", "недель", "неделе",
		"woche", "wochen",
		"semana", "semanas",
	}},
}

// timedSpan matches a span of time written at the end of /pause or /mute's
// words: an optional "for" (на, für, por, durante), an optional number or
// "a" (один, eine, una…), and a unit of spanUnits, glued to the number or
// not, with an optional full stop: "3 days", "2h", "for a week",
// "на 2 часа", "für 3 Tage", "por una semana".
var timedSpan = regexp.MustCompile(`(?i)(?:^|\s)(?:(?:for|на|für|fur|por|durante)\s+)?` +
	`(?:\d+(?:[.,]\d+)?|a|an|one|один|одну|одна|ein|eine|einen|un|una|uno)?\s*` +
	`(?:` + unitAlternation() + `)\.?$`)

// unitAlternation is the words of spanUnits as a regular expression's
// alternatives, longest first.
func unitAlternation() string {
	var words []string
	for _, u := range spanUnits {
		for _, w := range u.words {
			words = append(words, regexp.QuoteMeta(w))
		}
	}
	slices.SortStableFunc(words, func(a, b string) int { return len(b) - len(a) })
	return strings.Join(words, "|")
}

// unitLength returns the length of time the unit word stands for (any
// case, no full stop), and false for a word spanUnits lacks.
func unitLength(word string) (time.Duration, bool) {
	word = strings.ToLower(word)
	for _, u := range spanUnits {
		if slices.Contains(u.words, word) {
			return u.per, true
		}
	}
	return 0, false
}

// splitTimedSpan returns args without a span of time at their end, and
// the span as written; span is "" when args end in none. A lone number
// ("/mute 3") is an ID, not a span.
func splitTimedSpan(args string) (rest, span string) {
	args = strings.TrimSpace(args)
	loc := timedSpan.FindStringIndex(args)
	if loc == nil {
		return args, ""
	}
	span = strings.TrimSpace(args[loc[0]:])
	if !strings.ContainsAny(span, "0123456789") && len(strings.Fields(span)) < 2 && !strings.EqualFold(span, "week") {
		// "/mute kursk d", "/pause h": a single letter or word is no span
		// unless it names a number ("a week", "2h").
		return args, ""
	}
	return strings.TrimSpace(args[:loc[0]]), span
}

// spanNumber is the number a span of time starts with ("3", "1.5", "2,5").
var spanNumber = regexp.MustCompile(`\d+(?:[.,]\d+)?`)

// spanUnit is the unit a span of time ends in, glued to its number or not.
var spanUnit = regexp.MustCompile(`\pL+\.?$`)

// longestSpan is the longest pause or mute a span gives: a longer one
// ("/pause 9999 weeks") ends a year on, which the reply's date shows.
const longestSpan = 365 * 24 * time.Hour

// spanDuration reads a span splitTimedSpan found ("3 days", "2h", "for a
// week", "на 2 часа", "für 3 Tage", "por una semana") as a length of time,
// at most longestSpan. ok is false for a span of no time ("0 h") or a
// unit spanUnits does not know.
func spanDuration(span string) (d time.Duration, ok bool) {
	n := 1.0
	if num := spanNumber.FindString(span); num != "" {
		v, err := strconv.ParseFloat(strings.Replace(num, ",", ".", 1), 64)
		if err != nil {
			return 0, false
		}
		n = v
	}
	per, ok := unitLength(strings.TrimSuffix(spanUnit.FindString(span), "."))
	if !ok {
		return 0, false
	}
	if n*float64(per) >= float64(longestSpan) {
		return longestSpan, true
	}
	d = time.Duration(n * float64(per)).Round(time.Minute)
	return d, d > 0
}
