package summarize

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence compression: parts of a chosen English sentence that an alert
// can do without and that human summaries rarely carry. Only two kinds
// are cut, the two that raised ROUGE-1 on the real-news files and
// lowered no ROUGE score on any half of them (BENCHMARKS.md, "Session 32:
// compression"); ages, days, parentheticals, "according to", leading
// attributions and "who" clauses were measured and left in.
//
// The choice of sentences is made before compression, on the sentences
// as written: compression only changes what is shown.

var (
	// notSpeakers are first words of a "speaker" that is a time or a
	// clause (", said Wednesday.", ", and he said.").
	notSpeakers = wordSet("and but or as which who that this when where while so then monday tuesday wednesday thursday friday saturday sunday on last yesterday today earlier later")
	// modals make what a sentence says an opinion or a guess, which stays
	// its speaker's.
	modals = wordSet("should could would may might must can ought")
	// negations are never cut, nor what they deny; a word ending in n't
	// is one too (hasNegation).
	negations = wordSet("not no never nor none nobody nothing without deny denied denies false hoax")
	// accusations name an act someone is accused of: who did it is the
	// speaker's claim ("… shot his son, police said."), which an alert
	// must not make its own.
	accusations = wordSet("kill killed killing shot shoot shooting stab stabbed murder murdered rape raped attack attacked assault assaulted rob robbed stole stolen abuse abused kidnap kidnapped beat beaten strangled poisoned molested defrauded threatened allegedly accused suspected suspect")
	// counts are figures in words ("— eight of them fatally —", "— all of
	// them children —"): the news may be in them. An ordinal describes
	// ("— the second highest mountain in the world —").
	counts = wordSet("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions dozen dozens half quarter third all both every none several many few")
	// listOpenings open a dash "aside" that is part of what the sentence
	// reports: more of a list ("— and an unborn grandson —") or what it
	// includes ("— including a 3-year-old girl —", "— as well as …",
	// "— along with …", "— together with …", "— among them …").
	listOpenings = wordSet("and or but plus including nor even as along together among")
)

// wordSet returns the space-separated words of list as a set.
func wordSet(list string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(list) {
		set[w] = true
	}
	return set
}

// scanWords reports whether a word of s is in set, or with negation
// ends in "n't", looking at the first word only with firstOnly. A word is
// a run of letters, digits and apostrophes, less a possessive "'s"
// ("the suspect's wife"), in lower case (ASCII letters folded); words of
// more than 32 bytes are skipped, as no word of the sets is that long.
// It allocates nothing.
func scanWords(s string, set map[string]bool, negation, firstOnly bool) bool {
	var buf [32]byte
	n, long := 0, false
	for i := 0; i <= len(s); {
		r, size := utf8.RuneError, 1
		if i < len(s) {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if i <= len(s) && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’') {
			if n+size > len(buf) {
				long = true
				continue
			}
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			n += utf8.EncodeRune(buf[n:], r)
			continue
		}
		if n == 0 {
			continue
		}
		w := buf[:n]
		if len(w) > 2 && string(w[len(w)-2:]) == "'s" {
			w = w[:len(w)-2]
		} else if len(w) > 4 && string(w[len(w)-4:]) == "’s" {
			w = w[:len(w)-4]
		}
		if !long && (set[string(w)] || negation && (bytes.HasSuffix(w, []byte("n't")) || bytes.HasSuffix(w, []byte("n’t")))) {
			return true
		}
		if firstOnly {
			return false
		}
		n, long = 0, false
	}
	return false
}

// holdsWordOf reports whether s holds a word of set.
func holdsWordOf(s string, set map[string]bool) bool { return scanWords(s, set, false, false) }

// opensWithWordOf reports whether the first word of s is one of set.
func opensWithWordOf(s string, set map[string]bool) bool { return scanWords(s, set, false, true) }

// hasNegation reports whether s holds a negation ("not", "never",
// "didn't").
func hasNegation(s string) bool { return scanWords(s, negations, true, false) }

// hasFigure reports whether s holds a count, in digits or in words.
func hasFigure(s string) bool {
	return strings.ContainsAny(s, "0123456789") || holdsWordOf(s, counts)
}

// compress returns an English sentence less its attribution tail and its
// asides between dashes, when what is left reads as a sentence of at
// least minSentenceWords words; sent itself otherwise.
func compress(sent string, lang language) string {
	if lang != langEnglish {
		return sent
	}
	out := cutAttributionTail(sent)
	out = cutDashAsides(out)
	if countWords(out) < minSentenceWords {
		return sent
	}
	return out
}

// cutAttributionTail returns sent without a speaker at its end (", police
// said.") when what the speaker said can stand as the alert's own report:
// the speaker is no time or clause, the tail holds no negation, and the
// rest holds no quotation (its words would lose their speaker) and no
// modal verb (an opinion, "Blackburn should brace themselves …, manager
// Gary Bowyer has said.", is the speaker's, not the alert's), and no act
// someone is accused of (accusations). sent is returned unchanged
// otherwise.
func cutAttributionTail(sent string) string {
	if !mayEndOnSpeaker(sent) {
		return sent
	}
	at := strings.LastIndex(sent, ", ")
	if at < 0 {
		return sent
	}
	speaker, ok := speakerOf(strings.Split(sent[at+2:len(sent)-1], " "))
	if !ok {
		return sent
	}
	kept := sent[:at]
	if opensWithWordOf(speaker, notSpeakers) || hasNegation(sent[at:]) ||
		strings.ContainsAny(kept, "\"“”‘") || strings.Contains(kept, " '") ||
		holdsWordOf(kept, modals) || holdsWordOf(kept, accusations) || countWords(kept) < minSentenceWords {
		return sent
	}
	if strings.HasSuffix(kept, ".") { // "by 6 p.m., police said."
		return kept
	}
	return kept + "."
}

// mayEndOnSpeaker is speakerOf's cheap first test: a verb of
// saying in the sentence's last 80 bytes.
func mayEndOnSpeaker(sent string) bool {
	tail := sent[max(0, len(sent)-80):]
	return strings.HasSuffix(sent, ".") && (strings.Contains(tail, " said") || strings.Contains(tail, " says") ||
		strings.Contains(tail, " added") || strings.Contains(tail, " told "))
}

// cutDashAsides returns sent without its asides between two spaced dashes
// that hold no figure and no negation and do not carry on the sentence's
// list ("— and an unborn grandson —"): the sentence reads on without them
// ("Fighters from 100 nations – more than half the countries in the world
// – have joined …").
func cutDashAsides(sent string) string {
	var b strings.Builder
	last := 0 // sent[:last] is written or cut
	for {
		open, openEnd := spacedDash(sent, last)
		if open < 0 {
			break
		}
		closeAt, closeEnd := spacedDash(sent, openEnd)
		if closeAt < 0 {
			break
		}
		aside := sent[openEnd:closeAt]
		if len(aside) > maxAside || strings.ContainsAny(aside, "–—") || hasFigure(aside) || hasNegation(aside) || opensWithWordOf(aside, listOpenings) {
			// Not an aside: the closing dash may open the next one.
			b.WriteString(sent[last:closeAt])
			last = closeAt
			continue
		}
		b.WriteString(sent[last:open])
		b.WriteByte(' ')
		last = closeEnd
	}
	if last == 0 {
		return sent
	}
	b.WriteString(sent[last:])
	return b.String()
}

// maxAside is the longest aside between dashes cut, in bytes.
const maxAside = 100

// spacedDash returns where the first spaced dash (" – ", " — ", " - ",
// " -- ") at or after from starts (its leading space) and where the text
// after it starts; -1 when there is none.
func spacedDash(s string, from int) (start, end int) {
	for i := from; i < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		rest := s[i+1:]
		for _, d := range [...]string{"– ", "— ", "-- ", "- "} {
			if strings.HasPrefix(rest, d) {
				return i, i + 1 + len(d)
			}
		}
	}
	return -1, -1
}

// speakerOf returns the speaker of an attribution tail, given as the words
// after the sentence's last comma, without its full stop: "police said",
// "the force added", "a spokesman told Reuters", "astronaut Scott Kelly
// said Wednesday" (up to four words after an article, each capitalised
// or in small letters, before "said", "says", "added" or "told" and one or
// two capitalised words, then perhaps "(on) Tuesday"), or "said South
// Yorkshire Police" (a capitalised word after an article perhaps, and up
// to four more words). ok is false when the words are no such tail.
func speakerOf(words []string) (speaker string, ok bool) {
	for _, w := range words {
		if !isTailWord(w) {
			return "", false
		}
	}
	n := len(words)
	for _, day := range [...]int{0, 1, 2} { // words of a trailing "(on) Tuesday"
		if day > 0 && (n <= day || !weekdays[words[n-1]] || day == 2 && words[n-2] != "on") {
			continue
		}
		rest := words[:n-day]
		k := len(rest)
		switch {
		case k >= 2 && saidVerbs[rest[k-1]] && isSpeaker(rest[:k-1]):
			return strings.Join(rest[:k-1], " "), true
		case k >= 3 && rest[k-2] == "told" && isCapitalised(rest[k-1]) && isSpeaker(rest[:k-2]):
			return strings.Join(rest[:k-2], " "), true
		case k >= 4 && rest[k-3] == "told" && isCapitalised(rest[k-2]) && isCapitalised(rest[k-1]) && isSpeaker(rest[:k-3]):
			return strings.Join(rest[:k-3], " "), true
		}
	}
	if n >= 2 && saidVerbs[words[0]] {
		name := words[1:]
		if name[0] == "the" || name[0] == "a" {
			name = name[1:]
		}
		if len(name) >= 1 && len(name) <= 5 && isCapitalised(name[0]) {
			return strings.Join(words[1:], " "), true
		}
	}
	return "", false
}

// isSpeaker reports whether words name a speaker: an article perhaps,
// then one to four words, each capitalised or all in small letters.
func isSpeaker(words []string) bool {
	if len(words) > 0 && (words[0] == "the" || words[0] == "a" || words[0] == "an") && len(words) >= 2 && len(words) <= 5 && allSpeakerWords(words[1:]) {
		return true
	}
	return len(words) >= 1 && len(words) <= 4 && allSpeakerWords(words)
}

func allSpeakerWords(words []string) bool {
	for _, w := range words {
		if !isCapitalised(w) && !isSmallWord(w) {
			return false
		}
	}
	return true
}

// isTailWord reports whether w is a word of letters, digits, "_", "'",
// "’", "." and "-" only.
func isTailWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !(r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '\'' || r == '.' || r == '-') || r == '’') {
			return false
		}
	}
	return true
}

// isCapitalised reports whether tail word w opens on a capital A-Z.
func isCapitalised(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// isSmallWord reports whether w is letters a-z only.
func isSmallWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}

var (
	saidVerbs = wordSet("said says added")
	weekdays  = map[string]bool{"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true}
)
