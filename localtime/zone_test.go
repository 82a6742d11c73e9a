package localtime

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseTimezone(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		want     string
		offset   int // seconds east of UTC on 2026-01-15
		rejected bool
	}{
		{name: "iana", in: "Europe/Berlin", want: "Europe/Berlin", offset: 3600},
		{name: "iana lower case", in: "america/new_york", want: "America/New_York", offset: -5 * 3600},
		{name: "half-hour zone", in: "Asia/Kolkata", want: "Asia/Kolkata", offset: 5*3600 + 1800},
		{name: "utc", in: "utc", want: "UTC"},
		{name: "offset", in: "+08:00", want: "+08:00", offset: 8 * 3600},
		{name: "short offset", in: "-5", want: "-05:00", offset: -5 * 3600},
		{name: "compact offset", in: "+0530", want: "+05:30", offset: 5*3600 + 1800},
		{name: "utc plus", in: "UTC+5:45", want: "+05:45", offset: 5*3600 + 45*60},
		{name: "gmt minus, unicode minus", in: "GMT−3", want: "-03:00", offset: -3 * 3600},
		{name: "zero offset", in: "+00:00", want: "UTC"},
		// "/timezone +5.5" was refused: hours with a fraction are an offset.
		{name: "decimal offset", in: "+5.5", want: "+05:30", offset: 5*3600 + 1800},
		{name: "decimal offset, comma, utc", in: "UTC+5,75", want: "+05:45", offset: 5*3600 + 45*60},
		{name: "decimal offset, minus", in: "-3.5", want: "-03:30", offset: -3*3600 - 1800},
		{name: "utc plus, short", in: "UTC+5:30", want: "+05:30", offset: 5*3600 + 1800},
		{name: "gmt minus", in: "GMT-3", want: "-03:00", offset: -3 * 3600},
		{name: "decimal offset, not whole minutes", in: "+5.3", rejected: true},
		{name: "decimal offset too far", in: "+14.5", rejected: true},
		{name: "not a zone", in: "Mars/Olympus", rejected: true},
		{name: "server local", in: "Local", rejected: true},
		{name: "empty", in: "", rejected: true},
		{name: "offset too far", in: "+15:00", rejected: true},
		{name: "bad minutes", in: "+05:75", rejected: true},
		{name: "path tricks", in: "../../etc/passwd", rejected: true},
		// "Europe Berlin" was refused as two words; people type an IANA
		// name with spaces: an area and a city, spaces around the slash, or
		// a space for the underscore.
		{name: "two words", in: "Europe Berlin", want: "Europe/Berlin", offset: 3600},
		{name: "two words, not a zone", in: "Europe Atlantis", rejected: true},
		{name: "two words, no area", in: "Berlin Europe", rejected: true},
		{name: "spaces around the slash", in: "Europe / Berlin", want: "Europe/Berlin", offset: 3600},
		{name: "a space for the underscore", in: "America/New York", want: "America/New_York", offset: -5 * 3600},
		{name: "an area and a city of two words", in: "america new york", want: "America/New_York", offset: -5 * 3600},
		// A user typed "/timezone Moscow" and read "I don't know the time
		// zone Moscow": a city that names a zone finds it under its area.
		{name: "a city alone", in: "Moscow", want: "Europe/Moscow", offset: 3 * 3600},
		{name: "a city in lower case", in: "tokyo", want: "Asia/Tokyo", offset: 9 * 3600},
		{name: "a city of two words", in: "new york", want: "America/New_York", offset: -5 * 3600},
		{name: "a city of three words", in: "Sao Paulo", want: "America/Sao_Paulo", offset: -3 * 3600},
		// A stranger's "/timezone Delhi", "Beijing", "San Francisco" and
		// "PST" were unknown zones; "EST" was a fixed UTC-5 all year.
		{name: "a great city without a zone name", in: "Delhi", want: "Asia/Kolkata", offset: 5*3600 + 1800},
		{name: "another", in: "beijing", want: "Asia/Shanghai", offset: 8 * 3600},
		{name: "a city of two words sharing a zone", in: "San  Francisco", want: "America/Los_Angeles", offset: -8 * 3600},
		{name: "a city of three words that no zone name spells", in: "New York City", want: "America/New_York", offset: -5 * 3600},
		{name: "a city of two words sharing another's zone", in: "abu  dhabi", want: "Asia/Dubai", offset: 4 * 3600},
		{name: "a city of three words, lower case", in: "salt lake city", want: "America/Denver", offset: -7 * 3600},
		{name: "a country of one zone", in: "UK", want: "Europe/London"},
		{name: "an abbreviation", in: "PST", want: "America/Los_Angeles", offset: -8 * 3600},
		{name: "an abbreviation with summer time", in: "est", want: "America/New_York", offset: -5 * 3600},
		// A stranger typed "/timezone Москва" and "Киев" in a Russian chat,
		// "Wien" in a German one: the zone names are English.
		{name: "a city in Russian", in: "Москва", want: "Europe/Moscow", offset: 3 * 3600},
		{name: "a city in Russian, lower case", in: "киев", want: "Europe/Kyiv", offset: 2 * 3600},
		{name: "a Siberian city in Russian", in: "Новосибирск", want: "Asia/Novosibirsk", offset: 7 * 3600},
		{name: "a city in German", in: "Wien", want: "Europe/Vienna", offset: 3600},
		{name: "a city in Spanish of three words", in: "Ciudad de México", want: "America/Mexico_City", offset: -6 * 3600},
		{name: "accents left out", in: "Bogota", want: "America/Bogota", offset: -5 * 3600},
		{name: "ё written е", in: "Кишинев", want: "Europe/Chisinau", offset: 2 * 3600},
		{name: "accents added", in: "Zürich", want: "Europe/Zurich", offset: 3600},
		// "/timezone UTC + 3", "UTC–5" (a phone's dash) and "CEST" were
		// unknown zones.
		{name: "spaces around the sign", in: "UTC + 3", want: "+03:00", offset: 3 * 3600},
		{name: "a space after the sign", in: "GMT- 5", want: "-05:00", offset: -5 * 3600},
		{name: "an en dash for minus", in: "UTC–5", want: "-05:00", offset: -5 * 3600},
		{name: "an em dash for minus", in: "GMT—3:30", want: "-03:30", offset: -3*3600 - 1800},
		{name: "a summer-time abbreviation", in: "CEST", want: "CET", offset: 3600},
		{name: "a German abbreviation", in: "MEZ", want: "CET", offset: 3600},
		{name: "a Russian abbreviation", in: "МСК", want: "Europe/Moscow", offset: 3 * 3600},
		{name: "New Zealand summer time", in: "NZDT", want: "Pacific/Auckland", offset: 13 * 3600},
		{name: "a 45-minute zone by its abbreviation", in: "NPT", want: "Asia/Kathmandu", offset: 5*3600 + 45*60},
		{name: "a dash alone", in: "—", rejected: true},
		{name: "no such city", in: "Atlantis", rejected: true},
		{name: "a zone abbreviation is no city", in: "Etc", rejected: true},
	}
	jan := time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name, loc, err := ParseTimezone(tt.in)
			if tt.rejected {
				if !errors.Is(err, ErrUnknownTimezone) {
					t.Fatalf("ParseTimezone(%q) = %q, %v; want ErrUnknownTimezone", tt.in, name, err)
				}
				return
			}
			if err != nil || name != tt.want {
				t.Fatalf("ParseTimezone(%q) = %q, %v; want %q", tt.in, name, err, tt.want)
			}
			if _, off := jan.In(loc).Zone(); off != tt.offset {
				t.Errorf("offset = %d, want %d", off, tt.offset)
			}
			again, err := LoadLocation(name) // as the scheduler loads the stored name
			if _, off := jan.In(again).Zone(); err != nil || off != tt.offset {
				t.Errorf("LoadLocation(%q) offset = %d, %v; want %d", name, off, err, tt.offset)
			}
		})
	}
}

func TestLocation(t *testing.T) {
	at := time.Date(2026, 1, 10, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name, zone string
		wantHour   int
	}{
		{"empty is UTC", "", 12},
		{"IANA name", "Asia/Tokyo", 21},
		{"offset as /timezone stores it", "+05:30", 17},
		{"unknown is UTC", "Mars/Olympus", 12},
		{"the server's zone is UTC", "Local", 12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := at.In(Location(tt.zone)).Hour(); got != tt.wantHour {
				t.Errorf("hour in %q = %d, want %d", tt.zone, got, tt.wantHour)
			}
		})
	}
}

func TestZoneName(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"unset", "", "UTC"},
		{"iana", "Europe/Berlin", "Europe/Berlin"},
		{"offset", "+05:30", "+05:30"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ZoneName(tt.in); got != tt.want {
				t.Errorf("ZoneName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestZoneAliasesLoad: every alias names a zone the time zone data has, and
// an abbreviation keeps its summer time ("EST" in July is New York's -4).
func TestZoneAliasesLoad(t *testing.T) {
	for alias, name := range zoneAliases {
		if _, err := time.LoadLocation(name); err != nil {
			t.Errorf("alias %q names %q: %v", alias, name, err)
		}
	}
	_, loc, err := ParseTimezone("EST")
	if err != nil {
		t.Fatal(err)
	}
	if _, off := time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC).In(loc).Zone(); off != -4*3600 {
		t.Errorf("EST in July: offset %d, want -4h (New York's summer time)", off)
	}
}

// TestAmbiguousAbbreviationsNameTheirZones: "/timezone IST" was "I don't
// know the time zone IST", unsaid that IST is India's, Israel's and Irish
// time; the refusal names each zone, and each loads.
func TestAmbiguousAbbreviationsNameTheirZones(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"IST", "IST stands for several time zones: Asia/Kolkata, Asia/Jerusalem, Europe/Dublin. Send the one you mean by its name, such as Asia/Kolkata."},
		{"cst", "CST stands for several time zones: America/Chicago, Asia/Shanghai, America/Havana. Send the one you mean by its name, such as America/Chicago."},
		{" BST ", "BST stands for several time zones: Europe/London, Asia/Dhaka. Send the one you mean by its name, such as Europe/London."},
		{"Ast", "AST stands for several time zones: America/Halifax, Asia/Riyadh. Send the one you mean by its name, such as America/Halifax."},
	} {
		name, _, err := ParseTimezone(tt.in)
		if !errors.Is(err, ErrUnknownTimezone) || !errors.Is(err, ErrAmbiguousTimezone) || err.Error() != tt.want {
			t.Errorf("ParseTimezone(%q) = %q, %v; want %q", tt.in, name, err, tt.want)
		}
	}
	for abbr, zones := range ambiguousZones {
		for _, z := range zones {
			if _, _, err := ParseTimezone(z); err != nil {
				t.Errorf("%s: %s: %v", abbr, z, err)
			}
		}
	}
}

// TestNativeCitiesLoad checks that every city written in the bot's other
// languages names a zone this build's time zone data has.
func TestNativeCitiesLoad(t *testing.T) {
	for city, name := range nativeCities {
		if _, err := time.LoadLocation(name); err != nil {
			t.Errorf("%s: %s: %v", city, name, err)
		}
		if city != strings.ToLower(strings.Join(strings.Fields(city), " ")) {
			t.Errorf("key %q is not lower case with single spaces", city)
		}
	}
}

// "/timezone Etc/GMT+2" for Berlin set UTC-2 unsaid: the name's sign is
// POSIX's, the other way round; InvertedGMT names both.
func TestInvertedGMT(t *testing.T) {
	for _, tt := range []struct {
		name, real, seeming string
		ok                  bool
	}{
		{"Etc/GMT+2", "-02:00", "+02:00", true},
		{"Etc/GMT-14", "+14:00", "-14:00", true},
		{"Etc/GMT+0", "", "", false},
		{"Etc/GMT", "", "", false},
		{"Etc/UTC", "", "", false},
		{"+02:00", "", "", false},
		{"Europe/Berlin", "", "", false},
	} {
		real, seeming, ok := InvertedGMT(tt.name)
		if real != tt.real || seeming != tt.seeming || ok != tt.ok {
			t.Errorf("InvertedGMT(%q) = %q, %q, %v; want %q, %q, %v", tt.name, real, seeming, ok, tt.real, tt.seeming, tt.ok)
		}
	}
}
