package summarize

import "strings"

// leadFilters are necessary conditions of the built-in CutLead rules whose
// patterns search the whole lead window unanchored: RE2 tries them at every
// byte, about 0.15 ms each on a 500-byte lead that holds a parenthesis
// (their hint), which most wire leads do. A window that fails its rule's
// filter cannot match the pattern, so the pattern is not run on it; the
// rule cuts what it cut before.
var leadFilters = map[string]func(window string) bool{
	"lead-dateline-agency":    hasAgencyTag,
	"lead-dateline-dated-tag": hasDatedTag,
}

// agencyNames are the names the agency fragment alternates, as written.
var agencyNames = strings.Split(strings.TrimSuffix(strings.TrimPrefix(agency, "(?:"), ")"), "|")

// hasAgencyTag reports whether s holds what every match of
// lead-dateline-agency holds: an agency's name in parentheses, "(AP)", or
// "/TASS/" or "/ITAR-TASS/".
func hasAgencyTag(s string) bool {
	if strings.Contains(s, "TASS/") {
		return true // "/TASS/" and "/ITAR-TASS/" both end so
	}
	for i := strings.IndexByte(s, '('); i >= 0; {
		rest := s[i+1:]
		for _, name := range agencyNames {
			if len(rest) > len(name) && rest[len(name)] == ')' && rest[:len(name)] == name {
				return true
			}
		}
		j := strings.IndexByte(rest, '(')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// hasDatedTag reports whether s holds what every match of
// lead-dateline-dated-tag holds: " (" with an ASCII digit among the 8 bytes
// before it. The date before the tag ends in its day ("Nov 26 (") or in a
// month of at most five letters and a full stop after the day ("26 Sept. (").
func hasDatedTag(s string) bool {
	for i := strings.Index(s, " ("); i >= 0; {
		for _, c := range []byte(s[max(0, i-8):i]) {
			if '0' <= c && c <= '9' {
				return true
			}
		}
		j := strings.Index(s[i+1:], " (")
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}
