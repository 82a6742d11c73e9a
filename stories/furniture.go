package stories

import (
	"regexp"
	"slices"
	"strings"
)

// furnitureRule is a regular expression matching page furniture, with a
// cheap test that must hold of a paragraph for the expression to match.
type furnitureRule struct {
	re *regexp.Regexp
	// mayMatch reports whether re can match the paragraph p, given lower,
	// p with its ASCII letters in lower case. It must never say false
	// where re matches; it may say true where re does not.
	mayMatch func(p, lower string) bool
}

// furniture matches a paragraph, or the part of one, that a page wraps
// around every article rather than what the article says: timestamp lines,
// gallery and photo captions' labels, comment and notification prompts,
// advertising labels and share buttons.
var furniture = []furnitureRule{
	// "Posted: Monday, May 27, 2014 4:43 PM EDT Updated: …", "(Published Tuesday, April 21, 2015)"
	{regexp.MustCompile(`(?i)\(?\b(posted|updated|published|last updated|last modified)\b:?\s+(on\s+)?[^.]*?\b\d{1,2}:\d{2}\s*([ap]\.?m\.?)?(\s*[A-Z]{2,4}T\b)?\)?`),
		func(_, lower string) bool { return strings.IndexByte(lower, ':') >= 0 && hasStampWord(lower) }},
	{regexp.MustCompile(`(?i)\(?\b(posted|updated|published)\b:?\s+(on\s+)?((mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\)?`),
		func(_, lower string) bool { return hasStampWord(lower) }},
	// "Image 1 of 10", "Photo: Courtesy …", "Caption Close"
	{regexp.MustCompile(`(?i)\bimage \d+ of \d*\b`),
		func(_, lower string) bool { return strings.Contains(lower, "image ") }},
	{regexp.MustCompile(`(?i)^(photo|caption|video|file photo)\b[^.]*$`),
		func(p, lower string) bool {
			return strings.IndexByte(p, '.') < 0 && (strings.HasPrefix(lower, "photo") || strings.HasPrefix(lower, "caption") ||
				strings.HasPrefix(lower, "video") || strings.HasPrefix(lower, "file photo"))
		}},
	// single-word labels
	{regexp.MustCompile(`(?i)^\s*(advertisement|close|caption|share|tweet|email|print|comments?|story continues below|continue reading)\s*$`),
		// p is trimmed, so the match is the whole of p, at most 21 bytes
		func(p, _ string) bool { return len(p) <= 21 }},
	// a video playlist's entries, each a duration and a clip's title: "1:36 K9 competition is a chance for police
	// dogs to show off Pause", "16:37 Reporter discusses the case"; a clock time ("9:15 p.m. update:", "4:14 PM
	// MONDAY:") stays
	{regexp.MustCompile(`^\d{1,2}:\d{2} (?:[A-Z][a-z0-9]|[A-Z]{3}|[A-Z] |['"‘“])[^\n]*$`),
		func(p, _ string) bool {
			return len(p) > 5 && (p[1] == ':' || p[2] == ':') && '0' <= p[0] && p[0] <= '9'
		}},
	// video and gallery widgets: "Hide Transcript Show Transcript", "Copy Link Copy", "Skip Ad Ad Loading...",
	// "View Full Caption Shutterstock"
	{regexp.MustCompile(`(?i)\b((hide|show) transcript|copy link( copy)?|skip ad|view full caption|related content)\b|\bad loading\b\.*`),
		func(_, lower string) bool {
			return containsAny(lower, "transcript", "copy link", "skip ad", "view full caption", "related content", "ad loading")
		}},
}

// hasStampWord reports whether lower holds a word a timestamp label starts
// with.
func hasStampWord(lower string) bool {
	return containsAny(lower, "posted", "updated", "published", "last modified")
}

// furniturePhrases are the phrases of a whole paragraph that is page
// furniture: prompts to the reader rather than news. A paragraph holding one
// of them in any case goes.
var furniturePhrases = []string{"you must enter the characters", "get email notifications", "your notification has been saved",
	"problem saving your notification", "email notifications are only sent", "you'll get an email", "sign up for", "subscribe to",
	"follow us on", "share this", "read more", "click here", "all rights reserved", "copyright", "this material may not be",
	"javascript", "your browser", "media playback", "verification email", "confirmation email", "just one more thing",
	"already have an account", "thank you for registering", "please sign in", "sign in using", "terms of service",
	"privacy policy", "activate your profile", "activate your account", "why are we asking this", "watch this story"}

// furnitureParagraph matches a paragraph holding one of furniturePhrases,
// case-insensitively as regexp's (?i) folds: the Kelvin sign matches "k"
// and the long s "s", which a lower-cased literal test would miss.
var furnitureParagraph = regexp.MustCompile(`(?i)(` + quoteAll(furniturePhrases) + `)`)

func quoteAll(phrases []string) string {
	q := make([]string, len(phrases))
	for i, p := range phrases {
		q[i] = regexp.QuoteMeta(p)
	}
	return strings.Join(q, "|")
}

// cleanLead returns text without its page furniture (see furniture): whole
// paragraphs that prompt the reader go, timestamp and caption labels are cut
// out of the ones that stay, and a paragraph that repeats an earlier one (a
// gallery caption shown twice) is kept once.
//
// The regular expressions cost most of the features' CPU; each runs only
// where its cheap test (see furnitureRule) passes on the paragraph in lower
// case, which gives the same result as running them all.
//
// The only non-ASCII runes that (?i) folds to ASCII letters are U+212A
// KELVIN SIGN (to k) and U+017F LATIN SMALL LETTER LONG S (to s): a
// paragraph holding one is tested by the regular expressions alone.
func cleanLead(text string) string {
	paras := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	keep := make([]string, 0, len(paras))
	for _, p := range paras {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		// the traps as bytes: cheaper than ContainsAny, and the same, since
		// no valid encoding starts inside another
		exact := strings.Contains(p, "\u212a") || strings.Contains(p, "\u017f")
		lower := asciiLower(p)
		if exact {
			if furnitureParagraph.MatchString(p) {
				continue
			}
		} else if hasFurniturePhrase(lower) {
			continue
		}
		for _, r := range furniture {
			if !exact && !r.mayMatch(p, lower) {
				continue
			}
			if q := strings.TrimSpace(r.re.ReplaceAllString(p, " ")); q != p {
				p = q
				lower = asciiLower(p)
			}
		}
		// A paragraph seen before is dropped: the lead (maxLeadBytes) has
		// few, so a look through those kept costs less than a map.
		if p == "" || slices.Contains(keep, p) {
			continue
		}
		keep = append(keep, p)
	}
	return strings.Join(keep, "\n")
}

// phrasesByFirst holds furniturePhrases by their first byte.
var phrasesByFirst = func() (t [256][]string) {
	for _, p := range furniturePhrases {
		t[p[0]] = append(t[p[0]], p)
	}
	return t
}()

// phrasePairs has, for each first byte of a furniture phrase, the bit
// (second byte mod 64) of each second byte that follows it in one: a
// position whose two bytes lack their bit begins no phrase.
var phrasePairs = func() (t [256]uint64) {
	for _, p := range furniturePhrases {
		t[p[0]] |= 1 << (p[1] & 63)
	}
	return t
}()

// hasFurniturePhrase reports whether lower holds one of furniturePhrases:
// containsAny(lower, furniturePhrases...) in one pass over lower instead
// of one a phrase.
func hasFurniturePhrase(lower string) bool {
	for i := 0; i+1 < len(lower); i++ { // every phrase has two bytes or more
		if phrasePairs[lower[i]]&(1<<(lower[i+1]&63)) == 0 {
			continue
		}
		for _, p := range phrasesByFirst[lower[i]] {
			if lower[i+1] == p[1] && strings.HasPrefix(lower[i:], p) {
				return true
			}
		}
	}
	return false
}

// containsAny reports whether s holds one of subs.
func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// asciiLower returns s with A–Z in lower case and every other byte as it
// is; s itself when it has no upper-case ASCII letter.
func asciiLower(s string) string {
	i := 0
	for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if 'A' <= b[i] && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}
