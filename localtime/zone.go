package localtime

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// ErrUnknownTimezone is returned for a time zone that is neither an IANA name
// nor a UTC offset.
var ErrUnknownTimezone = errors.New("unknown time zone")

// ErrAmbiguousTimezone is behind the ErrUnknownTimezone of an abbreviation
// that several zones go by ("IST"), whose message names them.
var ErrAmbiguousTimezone = errors.New("ambiguous time zone abbreviation")

// offsetRE reads "+08:00", "-5", "+0530", "UTC+5:30", "GMT-03", "UTC + 3",
// and hours with a decimal fraction, "+5.5", "UTC+5,75" (m[4]).
var offsetRE = regexp.MustCompile(`^(?i:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?(\d{2})|[.,](\d{1,2}))?$`)

// ParseTimezone reads a time zone as a user writes it: an IANA name such as
// "Europe/Berlin" (case is forgiven where the usual capitalisation finds it;
// a city alone, "Moscow" or "new york", is looked for under the areas;
// zoneAliases has the great cities without a name of their own, "Delhi",
// and the common abbreviations, "PST"; nativeCities the cities as Russian,
// German and Spanish write them, "Москва", "Wien", "Bogotá", accents
// forgiven),
// "UTC", or a UTC offset such as "+08:00", "-5", "UTC+5:30" or "+5.5" (a
// fixed zone: it does not follow summer time; IsOffset). It returns the
// name to store (offsets as "+08:00", a zero offset as "UTC") and the
// location. It fails with an *Error of kind ErrUnknownTimezone for anything
// else, including "Local", which would mean the server's zone, and for an
// offset beyond ±14:00 (the error says the range).
func ParseTimezone(s string) (string, *time.Location, error) {
	s = strings.TrimSpace(phoneMinus.Replace(s))
	if m := offsetRE.FindStringSubmatch(s); m != nil {
		h, _ := strconv.Atoi(m[2])
		mins, _ := strconv.Atoi(m[3])
		if m[4] != "" {
			// A quarter, half or three quarters of an hour, as real
			// offsets are: .25, .5, .75.
			frac, _ := strconv.Atoi(m[4])
			if len(m[4]) == 1 {
				frac *= 10
			}
			if frac*60%100 != 0 || frac*60/100%15 != 0 {
				return "", nil, unknownZone(s)
			}
			mins = frac * 60 / 100
		}
		if mins >= 60 || h*60+mins > 14*60 {
			return "", nil, userError(ErrUnknownTimezone, "%q is out of range: UTC offsets run from -14:00 to +14:00.", s)
		}
		if h == 0 && mins == 0 {
			return "UTC", time.UTC, nil
		}
		name := fmt.Sprintf("%s%02d:%02d", m[1], h, mins)
		loc, err := LoadLocation(name)
		return name, loc, err
	}
	switch strings.ToUpper(s) {
	case "UTC", "GMT", "Z", "ZULU":
		return "UTC", time.UTC, nil
	}
	if s == "" || strings.EqualFold(s, "local") || len(s) > 64 {
		return "", nil, unknownZone(s)
	}
	key := strings.ToLower(strings.Join(strings.Fields(s), " "))
	if zones, ok := ambiguousZones[key]; ok {
		e := userError(ErrUnknownTimezone, "%s stands for several time zones: %s. Send the one you mean by its name, such as %s.",
			strings.ToUpper(key), strings.Join(zones, ", "), zones[0])
		e.err = ErrAmbiguousTimezone
		return "", nil, e
	}
	if name, ok := zoneAliases[key]; ok {
		if loc, err := time.LoadLocation(name); err == nil {
			return name, loc, nil
		}
	}
	if name, ok := nativeCity(key); ok {
		if loc, err := time.LoadLocation(name); err == nil {
			return name, loc, nil
		}
	}
	s = spacedName(s)
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		for _, name := range []string{s, titleCase(s), strings.ToUpper(s)} {
			if loc, err := time.LoadLocation(name); err == nil {
				return name, loc, nil
			}
		}
	}
	if name, loc, ok := cityZone(s); ok {
		return name, loc, nil
	}
	return "", nil, unknownZone(s)
}

// phoneMinus writes as "-" the minus and dashes that phones type for it
// ("UTC−5", and "UTC–5" where "--" or a long press gave a dash): "UTC–5"
// was an unknown zone.
var phoneMinus = strings.NewReplacer("−", "-", "–", "-", "—", "-", "‐", "-", "‑", "-", "－", "-", "＋", "+")

// zoneAliases are what people type for a zone that no IANA name spells:
// the great cities that share another city's zone ("Delhi" is
// Asia/Kolkata, "Beijing" Asia/Shanghai), and the abbreviations that mean
// one zone for most who type them, with its summer time ("EST" is a fixed
// UTC-5 in the IANA data, an hour off for New York half the year). The
// ambiguous ones (CST, IST, BST) are ambiguousZones.
var zoneAliases = map[string]string{
	"delhi": "Asia/Kolkata", "new delhi": "Asia/Kolkata", "mumbai": "Asia/Kolkata", "bombay": "Asia/Kolkata",
	"bangalore": "Asia/Kolkata", "bengaluru": "Asia/Kolkata", "chennai": "Asia/Kolkata", "hyderabad": "Asia/Kolkata", "india": "Asia/Kolkata",
	"beijing": "Asia/Shanghai", "peking": "Asia/Shanghai", "shenzhen": "Asia/Shanghai", "guangzhou": "Asia/Shanghai", "china": "Asia/Shanghai",
	"osaka": "Asia/Tokyo", "kyoto": "Asia/Tokyo", "japan": "Asia/Tokyo",
	"san francisco": "America/Los_Angeles", "seattle": "America/Los_Angeles", "san diego": "America/Los_Angeles", "las vegas": "America/Los_Angeles",
	"washington": "America/New_York", "boston": "America/New_York", "miami": "America/New_York", "atlanta": "America/New_York", "philadelphia": "America/New_York",
	"houston": "America/Chicago", "dallas": "America/Chicago", "austin": "America/Chicago",
	"montreal": "America/Toronto", "ottawa": "America/Toronto", "rio de janeiro": "America/Sao_Paulo", "rio": "America/Sao_Paulo",
	"saint petersburg": "Europe/Moscow", "st petersburg": "Europe/Moscow", "st. petersburg": "Europe/Moscow",
	"munich": "Europe/Berlin", "frankfurt": "Europe/Berlin", "hamburg": "Europe/Berlin", "milan": "Europe/Rome", "barcelona": "Europe/Madrid",
	"geneva": "Europe/Zurich", "kiev": "Europe/Kyiv", "st. louis": "America/Chicago",
	// Cities of several words that no IANA name spells: "new york city" was unknown, "new york" not.
	"new york city": "America/New_York", "nyc": "America/New_York", "washington dc": "America/New_York", "washington d.c.": "America/New_York",
	"st louis": "America/Chicago", "new orleans": "America/Chicago", "salt lake city": "America/Denver",
	"abu dhabi": "Asia/Dubai", "cape town": "Africa/Johannesburg", "ho chi minh city": "Asia/Ho_Chi_Minh",
	"uk": "Europe/London", "britain": "Europe/London", "england": "Europe/London", "ireland": "Europe/Dublin",
	"est": "America/New_York", "edt": "America/New_York", "cdt": "America/Chicago", "mdt": "America/Denver",
	"pst": "America/Los_Angeles", "pdt": "America/Los_Angeles", "msk": "Europe/Moscow", "jst": "Asia/Tokyo", "kst": "Asia/Seoul",
	"aest": "Australia/Sydney", "aedt": "Australia/Sydney", "hkt": "Asia/Hong_Kong", "sgt": "Asia/Singapore",
	// Summer-time names of zones the IANA data names by their winter one
	// ("CET" loads, "CEST" was unknown), the German and Russian ones, and
	// others that mean one zone.
	"cest": "CET", "mez": "CET", "mesz": "CET", "eest": "EET", "мск": "Europe/Moscow",
	"nzst": "Pacific/Auckland", "nzdt": "Pacific/Auckland", "akst": "America/Anchorage", "akdt": "America/Anchorage",
	"acdt": "Australia/Adelaide", "awst": "Australia/Perth", "pkt": "Asia/Karachi", "npt": "Asia/Kathmandu",
	"wib": "Asia/Jakarta", "sast": "Africa/Johannesburg", "eat": "Africa/Nairobi", "wat": "Africa/Lagos",
}

// ambiguousZones are the abbreviations that several zones go by, each with
// those zones, the commonest first: "IST" is India's, Israel's and Irish
// summer time, "CST" the American Central, China's and Cuba's, "BST"
// British summer time and Bangladesh's, "AST" the Atlantic and Arabia's,
// "GST" the Gulf's and South Georgia's. "/timezone IST" was an unknown zone,
// unsaid why; the reply names the choices. (MST and HST, which the IANA data
// has as fixed zones, load as those.)
var ambiguousZones = map[string][]string{
	"ist": {"Asia/Kolkata", "Asia/Jerusalem", "Europe/Dublin"},
	"cst": {"America/Chicago", "Asia/Shanghai", "America/Havana"},
	"bst": {"Europe/London", "Asia/Dhaka"},
	"ast": {"America/Halifax", "Asia/Riyadh"},
	"gst": {"Asia/Dubai", "Atlantic/South_Georgia"},
}

// zoneAreas are the areas of the IANA names under which a city is looked
// for when it is written alone.
var zoneAreas = []string{"Europe", "America", "Asia", "Africa", "Australia", "Pacific", "Atlantic", "Indian", "Antarctica", "America/Argentina"}

// cityZone finds the zone a city names when written alone, as people write
// it: "Moscow" is Europe/Moscow, "new york" America/New_York.
func cityZone(s string) (string, *time.Location, bool) {
	city := titleCase(strings.Join(strings.Fields(s), "_"))
	if strings.ContainsAny(city, "/.") || !strings.ContainsFunc(city, unicode.IsLetter) {
		return "", nil, false
	}
	for _, area := range zoneAreas {
		name := area + "/" + city
		if loc, err := time.LoadLocation(name); err == nil {
			return name, loc, true
		}
	}
	return "", nil, false
}

// spacedName writes an IANA name typed with spaces as the name: spaces
// around a slash go ("Europe / Berlin"), the others are underscores
// ("America/New York"), and an area followed by a city is the two with a
// slash ("europe berlin", "america new york"). Other text comes back as it
// is, for the city lookup.
func spacedName(s string) string {
	fields := strings.Fields(s)
	if len(fields) < 2 {
		return s
	}
	joined := strings.Join(fields, " ")
	if !strings.Contains(joined, "/") {
		area := ""
		for _, a := range zoneAreas {
			if !strings.Contains(a, "/") && strings.EqualFold(a, fields[0]) {
				area = a
			}
		}
		if area == "" {
			return s
		}
		joined = area + "/" + strings.Join(fields[1:], " ")
	}
	joined = strings.NewReplacer(" / ", "/", " /", "/", "/ ", "/").Replace(joined)
	return strings.ReplaceAll(joined, " ", "_")
}

// unknownZone is the *Error of a zone that is neither a name nor an offset
// (clipped: the user may have pasted a paragraph).
func unknownZone(s string) *Error {
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60]) + "…"
	}
	return userError(ErrUnknownTimezone, "I don't know the time zone %s.", s)
}

// titleCase capitalises each part of a zone name: "america/new_york" → "America/New_York".
func titleCase(s string) string {
	out := []rune(strings.ToLower(s))
	for i := range out {
		if i == 0 || strings.ContainsRune("/_-", out[i-1]) {
			out[i] = unicode.ToUpper(out[i])
		}
	}
	return string(out)
}

// LoadLocation returns the location of a stored zone name: an IANA name, an
// offset as ParseTimezone stores it, or "" for UTC. It fails with
// ErrUnknownTimezone when the name is neither.
func LoadLocation(name string) (*time.Location, error) {
	if name == "" {
		return time.UTC, nil
	}
	if m := offsetRE.FindStringSubmatch(name); m != nil && m[4] == "" && !strings.EqualFold(name, "Local") {
		h, _ := strconv.Atoi(m[2])
		mins, _ := strconv.Atoi(m[3])
		secs := (h*60 + mins) * 60
		if m[1] == "-" {
			secs = -secs
		}
		return time.FixedZone("UTC"+m[1]+fmt.Sprintf("%02d:%02d", h, mins), secs), nil
	}
	if strings.EqualFold(name, "Local") {
		return nil, fmt.Errorf("%q: %w", name, ErrUnknownTimezone)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("%q: %w", name, ErrUnknownTimezone)
	}
	return loc, nil
}

// Location is LoadLocation for a chat's stored zone that must not fail: a
// name that no longer loads reads as UTC, as "" does.
func Location(name string) *time.Location {
	loc, err := LoadLocation(name)
	if err != nil {
		return time.UTC
	}
	return loc
}

// IsOffset reports whether name, as ParseTimezone stores it, is a fixed
// UTC offset ("+05:30"), which does not follow summer time.
func IsOffset(name string) bool {
	return strings.HasPrefix(name, "+") || strings.HasPrefix(name, "-")
}

// InvertedGMT reports, for an IANA "Etc/GMT+2"-style name, the offset it
// really is ("-02:00": POSIX counts west as positive) and the one its name
// seems to say ("+02:00"); ok is false for any other name and for
// Etc/GMT+0. Whoever typed Etc/GMT+2 for Berlin got a clock four hours off.
func InvertedGMT(name string) (real, seeming string, ok bool) {
	rest, found := strings.CutPrefix(name, "Etc/GMT")
	if !found || len(rest) < 2 || (rest[0] != '+' && rest[0] != '-') {
		return "", "", false
	}
	h, err := strconv.Atoi(rest[1:])
	if err != nil || h <= 0 || h > 14 {
		return "", "", false
	}
	signs := map[byte]string{'+': "-", '-': "+"}
	return fmt.Sprintf("%s%02d:00", signs[rest[0]], h), fmt.Sprintf("%c%02d:00", rest[0], h), true
}

// ZoneName is how a chat's stored zone is shown: "UTC" for "".
func ZoneName(name string) string {
	if name == "" {
		return "UTC"
	}
	return name
}
