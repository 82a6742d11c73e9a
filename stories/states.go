package stories

import "strings"

// apStates are the US states' names by the short forms AP style writes
// them with ("Calif.", "Ga.", "Del.", with a capital and a dot), as
// dottedStates and postalStates are by their postal codes ("NJ", "CA",
// "GA", "DE").
// One state written both ways is one place: "Dover, Del." and "Dover,
// Delaware" share the term of "Delaware"; "N.J." and "New Jersey" those
// of "New" and "Jersey".
//
// A short form counts only where it cannot be another word: an AP form
// with its dot and its capital ("Ill." is Illinois, "ill." is not; "Miss"
// and "Mass" without a dot are a title and a church service); a postal
// code in capitals right after a place and a comma ("Smyrna, GA";
// "IN", "OR", "ME", "OH", "LA" and "CO" are words or other names
// elsewhere), except the ten that are no word ("NJ", "NY", "NC", …: dottedStates),
// which count in capitals anywhere, dotted ("N.J.", as AP writes them) or
// not.
var apStates = map[string]string{
	"Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California", "Cal": "California",
	"Colo": "Colorado", "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida", "Ga": "Georgia",
	"Ill": "Illinois", "Ind": "Indiana", "Kan": "Kansas", "Kans": "Kansas", "Ky": "Kentucky",
	"La": "Louisiana", "Md": "Maryland", "Mass": "Massachusetts", "Mich": "Michigan", "Minn": "Minnesota",
	"Miss": "Mississippi", "Mo": "Missouri", "Mont": "Montana", "Neb": "Nebraska", "Nebr": "Nebraska",
	"Nev": "Nevada", "Okla": "Oklahoma", "Ore": "Oregon", "Oreg": "Oregon", "Pa": "Pennsylvania",
	"Tenn": "Tennessee", "Tex": "Texas", "Vt": "Vermont", "Va": "Virginia", "Wash": "Washington",
	"Wis": "Wisconsin", "Wisc": "Wisconsin", "Wyo": "Wyoming",
}

// dottedStates are the postal codes that are no English word nor a common
// other name, which AP writes with dots ("N.J."): read as the state in
// capitals anywhere.
var dottedStates = map[string]string{
	"NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
	"ND": "North Dakota", "SC": "South Carolina", "SD": "South Dakota", "RI": "Rhode Island", "WV": "West Virginia",
}

// postalStates are the other postal codes, read as the state only right
// after a place and a comma ("Smyrna, GA").
var postalStates = map[string]string{
	"AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
	"CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho",
	"IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
	"ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
	"MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "OH": "Ohio",
	"OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania", "TN": "Tennessee", "TX": "Texas", "UT": "Utah",
	"VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WI": "Wisconsin", "WY": "Wyoming",
}

// stateWords returns the words of the state w's short form names
// (dottedStates, postalStates or apStates, by the caller's reading),
// name: its first word is w with the term of the name's first word, each
// further one ("Jersey" of "New Jersey") a word of its own marked extra,
// which the title's fingerprint leaves out (it is of what the title says).
func stateWords(out []word, w word, name string) []word {
	for k, part := range strings.Fields(name) {
		v := w
		v.norm, _ = normalise(part)
		if k > 0 {
			v.extra, v.afterWord, v.sentenceStart = true, true, false
		}
		out = append(out, v)
	}
	return out
}

// afterPlaceComma reports whether text[:i] ends with a capitalised word or
// one in capitals (a dateline's), a comma and one space ("Smyrna, ",
// "LOUISVILLE, "): where a postal code names a state.
func afterPlaceComma(text string, i int) bool {
	if i < 4 || text[i-1] != ' ' || text[i-2] != ',' {
		return false
	}
	k := i - 2
	for k > 0 && (text[k-1] >= 'a' && text[k-1] <= 'z' || text[k-1] >= 'A' && text[k-1] <= 'Z') {
		k--
	}
	return k < i-3 && text[k] >= 'A' && text[k] <= 'Z' && (k == 0 || text[k-1] < 0x80 && !isWordRune(rune(text[k-1])))
}

// cityShortForms are the cities news writes by a short form in capitals
// (or dotted: "N.Y.C.", "L.A."), by their names: "KC" and "Kansas City"
// are one place, sharing the terms of "Kansas" and "City". Read only as
// written here, case and all ("Philly", not "philly"); "LA" right after a
// place and a comma ("Marksville, LA") is Louisiana (postalStates), and
// Los Angeles elsewhere ("South LA", "in LA").
var cityShortForms = map[string]string{
	"KC": "Kansas City", "OKC": "Oklahoma City", "NYC": "New York City", "SLC": "Salt Lake City",
	"LA": "Los Angeles", "Philly": "Philadelphia",
}

// afterWestInitial reports whether the word at text[i:] follows the
// initial "W" of "W.Va." or "W. Va.", the last word of out.
func afterWestInitial(text string, i int, out []word) bool {
	if len(out) == 0 || out[len(out)-1].raw != "W" {
		return false
	}
	return strings.HasSuffix(text[:i], "W.") || strings.HasSuffix(text[:i], "W. ")
}
