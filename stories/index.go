package stories

import (
	"math"
	"strings"
	"time"
)

// Thresholds of the same-story decision (see Index.Match).
const (
	// MinCosine is the least TF-IDF cosine of two articles' terms that can
	// make them one story, for two articles published at the same moment.
	MinCosine = 0.11
	// CosinePerDay is how much the least cosine rises for every day between
	// two articles' publication times (pro rata): a story's reports cluster
	// in its first hours, while the same words a day or two later more often
	// tell of another event of the same kind. Two days apart, at the edge
	// of the default window, the least cosine is 0.15.
	CosinePerDay = 0.02
	// MinCosineAnyName is the cosine (raised with the time between the
	// articles as MinCosine is) at or above which any distinctive term the
	// two articles share will do, however common: reports this much alike
	// that name one town are one story, though they name no victim.
	MinCosineAnyName = 0.3
	// MinShared is the least summed IDF of the distinctive terms two
	// articles share: one name that few articles carry, or two commoner
	// ones; a weekday or a number every story has does not reach it.
	MinShared = 3.0
	// MinSharedTerms is the least number of terms two articles must share
	// to be one story by their words (an identical title or address aside):
	// one word in common is a coincidence however short the two are.
	MinSharedTerms = 2
	// MinSharedTermsNumbersOnly is how many terms two articles whose only
	// shared distinctive terms are numbers must share: "burst 2" and "Storm
	// number 2" share a number and a word, which tells nothing of one
	// event; long reports that agree on four terms and their numbers may be.
	MinSharedTermsNumbersOnly = 4
	// YoungStream is how many articles the frequencies must have counted
	// before shared numbers alone can reach MinShared: on fewer, how
	// common "2" or "5" is cannot be told (a new bot that knows 24 articles
	// gives a number two of them carry an IDF of 2.3, so "five wounded" and
	// "2 a.m." sum past MinShared), and two same-day shootings in two towns
	// were one story on them and the words every report has. Until then
	// the distinctive terms that reach MinShared must include a name.
	YoungStream = 150
	// YoungCosine is how much higher the least cosine (MinCosine, with
	// CosinePerDay) is for a new bot whose frequencies have counted no
	// article, falling in step to nothing at YoungCosineUntil articles: on
	// a few dozen articles a word every report of a kind has ("teen",
	// "accidental", the "County" of two counties' names) is as rare as a
	// victim's name, so two reports of one kind reach MinCosine and
	// MinShared on them. Reports this alike (MinCosineAnyName) are not
	// held back.
	YoungCosine = 0.06
	// YoungCosineUntil is how many articles the frequencies count before
	// the least cosine is MinCosine again (see YoungCosine).
	YoungCosineUntil = 100
	// CrowdCosine is how much higher still the least cosine is for a new
	// bot that links every article it has counted (none has left the
	// window: the first fetch of many sources at once, all linked), falling
	// in step to nothing at CrowdCosineUntil articles, and in proportion
	// as the articles counted have left the window. Each new report is then
	// compared with every other report of its kind the frequencies were
	// learned on, so the best of many chance likenesses on words of a kind
	// ("4 shot", "accidental", "teen") reaches MinCosine: two shootings of
	// one night in Dayton and in Cincinnati's Evanston were one story at a
	// cosine of 0.17 (storyeval -first 150 -shuffle: 54% of joins wrong).
	// Articles counted over days, most of them gone from the window, are
	// compared with few at a time: their least cosine is not raised so.
	CrowdCosine = 0.12
	// CrowdCosineUntil is how many articles the frequencies count before
	// a crowded window no longer raises the least cosine (see CrowdCosine).
	CrowdCosineUntil = 200
	// titleWeight multiplies the weight of a term of the title.
	titleWeight = 2.0
	// maxPosting is how many window articles may carry a distinctive term
	// before it stops finding candidates: a term that common cannot reach
	// MinShared alone, and following it would cost a comparison with most
	// of the window.
	maxPosting = 400
	// maxTerms is how many terms the document frequencies hold before they
	// are halved, forgetting the rarest and the oldest.
	maxTerms = 1 << 18
)

// Frequencies counts, for each term, how many of the articles seen carried
// it: document frequencies learned from the stream. The zero value is empty
// and ready.
type Frequencies struct {
	df       map[uint32]uint32
	n        float64
	caseless float64 // how many of the articles carried a caseless term (FlagCaseless)
	gen      int64   // moves on every genSize articles, and when the counts are halved
}

// genSize is how many articles the frequencies count before the weights
// cached from them are recomputed: a small step of the IDF.
const genSize = 256

// Add counts one article's terms.
func (q *Frequencies) Add(f Features) {
	if q.df == nil {
		q.df = map[uint32]uint32{}
	}
	if len(q.df) >= maxTerms {
		for h, c := range q.df {
			if c <= 1 {
				delete(q.df, h)
			} else {
				q.df[h] = c / 2
			}
		}
		q.n /= 2
		q.caseless /= 2
		q.gen++
	}
	caseless := false
	for _, t := range f.Terms {
		if t.Flags&FlagSeries == 0 {
			q.df[t.Hash]++
		}
		caseless = caseless || t.Flags&FlagCaseless != 0
	}
	if caseless {
		q.caseless++
	}
	q.n++
	if int64(q.n)%genSize == 0 {
		q.gen++
	}
}

// IDF returns a term's inverse document frequency: ln((N+1)/(df+0.5)),
// high for a term never seen.
func (q *Frequencies) IDF(h uint32) float64 {
	return math.Log((q.n + 1) / (float64(q.df[h]) + 0.5))
}

// rare reports whether a caseless term is distinctive: at most rareLeast,
// or rareShare of the caseless articles seen, carried it (see arabic.go).
func (q *Frequencies) rare(h uint32) bool {
	return float64(q.df[h]) <= max(rareLeast, rareShare*q.caseless)
}

// named reports whether a term is distinctive: a name, a place or a number
// by its spelling (FlagName), or a rare caseless term.
func (x *Index) named(t Term) bool {
	return t.Flags&FlagName != 0 || t.Flags&FlagCaseless != 0 && x.Freq.rare(t.Hash)
}

// posted is the flags of the terms that find candidates: the distinctive
// ones, and the caseless ones, which may be (Index.named).
const posted = FlagName | FlagCaseless | FlagMaybeName

// Index holds the articles of the window and decides which story a new one
// belongs to. It does no I/O; it is not safe for concurrent use.
type Index struct {
	Freq Frequencies
	// NearDuplicate is the cosine at or above which two articles sharing
	// any distinctive term are one story, however common the term (copies
	// of one text); 0 turns the rule off.
	NearDuplicate float64

	docs   map[int64]*doc
	post   map[uint32][]*doc // distinctive term → window articles carrying it
	titles map[uint64][]*doc
	seq    int64
	stamp  int64 // marks the candidates of one Match
}

// doc is an article in the window.
type doc struct {
	id, story int64
	f         Features
	at        time.Time // when it was published; zero when not known
	seq       int64     // order of arrival: the oldest wins a tie
	seen      int64     // the stamp of the last Match that considered it
	w         []float64 // the terms' weights, as of generation gen
	norm      float64
	gen       int64
}

// weights returns the document's term weights and their norm, recomputed
// when the frequencies have moved on a generation.
func (x *Index) weights(d *doc) ([]float64, float64) {
	if d.w != nil && d.gen == x.Freq.gen {
		return d.w, d.norm
	}
	if d.w == nil {
		d.w = make([]float64, len(d.f.Terms))
	}
	var norm float64
	for i, t := range d.f.Terms {
		d.w[i] = x.weight(t)
		norm += d.w[i] * d.w[i]
	}
	d.norm, d.gen = math.Sqrt(norm), x.Freq.gen
	return d.w, d.norm
}

// NewIndex returns an empty Index.
func NewIndex() *Index {
	return &Index{docs: map[int64]*doc{}, post: map[uint32][]*doc{}, titles: map[uint64][]*doc{}}
}

// Len returns how many articles the window holds.
func (x *Index) Len() int { return len(x.docs) }

// Has reports whether the article is in the window.
func (x *Index) Has(id int64) bool { _, ok := x.docs[id]; return ok }

// Add puts an article of the given story, published at the given time
// (zero when not known), into the window; an article already there is left
// alone. It does not count the article's terms: that is Freq.Add's job, once
// per article.
func (x *Index) Add(id, story int64, f Features, at time.Time) {
	if x.Has(id) {
		return
	}
	x.seq++
	d := &doc{id: id, story: story, f: f, seq: x.seq, at: at}
	x.docs[id] = d
	for _, t := range f.Terms {
		if t.Flags&posted != 0 {
			x.post[t.Hash] = append(x.post[t.Hash], d)
		}
	}
	if f.Title != 0 {
		x.titles[f.Title] = append(x.titles[f.Title], d)
	}
}

// Remove takes an article out of the window; an unknown one is ignored.
func (x *Index) Remove(id int64) {
	d, ok := x.docs[id]
	if !ok {
		return
	}
	delete(x.docs, id)
	for _, t := range d.f.Terms {
		if t.Flags&posted != 0 {
			x.post[t.Hash] = without(x.post[t.Hash], d)
			if len(x.post[t.Hash]) == 0 {
				delete(x.post, t.Hash)
			}
		}
	}
	if d.f.Title != 0 {
		x.titles[d.f.Title] = without(x.titles[d.f.Title], d)
		if len(x.titles[d.f.Title]) == 0 {
			delete(x.titles, d.f.Title)
		}
	}
}

func without(ds []*doc, d *doc) []*doc {
	for i, o := range ds {
		if o == d {
			return append(ds[:i], ds[i+1:]...)
		}
	}
	return ds
}

// Match returns the story of the window an article with these features,
// published at the given time (zero when not known), belongs to, and
// whether there is one. The rules, in order:
//  1. an identical title (of at least minTitleWords words) is the same story;
//     the oldest such article's story wins;
//  2. otherwise the article joins the story of the window article most alike,
//     by the TF-IDF cosine of their terms (title terms weigh double), when
//     the cosine is at least MinCosine, plus CosinePerDay for each day between
//     their publication times when both are known, and the distinctive terms they share
//     (names, places, numbers) sum to an IDF of at least MinShared; the
//     oldest wins a tie; but never when both titles name something (a
//     distinctive term) and neither article carries any name of the other's
//     title: two towns, two victims; at a cosine of MinCosineAnyName (raised
//     with the time between them likewise) or NearDuplicate or more any shared
//     distinctive term will do, but however alike, not when both titles
//     name places or people (no numbers) and neither article carries a name
//     of the other's title (a direction both titles carry, the "Southwest"
//     of "Southwest Philadelphia" and "SW Houston", names nothing);
//  3. but whatever the cosine, two articles are one story by their words only
//     when they share at least MinSharedTerms terms, and a distinctive term
//     that is not a number or at least MinSharedTermsNumbersOnly terms: short
//     items ("emojitest burst 1", "emojitest silent one") reach a high cosine
//     on one word and a number;
//  4. and never when both titles number the same word differently ("burst 1"
//     and "burst 2", "Game 6" and "Game 7"): two of a series.
func (x *Index) Match(f Features, at time.Time) (int64, bool) {
	if f.Title != 0 {
		if ds := x.titles[f.Title]; len(ds) > 0 {
			return oldest(ds).story, true
		}
	}
	x.stamp++
	query := &doc{f: f}
	qw, qnorm := x.weights(query)
	if qnorm == 0 {
		return 0, false
	}
	qTitleNames, qWordNames, caseless := 0, 0, false
	for _, t := range f.Terms {
		if t.Flags&FlagTitle != 0 && x.named(t) {
			qTitleNames++
		}
		if wordName(t.Flags) {
			qWordNames++
		}
		caseless = caseless || t.Flags&FlagCaseless != 0
	}
	young := 0.0 // the least cosine's rise on a young stream (YoungCosine)
	if x.Freq.n < YoungCosineUntil {
		young = YoungCosine * (1 - x.Freq.n/YoungCosineUntil)
	}
	if x.Freq.n < CrowdCosineUntil && x.Freq.n > 0 {
		young = math.Max(young, CrowdCosine*(1-x.Freq.n/CrowdCosineUntil)*math.Min(1, float64(len(x.docs))/x.Freq.n))
	}
	var best *doc
	bestScore := 0.0
	for _, t := range f.Terms {
		if t.Flags&posted == 0 {
			continue
		}
		ds := x.post[t.Hash]
		if len(ds) > maxPosting {
			continue
		}
		for _, d := range ds {
			if d.seen == x.stamp {
				continue
			}
			d.seen = x.stamp
			l := x.compare(f.Terms, qw, qnorm, d)
			if qTitleNames > 0 && l.found == 0 && l.missing {
				continue // the titles name things the other article does not carry at all
			}
			if l.series && !l.sameNumber {
				continue // "Game 6" and "Game 7": two of a series
			}
			if l.terms < MinSharedTerms || l.names == 0 && l.terms < MinSharedTermsNumbersOnly {
				continue // too little in common to tell: one word, or a number and little else
			}
			least := minCosine(at, d.at)
			alike := l.cos >= least-MinCosine+MinCosineAnyName || x.NearDuplicate > 0 && l.cos >= x.NearDuplicate
			if caseless && l.shared == 0 {
				// Caseless words alike are words of a kind ("blast",
				// "refinery", "left dead"): without a rare one or a number
				// in common, two reports of a kind are not one.
				alike = false
			}
			if !alike && (l.cos < least+young || l.shared < MinShared) {
				continue
			}
			if !alike && l.names == 0 && x.Freq.n < YoungStream {
				// A young stream cannot tell a number every report has
				// from a rare one: numbers alone tell nothing yet.
				continue
			}
			if qWordNames > 0 && l.otherNames && l.namesFound == 0 {
				// The titles name two places or people neither report
				// carries ("Harbor Gateway", "Belle Glade"; "Southwest
				// Philadelphia", "SW Houston"): what they share (a street,
				// small numbers, however many words of a kind) is of a
				// kind.
				continue
			}
			if l.cos > bestScore || (l.cos == bestScore && d.seq < best.seq) {
				best, bestScore = d, l.cos
			}
		}
	}
	if best == nil {
		return 0, false
	}
	return best.story, true
}

// minCosine is the least cosine that can make articles published at a and
// b one story: MinCosine, raised by CosinePerDay for each day between them
// when both times are known.
func minCosine(a, b time.Time) float64 {
	if a.IsZero() || b.IsZero() {
		return MinCosine
	}
	gap := a.Sub(b)
	if gap < 0 {
		gap = -gap
	}
	return MinCosine + CosinePerDay*gap.Hours()/24
}

// weight is a term's TF-IDF weight in its article.
func (x *Index) weight(t Term) float64 {
	if t.Flags&FlagSeries != 0 {
		return 0
	}
	w := x.Freq.IDF(t.Hash)
	if t.Flags&FlagTitle != 0 {
		w *= titleWeight
	}
	return w
}

// titleName is the flags of a distinctive term of a title, titleCaseless
// of a caseless one (distinctive when rare).
const (
	titleName     = FlagTitle | FlagName
	titleCaseless = FlagTitle | FlagCaseless
)

// likeness is what compare finds of two articles.
type likeness struct {
	cos    float64 // the TF-IDF cosine of their terms
	shared float64 // the summed IDF of the distinctive terms both carry
	terms  int     // how many terms both carry
	names  int     // how many distinctive terms other than numbers both carry
	found  int     // how many title names (distinctive terms of either title) the other article carries
	// missing: the article's title names something the query does not carry
	missing bool
	// series: both titles number a word ("burst 1", "burst 2");
	// sameNumber: with the same number
	series, sameNumber bool
	// otherNames: the article's title has a name that is no number;
	// namesFound: how many such names of either title the other article
	// carries (see titleNamesApart)
	otherNames bool
	namesFound int
}

// directionTerms are the hashes of the compass directions ("Southwest
// Philadelphia", "SW Houston", "N.W." as compassPoints writes them out): a
// direction says where in a place, not which place, so two titles that
// share one and name two cities name nothing in common.
var directionTerms = hashSet("north south east west northeast northwest southeast southwest")

// hashSet returns the term hashes of the words of s.
func hashSet(s string) map[uint32]bool {
	m := map[uint32]bool{}
	for _, w := range strings.Fields(s) {
		m[hash32(w)] = true
	}
	return m
}

// wordName is a name of a title that is no number: a person, a place, a
// club ("Harbor Gateway", "Belle Glade").
func wordName(f uint8) bool {
	return f&titleName == titleName && f&(FlagNumber|FlagSeries) == 0
}

// compare returns the likeness of the query (its terms, their weights and
// norm) and a window article.
func (x *Index) compare(qt []Term, qw []float64, qnorm float64, d *doc) likeness {
	var l likeness
	dw, norm := x.weights(d)
	if norm == 0 {
		return l
	}
	dt := d.f.Terms
	var dot float64
	i, j := 0, 0
	for j < len(dt) {
		switch {
		case i < len(qt) && qt[i].Hash < dt[j].Hash:
			i++
			continue
		case i >= len(qt) || qt[i].Hash > dt[j].Hash:
			if dt[j].Flags&titleName == titleName || dt[j].Flags&titleCaseless == titleCaseless && x.Freq.rare(dt[j].Hash) {
				l.missing = true
			}
			l.otherNames = l.otherNames || wordName(dt[j].Flags)
			j++
			continue
		}
		if f := dt[j].Flags & qt[i].Flags; f&FlagSeries != 0 {
			if f&FlagNumber != 0 {
				l.sameNumber = true
			} else {
				l.series = true
			}
			i++
			j++
			continue
		}
		dot += qw[i] * dw[j]
		l.terms++
		l.otherNames = l.otherNames || wordName(dt[j].Flags)
		if (wordName(dt[j].Flags) || wordName(qt[i].Flags)) && !(dt[j].Flags&qt[i].Flags&FlagTitle != 0 && directionTerms[dt[j].Hash]) {
			l.namesFound++ // but "Southwest" of two cities' titles names neither
		}
		// A caseless term is as rare in either article: it is one hash.
		rare := (dt[j].Flags|qt[i].Flags)&FlagCaseless != 0 && x.Freq.rare(dt[j].Hash)
		if dt[j].Flags&titleName == titleName || rare && dt[j].Flags&FlagTitle != 0 {
			l.found++ // the article's title names something the query carries
		}
		if qt[i].Flags&titleName == titleName || rare && qt[i].Flags&FlagTitle != 0 {
			l.found++
		}
		if dt[j].Flags&qt[i].Flags&FlagName != 0 || rare || namedByOne(dt[j].Flags, qt[i].Flags) {
			l.shared += x.Freq.IDF(dt[j].Hash)
			if (dt[j].Flags|qt[i].Flags)&FlagNumber == 0 {
				l.names++
			}
		}
		i++
		j++
	}
	l.cos = dot / (qnorm * norm)
	return l
}

func oldest(ds []*doc) *doc {
	o := ds[0]
	for _, d := range ds[1:] {
		if d.seq < o.seq {
			o = d
		}
	}
	return o
}

// namedByOne reports whether one article writes a term as a name and the
// other has it in a title in Title Case, where it may be one: "Bert" of
// "Storm Bert hits Wales" and of "Storm Bert".
func namedByOne(a, b uint8) bool {
	return a&FlagName != 0 && b&FlagMaybeName != 0 || b&FlagName != 0 && a&FlagMaybeName != 0
}
