package summarize

import "strings"

// pictureWords are the words of a photo reference in a sentence: "(left)",
// "(far right)", "(second from left)", "(centre)", "(above)".
var pictureWords = map[string]bool{
	"left": true, "right": true, "centre": true, "center": true, "above": true, "below": true, "top": true,
	"bottom": true, "inset": true, "middle": true, "far": true, "second": true, "third": true, "from": true, "to": true,
	"front": true, "back": true, "row": true,
}

// pictureSides are the words of which a photo reference needs one.
var pictureSides = map[string]bool{
	"left": true, "right": true, "centre": true, "center": true, "above": true, "below": true, "top": true,
	"bottom": true, "inset": true, "middle": true,
}

// dropPictureRefs removes from sent the bracketed references to a photo
// on the page — "Fred Goodwin (pictured) was among …", "Isco (left) and
// James Rodriguez (right)", "(pictured in 2013)" — which point at nothing
// in an alert. A bracket is one when it opens with "pictured" or holds
// only the words of a position ("far left", "second from right") and at
// least one side. Anything else in brackets ("(Nato)", "(left-wing)",
// "(right to buy)") stays.
func dropPictureRefs(sent string) string {
	if !strings.Contains(sent, " (") {
		return sent
	}
	var b strings.Builder
	rest := sent
	for {
		i := strings.Index(rest, " (")
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i+2:], ')')
		if j < 0 {
			break
		}
		inner := rest[i+2 : i+2+j]
		if !isPictureRef(inner) {
			b.WriteString(rest[:i+2])
			rest = rest[i+2:]
			continue
		}
		b.WriteString(rest[:i])
		rest = rest[i+2+j+1:]
	}
	if b.Len() == 0 {
		return sent
	}
	b.WriteString(rest)
	return b.String()
}

// isPictureRef reports whether inner, a bracket's text, refers to a photo.
func isPictureRef(inner string) bool {
	words := strings.Fields(inner)
	if len(words) == 0 {
		return false
	}
	if words[0] == "pictured" {
		return true
	}
	side := false
	for _, w := range words {
		if !pictureWords[w] {
			return false
		}
		side = side || pictureSides[w]
	}
	return side
}
