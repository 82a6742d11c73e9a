package stories

import (
	"cmp"
	"encoding/binary"
	"errors"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// leadWords is how much of an article's summary or text, after its title,
// takes part in the comparison.
const leadWords = 60

// maxLeadBytes is how much of the summary or text is cleaned before the
// first leadWords words are taken: room for the furniture before the lead.
const maxLeadBytes = 2000

// minTitleWords is how many words a title needs before an identical title
// alone makes two articles one story: "Breaking news" or "Update" says
// nothing about which story it heads.
const minTitleWords = 4

// Term is a hashed word of an article's title and lead, with what kind of
// word it is.
type Term struct {
	Hash  uint32
	Flags uint8 // FlagTitle, FlagName, FlagNumber, FlagSeries
}

const (
	// FlagTitle marks a term of the title.
	FlagTitle uint8 = 1 << iota
	// FlagName marks a distinctive term: a name, a place or a number (see
	// Features).
	FlagName
	// FlagNumber marks a number ("3", "three"). A signature stored before
	// the flag existed carries its numbers as plain names.
	FlagNumber
	// FlagSeries marks a title's numbered series: a term for a word that a
	// number follows ("burst" of "burst 2", "game" of "Game 7"), and, with
	// FlagNumber, one for the word and its number; a score ("110-102") is a
	// series of its own. Series terms weigh
	// nothing; two titles that number the same word differently report two
	// events.
	FlagSeries
	// FlagCaseless marks a term of a script without capitals (Arabic,
	// Persian, Urdu: see arabic.go), distinctive when it is rare
	// (Index.named) rather than by its spelling.
	FlagCaseless
	// FlagMaybeName marks a capitalised word of a title in Title Case with
	// no lead ("Storm Bert", a feed of headlines only), where a capital
	// says nothing and no lead tells the names: shared with a name or a
	// word so marked of another article, it counts as a name (its IDF
	// still has to reach MinShared).
	FlagMaybeName
)

// Features is what the same-story decision compares of an article: its
// title's fingerprint and the terms of its title and lead.
//
// A term is a word in lower case without a plural "s", a stop word never;
// number words up to twenty are digits ("three" is "3"). A term is
// distinctive (FlagName) when it is a number, or a word written with a
// capital letter where a sentence does not start (in the lead, or in a title
// that is not in title case, or a title word the lead capitalises), but no
// weekday or month: those are how two stories of one day agree. Chinese,
// Japanese and Thai, written without spaces, are read as overlapping pairs of
// characters (a Thai character with its vowel and tone marks) ("雅安市" is "雅安", "安市"); with no capitals to tell a name,
// a pair is distinctive when an administrative suffix follows it (the
// "雅安" of "雅安市", the "石川" of "石川県") or it is Katakana, which spells
// foreign names. German, which capitalises every noun, tells names by where
// they stand (see germanNames). A US state written short is its name: "Del."
// and "Delaware", "N.J." and "New Jersey", "Smyrna, GA" and "Smyrna,
// Georgia" (see apStates). A capital letter after a noun of things named by
// letters is a name ("Storm A", "Avenue N": see letteredKinds).
type Features struct {
	Title uint64 // hash of the normalised title (lower case, Persian letters as Arabic: foldPersian); 0 when it has fewer than minTitleWords words
	Terms []Term // sorted by Hash, one per hash
}

// NewFeatures returns the features of an article: its title and the first
// leadWords words of its summary, or of its text when the summary is empty,
// after page furniture is cleaned away (see cleanLead).
func NewFeatures(title, summary, text string) Features {
	lead := summary
	if strings.TrimSpace(lead) == "" {
		lead = text
	}
	if len(lead) > maxLeadBytes {
		// the lead kept is far shorter; what lies past this cannot reach it
		cut := maxLeadBytes
		for cut > 0 && !utf8.RuneStart(lead[cut]) {
			cut--
		}
		lead = lead[:cut]
	}
	lead = cleanLead(lead)
	// cut at the end of the leadWords-th word, keeping paragraph breaks before it
	lead = lead[:endOfWords(lead, leadWords)]
	lw := words(lead)
	tw := words(title)
	completeCutWord(title, tw, lw)
	// Each word's term with its flags, then sorted and merged: a term's
	// flags are those of all its words.
	terms := make([]Term, 0, len(lw)+len(tw))
	var capped []string // the norms of the lead's distinctive words
	// German capitalises every noun: there names are told by where they
	// stand (see germanNames), not by their capital
	var leadNames, titleNames []bool
	if isGerman(lw, tw) {
		leadNames, titleNames = germanNames(lw), germanNames(tw)
	}
	for i, w := range lw {
		if w.norm == "" || w.aliased && leadNames == nil || w.alias && leadNames != nil {
			continue // German joins words with hyphens: its parts ("Hamburg-Billstedt")
		}
		var flags uint8
		if leadNames != nil && (w.number || leadNames[i]) || leadNames == nil && isDistinctive(w) {
			flags |= FlagName
			capped = append(capped, w.norm)
		}
		if w.number {
			flags |= FlagNumber
		}
		if isArabicScript(w.norm) && !arabicKindWords[w.norm] {
			flags |= FlagCaseless
		}
		terms = append(terms, Term{Hash: hash32(w.norm), Flags: flags})
	}
	titleCase := isTitleCase(tw)
	var norm []string
	for k, w := range tw {
		if k > 0 && isSeriesNumber(tw[k-1], w) {
			key := "\x00" + tw[k-1].norm
			terms = append(terms, Term{Hash: hash32(key), Flags: FlagSeries}, Term{Hash: hash32(key + "\x00" + w.norm), Flags: FlagSeries | FlagNumber})
		}
		if k > 0 && isScore(tw[k-1], w) {
			terms = append(terms, Term{Hash: hash32(scoreKey), Flags: FlagSeries}, Term{Hash: hash32(scoreKey + "\x00" + tw[k-1].norm + "-" + w.norm), Flags: FlagSeries | FlagNumber})
		}
		if w.raw != "" && !w.alias && !w.extra {
			norm = append(norm, foldPersian(strings.ToLower(w.raw)))
		}
		partsOnly := titleCase || titleNames != nil
		if w.norm == "" || w.alias && partsOnly || w.aliased && !partsOnly {
			continue
		}
		flags := FlagTitle
		named := !titleCase && isDistinctive(w)
		if titleNames != nil {
			named = titleNames[k]
		}
		if w.number || named || slices.Contains(capped, w.norm) {
			flags |= FlagName
		} else if titleCase && len(lw) == 0 && isDistinctive(w) {
			flags |= FlagMaybeName
		}
		if w.number {
			flags |= FlagNumber
		}
		if isArabicScript(w.norm) && !arabicKindWords[w.norm] {
			flags |= FlagCaseless
		}
		terms = append(terms, Term{Hash: hash32(w.norm), Flags: flags})
	}
	f := Features{}
	if len(norm) >= minTitleWords {
		f.Title = hash(strings.Join(norm, " "))
	}
	slices.SortFunc(terms, func(a, b Term) int { return cmp.Compare(a.Hash, b.Hash) })
	f.Terms = make([]Term, 0, len(terms))
	for _, t := range terms {
		if n := len(f.Terms); n > 0 && f.Terms[n-1].Hash == t.Hash {
			f.Terms[n-1].Flags |= t.Flags
			continue
		}
		f.Terms = append(f.Terms, t)
	}
	return f
}

// completeCutWord completes a title's last word when the title was cut in
// the middle of it, as feeds and pages cut long titles at a length ("… after
// shootings leave 2 dead, 6 inj", "… victim of Planned Parent"): a last word
// of letters, right at the title's end, that a word of the lead starts with
// and is longer than is that word ("injured", "Parenthood"). A word the lead
// also has whole is left as it is.
func completeCutWord(title string, tw, lw []word) {
	if len(tw) == 0 {
		return
	}
	last := &tw[len(tw)-1]
	if last.number || last.alias || last.aliased || !strings.HasSuffix(title, last.raw) {
		return
	}
	for _, r := range last.raw {
		if !unicode.IsLetter(r) {
			return
		}
	}
	var whole *word
	for k := range lw {
		w := &lw[k]
		if len(w.raw) < len(last.raw) || !strings.EqualFold(w.raw[:len(last.raw)], last.raw) {
			continue
		}
		if len(w.raw) == len(last.raw) {
			return // the lead has the word itself
		}
		if whole == nil && !w.number {
			whole = w
		}
	}
	if whole != nil {
		last.norm = whole.norm // the raw word stays: the title's fingerprint is of what it says
	}
}

// endOfWords returns the end of the n-th field of s (fields as strings.Fields
// splits them) when more follow, else len(s).
func endOfWords(s string, n int) int {
	fields, in, end := 0, false, len(s)
	for i, r := range s {
		space := unicode.IsSpace(r)
		if r < utf8.RuneSelf {
			space = asciiSpace[r]
		}
		switch {
		case space && in:
			in = false
			if fields == n {
				end = i
			}
		case !space && !in:
			in = true
			if fields++; fields > n {
				return end
			}
		}
	}
	return len(s)
}

// asciiSpace holds the ASCII bytes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// word is a word of a text: as written, normalised to a term ("" for a stop
// word), and where it stands.
type word struct {
	raw           string
	norm          string
	sentenceStart bool
	number        bool
	afterWord     bool // only spaces (or a hyphen) between it and the word before
	compound      bool // a part of a hyphenated word ("6" of "6-year-old")
	joined        bool // a part of a hyphenated word after its first ("year" and "old" of "6-year-old")
	// place: a pair of Chinese or Japanese characters that names a place
	// or a foreign name (see appendCJK), where no capital tells a name
	place bool
	// extra: a further word of what one written word names ("Jersey" of
	// "N.J.", see stateWords); the title's fingerprint leaves it out
	extra bool
	// alias: a name written with hyphens, joined ("Walmart" of
	// "Wal-Mart"); aliased: a part of it. Where a capital tells a name the
	// joined word is the term, else (a title in Title Case: "Murder-Suicide")
	// the parts are.
	alias, aliased bool
}

// words splits text into words, marking the first word of each sentence,
// line or quotation.
func words(text string) []word {
	out := make([]word, 0, len(text)/5+1)
	start := true
	spaced := false // only spaces since the last word
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			switch r {
			case '.', '!', '?', '\n', ':', '"', '“', '”', '(', ')', '—', '|', ';':
				start = true
			}
			if r != ' ' {
				spaced = false
			}
			i += size
			continue
		}
		if n, raw := initialism(text[i:]); n > 0 {
			// "D.C.", "N.Y.": one word, as "DC" and "NY" are
			w := word{raw: raw, sentenceStart: start, afterWord: spaced}
			w.norm, w.number = normalise(raw)
			if name := dottedStates[raw]; name != "" {
				out = stateWords(out, w, name) // "N.J.": New Jersey
			} else if name := cityShortForms[raw]; name != "" {
				out = stateWords(out, w, name) // "N.Y.C.", "L.A."
			} else {
				out = append(out, w)
			}
			start, spaced = true, false // its last dot may end the sentence, as any word's dot
			i += n
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
		if hasCJK(raw) {
			out = appendCJK(out, raw, start, spaced)
			start, spaced = false, true
			i = j
			continue
		}
		if strings.IndexByte(raw, '-') < 0 { // raw starts with a word rune, so it is not empty
			w := word{raw: raw, sentenceStart: start, afterWord: spaced}
			w.norm, w.number = normalise(raw)
			if raw == "Va" && j < len(text) && text[j] == '.' && afterWestInitial(text, i, out) {
				// "W.Va.", "W. Va.": West Virginia, not "W" and Virginia
				out = stateWords(out[:len(out)-1], out[len(out)-1], "West Virginia")
			} else if name := stateName(text, i, j, raw); name != "" {
				out = stateWords(out, w, name)
			} else if name := cityShortForms[raw]; name != "" {
				out = stateWords(out, w, name) // "KC": Kansas City
			} else {
				if len(raw) == 1 && raw[0] >= 'A' && raw[0] <= 'Z' && spaced && len(out) > 0 {
					if kind := letteredKinds[out[len(out)-1].norm]; kind != "" {
						// "Storm A", "Class A", "Avenue N": a letter that
						// names, not the article "a"
						w.norm = kind + "-" + strings.ToLower(raw)
					}
				}
				out = append(out, w)
			}
			start = false
			if len(raw) == 2 && j < len(text) && text[j] == '.' && w.norm != strings.ToLower(raw) && placeAbbreviations[strings.ToLower(raw)] != "" &&
				!(w.afterWord && len(out) >= 2 && isCapitalisedWord(out[len(out)-2].raw)) {
				// the dot of "St." ends no sentence: "Louis" of "St. Louis"
				// is a name; after a name ("on Elm St. Police said") it is a
				// street's, which may end one
				spaced = true
				i = j + 1
				continue
			}
		} else {
			first, named := len(out), true
			for k, part := range strings.FieldsFunc(raw, func(r rune) bool { return r == '-' }) {
				w := word{raw: part, sentenceStart: start, afterWord: spaced, compound: true, joined: k > 0}
				w.norm, w.number = normalise(part)
				out = append(out, w)
				start, spaced = false, true
				named = named && isCapitalisedWord(part)
			}
			if named && len(out)-first >= 2 {
				// "Wal-Mart" is also "Walmart", as other outlets write it
				joined := strings.ReplaceAll(raw, "-", "")
				w := word{raw: joined, sentenceStart: out[first].sentenceStart, afterWord: true, compound: true, joined: true, alias: true}
				w.norm, w.number = normalise(joined)
				for k := first; k < len(out); k++ {
					out[k].aliased = true
				}
				out = append(out, w)
			}
		}
		spaced = true
		if len(raw) > 0 && raw[len(raw)-1] == '.' {
			start = true
		}
		i = j
	}
	return out
}

// stateName returns the US state that the word text[i:j], raw, is the
// short form of, or "" (see apStates): "Del." (an AP form, its dot
// after it), "NJ" (in capitals), "GA" after a place and a comma.
func stateName(text string, i, j int, raw string) string {
	switch {
	case len(raw) < 2 || len(raw) > 5 || raw[0] < 'A' || raw[0] > 'Z':
		return ""
	case len(raw) == 2 && raw[1] >= 'A' && raw[1] <= 'Z':
		if name := dottedStates[raw]; name != "" {
			return name
		}
		if name := postalStates[raw]; name != "" && afterPlaceComma(text, i) {
			return name
		}
	case j < len(text) && text[j] == '.':
		return apStates[raw]
	}
	return ""
}

// initialism returns the length of the initialism s starts with (two or
// more capital letters, each with its dot: "D.C.", "N.Y.C.") and its letters
// ("DC"), or 0 when s starts with none. A word follows no dot in it ("Mr.
// J. Smith" has one initial, "U.S.-based" is "US" and "based").
func initialism(s string) (int, string) {
	n := 0
	for n+1 < len(s) && s[n] >= 'A' && s[n] <= 'Z' && s[n+1] == '.' {
		n += 2
	}
	if n < 4 {
		return 0, ""
	}
	if r, _ := utf8.DecodeRuneInString(s[n:]); n < len(s) && isWordRune(r) && r != '-' {
		return 0, ""
	}
	b := make([]byte, 0, n/2)
	for k := 0; k < n; k += 2 {
		b = append(b, s[k])
	}
	return n, string(b)
}

// isCapitalisedWord reports whether s is ASCII letters, the first a
// capital and the others small ("Mart", not "MART" nor "mart").
func isCapitalisedWord(s string) bool {
	if len(s) < 2 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for k := 1; k < len(s); k++ {
		if s[k] < 'a' || s[k] > 'z' {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' }

// normalise returns a word's term ("" for a stop word) and whether it is a
// number.
func normalise(raw string) (string, bool) {
	w := strings.ToLower(raw)
	// the first of "'" and "’" (IndexAny with a non-ASCII set costs more)
	i := strings.IndexByte(w, '\'')
	if strings.IndexByte(w, "’"[0]) >= 0 { // most words have no byte of it
		if j := strings.Index(w, "’"); j >= 0 && (i < 0 || j < i) {
			i = j
		}
	}
	if i >= 0 {
		w = w[:i] // "Smith's" → "smith", "don't" → "don"
	}
	if w == "" {
		return "", false
	}
	w = foldPersian(w)
	if d, ok := numberWords[w]; ok {
		return d, true
	}
	digits := true
	for _, r := range w {
		if !unicode.IsDigit(r) {
			digits = false
			break
		}
	}
	if digits {
		return strings.TrimLeft(w, "0") + "#", true // "#" keeps "3" apart from the word "3rd"
	}
	if isArabicScript(w) {
		return arabicTerm(w), false
	}
	if len(w) == 2 { // the keys of placeAbbreviations and compassPoints
		if full, ok := placeAbbreviations[w]; ok && raw[0] >= 'A' && raw[0] <= 'Z' {
			return full, false
		}
		if full, ok := compassPoints[w]; ok && strings.HasPrefix(raw, strings.ToUpper(w)) {
			return full, false
		}
	}
	if stopWords[w] || utf8.RuneCountInString(w) < 2 {
		return "", false
	}
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		w = w[:len(w)-1]
	}
	return w, false
}

// foldPersian writes Persian keheh and yeh as Arabic kaf and yeh, alef
// maksura as yeh (ک = ك, ی = ى = ي) and Arabic-Indic digits as ASCII ones
// (١٢ = ۱۲ = 12), as the query engine does (query.Terms): outlets typing
// Persian on an Arabic keyboard, or the other way round, spell one name two
// ways, and numbers, which tell Arabic-script stories apart where no
// capital marks a name, three ways. Words without those runes' lead bytes
// (0xD9, 0xDA, 0xDB) are returned as they are, without a copy.
func foldPersian(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0xD9 && c <= 0xDB {
			return strings.Map(func(r rune) rune {
				switch {
				case r == 'ک':
					return 'ك'
				case r == 'ی' || r == 'ى':
					return 'ي'
				case r >= '٠' && r <= '٩':
					return '0' + r - '٠'
				case r >= '۰' && r <= '۹':
					return '0' + r - '۰'
				}
				return r
			}, w)
		}
	}
	return w
}

// isSeriesNumber reports whether w, a word of a title, numbers the word
// before it: digits right after a word that is no stop word nor number ("burst
// 2", "Apollo 13", "Game 7"; not "dead, 3", "shot three times" nor the age of
// "kills 6-year-old").
func isSeriesNumber(prev, w word) bool {
	if !w.number || !w.afterWord || w.compound || prev.norm == "" || prev.number {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w.raw)
	return unicode.IsDigit(r)
}

// scoreKey is the series term of a title's score (see isScore).
const scoreKey = "\x00score"

// isScore reports whether w and the word before it, both of a title, are
// the two numbers of a score or a tally ("110-102", "2-1", a vote's
// "52-48"): two titles with different scores report two matches (two games
// of one team on two days), as two numbers of a series do.
func isScore(prev, w word) bool {
	if !w.joined || !prev.compound || !w.number || !prev.number {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w.raw)
	p, _ := utf8.DecodeRuneInString(prev.raw)
	return unicode.IsDigit(r) && unicode.IsDigit(p)
}

// isDistinctive reports whether a word of running text names something: a
// number, or a capitalised word that does not start a sentence and is no
// weekday or month.
func isDistinctive(w word) bool {
	if w.number {
		return true
	}
	if w.norm == "" || calendarWords[w.norm] {
		return false
	}
	if w.place {
		return true
	}
	if w.sentenceStart {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w.raw)
	return unicode.IsUpper(r)
}

// isTitleCase reports whether most of a title's words start with a capital,
// so that a capital says nothing about a name.
func isTitleCase(ws []word) bool {
	caps, n := 0, 0
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w.raw)
		if !unicode.IsLetter(r) || len(w.raw) < 4 || w.alias {
			continue
		}
		n++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return n > 0 && caps*2 > n
}

var numberWords = map[string]string{
	"one": "1#", "two": "2#", "three": "3#", "four": "4#", "five": "5#", "six": "6#", "seven": "7#", "eight": "8#",
	"nine": "9#", "ten": "10#", "eleven": "11#", "twelve": "12#", "thirteen": "13#", "fourteen": "14#",
	"fifteen": "15#", "sixteen": "16#", "seventeen": "17#", "eighteen": "18#", "nineteen": "19#", "twenty": "20#",
}

// placeAbbreviations (two letters each, as normalise and words assume) are
// the short forms place names are written with, capitalised ("St. Louis" is
// "Saint Louis", "Mt. Holly" "Mount Holly", "Ft. Worth" "Fort Worth"); in
// lower case they are other words ("6 ft").
var placeAbbreviations = map[string]string{"st": "saint", "mt": "mount", "ft": "fort"}

// letteredKinds are the nouns (as terms) of things named by a capital
// letter after them ("Storm A", "Hurricane B", "Class A misdemeanor",
// "Avenue N", "Building C", "Gate B", "Plan B"), with the term the letter's
// name is written under ("ave" is "avenue"): such a letter is a name,
// "storm-a", not the article "a" nor a dropped single letter. Two storms
// of one name are one, "Storm A" and "Storm B" two. After any other word a
// capital "A" is the article as often as not: a sentence glued to the one
// before it ("… break-in A teenager is …").
var letteredKinds = map[string]string{
	"storm": "storm", "hurricane": "hurricane", "typhoon": "typhoon", "cyclone": "cyclone",
	"class": "class", "category": "category", "plan": "plan", "group": "group", "type": "type",
	"avenue": "avenue", "ave": "avenue", "highway": "highway", "route": "route", "building": "building",
	"gate": "gate", "terminal": "terminal", "concourse": "concourse", "lot": "lot", "section": "section",
	"ward": "ward", "wing": "wing", "block": "block", "tower": "tower", "hall": "hall", "pier": "pier",
	"unit": "unit", "pod": "pod", "level": "level", "grade": "grade", "division": "division", "vitamin": "vitamin",
	"hepatitis": "hepatitis",
}

// compassPoints (two letters each, as normalise assumes) are the directions
// written in capitals ("NW Harris County", "SW Houston"), which others write
// out.
var compassPoints = map[string]string{"nw": "northwest", "ne": "northeast", "sw": "southwest", "se": "southeast"}

var calendarWords = setOf("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun " +
	"january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec " +
	"today yesterday tonight morning afternoon evening night week weekend month year day hour minute")

var stopWords = setOf("a an the and or but if of in on at to for from by with without about as into onto over under after before " +
	"during since until up down out off than then so not no nor is are was were be been being am has have had having do does did " +
	"will would shall should can could may might must it its it's this that these those there here he him his she her hers they them " +
	"their theirs we us our you your i me my who whom whose which what when where why how all any both each few more most other some " +
	"such only own same too very just also said says say according told tell mr mrs ms dr")

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// hash32 hashes a term.
func hash32(s string) uint32 { return uint32(hash(s) >> 32) }

// featuresMagic starts the stored form of Features, so that a signature of
// the older MinHash kind (256 bytes, no magic) is told apart.
const featuresMagic = 0xF5

// Bytes encodes the features for storage (articles.story_sig).
func (f Features) Bytes() []byte {
	b := make([]byte, 0, 1+8+binary.MaxVarintLen32+5*len(f.Terms))
	b = append(b, featuresMagic)
	b = binary.LittleEndian.AppendUint64(b, f.Title)
	b = binary.AppendUvarint(b, uint64(len(f.Terms)))
	for _, t := range f.Terms {
		b = binary.LittleEndian.AppendUint32(b, t.Hash)
		b = append(b, t.Flags)
	}
	return b
}

// errFeatures is what ParseFeatures says of bytes it cannot read.
var errFeatures = errors.New("not a stored story features record")

// ParseFeatures decodes what Bytes encoded. It fails on anything else, such
// as a signature stored by an older version or nil.
func ParseFeatures(b []byte) (Features, error) {
	if len(b) < 9 || b[0] != featuresMagic {
		return Features{}, errFeatures
	}
	f := Features{Title: binary.LittleEndian.Uint64(b[1:9])}
	n, k := binary.Uvarint(b[9:])
	if k <= 0 || uint64(len(b)-9-k) != 5*n {
		return Features{}, errFeatures
	}
	b = b[9+k:]
	f.Terms = make([]Term, n)
	for i := range f.Terms {
		f.Terms[i] = Term{Hash: binary.LittleEndian.Uint32(b[5*i:]), Flags: b[5*i+4]}
	}
	return f, nil
}

// hash is FNV-1a, 64 bits (hash/fnv's New64a, without its allocations).
func hash(s string) uint64 {
	const (
		offset64 = 14695981039346656037
		prime64  = 1099511628211
	)
	h := uint64(offset64)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime64
	}
	return h
}
