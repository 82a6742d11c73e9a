package bot

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// timedSpan matches a span of time written at the end of /pause or /mute's
// words, in the bot's languages: "3 days", "2h", "for a week", "на 2 часа",
// "für 3 Tage", "por una semana".
var timedSpan = regexp.MustCompile(`(?i)(?:^|\s)(?:(?:for|на|für|fur|por|durante)\s+)?(?:\d+(?:[.,]\d+)?|a|an|one|один|одну|одна|ein|eine|einen|un|una|uno)?\s*` +
	`(?:m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|` +
	`мин|минут[аы]?|ч|час[аов]*|д|дн|день|дня|дней|сутки|суток|нед|недел[яиьюе]|недель|` +
	`std|stunden?|t|tage?n?|wochen?|` +
	`minutos?|horas?|d[ií]as?|semanas?)\.?$`)

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
// unit it does not know.
func spanDuration(span string) (d time.Duration, ok bool) {
	n := 1.0
	if num := spanNumber.FindString(span); num != "" {
		v, err := strconv.ParseFloat(strings.Replace(num, ",", ".", 1), 64)
		if err != nil {
			return 0, false
		}
		n = v
	}
	unit := strings.TrimSuffix(strings.ToLower(spanUnit.FindString(span)), ".")
	var per time.Duration
	switch {
	case unit == "m" || strings.HasPrefix(unit, "min") || strings.HasPrefix(unit, "мин"):
		per = time.Minute
	case unit == "h" || strings.HasPrefix(unit, "hr") || strings.HasPrefix(unit, "hour") || unit == "ч" ||
		strings.HasPrefix(unit, "час") || unit == "std" || strings.HasPrefix(unit, "stunde") || strings.HasPrefix(unit, "hora"):
		per = time.Hour
	case unit == "d" || strings.HasPrefix(unit, "day") || strings.HasPrefix(unit, "д") || strings.HasPrefix(unit, "сут") ||
		unit == "t" || strings.HasPrefix(unit, "tag") || strings.HasPrefix(unit, "dia") || strings.HasPrefix(unit, "día"):
		per = 24 * time.Hour
	case unit == "w" || strings.HasPrefix(unit, "wk") || strings.HasPrefix(unit, "week") || strings.HasPrefix(unit, "нед") ||
		strings.HasPrefix(unit, "woche") || strings.HasPrefix(unit, "semana"):
		per = 7 * 24 * time.Hour
	default:
		return 0, false
	}
	if n*float64(per) >= float64(longestSpan) {
		return longestSpan, true
	}
	d = time.Duration(n * float64(per)).Round(time.Minute)
	return d, d > 0
}
