package summarize

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newshound/newshound/internal/throttle"
)

// Defaults for Options fields left zero.
const (
	DefaultSentences = 3
	DefaultMaxChars  = 600
	// minMaxChars is the smallest MaxChars New accepts: below it no
	// sentence fits and every summary would be a cut-off fragment.
	minMaxChars = 40
	// maxInput is how much of Input.Text is read. Summaries come from the
	// first 40 sentences, so the rest of a long page is not worth cleaning;
	// the margin is for markup.
	maxInput = 256 << 10
)

// Options configures a Summarizer. The zero value is usable: three
// sentences, 600 characters, extractive only, logs discarded.
type Options struct {
	Sentences  int              // summary.sentences: sentences per summary, default 3
	MaxChars   int              // summary.max_chars: characters (runes) per summary, default 600
	ExtraRules []Rule           // per-source boilerplate rules from the config, after the built-in ones
	Backend    Backend          // nil means extractive only
	Scorer     *Scorer          // sentence scoring; nil means DefaultScorer (cmd/rouge -fit tries others)
	Logger     *slog.Logger     // nil discards
	Now        func() time.Time // nil means time.Now; limits backend failure logs to one a minute
}

// Input is one article to summarise. Text may contain HTML.
type Input struct {
	Title  string
	Text   string
	Source string // the source name, which selects per-source rules
	// Cleaned, when Text was cleaned already (CleanText), is that
	// cleaning: the rules are not run again over the paragraphs it kept as
	// they were. The summary is the same with it as without it.
	Cleaned Cleaned
}

// Summarizer turns article text into a short summary. It is safe for
// concurrent use.
type Summarizer struct {
	sentences int
	maxChars  int
	scorer    Scorer
	cleaner   *cleaner
	backend   Backend
	logger    *slog.Logger
	now       func() time.Time
	scratches scratches

	backendLog throttle.Log // backend failures, logged once per failureLogInterval
}

// New checks opts, fills in defaults and compiles the cleaning rules. It
// returns an error naming the option or the rule that is wrong.
func New(opts Options) (*Summarizer, error) {
	if opts.Sentences < 0 || opts.Sentences > maxCandidates {
		return nil, fmt.Errorf("summary.sentences: %d is not between 1 and %d", opts.Sentences, maxCandidates)
	}
	if opts.Sentences == 0 {
		opts.Sentences = DefaultSentences
	}
	if opts.MaxChars == 0 {
		opts.MaxChars = DefaultMaxChars
	}
	if opts.MaxChars < minMaxChars {
		return nil, fmt.Errorf("summary.max_chars: %d is below %d", opts.MaxChars, minMaxChars)
	}
	c, err := cleanerWith(opts.ExtraRules)
	if err != nil {
		return nil, fmt.Errorf("summary rules: %w", err)
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s := &Summarizer{
		sentences: opts.Sentences,
		maxChars:  opts.MaxChars,
		scorer:    defaultScorer,
		cleaner:   c,
		backend:   opts.Backend,
		logger:    opts.Logger,
		now:       opts.Now,
	}
	if opts.Scorer != nil {
		s.scorer = *opts.Scorer
	}
	s.backendLog = throttle.Log{Every: failureLogInterval, Now: opts.Now}
	return s, nil
}

// Summarize returns a summary of at most MaxChars characters: the model
// backend's when one is configured and answers, otherwise the extractive
// one. It never fails: a backend failure falls back (and is logged at
// most once a minute). It returns "" when there is nothing to say beyond
// the title: the text is empty, all boilerplate, all in capitals (a
// newscast's caption transcript: see markCapitals) or only repeats the
// title (an alert shows the title already). Only the first 256 KiB of Text
// are read.
func (s *Summarizer) Summarize(ctx context.Context, in Input) string {
	in.Text = cutAtLine(in.Text, maxInput)
	var known *Cleaned
	if in.Cleaned.by != nil {
		known = &in.Cleaned
	}
	text := s.cleaner.cleanKnowing(in.Text, in.Source, in.Title, known, nil)
	if s.backend != nil && text != "" {
		sum, err := s.viaBackend(ctx, in.Title, text)
		if err == nil {
			return sum
		}
		s.logBackendFailure(in, err)
	}
	sc := s.scratches.get()
	defer s.scratches.put(sc)
	sum := s.extractive(sc, text, in.Title)
	if sameWords(sum, in.Title) || oneWord(sum) {
		// A title too short to have terms ("0", "Live") escapes the term
		// overlap of repeatsTitle: the words themselves decide. A single
		// word ("Tornado" left of a page of weather boxes, "Developing.")
		// tells a reader nothing the title does not.
		return ""
	}
	return sum
}

// oneWord reports whether s is a single word of a script that separates its
// words by spaces: no space inside it, and no Han, kana, Hangul or Thai
// letter (a sentence of those scripts has no spaces and is kept).
func oneWord(s string) bool {
	if s == "" || strings.ContainsAny(s, " \u00a0") {
		return false
	}
	for _, r := range s {
		if r >= 0x0e00 && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)) {
			return false
		}
	}
	return true
}

// sameWords reports whether a and b hold the same letters and digits in the
// same order, whatever their case, spacing and punctuation; never for an
// empty a. It reads both strings side by side and allocates nothing, so the
// usual answer (no) costs a rune or two.
func sameWords(a, b string) bool {
	i, j := 0, 0
	any := false
	for {
		ra, na := nextWordRune(a, i)
		rb, nb := nextWordRune(b, j)
		if na < 0 || nb < 0 {
			return any && na < 0 && nb < 0
		}
		if unicode.ToLower(ra) != unicode.ToLower(rb) {
			return false
		}
		any = true
		i, j = na, nb
	}
}

// nextWordRune returns the first letter or digit of s at or after byte i
// and the index after it; -1 when there is none.
func nextWordRune(s string, i int) (rune, int) {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r, i
		}
	}
	return 0, -1
}

// extractive picks the best sentences of the cleaned text and joins them
// in article order; "" when the text has no sentence.
func (s *Summarizer) extractive(sc *scratch, text, title string) string {
	if text == "" {
		return ""
	}
	lang := detectLanguage(text, &sc.ws)
	n := sc.prepare(text, title, lang)
	if n == 0 {
		return ""
	}
	if len(sc.sents) <= s.sentences {
		if sum, done := s.whole(sc, lang); done {
			return sum
		}
	}
	sc.weigh(n)
	sc.similarity(n)
	sc.markRestated(n)
	sc.textRank(n)
	sc.scoreSentences(n, &s.scorer)
	chosen := s.choose(sc, n)
	if len(chosen) == 0 {
		// The best sentence that is no title repeat and no opening cut
		// off from the one before it ("It has 12 beds ...", or "Nurses
		// staff it." after it).
		for _, i := range sc.order {
			if !sc.repeatsTitle(i) && !sc.depends[i] && (i == 0 || !leansBack(sc.sents[i], sc.words[i], lang)) {
				return Truncate(sc.sents[i], s.maxChars)
			}
		}
		return "" // the text only repeats the title, or leans on what it left out
	}
	slices.Sort(chosen)
	return s.join(sc, chosen, lang)
}

// whole returns a short article entire, less sentences that only repeat
// the title and, when there is prose, headings, captions and an opening
// sentence that depends on one left out (see choose). done is false when
// the article does not fit in MaxChars, and the caller ranks its
// sentences instead; sum is "" with done true when the text only repeats
// the title or, once its dependent openings are left out, all that is left
// is a fragment leaning on them ("Nurses staff it.").
//
// An opening that depends on a sentence left out only for repeating the
// title ("A clinic opens in Ayr. It has 12 beds ...") brings that sentence
// back, as withPrevious does in the ranked path: the title's words once
// more cost the reader less than the facts that follow them, and a
// summary that opens on "It" reads cut off.
func (s *Summarizer) whole(sc *scratch, lang language) (sum string, done bool) {
	sc.order = sc.order[:0]
	for i := range sc.sents {
		if !sc.repeatsTitle(i) && !sc.caption[i] && !sc.repeatsKept(i) {
			sc.order = append(sc.order, i)
		}
	}
	cutOff := func(i int) bool { // sentence i opens the summary without the one before it
		return sc.depends[i] || i > 0 && leansBack(sc.sents[i], sc.words[i], lang)
	}
	if len(sc.order) > 0 && cutOff(sc.order[0]) {
		if prev := sc.order[0] - 1; titleAntecedent(sc, prev) {
			sc.order = slices.Insert(sc.order, 0, prev)
		} else {
			dropped := false
			for len(sc.order) > 1 && cutOff(sc.order[0]) {
				sc.order = sc.order[1:] // it would open the summary without what it refers to
				dropped = true
			}
			if dropped && cutOff(sc.order[0]) {
				return "", true // a fragment about what was left out
			}
		}
	}
	if len(sc.order) == 0 { // no prose: headings or captions are all there is
		for i := range sc.sents {
			if !sc.repeatsTitle(i) {
				sc.order = append(sc.order, i)
			}
		}
	}
	if len(sc.order) == 0 {
		return "", true // the text only repeats the title
	}
	total := len(sc.order) - 1
	for _, i := range sc.order {
		total += sc.runes[i]
	}
	if total > s.maxChars {
		return "", false
	}
	return s.join(sc, sc.order, lang), true
}

// repeatsKept reports whether sentence i has the same words as one
// already in sc.order: a page that carries a paragraph twice (a teaser
// box above its article, a widget repeated) would show it twice in a
// short article taken whole; the ranked path leaves it out as a
// near-duplicate (duplicates).
func (sc *scratch) repeatsKept(i int) bool {
	for _, j := range sc.order {
		if sameWords(sc.sents[i], sc.sents[j]) {
			return true
		}
	}
	return false
}

// titleAntecedent reports whether sentence i, left out for repeating the
// title, may come back as the antecedent of the sentence after it: it is
// prose (not a caption or a heading) and stands on its own (it neither
// depends on the sentence before it nor sits inside a quotation).
func titleAntecedent(sc *scratch, i int) bool {
	return i >= 0 && sc.repeatsTitle(i) && !sc.caption[i] && !sc.depends[i] && !sc.quoted[i]
}

// choose returns up to Sentences candidates in article order (see pick).
// The summary never opens on a sentence that depends on one left out ("He
// said ...", "But ..."): that one is added when both fit, else the
// dependent sentence is left out. sc.order is left sorted by score for
// the caller's fallback.
func (s *Summarizer) choose(sc *scratch, n int) []int {
	sc.order = sc.order[:0]
	for i := range n {
		sc.order = append(sc.order, i)
	}
	slices.SortStableFunc(sc.order, func(a, b int) int {
		switch {
		case sc.score[a] > sc.score[b]:
			return -1
		case sc.score[a] < sc.score[b]:
			return 1
		}
		return 0
	})
	var skip uint64 // sentences that would open the summary cut off from the one before
	for range 4 {
		chosen := s.pick(sc, n, skip)
		if len(chosen) == 0 {
			return chosen
		}
		slices.Sort(chosen)
		first := chosen[0]
		if !sc.depends[first] {
			return chosen
		}
		// The opening sentence needs the one before it: keep that one too
		// when both fit, else do without the opening sentence.
		if with := s.withPrevious(sc, chosen); with != nil {
			return with
		}
		skip |= 1 << first
	}
	for i := range n {
		if sc.depends[i] {
			skip |= 1 << i
		}
	}
	return s.pick(sc, n, skip)
}

// pick returns up to Sentences candidates in score order, skipping those
// in the skip set, fragments, captions, title repeats, restatements of an
// earlier sentence (markRestated), near-duplicates of a chosen sentence,
// sentences that no longer fit in MaxChars and
// sentences inside a quotation opened in the sentence before them unless
// that one is chosen already.
func (s *Summarizer) pick(sc *scratch, n int, skip uint64) []int {
	sc.unspend(n)
	chosen := make([]int, 0, s.sentences+1)
	used := 0
	var tried uint64
	var first float32 // the first chosen sentence's score
	for len(chosen) < s.sentences {
		// The best candidate left; scores change as sentences are chosen.
		best := -1
		for _, i := range sc.order {
			if (skip|tried)&(1<<i) == 0 && (best < 0 || sc.score[i] > sc.score[best]) {
				best = i
			}
		}
		if best < 0 {
			break
		}

		i := best
		tried |= 1 << i
		if sc.words[i] < minSentenceWords || sc.caption[i] || sc.repeatsTitle(i) || sc.restates[i] {
			continue
		}
		if sc.quoted[i] && !slices.Contains(chosen, i-1) {
			continue // a speaker's words without the speaker (appendQuoted)
		}
		need := sc.runes[i]
		if len(chosen) > 0 {
			need++
		}
		if used+need > s.maxChars || duplicates(sc, n, i, chosen) {
			continue
		}
		if len(chosen) > 0 && (s.scorer.Stop > 0 && first > 0 && sc.score[i] < float32(s.scorer.Stop)*first ||
			s.scorer.Floor != 0 && sc.score[i] < float32(s.scorer.Floor)) {
			break // this and the rest add too little beside the first (Scorer.Stop, Scorer.Floor)
		}
		if len(chosen) == 0 {
			first = sc.score[i]
		}
		chosen = append(chosen, i)
		used += need
		sc.spend(n, i)
	}
	return chosen
}

// withPrevious returns chosen (sorted, its first sentence depending on
// the one before) with that previous sentence added, dropping the
// lowest-scored other sentences until Sentences and MaxChars are kept; nil
// when the opening sentence is the text's first (there is none before it:
// see prepare), when the two sentences alone do not fit or the previous one is a
// caption, a fragment or itself depends on the one before it (by its
// opening word or by being inside a quotation).
func (s *Summarizer) withPrevious(sc *scratch, chosen []int) []int {
	first := chosen[0]
	prev := first - 1
	if prev < 0 || s.sentences < 2 || sc.caption[prev] || sc.depends[prev] || sc.quoted[prev] || sc.words[prev] < minSentenceWords {
		return nil
	}
	out := append([]int{prev}, chosen...)
	for len(out) > 2 && (len(out) > s.sentences || s.length(sc, out) > s.maxChars) {
		worst := 2
		for k := 3; k < len(out); k++ {
			if sc.score[out[k]] < sc.score[out[worst]] {
				worst = k
			}
		}
		out = slices.Delete(out, worst, worst+1)
	}
	if s.length(sc, out) > s.maxChars {
		return nil
	}
	return out
}

// length is the length in runes of the sentences at idx joined by spaces.
func (s *Summarizer) length(sc *scratch, idx []int) int {
	total := len(idx) - 1
	for _, i := range idx {
		total += sc.runes[i]
	}
	return total
}

// duplicates reports whether candidate i says what a chosen one says.
func duplicates(sc *scratch, n, i int, chosen []int) bool {
	for _, j := range chosen {
		if sc.sim[i*n+j] > duplicateSimilarity {
			return true
		}
	}
	return false
}

// join writes the sentences at idx, separated by spaces, each compressed
// (compress) in lang.
func (s *Summarizer) join(sc *scratch, idx []int, lang language) string {
	sc.out.Reset()
	// One allocation of at most the final size: dropPictureRefs only removes (a builder grown by doubling took
	// three or four for a summary of 600 bytes).
	size := len(idx)
	for _, i := range idx {
		size += len(sc.sents[i])
	}
	sc.out.Grow(size)
	for k, i := range idx {
		if k > 0 && !endsCJK(sc.sents[idx[k-1]]) {
			sc.out.WriteByte(' ')
		}
		sc.out.WriteString(compress(dropPictureRefs(sc.sents[i]), lang))
	}
	return sc.out.String()
}

// cutAtLine returns s when it has at most max bytes, else its longest
// prefix of whole lines within max bytes (or, without a line break, of
// whole runes).
func cutAtLine(s string, max int) string {
	if len(s) <= max {
		return s
	}
	if i := strings.LastIndexByte(s[:max], '\n'); i > 0 {
		return s[:i]
	}
	for max > 0 && !utf8.RuneStart(s[max]) {
		max--
	}
	return s[:max]
}

// endsCJK reports whether s ends with a CJK full stop, after which
// Chinese and Japanese put no space.
func endsCJK(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, "」』）"))
	return r == '。' || r == '！' || r == '？' || r == '｡'
}

// flatten strips markup and folds all white space of s into single spaces.
func flatten(s string) string {
	if looksLikeHTML(s) {
		s = htmlToText(s)
	}
	return normalizeSpace(strings.ReplaceAll(decodeEntities(s), "\n", " "))
}
