package bot

import (
	"strings"
	"unicode"
)

// takesID reports whether the command takes a subscription's or a source's
// number as its argument.
func takesID(command string) bool {
	switch command {
	case "mute", "unmute", "unsubscribe", "latest", "share", "fetch", "removesource":
		return true
	}
	return false
}

// asciiID returns arg in ASCII digits when it is a number written in other
// decimal digits: a Japanese keyboard's full-width "/unmute １" or an Arabic
// one's "/mute ١" got "This chat has no subscription １". A leading "#" (or
// its full-width "＃") stays "#"; any other argument is returned as it is.
func asciiID(arg string) string {
	s := strings.TrimSpace(arg)
	hash := ""
	for _, p := range []string{"#", "＃"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			s, hash = rest, "#"
			break
		}
	}
	if s == "" {
		return arg
	}
	var b strings.Builder
	b.WriteString(hash)
	for _, r := range s {
		d, ok := digitValue(r)
		if !ok {
			return arg
		}
		b.WriteByte(byte('0' + d))
	}
	return b.String()
}

// digitValue is r's value as a decimal digit of any script. Every range of
// unicode.Nd is whole runs of ten digits from zero, so the value is the
// distance from the range's start modulo ten.
func digitValue(r rune) (int, bool) {
	for _, rg := range unicode.Nd.R16 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10, true
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10, true
		}
	}
	return 0, false
}
