package summarize

import "strings"

// prefixFilters are necessary conditions of built-in StripPrefix rules
// that their hints and a line's first two bytes leave running on prose: a
// line that fails its rule's filter cannot match the pattern, so the
// pattern is not run on it. prefix-dateline-city-state (hinted by a dash)
// may start with any capitalised word, so it ran on most lines that held a
// dash.
var prefixFilters = map[string]func(line string) bool{
	"prefix-dateline-city-state": hasCityComma,
}

// hasCityComma reports whether line starts as every match of
// prefix-dateline-city-state does: one to three words joined by a space or
// a hyphen (letters only, so no comma among them), then ", ". The first
// comma of the line is that one, and at most two spaces or hyphens come
// before it.
func hasCityComma(line string) bool {
	i := strings.IndexByte(line, ',')
	if i < 2 || i+1 >= len(line) || line[i+1] != ' ' {
		return false
	}
	seps := 0
	for j := 0; j < i; j++ {
		if c := line[j]; c == ' ' || c == '-' {
			if seps++; seps > 2 {
				return false
			}
		}
	}
	return true
}
