package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Feature names one input of a sentence's score; a Scorer weighs them.
// Every feature is between 0 and about 2, so that the weights compare.
type Feature int

// The features of a sentence, in the order of Scorer.Weights.
const (
	FeatureBias       Feature = iota // always 1
	FeaturePosition                  // 1/(1+i/2) for the i-th sentence, from 0
	FeatureFirst                     // 1 for the first sentence
	FeatureRelative                  // i/n: how far into the candidates the sentence is
	FeatureCentrality                // LexRank centrality, twice the mean rank or more scoring 1
	FeatureFrequency                 // mean term probability (SumBasic), the best sentence 1; falls as sentences are chosen
	FeatureFreqLength                // FeatureFrequency × FeatureLength: long sentences of frequent words
	FeatureLength                    // words / 25, at most 2
	FeatureLead                      // highest cosine to the first three sentences (other than itself)
	FeatureNumbers                   // share of the words that hold a digit
	FeatureCapitals                  // share of the words, the first one aside, that start with a capital
	FeatureQuote                     // 1 when the sentence holds a quotation mark
	NumFeatures                      // the number of features
)

var featureNames = [NumFeatures]string{
	"bias", "position", "first", "relative", "centrality", "frequency", "freqLength", "length", "lead", "numbers",
	"capitals", "quote",
}

// String is the feature's short name, as cmd/rouge -fit prints it.
func (f Feature) String() string {
	if f < 0 || f >= NumFeatures {
		return "feature?"
	}
	return featureNames[f]
}

// Scorer turns a sentence's features into its score: the dot product of
// Weights and the features, times a penalty for fragments, questions,
// quotes and lead-ins (kept whatever the weights), plus 0.15 × the share of
// the title's terms the sentence holds. Sentences are then chosen best
// first while they fit (see Options).
type Scorer struct {
	Weights [NumFeatures]float64
	// Stop ends a summary early: after the first sentence, one is added
	// only while its score is at least Stop × the first one's. 0 always
	// fills the summary to Options.Sentences.
	Stop float64
	// Floor ends a summary early too: after the first sentence, one is
	// added only while its score is at least Floor. 0 never stops.
	Floor float64
}

// DefaultScorer is the scorer a Summarizer uses when Options.Scorer is
// nil: the hand-set weights of the earlier rounds (see defaultScorer).
func DefaultScorer() Scorer {
	return defaultScorer
}

// defaultScorer: the hand-set weights of the first rounds of issue 13
// (frequency 0.70, centrality 0.30, position 0.45). Weights learned by
// cmd/rouge -fit (BENCHMARKS.md, fifth round) did no better on held-out
// articles, so these stay.
var defaultScorer = Scorer{Weights: [NumFeatures]float64{
	FeaturePosition:   0.45,
	FeatureCentrality: 0.30,
	FeatureFrequency:  0.70,
}}

// features fills s.feat with the NumFeatures features of each of the n
// candidates; weigh, similarity and textRank must have run. With a
// scorer, the costlier features it gives no weight stay 0.
func (s *scratch) features(n int, sc *Scorer) {
	lead := sc == nil || sc.Weights[FeatureLead] != 0
	shares := sc == nil || sc.Weights[FeatureNumbers] != 0 || sc.Weights[FeatureCapitals] != 0 || sc.Weights[FeatureQuote] != 0
	s.feat = grow(s.feat, n*int(NumFeatures))
	s.meanProbabilities(n, true)
	for i := range n {
		f := s.feat[i*int(NumFeatures) : (i+1)*int(NumFeatures)]
		clear(f)
		f[FeatureBias] = 1
		f[FeaturePosition] = 1 / (1 + float32(i)/2)
		if i == 0 {
			f[FeatureFirst] = 1
		}
		f[FeatureRelative] = float32(i) / float32(n)
		f[FeatureCentrality] = s.rank[i]
		f[FeatureFrequency] = s.freq[i] * s.freqScale
		f[FeatureLength] = min(float32(s.words[i])/25, 2)
		f[FeatureFreqLength] = f[FeatureFrequency] * f[FeatureLength]
		if lead {
			for j := range min(3, n) {
				if j != i {
					f[FeatureLead] = max(f[FeatureLead], s.sim[i*n+j])
				}
			}
		}
		if shares {
			f[FeatureNumbers], f[FeatureCapitals], f[FeatureQuote] = wordShares(s.sents[i])
		}
	}
}

// wordShares returns the share of the words of sent holding a digit, the
// share of its words after the first starting with a capital, and 1 when
// it holds a quotation mark.
func wordShares(sent string) (numbers, capitals, quote float32) {
	words, digits, caps := 0, 0, 0
	in, hasDigit := false, false
	for _, r := range sent {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		if word && !in {
			words++
			if words > 1 && unicode.IsUpper(r) {
				caps++
			}
			hasDigit = false
		}
		if word && unicode.IsDigit(r) && !hasDigit {
			hasDigit = true
			digits++
		}
		if !word {
			switch r {
			case '"', '“', '”', '«', '»', '„':
				quote = 1
			}
		}
		in = word
	}
	if words == 0 {
		return 0, 0, quote
	}
	numbers = float32(digits) / float32(words)
	if words > 1 {
		capitals = float32(caps) / float32(words-1)
	}
	return numbers, capitals, quote
}

// penaltyOf is the factor for sentence i's form: fragments, lines ending
// in a colon, lower-case openings, questions and quotes score less.
func (s *scratch) penaltyOf(i int) float32 {
	sent := s.sents[i]
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(sent, `"'”’»)`))
	first, _ := utf8.DecodeRuneInString(sent)
	switch {
	case s.words[i] < minSentenceWords:
		return 0.1
	case last == ':':
		return 0.3
	case unicode.IsLower(first):
		return 0.5
	case last == '?':
		return 0.6
	case isOpenQuote(first) && first != '(':
		return 0.8 // summaries report facts; quotes are colour
	}
	return 1
}

// SentenceFeatures is one candidate sentence of an article as the
// extractive summarizer sees it.
type SentenceFeatures struct {
	Text string
	// Eligible is false for what is never chosen: fragments, captions
	// and headings, sentences that only repeat the title or restate an
	// earlier sentence.
	Eligible bool
	Penalty  float64
	Features [NumFeatures]float64
}

// Features returns the candidate sentences of in's cleaned text with their
// features, in article order, for fitting a Scorer (cmd/rouge -fit). It
// returns nil when the text has no sentence. It uses neither the backend
// nor the scorer.
func (s *Summarizer) Features(in Input) []SentenceFeatures {
	in.Text = cutAtLine(in.Text, maxInput)
	text := s.cleaner.clean(in.Text, in.Source, in.Title)
	if text == "" {
		return nil
	}
	sc := s.scratches.get()
	defer s.scratches.put(sc)
	lang := detectLanguage(text, &sc.ws)
	n := sc.prepare(text, in.Title, lang)
	if n == 0 {
		return nil
	}
	sc.weigh(n)
	sc.similarity(n)
	sc.markRestated(n)
	sc.textRank(n)
	sc.features(n, nil)
	out := make([]SentenceFeatures, n)
	for i := range n {
		out[i] = SentenceFeatures{
			Text:     sc.sents[i],
			Eligible: sc.words[i] >= minSentenceWords && !sc.caption[i] && !sc.repeatsTitle(i) && !sc.restates[i],
			Penalty:  float64(sc.penaltyOf(i)),
		}
		for k, v := range sc.feat[i*int(NumFeatures) : (i+1)*int(NumFeatures)] {
			out[i].Features[k] = float64(v)
		}
	}
	return out
}
