package summarize

import (
	"math"
	"strings"

	"unicode/utf8"
)

// Ranking constants. The sentence weights are a Scorer's (defaultScorer in
// scorer.go): set with cmd/rouge on real news (CNN/DailyMail and BBC pages
// with human summaries, checked on each half of each file) and the fixture
// set. News puts its most important sentences first, so position weighs
// about as much as word frequency; centrality adds a little on top.
const (
	maxCandidates       = 40   // sentences ranked; the O(n²) graph stays small
	damping             = 0.85 // TextRank damping factor
	rankIterations      = 50
	rankTolerance       = 1e-4 // stop iterating when no rank moves more than this share of the mean
	weightTitle         = 0.15 // share of the title's terms; the other weights are a Scorer's
	duplicateSimilarity = 0.6  // cosine above which a sentence repeats a chosen one
	titleRepeatOverlap  = 0.8  // share of a sentence's terms found in the title
	minSentenceWords    = 5    // shorter "sentences" are fragments, labels, times
	maxLabelWords       = 2    // a last line this short without a full stop is a label, not a cut-off sentence
	// minEndedBeforeCaption is how many sentences with a full stop before a
	// last line without one make that line a caption ending the page (a
	// photo's "... as his side went 2-0 up"), not a feed excerpt cut off
	// mid-sentence: a summary has enough without it either way.
	minEndedBeforeCaption = 3
)

// scratch holds every buffer one summary needs. Summarizers keep them
// between summaries (see scratches), so a steady stream of summaries
// allocates little and stems each word once.
type scratch struct {
	ws        wordScanner
	vocab     *vocabulary
	sents     []string
	runes     []int
	words     []int
	parts     []part
	caption   []bool // sentence i is a photo caption or a heading, not prose
	depends   []bool // sentence i opens with a word that needs the one before
	quoted    []bool // sentence i begins inside a quotation opened before it (appendQuoted) or is one without its speaker (markSpeakerless)
	restates  []bool // sentence i repeats an earlier prose sentence (markRestated)
	start     []int  // sentence i's terms are terms[start[i]:start[i+1]]
	terms     []int32
	counts    []float32
	weights   []float32
	norms     []float32
	df        []int32
	dfStamp   []uint32
	prob      []float32 // term ID -> share of the candidates' words that are this term (SumBasic)
	freq      []float32 // sentence i's mean term probability, scaled so the best scores 1
	static    []float32 // the part of sentence i's score that does not change while choosing
	fweight   []float32 // weight of sentence i's term frequency in its score
	feat      []float32 // sentence i's features are feat[i*NumFeatures:(i+1)*NumFeatures]
	penalty   []float32 // factor for fragments, questions, quotes, lead-ins
	freqScale float32
	spent     []spentTerm // probabilities spend changed, for unspend
	stamp     uint32
	sim       []float32
	rank      []float32
	next      []float32
	trans     []float32
	score     []float32
	order     []int
	title     []int32
	tcounts   []float32
	out       strings.Builder
}

func newScratch() *scratch {
	return &scratch{vocab: newVocabulary()}
}

// prepare splits text into candidate sentences and computes their term
// vectors in lang; it returns the number of candidates. The text's first
// sentence is marked as depending on the one before, like any other, when
// it opens on "They" or "But": the text comes cleaned (the poller cleans a
// feed's text before storing it), so a caption or a notice dropped before
// it, which "They" may refer to, cannot be known here (choose lets another
// sentence open).
func (s *scratch) prepare(text, title string, lang language) int {
	s.vocab.maybeReset()
	s.sents = appendSentences(s.sents[:0], text)
	s.parts = s.parts[:0]
	split := false
	for i, sent := range s.sents {
		before := len(s.parts)
		s.parts = appendParts(s.parts, sent, lang)
		if i == 0 && keepLead(s.parts[before:], text) {
			split = true // a part's text changed: the candidates are the parts
		} else if i > 0 && i < leadLines && len(s.parts)-before == 1 && keepDatelineLead(&s.parts[before], sent, text, !endedAtLeast(s.sents[:i], 1)) {
			// The sentences before the dateline were a caption or a teaser,
			// as the cleaner takes the lines before one (see CutLead).
			for k := range s.parts[:before] {
				s.parts[k].caption = true
			}
			split = true
		}
		split = split || len(s.parts)-before > 1
		if len(s.parts) >= maxCandidates {
			break
		}
	}
	// The candidates are the parts whenever a sentence was split: counting
	// them is not enough, as the parts stop at maxCandidates and may then
	// number as many as the text's sentences.
	if split || len(s.parts) != len(s.sents) {
		s.sents = s.sents[:0]
		for _, p := range s.parts {
			s.sents = append(s.sents, p.text)
		}
	}
	n := min(len(s.sents), maxCandidates)
	s.start = s.start[:0]
	s.terms, s.counts, s.runes, s.words = s.terms[:0], s.counts[:0], s.runes[:0], s.words[:0]
	s.caption, s.depends = s.caption[:0], s.depends[:0]
	for i := range n {
		s.start = append(s.start, len(s.terms))
		s.terms, s.counts = s.vocab.appendTerms(s.terms, s.counts, lang, s.sents[i], &s.ws)
		s.runes = append(s.runes, utf8.RuneCountInString(s.sents[i]))
		s.words = append(s.words, countWords(s.sents[i]))
		// A line without a full stop is a heading, unless it ends the text
		// with more than a word or two: a feed excerpt cut off mid-sentence.
		// One or two words there are a label (a footer's topic list:
		// "Related Topics", "Turkey", "Earthquakes"), not a sentence. A
		// line of a live sports commentary is never offered either.
		s.caption = append(s.caption, s.parts[i].caption || !endsSentence(s.sents[i]) && (i < len(s.sents)-1 || s.words[i] <= maxLabelWords || endedAtLeast(s.sents[:i], minEndedBeforeCaption)) || commentaryLine(s.sents[i]))
		s.depends = append(s.depends, dependsOnPrevious(s.sents[i], lang))
	}
	if lang == langEnglish && opensInCapital(s.sents[:n]) {
		for i := range n {
			s.depends[i] = s.depends[i] || cutFromItsStart(s.sents[i], lang)
		}
	}
	if !s.markCapitals(n) {
		return 0
	}
	s.quoted = appendQuoted(s.quoted[:0], s.sents[:n])
	markSpeakerless(s.quoted, s.sents[:n])
	s.start = append(s.start, len(s.terms))
	s.title, s.tcounts = s.vocab.appendTerms(s.title[:0], s.tcounts[:0], lang, title, &s.ws)
	return n
}

// weigh turns term counts into tf-idf weights over the n candidates, idf
// computed among the candidates themselves, and stores each vector's norm.
func (s *scratch) weigh(n int) {
	if need := len(s.vocab.stems); len(s.df) < need {
		s.df = append(s.df, make([]int32, need-len(s.df))...)
		s.dfStamp = append(s.dfStamp, make([]uint32, need-len(s.dfStamp))...)
	}
	if need := len(s.vocab.stems); len(s.prob) < need {
		s.prob = append(s.prob, make([]float32, need-len(s.prob))...)
	}
	s.spent = s.spent[:0] // what the last article spent is not to be undone in this one
	s.stamp++
	var words float32
	for k, id := range s.terms {
		if s.dfStamp[id] != s.stamp {
			s.dfStamp[id], s.df[id], s.prob[id] = s.stamp, 0, 0
		}
		s.df[id]++
		s.prob[id] += s.counts[k]
		words += s.counts[k]
	}
	if words > 0 {
		for _, id := range s.terms {
			if s.dfStamp[id] == s.stamp {
				s.dfStamp[id] = s.stamp + 1 // normalise each term once
				s.prob[id] /= words
			}
		}
		s.stamp++
	}
	s.weights = s.weights[:0]
	s.norms = s.norms[:0]
	for i := range n {
		var norm float32
		for k := s.start[i]; k < s.start[i+1]; k++ {
			idf := float32(math.Log(1 + float64(n)/float64(s.df[s.terms[k]])))
			w := s.counts[k] * idf
			s.weights = append(s.weights, w)
			norm += w * w
		}
		s.norms = append(s.norms, float32(math.Sqrt(float64(norm))))
	}
}

// similarity fills the n×n cosine similarity matrix of the candidates.
func (s *scratch) similarity(n int) {
	s.sim = grow(s.sim, n*n)
	for i := range n {
		s.sim[i*n+i] = 0
		for j := i + 1; j < n; j++ {
			c := s.cosine(i, j)
			s.sim[i*n+j], s.sim[j*n+i] = c, c
		}
	}
}

// markRestated sets s.restates: sentence i says what an earlier prose
// sentence (not a caption, not a fragment) said, cosine above
// duplicateSimilarity. News restates its facts further down ("Bader
// described it as 'the most brilliant escape conception of this war'." after
// "The fighter ace went on to describe it as ..."), often in fewer words, so
// word frequency favours the restatement; the first statement is the one
// to offer, and the duplicate test in pick would refuse both together
// anyway. similarity must have run.
func (s *scratch) markRestated(n int) {
	s.restates = grow(s.restates, n)
	for i := range n {
		s.restates[i] = false
		for j := range i {
			if s.sim[i*n+j] > duplicateSimilarity && s.words[j] >= minSentenceWords && !s.caption[j] {
				s.restates[i] = true
				break
			}
		}
	}
}

// cosine is the cosine of the tf-idf vectors of sentences i and j; both
// term lists are sorted, so one merge pass computes the dot product.
func (s *scratch) cosine(i, j int) float32 {
	if s.norms[i] == 0 || s.norms[j] == 0 {
		return 0
	}
	a, aEnd := s.start[i], s.start[i+1]
	b, bEnd := s.start[j], s.start[j+1]
	var dot float32
	for a < aEnd && b < bEnd {
		switch ta, tb := s.terms[a], s.terms[b]; {
		case ta == tb:
			dot += s.weights[a] * s.weights[b]
			a++
			b++
		case ta < tb:
			a++
		default:
			b++
		}
	}
	return dot / (s.norms[i] * s.norms[j])
}

// textRank runs power iteration over the similarity graph (LexRank with
// weighted edges) and leaves each sentence's centrality in s.rank, scaled
// so that twice the average rank or more scores 1. Scaling by the maximum
// instead would blow small differences up in short, sparse articles.
func (s *scratch) textRank(n int) {
	s.rank, s.next, s.trans = grow(s.rank, n), grow(s.next, n), grow(s.trans, n*n)
	// Row-normalised transition weights; s.sim stays as it is for the
	// duplicate test in choose.
	for j := range n {
		var sum float32
		row := s.sim[j*n : j*n+n]
		for _, v := range row {
			sum += v
		}
		t := s.trans[j*n : j*n+n]
		for i, v := range row {
			if sum > 0 {
				t[i] = v / sum
			} else {
				t[i] = 0
			}
		}
		s.rank[j] = 1 / float32(n)
	}
	base := (1 - damping) / float32(n)
	for range rankIterations {
		for i := range n {
			s.next[i] = 0
		}
		for j := range n {
			rj := damping * s.rank[j]
			t := s.trans[j*n : j*n+n]
			for i, w := range t {
				s.next[i] += w * rj
			}
		}
		var delta float32
		for i := range n {
			s.next[i] += base
			delta = max(delta, abs32(s.next[i]-s.rank[i]))
		}
		s.rank, s.next = s.next, s.rank
		if delta < rankTolerance/float32(n) {
			break
		}
	}
	for i := range n {
		s.rank[i] = min(s.rank[i]*float32(n)/2, 1)
	}
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

// scoreSentences weighs each sentence's features by sc into s.score (see
// Scorer), with the title overlap and the penalty for its form. The
// frequency part changes as sentences are chosen (see choose), so its
// weight is kept apart in s.fweight, the rest in s.static.
func (s *scratch) scoreSentences(n int, sc *Scorer) {
	s.score, s.static, s.penalty, s.fweight = grow(s.score, n), grow(s.static, n), grow(s.penalty, n), grow(s.fweight, n)
	s.features(n, sc)
	for i := range n {
		f := s.feat[i*int(NumFeatures) : (i+1)*int(NumFeatures)]
		var static float32
		for k, w := range sc.Weights {
			if Feature(k) != FeatureFrequency && Feature(k) != FeatureFreqLength && w != 0 {
				static += float32(w) * f[k]
			}
		}
		s.static[i] = static + weightTitle*s.titleCoverage(i)
		s.fweight[i] = float32(sc.Weights[FeatureFrequency]) + float32(sc.Weights[FeatureFreqLength])*f[FeatureLength]
		s.penalty[i] = s.penaltyOf(i)
	}
	s.frequencies(n)
}

// frequencies sets s.freq to each sentence's mean term probability and
// s.score to the combined score.
func (s *scratch) frequencies(n int) {
	s.meanProbabilities(n, false)
	for i := range n {
		v := s.static[i] + s.fweight[i]*s.freq[i]*s.freqScale
		if v >= 0 {
			s.score[i] = v * s.penalty[i]
		} else {
			s.score[i] = v / s.penalty[i] // a penalty lowers a negative score too
		}
	}
}

// meanProbabilities sets s.freq to each sentence's mean term probability;
// with scale it first finds the scale that makes the best sentence's
// frequency 1 (kept in s.freqScale).
func (s *scratch) meanProbabilities(n int, scale bool) {
	s.freq = grow(s.freq, n)
	var best float32
	for i := range n {
		var sum float32
		for k := s.start[i]; k < s.start[i+1]; k++ {
			sum += s.prob[s.terms[k]]
		}
		if t := s.start[i+1] - s.start[i]; t > 0 {
			sum /= float32(t)
		}
		s.freq[i] = sum
		best = max(best, sum)
	}
	if scale {
		s.freqScale = 0
		if best > 0 {
			s.freqScale = 1 / best
		}
	}
}

// spend sets the probability of sentence i's terms to 0 once it is
// chosen, so that the next choice is scored by what it says that is new,
// and rescores. SumBasic squares the probability instead; in a short
// article a name or a key word can hold a twentieth of the words, and
// squared it still lifts every later sentence that repeats it ("The force
// has appealed for witnesses to the collision" after "... the motorcyclist
// killed in the collision ..."). Any power from the third up chooses as 0
// does on the news of cmd/rouge; BENCHMARKS.md, eleventh round.
func (s *scratch) spend(n, i int) {
	for k := s.start[i]; k < s.start[i+1]; k++ {
		id := s.terms[k]
		s.spent = append(s.spent, spentTerm{id, s.prob[id]})
		s.prob[id] = 0
	}
	s.frequencies(n)
}

// spentTerm is a term probability as it was before spend changed it.
type spentTerm struct {
	id   int32
	prob float32
}

// unspend undoes every spend since the last unspend and rescores.
func (s *scratch) unspend(n int) {
	if len(s.spent) == 0 {
		return
	}
	for k := len(s.spent) - 1; k >= 0; k-- {
		s.prob[s.spent[k].id] = s.spent[k].prob
	}
	s.spent = s.spent[:0]
	s.frequencies(n)
}

// titleCoverage is the share of title terms that sentence i contains.
func (s *scratch) titleCoverage(i int) float32 {
	if len(s.title) == 0 {
		return 0
	}
	return float32(s.overlap(i)) / float32(len(s.title))
}

// repeatsTitle reports whether sentence i says little beyond the title.
func (s *scratch) repeatsTitle(i int) bool {
	terms := s.start[i+1] - s.start[i]
	if len(s.title) == 0 || terms == 0 {
		return false
	}
	return float32(s.overlap(i)) >= titleRepeatOverlap*float32(terms) && terms <= len(s.title)+2
}

// overlap counts the distinct terms sentence i shares with the title.
func (s *scratch) overlap(i int) int {
	a, aEnd := s.start[i], s.start[i+1]
	b := 0
	n := 0
	for a < aEnd && b < len(s.title) {
		switch ta, tb := s.terms[a], s.title[b]; {
		case ta == tb:
			n++
			a++
			b++
		case ta < tb:
			a++
		default:
			b++
		}
	}
	return n
}

// countWords counts the runs of letters or digits in s; in scripts
// written without spaces (Han, Kana) every two characters count as a word.
func countWords(s string) int {
	n, cjk := 0, 0
	in := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf { // ASCII: no rune to decode, never CJK
			w := isASCIIWord(c)
			if w && !in {
				n++
			}
			in = w
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if isCJK(r) {
			cjk++
			in = false
			continue
		}
		w := isWordRune(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n + (cjk+1)/2
}

// grow returns buf resized to n elements, reusing its array when it can.
func grow[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n)
	}
	return buf[:n]
}

// endedAtLeast reports whether at least n of sents end like a sentence.
func endedAtLeast(sents []string, n int) bool {
	for _, sent := range sents {
		if endsSentence(sent) {
			if n--; n <= 0 {
				return true
			}
		}
	}
	return n <= 0
}

// markCapitals keeps sentences in capitals (inCapitals) out of the
// summary: when the n candidates hold prose in mixed case (a sentence of
// minSentenceWords words or more that is neither a caption nor in
// capitals), each one in capitals is marked as a caption, for it is a
// newscast's transcript or shouting pasted into the page; when they hold
// none, the text is in capitals and markCapitals returns false: it gets no
// summary, and the alert shows its title. Recasing such a text to sentence
// case would write "detroit" and "anthony ray", and nothing here knows
// which words are names.
func (s *scratch) markCapitals(n int) bool {
	var capitals uint64 // n <= maxCandidates < 64
	prose := false
	for i := range n {
		if inCapitals(s.sents[i]) {
			capitals |= 1 << i
		} else if !s.caption[i] && s.words[i] >= minSentenceWords {
			prose = true
		}
	}
	if capitals == 0 {
		return true
	}
	if !prose {
		return false
	}
	for i := range n {
		if capitals&(1<<i) != 0 {
			s.caption[i] = true
		}
	}
	return true
}
