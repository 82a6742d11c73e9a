package localtime

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// ErrBadClock is returned for a time of day that cannot be read.
var ErrBadClock = errors.New("not a time of day")

// Clock is a time of day in minutes after local midnight, 0 to 1439.
type Clock int

// clockRE reads "8", "8:00", "08:00", "0800", "8.30", "8h30", "22h", "7ч",
// each with an optional am/pm.
var clockRE = regexp.MustCompile(`^(\d{1,2})(?:[:.,h]?(\d{2}))?(?:h|ч)?\s*(?i:(am|pm|a\.\s?m\.|p\.\s?m\.))?$`)

// dayPart is a word after a time that says which half of the day it is in,
// as the bot's languages write one in place of am/pm: "8 вечера", "8 Uhr
// abends", "8 de la tarde", "8 in the evening".
type dayPart struct {
	words string
	half  byte // 'a': before noon (12 is midnight); 'p': after noon (12 is noon); 'n': night, 12 is midnight, 6 to 11 evening, 1 to 5 small hours
}

var dayParts = []dayPart{
	{"утра", 'a'}, {"дня", 'p'}, {"вечера", 'p'}, {"ночи", 'n'},
	{"morgens", 'a'}, {"früh", 'a'}, {"vormittags", 'a'}, {"nachmittags", 'p'}, {"abends", 'p'}, {"nachts", 'n'},
	{"de la mañana", 'a'}, {"de la madrugada", 'a'}, {"de la tarde", 'p'}, {"de la noche", 'n'},
	{"in the morning", 'a'}, {"in the afternoon", 'p'}, {"in the evening", 'p'}, {"at night", 'n'},
}

// hourWords are the words for "o'clock" that may follow an hour: "20.30 Uhr", "8 часов вечера".
var hourWords = []string{"uhr", "o'clock", "o’clock", "hrs", "часов", "часа", "час"}

// clockText is s as the clock grammar reads it: NFKC (a Japanese or Chinese
// keyboard's "８：００"), Arabic-Indic and Persian digits as ASCII ones,
// lower case; and the half of the day that a word after the time names, with
// that word and an "o'clock" word taken off.
func clockText(s string) (string, byte) {
	s = strings.ToLower(strings.TrimSpace(norm.NFKC.String(s)))
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '٠' && r <= '٩':
			return '0' + r - '٠'
		case r >= '۰' && r <= '۹':
			return '0' + r - '۰'
		}
		return r
	}, s)
	var half byte
	for _, p := range dayParts {
		if rest, ok := strings.CutSuffix(s, " "+p.words); ok {
			s, half = strings.TrimSpace(rest), p.half
			break
		}
	}
	for _, w := range hourWords {
		if rest, ok := strings.CutSuffix(s, w); ok && rest != "" {
			s = strings.TrimSpace(rest)
			break
		}
	}
	return s, half
}

// ParseClock reads a time of day as a user writes it (the grammar is in the
// package doc). It fails with an *Error of kind ErrBadClock, in a sentence
// a user can read, for anything that is not a time between 00:00 and 23:59.
func ParseClock(s string) (Clock, error) {
	c, err := parseClock(s)
	if err != nil {
		return 0, err
	}
	return c, nil
}

// namedClocks are the times of day a word names, in the bot's languages
// (English, German, Russian, Spanish), lower-case.
var namedClocks = map[string]Clock{
	"noon": 12 * 60, "12 noon": 12 * 60, "midday": 12 * 60, "midnight": 0, "12 midnight": 0,
	"mittag": 12 * 60, "mittags": 12 * 60, "mitternacht": 0,
	"полдень": 12 * 60, "полночь": 0,
	"mediodía": 12 * 60, "mediodia": 12 * 60, "medianoche": 0,
}

// parseClock is ParseClock with its error typed.
func parseClock(s string) (Clock, *Error) {
	if c, ok := namedClocks[strings.ToLower(strings.TrimSpace(s))]; ok {
		return c, nil
	}
	text, half := clockText(s)
	m := clockRE.FindStringSubmatch(text)
	if m == nil || half != 0 && m[3] != "" {
		return 0, badClock(s)
	}
	h, _ := strconv.Atoi(m[1])
	mins, _ := strconv.Atoi(m[2])
	switch {
	case half == 0:
	case h == 0 || h > 12 && half == 'a':
		return 0, badClock(s)
	case h > 12: // "20 Uhr abends": the hour says it already
	case h == 12 && half == 'p':
	case h == 12 || half == 'a' || half == 'n' && h < 6:
		h %= 12
	default:
		h += 12
	}
	switch ampm := strings.ToLower(strings.ReplaceAll(strings.ReplaceAll(m[3], ".", ""), " ", "")); {
	case ampm != "" && (h < 1 || h > 12):
		return 0, badClock(s)
	case ampm == "am" && h == 12:
		h = 0
	case ampm == "pm" && h < 12:
		h += 12
	}
	if h > 23 || mins > 59 {
		return 0, badClock(s)
	}
	return Clock(h*60 + mins), nil
}

func badClock(s string) *Error {
	return userError(ErrBadClock, "%q is not a time of day such as 23:00 or 11pm", strings.TrimSpace(s))
}

// LoadClock reads a stored time of day, "HH:MM" exactly as Clock.String
// writes it. It fails with ErrBadClock for anything else.
func LoadClock(hhmm string) (Clock, error) {
	var h, m int
	if _, err := fmt.Sscanf(hhmm, "%d:%d", &h, &m); err != nil || h < 0 || h > 23 || m < 0 || m > 59 || len(hhmm) != 5 {
		return 0, fmt.Errorf("%q: %w", hhmm, ErrBadClock)
	}
	return Clock(h*60 + m), nil
}

// Hour returns the hour of c, 0 to 23.
func (c Clock) Hour() int { return int(c) / 60 }

// Minute returns the minute of c, 0 to 59.
func (c Clock) Minute() int { return int(c) % 60 }

// String writes c as "HH:MM", the form LoadClock reads.
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", c.Hour(), c.Minute()) }
