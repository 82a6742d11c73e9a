package locale

import (
	"strings"
	"time"
)

// names are a language's words for dates: weekdays from Sunday, months
// from January, each full and short, as they stand after a day's number
// (Russian months in the genitive: "27 ноября").
type names struct {
	weekdays, wd [7]string
	months, mon  [12]string
}

// dateNames holds each language's names, by code; English is Go's own.
var dateNames = map[string]names{
	"ru": {
		weekdays: [7]string{"воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"},
		wd:       [7]string{"вс", "пн", "вт", "ср", "чт", "пт", "сб"},
		months:   [12]string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
		mon:      [12]string{"янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"},
	},
	"de": {
		weekdays: [7]string{"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"},
		wd:       [7]string{"So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"},
		months:   [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
		mon:      [12]string{"Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"},
	},
	"es": {
		weekdays: [7]string{"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"},
		wd:       [7]string{"dom", "lun", "mar", "mié", "jue", "vie", "sáb"},
		months:   [12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
		mon:      [12]string{"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"},
	},
}

// Date formats t with a Go layout that is a catalog key ("Monday 2
// January", "2 Jan 15:04 MST", ...): the layout comes from the catalog in
// the printer's language (the order of day and month, the words around
// them), and the names of weekdays and months in that language.
func (p Printer) Date(t time.Time, layout string) string {
	layout = p.Sprintf(layout)
	n, ok := dateNames[p.Lang()]
	if !ok {
		return t.Format(layout)
	}
	// Name tokens become control characters Format leaves alone, longest
	// first ("Monday" before "Mon", "January" before "Jan").
	r := strings.NewReplacer("Monday", "\x01", "Mon", "\x02", "January", "\x03", "Jan", "\x04")
	out := t.Format(r.Replace(layout))
	return strings.NewReplacer(
		"\x01", n.weekdays[t.Weekday()], "\x02", n.wd[t.Weekday()],
		"\x03", n.months[t.Month()-1], "\x04", n.mon[t.Month()-1],
	).Replace(out)
}
