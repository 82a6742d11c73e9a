package bot

import (
	"regexp"
	"strings"
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
