package stories

import (
	"math/rand"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// referenceFurniture and referenceParagraph are the furniture expressions
// as they were before cleanLead tested paragraphs cheaply first; cleanLead
// must give what running them all gives.
var referenceFurniture = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\(?\b(posted|updated|published|last updated|last modified)\b:?\s+(on\s+)?[^.]*?\b\d{1,2}:\d{2}\s*([ap]\.?m\.?)?(\s*[A-Z]{2,4}T\b)?\)?`),
	regexp.MustCompile(`(?i)\(?\b(posted|updated|published)\b:?\s+(on\s+)?((mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\)?`),
	regexp.MustCompile(`(?i)\bimage \d+ of \d*\b`),
	regexp.MustCompile(`(?i)^(photo|caption|video|file photo)\b[^.]*$`),
	regexp.MustCompile(`(?i)^\s*(advertisement|close|caption|share|tweet|email|print|comments?|story continues below|continue reading)\s*$`),
	regexp.MustCompile(`^\d{1,2}:\d{2} (?:[A-Z][a-z0-9]|[A-Z]{3}|[A-Z] |['"‘“])[^\n]*$`),
	regexp.MustCompile(`(?i)\b((hide|show) transcript|copy link( copy)?|skip ad|view full caption|related content)\b|\bad loading\b\.*`),
}

var referenceParagraph = regexp.MustCompile(`(?i)(you must enter the characters|get email notifications|your notification has been saved|problem saving your notification|email notifications are only sent|you'll get an email|sign up for|subscribe to|follow us on|share this|read more|click here|all rights reserved|copyright|this material may not be|javascript|your browser|media playback|verification email|confirmation email|just one more thing|already have an account|thank you for registering|please sign in|sign in using|terms of service|privacy policy|activate your (profile|account)|why are we asking this|watch this story)`)

func referenceCleanLead(text string) string {
	paras := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var keep []string
	seen := map[string]bool{}
	for _, p := range paras {
		p = strings.TrimSpace(p)
		if p == "" || referenceParagraph.MatchString(p) {
			continue
		}
		for _, re := range referenceFurniture {
			p = strings.TrimSpace(re.ReplaceAllString(p, " "))
		}
		if p == "" || seen[p] {
			continue
		}
		seen[p] = true
		keep = append(keep, p)
	}
	return strings.Join(keep, "\n")
}

// furnitureSamples are pieces of paragraphs, furniture and news, that
// TestCleanLeadSameAsExpressions strings together.
var furnitureSamples = []string{
	"Posted: Monday, May 26, 2014 4:43 PM EDT", "Updated: Tuesday, July 22, 2014 4:43 PM EDT", "(Published Tuesday, April 21, 2015)",
	"last modified on 3 June 12:05 p.m.", "POSTED Jan. 3, 2015", "posted online", "updated 12:30", "Image 1 of 10", "image 3 of",
	"Photo: Courtesy of the family", "Caption", "Video shows the crash", "File photo by AP", "Advertisement", "Close", "share",
	"Story continues below", "Continue Reading", "Comments", "Hide Transcript Show Transcript", "Copy Link Copy", "Skip Ad",
	"Ad Loading...", "View Full Caption", "Related Content", "Sign up for our newsletter", "Follow us on X", "Click here",
	"You'll get an email", "Activate your Account", "Watch this story", "Copyright 2024", "JavaScript is off",
	"A man was shot in Dayton.", "Police said.", "ORLANDO, Fla. —", "the transcript of the call", "Photo", "Email", "Print",
	"\u212aelvin", "\u017fhare", "\u017fign up for", "clic\u212a here", "\u017fkip Ad", "Po\u017fted: May 3, 2014", "Ad\u017f",
	"ſhare", "Photo.", "1:36 K9 competition is a chance for police dogs to show off Pause", "16:37 Reporter discusses", "9:15 p.m. update:", "4:14 PM MONDAY:", "0:48 'All", "1:0", "  ", "\u00a0", "\t", "é", "Я", "2014", "4:43", "PM", "EDT", "on",
}

// TestCleanLeadSameAsExpressions checks that testing paragraphs cheaply
// before running the furniture expressions changes no result.
func TestCleanLeadSameAsExpressions(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	seps := []string{" ", "\n", "\r\n", "\n\n", ", ", ""}
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.Intn(6) + 1; n > 0; n-- {
			s := furnitureSamples[r.Intn(len(furnitureSamples))]
			switch r.Intn(3) {
			case 0:
				s = strings.ToUpper(s)
			case 1:
				s = strings.ToLower(s)
			}
			b.WriteString(s)
			b.WriteString(seps[r.Intn(len(seps))])
		}
		in := b.String()
		if got, want := cleanLead(in), referenceCleanLead(in); got != want {
			t.Fatalf("cleanLead(%q) = %q, the expressions alone give %q", in, got, want)
		}
	}
}

// FuzzCleanLead checks the same on any text.
func FuzzCleanLead(f *testing.F) {
	for _, s := range furnitureSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if got, want := cleanLead(in), referenceCleanLead(in); got != want {
			t.Fatalf("cleanLead(%q) = %q, the expressions alone give %q", in, got, want)
		}
	})
}

// referenceWords is words as it was before its fast paths (FieldsFunc on
// every word, no capacity guessed).
func referenceWords(text string) []word {
	var out []word
	start := true
	i, prevEnd := 0, -1 // prevEnd: where the last word's scan ended
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			switch r {
			case '.', '!', '?', '\n', ':', '"', '“', '”', '(', ')', '—', '|', ';':
				start = true
			}
			i += size
			continue
		}
		// only spaces and hyphens (words of no letter) since the last word
		after := prevEnd >= 0 && strings.Trim(text[prevEnd:i], " -") == ""
		if m := regexp.MustCompile(`^(?:[A-Z]\.){2,}`).FindString(text[i:]); m != "" && (len(m) == len(text[i:]) || !isWordRune(firstRune(text[i+len(m):])) || text[i+len(m)] == '-') {
			// an initialism, "D.C.": one word, its last dot a sentence's end
			raw := strings.ReplaceAll(m, ".", "")
			w := word{raw: raw, sentenceStart: start, afterWord: after}
			w.norm, w.number = normalise(raw)
			out = append(out, w)
			if name := dottedStates[raw]; name != "" {
				out = referenceState(out, name) // "N.J.": New Jersey
			} else if name := cityShortForms[raw]; name != "" {
				out = referenceState(out, name)
			}
			start, prevEnd, i = true, i+len(m)-1, i+len(m)
			continue
		}
		j := i
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if !isWordRune(r) && !(r == '\'' || r == '’') {
				break
			}
			j += size
		}
		raw := strings.TrimRight(text[i:j], "'’")
		if hasCJK(raw) { // pairs of characters, checked apart in TestChineseAndJapaneseStories
			out = appendCJK(out, raw, start, after)
			start, prevEnd, i = false, j, j
			continue
		}
		parts := strings.FieldsFunc(raw, func(r rune) bool { return r == '-' })
		first := len(out)
		for k, part := range parts {
			w := word{raw: part, sentenceStart: start, afterWord: after || k > 0, compound: strings.Contains(raw, "-"), joined: k > 0}
			w.norm, w.number = normalise(part) // checked apart in FuzzWords
			out = append(out, w)
			start = false
		}
		if !strings.Contains(raw, "-") {
			// a state written short: "Del.", "NJ", "Smyrna, GA"
			caps := regexp.MustCompile(`^[A-Z][A-Z]$`).MatchString(raw)
			afterPlace := regexp.MustCompile(`(?:^|[\x00-\x2c\x2e-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f])[A-Z][A-Za-z]+, $`).MatchString(text[:i])
			dotted := j < len(text) && text[j] == '.' && regexp.MustCompile(`^[A-Z][a-z]{1,4}$`).MatchString(raw)
			west := raw == "Va" && j < len(text) && text[j] == '.' && first > 0 && out[first-1].raw == "W" && regexp.MustCompile(`W\. ?$`).MatchString(text[:i])
			switch {
			case west: // the "W" before it is the template
				out = referenceState(out[:first], "West Virginia")
			case caps && dottedStates[raw] != "":
				out = referenceState(out, dottedStates[raw])
			case caps && postalStates[raw] != "" && afterPlace:
				out = referenceState(out, postalStates[raw])
			case dotted && apStates[raw] != "":
				out = referenceState(out, apStates[raw])
			case cityShortForms[raw] != "":
				out = referenceState(out, cityShortForms[raw])
			case regexp.MustCompile(`^[A-Z]$`).MatchString(raw) && after && first > 0 && letteredKinds[out[first-1].norm] != "":
				// "Storm A": the letter names
				out[first].norm = letteredKinds[out[first-1].norm] + "-" + strings.ToLower(raw)
			}
		}
		capitalised := regexp.MustCompile(`^[A-Z][a-z]+$`)
		if strings.Contains(raw, "-") && len(parts) >= 2 && !slices.ContainsFunc(parts, func(p string) bool { return !capitalised.MatchString(p) }) {
			// "Wal-Mart": also "Walmart", its parts aliased
			w := word{raw: strings.Join(parts, ""), sentenceStart: out[first].sentenceStart, afterWord: true, compound: true, joined: true, alias: true}
			w.norm, w.number = normalise(w.raw)
			for k := first; k < len(out); k++ {
				out[k].aliased = true
			}
			out = append(out, w)
		}
		street := after && first > 0 && capitalised.MatchString(out[first-1].raw) // "Elm St."
		if !strings.Contains(raw, "-") && j < len(text) && text[j] == '.' && placeAbbreviations[strings.ToLower(raw)] != "" && raw[0] >= 'A' && raw[0] <= 'Z' && !street {
			// "St.": its dot ends no sentence
			prevEnd, i = j+1, j+1
			continue
		}
		prevEnd = j
		if len(raw) > 0 && raw[len(raw)-1] == '.' {
			start = true
		}
		i = j
	}
	return out
}

// referenceState makes the last word of out the state's name: its term
// that of the name's first word, a word marked extra for each other one.
func referenceState(out []word, name string) []word {
	last := out[len(out)-1]
	out = out[:len(out)-1]
	for k, part := range strings.Split(name, " ") {
		w := last
		w.norm, _ = normalise(part)
		if k > 0 {
			w.extra, w.afterWord, w.sentenceStart = true, true, false
		}
		out = append(out, w)
	}
	return out
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

// FuzzWords checks words against referenceWords, and normalise's cut at
// the first apostrophe against IndexAny.
func FuzzWords(f *testing.F) {
	for _, s := range []string{"Smith's don’t O’Neil's-x re-elect --", "A - b -- c-d-", "’'x'’y", "\xe2’\x80", "In D.C. St. Louis's Wal-Mart, NW's U.S.-based N.Y.C.é Ft.-x on Elm St. Police", "Dover, Del. N.J. NJ, Smyrna, GA LOUISVILLE, KY é, GA x-Ab, CA Ill. ill. Miss Mass. OR", "Storm A hits Ave N, Class A; Shot A man; storm - B; Lot-C", "W.Va. W. Va. w.Va. W.Va KC, OKC N.Y.C. L.A. Marksville, LA in LA Philly"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if got, want := words(in), referenceWords(in); !slices.Equal(got, want) {
			t.Fatalf("words(%q) = %v, want %v", in, got, want)
		}
		cut := in // as written: "St" and "NW" read by their capitals
		if k := strings.IndexAny(in, "'’"); k >= 0 {
			cut = in[:k]
		}
		got, _ := normalise(in)
		want, _ := normalise(cut)
		if got != want {
			t.Fatalf("normalise(%q) = %q, normalise of it cut at IndexAny = %q", in, got, want)
		}
	})
}

// TestFurniturePhrasesFoundInOnePass: hasFurniturePhrase (a two-byte
// check, then the phrases of the first byte) says what containsAny over
// every phrase says, on random strings of the phrases' pieces, letters and
// punctuation.
func TestFurniturePhrasesFoundInOnePass(t *testing.T) {
	rnd := rand.New(rand.NewSource(18))
	var pieces []string
	for _, p := range furniturePhrases {
		pieces = append(pieces, p, p[:len(p)/2], p[len(p)/2:], p[:len(p)-1])
	}
	pieces = append(pieces, " ", "a", "the ", ".", "\n", "é", "ſ", "?", "@")
	for range 50_000 {
		var b strings.Builder
		for range rnd.Intn(8) {
			b.WriteString(pieces[rnd.Intn(len(pieces))])
		}
		s := b.String()
		if got, want := hasFurniturePhrase(s), containsAny(s, furniturePhrases...); got != want {
			t.Fatalf("hasFurniturePhrase(%q) = %v, containsAny says %v", s, got, want)
		}
	}
}
