package localtime

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// nativeCities are the cities as the bot's other languages (Russian, German,
// Spanish) write them, for the zones their speakers mostly live in and the
// capitals they name most: "/timezone Москва", "Wien", "Ciudad de México"
// found nothing, since the IANA names are English. Keys are lower case with
// single spaces; a hyphen is kept as typed ("нью-йорк").
var nativeCities = map[string]string{
	// Russian (and the other zones of Russia, Ukraine, Belarus, Central Asia, the Caucasus).
	"москва": "Europe/Moscow", "мск": "Europe/Moscow", "санкт-петербург": "Europe/Moscow", "петербург": "Europe/Moscow",
	"питер": "Europe/Moscow", "спб": "Europe/Moscow", "казань": "Europe/Moscow", "нижний новгород": "Europe/Moscow",
	"ростов-на-дону": "Europe/Moscow", "краснодар": "Europe/Moscow", "воронеж": "Europe/Moscow", "сочи": "Europe/Moscow",
	"калининград": "Europe/Kaliningrad", "самара": "Europe/Samara", "ижевск": "Europe/Samara", "волгоград": "Europe/Volgograd",
	"екатеринбург": "Asia/Yekaterinburg", "челябинск": "Asia/Yekaterinburg", "уфа": "Asia/Yekaterinburg", "пермь": "Asia/Yekaterinburg", "тюмень": "Asia/Yekaterinburg",
	"омск": "Asia/Omsk", "новосибирск": "Asia/Novosibirsk", "томск": "Asia/Tomsk", "барнаул": "Asia/Barnaul",
	"красноярск": "Asia/Krasnoyarsk", "иркутск": "Asia/Irkutsk", "чита": "Asia/Chita", "якутск": "Asia/Yakutsk",
	"владивосток": "Asia/Vladivostok", "хабаровск": "Asia/Vladivostok", "магадан": "Asia/Magadan", "сахалин": "Asia/Sakhalin",
	"южно-сахалинск": "Asia/Sakhalin", "камчатка": "Asia/Kamchatka", "петропавловск-камчатский": "Asia/Kamchatka",
	"киев": "Europe/Kyiv", "київ": "Europe/Kyiv", "харьков": "Europe/Kyiv", "одесса": "Europe/Kyiv", "львов": "Europe/Kyiv", "днепр": "Europe/Kyiv",
	"минск": "Europe/Minsk", "кишинёв": "Europe/Chisinau", "кишинев": "Europe/Chisinau", "рига": "Europe/Riga", "вильнюс": "Europe/Vilnius", "таллин": "Europe/Tallinn",
	"алматы": "Asia/Almaty", "алма-ата": "Asia/Almaty", "астана": "Asia/Almaty", "ташкент": "Asia/Tashkent", "бишкек": "Asia/Bishkek",
	"душанбе": "Asia/Dushanbe", "ашхабад": "Asia/Ashgabat", "тбилиси": "Asia/Tbilisi", "ереван": "Asia/Yerevan", "баку": "Asia/Baku",
	"лондон": "Europe/London", "берлин": "Europe/Berlin", "париж": "Europe/Paris", "рим": "Europe/Rome", "мадрид": "Europe/Madrid",
	"варшава": "Europe/Warsaw", "прага": "Europe/Prague", "вена": "Europe/Vienna", "стамбул": "Europe/Istanbul", "анкара": "Europe/Istanbul",
	"тель-авив": "Asia/Jerusalem", "иерусалим": "Asia/Jerusalem", "дубай": "Asia/Dubai", "пекин": "Asia/Shanghai", "токио": "Asia/Tokyo",
	"нью-йорк": "America/New_York", "вашингтон": "America/New_York", "лос-анджелес": "America/Los_Angeles", "чикаго": "America/Chicago",
	// German.
	"moskau": "Europe/Moscow", "kiew": "Europe/Kyiv", "wien": "Europe/Vienna", "münchen": "Europe/Berlin", "köln": "Europe/Berlin",
	"düsseldorf": "Europe/Berlin", "nürnberg": "Europe/Berlin", "zürich": "Europe/Zurich", "genf": "Europe/Zurich", "bern": "Europe/Zurich",
	"basel": "Europe/Zurich", "rom": "Europe/Rome", "mailand": "Europe/Rome", "warschau": "Europe/Warsaw", "prag": "Europe/Prague",
	"brüssel": "Europe/Brussels", "lissabon": "Europe/Lisbon", "kopenhagen": "Europe/Copenhagen", "athen": "Europe/Athens",
	"peking": "Asia/Shanghai", "neu-delhi": "Asia/Kolkata", "mexiko-stadt": "America/Mexico_City",
	// Spanish.
	"nueva york": "America/New_York", "londres": "Europe/London", "parís": "Europe/Paris", "moscú": "Europe/Moscow", "berlín": "Europe/Berlin",
	"roma": "Europe/Rome", "lisboa": "Europe/Lisbon", "pekín": "Asia/Shanghai", "tokio": "Asia/Tokyo", "sevilla": "Europe/Madrid",
	"valencia": "Europe/Madrid", "bilbao": "Europe/Madrid", "las palmas": "Atlantic/Canary", "canarias": "Atlantic/Canary", "tenerife": "Atlantic/Canary",
	"ciudad de méxico": "America/Mexico_City", "cdmx": "America/Mexico_City", "méxico": "America/Mexico_City", "guadalajara": "America/Mexico_City",
	"monterrey": "America/Monterrey", "tijuana": "America/Tijuana", "cancún": "America/Cancun",
	"bogotá": "America/Bogota", "medellín": "America/Bogota", "cali": "America/Bogota", "quito": "America/Guayaquil",
	"santiago": "America/Santiago", "santiago de chile": "America/Santiago", "asunción": "America/Asuncion", "la paz": "America/La_Paz",
	"san josé": "America/Costa_Rica", "panamá": "America/Panama", "la habana": "America/Havana", "san juan": "America/Puerto_Rico",
	"ciudad de guatemala": "America/Guatemala", "san salvador": "America/El_Salvador", "córdoba": "America/Argentina/Cordoba",
	"rosario": "America/Argentina/Buenos_Aires", "mendoza": "America/Argentina/Mendoza", "sao paulo": "America/Sao_Paulo",
	"são paulo": "America/Sao_Paulo", "brasilia": "America/Sao_Paulo", "brasília": "America/Sao_Paulo",
}

// nativeCity is the zone of a city written in one of the bot's languages, as
// typed or with its accents left out ("bogota", "zurich", "muenchen" aside:
// only marks are dropped, no transliteration).
func nativeCity(key string) (string, bool) {
	if name, ok := nativeCities[key]; ok {
		return name, true
	}
	plain := withoutMarks(key)
	for k, name := range nativeCities {
		if withoutMarks(k) == plain {
			return name, true
		}
	}
	return "", false
}

// withoutMarks is s without its combining marks: "bogotá" is "bogota",
// "кишинёв" "кишинев". Letters stay as they are.
func withoutMarks(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
