package main

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newshound/newshound/summarize"
)

// Furniture kinds counted in summaries. The patterns are a measuring
// stick, independent of the summarizer's own rules: they look for what a
// reader would call page furniture in an alert.
const (
	anyFurniture = "any"
	kindDangling = "dangling"
	kindUnended  = "unended"
	// kindCommentary is a line of a live sports commentary feed ("Foul by
	// Connor Jennings (Wrexham)."): machine-written, not page furniture of
	// the kinds above, so counted apart like kindUnended.
	kindCommentary = "commentary"
)

var furnitureKinds = []string{"scroll", "read-more", "share", "dateline", "byline", "timestamp", "media", "caption", "glued", "photo-ref", "unended", kindCommentary, kindDangling}

var furniturePatterns = []struct {
	kind string
	re   *regexp.Regexp
}{
	{"scroll", regexp.MustCompile(`(?i)scroll down|scroll to continue`)},
	{"read-more", regexp.MustCompile(`(?i)\bread more\b|\bclick here\b|\bcontinue reading\b`)},
	{"share", regexp.MustCompile(`(?i)\bshare this\b|share or comment|copy this link`)},
	{"dateline", regexp.MustCompile(`\((?:CNN|Reuters|AP|AFP)\)|\([^()]{2,40}\)\p{Lu}|^\p{Lu}{3,}[\p{Lu} ,.]* \([^()]{2,30}\) ?[-—–]`)},
	// A byline names a person in capitals: "By Jane Doe", "BY JANE DOE";
	// "By the time officers arrived" and "By Tuesday, the river" are prose.
	{"byline", regexp.MustCompile(`^(?:By|BY):? \p{Lu}[\p{L}.'’-]+ \p{Lu}|(?i:daily mail reporter|\bfor (?:dailymail\.com|mailonline)\b)`)},
	{"timestamp", regexp.MustCompile(`(?i)last updated|\b(?:published|updated): \d`)},
	{"media", regexp.MustCompile(`(?i)media playback|not supported on this device|image copyright|image caption|getty images|external links and will open`)},
	// A label in capitals of two words or more: a fact box or a caption
	// ("(Age 40) CURRENT JOB: Broadcaster", "VOTERS GUIDE: Compare").
	{"caption", regexp.MustCompile(`(?:^|[\s.)])(?:[A-Z][A-Z'’&-]+ ){1,4}[A-Z][A-Z'’&-]+: `)},
	// A sentence glued to the one before without a full stop, after a word
	// or after a closing quotation mark ("... 'tremendous advances' The
	// artificial brain ...").
	{"glued", regexp.MustCompile(`(?:^|\s)\p{Ll}+ (?:However|Meanwhile|But|He|She|They|It) \p{Ll}|\p{L}['’”"] (?:However,|Meanwhile,|But|He|She|They|We|It|The|An?) [\p{L}\d]|(?:^|\s)\p{Ll}+ (?:The|In|On|At|This|His|Her|Their|After|When|While|During) \p{Ll}|(?:^|\s)\p{Ll}+ (?:In|On) \d`)},
	// A caption glued to the next sentence where the caption ends on a
	// name or a figure ("... vote Labour And he warned", "... for $20 He
	// was", "... the Armenians In her book"), or a preposition capitalised
	// between two words in lower case ("... dumbing down With just two
	// million listeners"), or "The" after an object pronoun.
	{"glued", regexp.MustCompile(`\p{Lu}\p{Ll}+ (?:And|But|That['’]s|It['’]s|In|The|This|His|Her|Their|After|When|While|During) \p{Ll}|\p{Lu}\p{Ll}+ (?:Elsewhere|Meanwhile|However), |\d (?:He|She|They|We|It) \p{Ll}|(?:^|\s)\p{Ll}+ (?:With|As|Following|Despite|Although|And) \p{Ll}|\b(?:him|them|me|us) The \p{Ll}|[\p{L}\d] (?:Millions|Thousands|Hundreds|Dozens) \p{Ll}`)},
	// A live-commentary line at a sentence's start ("Foul by Connor
	// Jennings (Wrexham).", "Corner, Wrexham. Conceded by ...") or a
	// player and his team in brackets before the feed's phrase ("Chris
	// Löwe (Huddersfield Town) wins a free kick ..."). The result line,
	// "Match ends, Gateshead 2, Wrexham 1.", is not counted.
	{kindCommentary, regexp.MustCompile(`(?:^|[.!?] )(?:Foul by|Hand ball by|Dangerous play by|Attempt (?:missed|saved|blocked)\.|Corner, +\p{Lu}|Conceded by|Substitution, |Offside, |Delay in match\b[^.]*because of an injury|Delay over\.|Goal! |Own Goal by|Penalty conceded by|(?:First|Second) Half (?:begins|ends)|Lineups are announced)|\(\p{Lu}[^()]*\) (?:wins a free kick|is shown the (?:yellow|red) card|(?:left|right) footed shot|header from|tries a through ball|draws a foul)`)},
	// A photo reference: "Gordon Brown, pictured campaigning this week,
	// has ...", "(pictured)", "In the pictures O'Toole ...".
	{"photo-ref", regexp.MustCompile(`, pictured\b[^,.]{0,50},|\(pictured\b|(?i:\bin the (?:pictures|photos|images)\b|\b(?:pictured|seen) (?:left|right|above|below)\b)`)},
}

// quotedGlue finds an attributed quotation glued to the word before it:
// "... on Friday ‘I’d be over the moon,’ said Locke". Whether the word
// before is a verb of saying or a function word is checked in code.
var quotedGlue = regexp.MustCompile(`(\S+) [‘'“"]\p{Lu}(?:[^‘’“”"]|[’']\p{L}){0,400}?[,!?][’'”"] (?:[\p{L}-]+ ){0,3}(?:said|says|added|told|explained|insisted)\b`)

// surnameGlue finds a surname opening a sentence glued to a caption's
// last word: "... for the 2012 season Haskell posted ...", "... on
// Saturday Wright is ..."; it counts only when the full name ("James
// Haskell") is written earlier in the summary.
var surnameGlue = regexp.MustCompile(`(?:^|\s)(\p{L}+) (\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?) (?:is|was|has|had|will|says|said|added|told|\p{Ll}{2,}ed|\p{Ll}{2,}ly)\b`)

// introWords are the words after which a quotation or a name is prose:
// verbs of saying, function words, roles ("striker Defoe added").
var introWords = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "added": true, "saying": true, "wrote": true, "tweeted": true,
	"reading": true, "read": true, "reads": true, "called": true, "dubbed": true, "titled": true, "warned": true,
	"the": true, "a": true, "an": true, "and": true, "or": true, "but": true, "that": true, "of": true, "in": true,
	"on": true, "at": true, "to": true, "for": true, "with": true, "from": true, "by": true, "as": true, "his": true,
	"her": true, "their": true, "its": true, "when": true, "while": true, "after": true, "before": true, "because": true,
	"if": true, "than": true, "then": true, "where": true, "who": true, "which": true, "whom": true, "so": true,
	"manager": true, "boss": true, "striker": true, "captain": true, "coach": true, "chairman": true, "president": true,
	"minister": true, "leader": true, "star": true, "defender": true, "midfielder": true, "forward": true,
	"goalkeeper": true, "spokesman": true, "spokeswoman": true, "chief": true, "director": true, "judge": true,
	"wife": true, "husband": true, "son": true, "daughter": true, "brother": true, "sister": true, "mother": true,
	"father": true, "friend": true, "partner": true, "girlfriend": true, "boyfriend": true, "team-mate": true,
	"teammate": true, "colleague": true, "promoter": true, "founder": true, "owner": true, "rival": true,
}

// captionLabel finds a caption label glued after a sentence that has no
// full stop: "... last Saturday Skilful: The kite ..."; whether the word
// before ends a caption or goes on to a work's title ("the new Avengers:
// Age of Ultron", "in Captain America: Civil War.") is checked in code.
var captionLabel = regexp.MustCompile(`(?:^|\s)(\S+) \p{Lu}\p{Ll}+(?: \p{Ll}+){0,2}: (\p{Lu})`)

// subtitleEnd matches a Title-Case run that ends its sentence: "Civil
// War.", "The Force Awakens.".
var subtitleEnd = regexp.MustCompile(`^\p{Lu}[\p{L}'’-]*(?: (?:\p{Lu}[\p{L}'’-]*|of|the|a|an|in|on|at|to|for|from))*[.!?]`)

// objectVerbs take a name as their object: "... found Hockman had been
// fatally wounded" is prose.
var objectVerbs = map[string]bool{"found": true, "saw": true, "met": true, "left": true, "made": true, "heard": true, "let": true}

// gluedInCode reports the glued kinds the regular expressions cannot
// judge alone: a caption label after a word, an attributed quotation or a
// surname glued to the word before.
func gluedInCode(summary string) []string {
	var out []string
	for _, m := range captionLabel.FindAllStringSubmatchIndex(summary, -1) {
		prev := summary[m[2]:m[3]]
		if low := strings.ToLower(prev); introWords[low] || low == "new" || low == "latest" {
			continue // "release of Fall of an Empire: The Story", "the new Avengers: Age of Ultron"
		}
		if prev != strings.ToLower(prev) && subtitleEnd.MatchString(summary[m[4]:]) {
			continue // "in Captain America: Civil War."
		}
		out = append(out, "caption")
		break
	}
	for _, m := range quotedGlue.FindAllStringSubmatch(summary, -1) {
		prev := strings.ToLower(m[1])
		if r, _ := utf8.DecodeLastRuneInString(prev); !unicode.IsLetter(r) && !unicode.IsDigit(r) || introWords[prev] {
			continue
		}
		out = append(out, "glued")
		break
	}
	for _, m := range surnameGlue.FindAllStringSubmatchIndex(summary, -1) {
		prev, name := summary[m[2]:m[3]], summary[m[4]:m[5]]
		if introWords[strings.ToLower(prev)] || objectVerbs[strings.ToLower(prev)] || timeWords[prev] || strings.HasSuffix(prev, "ed") || strings.HasSuffix(prev, "ing") || strings.HasSuffix(prev, "s") {
			continue
		}
		if afterRelativeWord(summary[:m[2]]) {
			continue // "at which time Taylor exited": the clause's subject, not a new sentence
		}
		if reducedRelative.MatchString(summary[m[1]:]) {
			continue // "the handgun Campbell used was owned by ...": a clause inside a noun phrase
		}
		if p := strings.ToLower(prev); p != prev && !isDay(prev) {
			continue // "Ian Wright": a name of two words
		}
		if full := regexp.MustCompile(`\p{Lu}[\p{L}.'’-]* ` + regexp.QuoteMeta(name) + `\b`); full.MatchString(summary[:m[2]]) {
			out = append(out, "caption")
			break
		}
	}
	// A pronoun glued after a caption in Title Case: "... Arrive At The
	// Premiere He said ...". The caption capitalises three or more words
	// that prose writes in lower case; a name or a title in Title Case
	// ("Marks And Spencer", "Lord Of The Rings") has fewer.
	for _, m := range pronounAfterCapital.FindAllStringIndex(summary, -1) {
		if titleCaseFunctionWords(summary[:m[0]]) >= 3 {
			out = append(out, "glued")
			break
		}
	}
	// A caption at the end with no full stop: "... as his side went 2-0 up".
	if s := strings.TrimSpace(summary); s != "" && !endsLikeSentence(s) {
		out = append(out, kindUnended)
	}
	return out
}

// afterRelativeWord reports whether text, the summary before the word
// preceding a name, ends on a relative word that opens a clause ("at which
// time Taylor exited", "whose car Doe drove").
func afterRelativeWord(text string) bool {
	fields := strings.Fields(text)
	if len(fields) == 0 {
		return false
	}
	switch strings.ToLower(fields[len(fields)-1]) {
	case "which", "whose", "what", "whichever", "whatever":
		return true
	}
	return false
}

// pronounAfterCapital finds a subject pronoun after a capitalised word,
// before a word in lower case: where a sentence glued to a caption starts.
var pronounAfterCapital = regexp.MustCompile(`\p{Lu}[\p{L}'’-]* (?:He|She|They|It|We) \p{Ll}`)

// titleCaseFunctionWords counts the capitalised function words ("And",
// "At", "The") in the run of capitalised words ending text, past the run's
// first word; a run inside or after a quotation counts none.
func titleCaseFunctionWords(text string) int {
	words := strings.Fields(text)
	n := 0
	for i := len(words) - 1; i >= 0; i-- {
		w := words[i]
		r, _ := utf8.DecodeRuneInString(w)
		if strings.ContainsAny(w, "‘“\"") || strings.HasPrefix(w, "'") {
			return 0
		}
		if !unicode.IsUpper(r) || strings.ContainsAny(w[len(w)-1:], ",;:.)'’”") {
			break
		}
		if i > 0 && unicode.IsUpper(firstRune(words[i-1])) {
			switch w {
			case "And", "Or", "Of", "In", "On", "At", "To", "For", "With", "From", "By", "As", "The", "An", "Is", "Are", "Was", "Were", "Has", "Have", "His", "Her", "Their", "Its":
				n++
			}
		}
	}
	return n
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// reducedRelative matches what follows a name and its verb in a clause
// inside a noun phrase: the sentence's own verb.
var reducedRelative = regexp.MustCompile(`^ (?:is|was|are|were|has|had|will|would)\b`)

// timeWords and "police" before a name are prose that left out a comma:
// "Earlier this month Bobo was charged", "According to police Knowles was".
var timeWords = map[string]bool{
	"month": true, "week": true, "year": true, "weekend": true, "morning": true, "afternoon": true, "evening": true,
	"night": true, "today": true, "tonight": true, "yesterday": true, "police": true, "show": true, "believe": true,
	"report": true, "say": true, "think": true, "confirm": true, "know": true, "find": true, "reveal": true,
	"suggest": true, "mean": true,
}

func isDay(w string) bool {
	switch w {
	case "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday":
		return true
	}
	return false
}

// Furniture returns the furniture kinds found in summary, with
// anyFurniture added when there is one; dangling openings are counted by
// Dangling.
func Furniture(summary string) []string {
	var out []string
	for _, p := range furniturePatterns {
		if p.re.MatchString(summary) && !slices.Contains(out, p.kind) {
			out = append(out, p.kind)
		}
	}
	for _, k := range gluedInCode(summary) {
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	if slices.ContainsFunc(out, func(k string) bool { return k != kindUnended && k != kindCommentary }) {
		// A summary that only ends unstopped is not counted as furniture:
		// on feed teasers it is mostly an excerpt cut mid-sentence, not
		// a caption; nor is a live-commentary line; their counts are
		// printed by kind.
		out = append(out, anyFurniture)
	}
	return out
}

// dependentOpeners are words that open a sentence which depends on the one
// before it.
var dependentOpeners = map[string]bool{
	"He": true, "She": true, "They": true, "It": true, "His": true, "Her": true, "Their": true, "Its": true,
	"Him": true, "Them": true, "These": true, "Those": true, "But": true, "However": true, "And": true,
	"So": true, "Also": true, "Meanwhile": true, "Yet": true, "Still": true, "Instead": true, "Then": true,
	"Nevertheless": true, "Moreover": true, "Furthermore": true, "This": true, "Now": true,
}

// Dangling reports whether summary opens with a dependent word ("He",
// "But", ...) on a sentence that is not the first of the article as
// written: a sentence the cleaner dropped before it (a photo caption, a
// teaser) is one the opening may refer to, so the raw text decides, not
// the cleaned one. Headings and labels before it (lines without a full
// stop, or of two words: "MEMPHIS, Tenn.") do not count as sentences, and
// a dateline glued before the first sentence ("(CNN)He ...") does not move
// it.
func Dangling(summary, text string) bool {
	w := firstWord(summary)
	if !dependentOpeners[w] {
		return false
	}
	if w == "This" && !demonstrativeVerb(summary) {
		return false // "This week is ...": a demonstrative before its noun
	}
	if w == "Now" && nowInPhrase(summary) {
		return false // "Now in its third year, ...": a phrase of its own
	}
	opening := summary
	if ss := summarize.Sentences(summary); len(ss) > 0 {
		opening = ss[0]
	}
	for _, s := range summarize.Sentences(text) {
		if endsLikeSentence(s) && len(strings.Fields(s)) > 2 {
			return !strings.HasPrefix(summary, s) && !strings.HasSuffix(s, opening)
		}
	}
	return true
}

// demonstrativeVerb reports whether s opens on "This" standing for what
// came before, followed by its verb ("This would have meant ..."), as
// the summarizer reads it; "This week ..." is a demonstrative before a noun.
func demonstrativeVerb(s string) bool {
	fields := strings.Fields(strings.TrimLeft(s, `"'“‘`))
	if len(fields) < 2 {
		return true
	}
	switch fields[1] {
	case "would", "could", "will", "may", "might", "should", "was", "is", "has", "had", "means", "meant", "came",
		"comes", "led", "follows", "followed":
		return true
	}
	return false
}

// nowInPhrase reports whether s opens on "Now in ..." ("Now in its third
// year, the festival ..."), as the summarizer reads it: a phrase that
// stands alone, not "now" set against what the sentence before told.
func nowInPhrase(s string) bool {
	fields := strings.Fields(strings.TrimLeft(s, `"'“‘`))
	return len(fields) > 1 && fields[1] == "in"
}

// endsLikeSentence reports whether s ends with a full stop, a question or
// an exclamation mark, before any closing quotes or brackets.
func endsLikeSentence(s string) bool {
	s = strings.TrimRight(s, `"'”’»)] `)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "…")
}

func firstWord(s string) string {
	s = strings.TrimLeft(s, `"'“‘`)
	end := strings.IndexFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') })
	if end < 0 {
		return s
	}
	return s[:end]
}

// wildPatterns are furniture kinds seen across many outlets' pages rather
// than in the CNN/DailyMail and BBC pages Furniture was written for. They
// are checked by -furniture; each pattern is written so that the prose
// look-alikes in TestWildFurniture ("By Tuesday, the river had risen",
// "Advertisement revenue fell 3%") do not match.
var wildPatterns = []struct {
	kind string
	re   *regexp.Regexp
}{
	// "By Jane Doe, Staff Writer", "Jane Doe | The Times", "Posted by ..."
	{"byline", regexp.MustCompile(`(?:^|[.!?]["”]? )By \p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]*)+(?:,| and | \||$| \p{Lu})|\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+ \| \p{Lu}|(?i:\bstaff (?:writer|reporter)\b|\bposted by\b|\bwritten by\b)`)},
	// A stamp's time zone or 24-hour time left opening the summary ("EST
	// The storm ...", "14:05 GMT The striker ...") counts too.
	{"timestamp", regexp.MustCompile(`\b(?:Posted|Updated?|Published|Last modified|Created)(?::| at| on)? ?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d)|(?i:\b(?:posted|updated|published):)|\d{4},? (?:at )?\d{1,2}:\d{2} ?[AaPp]\.?[Mm]\b|\b\d{1,2}/\d{1,2}/\d{2,4} \d{1,2}:\d{2}|` +
		`^(?:\d{1,2}[:.]\d{2} ?(?:[A-Z]{1,3}T|UTC)|[ECMP][SD]T|GMT|BST|IST|CES?T|AE[SD]T|UTC)(?: \p{Lu}|$)`)},
	{"advert", regexp.MustCompile(`ADVERTISEMENT|\bAdvertisement(?:[.!:]?$|[.!:]? \p{Lu})|(?i:\bsponsored content\b|story continues below|article continues (?:below|after))`)},
	{"copyright", regexp.MustCompile(`©|(?i:\bcopyright (?:©|\(c\)|\d{4})|all rights reserved|may not be (?:published, broadcast|reproduced|republished)|contributed to this (?:report|story))`)},
	{"dateline", regexp.MustCompile(`(?:^|[.!?]["”]? )\p{Lu}{3,}[\p{Lu} .'’-]*(?:, \p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)?(?: \([^()]{2,30}\))? ?(?:—|–|--|-|>>) |(?:^|[.!?]["”]? )\([\p{Lu}\d][^()]{1,40}\):? (?:—|–|--|-)? ?\p{Lu}|\((?:AP|CNN|Reuters|AFP|UPI)\)|\([\d./ ]{0,4}\p{Lu}[\p{Lu}\d./&' -]{1,20}\) ?(?:—|–|--|-|\|)|` +
		// Session 36: a dated agency tag without a dash ("New Delhi, Dec 1
		// (PTI) The"), a city in capitals and a date before a colon
		// ("KATHMANDU, Dec 2: "), a city of one word in capitals opening the
		// summary ("MUMBAI: The").
		`(?:^|[.!?]["”]? )\p{Lu}[\p{L} .'’\[\]-]*,? (?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Za-z]{3,9}\.?) \([^()]{2,30}\):? \p{Lu}|` +
		`(?:^|[.!?]["”]? )\p{Lu}{3,}[\p{Lu} .'’-]*, (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}: |^\p{Lu}{5,}: \p{Lu}`)},
	{"credits", regexp.MustCompile(`(?i:\b(?:reporting|writing|editing|additional reporting) by )\p{Lu}`)},
	{"caption", regexp.MustCompile(`(?i:\bphoto(?:graph)?s?:|\bcaption\b|\bimage \d+ of \d+|\(photo[^()]*\)|\bphotos? (?:by|courtesy|credit|via)|\bcredit:|\b(?:getty images|shutterstock|ap photo)\b|\bfile photo\b|\bbuy photo\b|click to enlarge)|\(\p{Lu}\p{Ll}[\p{L}.' -]*/\p{Lu}[\p{L}\d .-]*\)`)},
	{"promo", regexp.MustCompile(`(?i:\bsign up (?:for|to)\b|\bsubscribe (?:to|now|today)\b|\bnewsletters?\b|\bfollow (?:us|@\w+|\p{L}+(?: \p{L}+)? on (?:twitter|facebook|instagram))|\blike us on\b|\bbreaking news (?:alerts|first)\b|\b(?:get|receive) (?:email|e-mail|news) (?:alerts|notifications)|\bemail notifications\b|\bnotification has been saved\b|\bdownload (?:our|the) (?:\w+ )?app\b|\bhave a (?:news )?tip\b|\bsend us your\b|\bemail this\b|\bprint this\b|\bshare (?:on|via) (?:facebook|twitter)|\bshare this\b|\bverification (?:email|message)\b|\bcheck your (?:email|spam)\b|\bterms of (?:service|use)\b|\bprivacy policy\b|\bpremium content\b|\bdigital (?:pass|subscription)\b)`)},
	{"nav", regexp.MustCompile(`(?:^|[.!?]["”]? |\s)(?i:watch|video|related|read more|photos?|gallery|listen|see also|also read|more)\s?:\s|\bRELATED\b|\bRelated (?:Articles|Stories|Content|Coverage|Links)\b|(?i:\bclick here\b|\b\d+ comments?\b|\bview comments\b|\bleave a comment\b|\bthis (?:story|article|post) (?:has been|was) (?:updated|corrected)\b|\bcheck back (?:later|for updates)\b|\bthis article is about\b)`)},
	// Session 35, seen on pages in the styles of outlets outside the dev
	// data: a writer's bio ("Michael Lee is a reporter for Fox News
	// Digital.", "Duncan covers East Africa for Reuters from Nairobi."), a
	// caption's credit after it ("…Credit...Sophie Park for The New York
	// Times", "[File: Ahmed Yusuf/AP Photo]"), a transcript or
	// print-edition notice, calls to follow the outlet, to read its latest
	// news or to pay for it, a live page's greeting, page prompts, and pay
	// walls in French.
	{"bio", regexp.MustCompile(`(?:^|[.!?]["”]? )\p{Lu}\p{L}+(?: \p{Lu}\p{L}+){0,2} (?:is an? (?:[\p{L}-]+ ){0,3}(?:reporter|correspondent|writer|editor|journalist|columnist)(?: for| at| covering)|covers [^.!?]{1,60} for (?:The )?\p{Lu})`)},
	{"credit", regexp.MustCompile(`Credit\.\.\.|(?i:transcript provided by|appears in print on)|(?:^|[.!?] )(?:— )?With assistance from \p{Lu}\p{L}+ \p{Lu}\p{L}+(?:(?:,| and) \p{Lu}\p{L}+ \p{Lu}\p{L}+)*\.?$|\[(?:File: )?\p{Lu}[^\[\]/]{1,40}/\p{Lu}[^\[\]]{0,30}\]`)},
	{"promo", regexp.MustCompile(`(?i:\blive coverage of\b|\bsave articles\b|\bfor the price of a coffee\b|\bjournalism costs\b|\b(?:catch|get|keep up with) (?:all )?the latest [\p{L} ,]{0,40}(?:news|updates)\b|\bwelcome to (?:our|the) live\b|\bwe['’]ll bring you\b|\bwill update this (?:story|article)\b|\bwas this helpful\b|\bnot responsible for the content of external|\bcontent you requested\b|réservée? aux abonnés|il vous reste [\d.,]+ ?%|, opens (?:in )?new (?:tab|window)\b|\bsign up for our (?:free )?(?:[\p{L}-]+ ){0,3}newsletter\b)`)},
	// A summary opening on a dash or a bullet: a dateline cut upstream
	// ("— The child …") or a list item.
	{"bullet", regexp.MustCompile(`^(?:[-—–•*]+|--)\s`)},
	{"page", regexp.MustCompile(`(?i:enter the characters|captcha|are you a robot|verify (?:that )?you are (?:a )?human|\bcookies?\b.{0,60}\b(?:accept|policy|consent|enable)|enable javascript|javascript (?:is )?(?:disabled|required|enabled)|your browser (?:does not|doesn't)|\bflash (?:update|player)\b|\bvideo player\b|\bautoplay\b|\bnow playing\b|\bloading\.\.\.|\bplease wait\b|\bclose (?:x|this)\b|^close\b|\bskip ad\b|\bx embed\b|\b(?:hide|show) caption\b)`)},
}

// WildFurniture returns the kinds of wildPatterns found in summary.
func WildFurniture(summary string) []string {
	var out []string
	for _, p := range wildPatterns {
		if p.re.MatchString(summary) {
			out = append(out, p.kind)
		}
	}
	return out
}

// wildMatches returns, for each wild kind found in summary, the kind and
// the text it matched ("dateline «DENVER (CBS4) – »"), to show why.
func wildMatches(summary string) []string {
	var out []string
	for _, p := range wildPatterns {
		if m := p.re.FindString(summary); m != "" {
			out = append(out, p.kind+" «"+m+"»")
		}
	}
	return out
}
