package query

// MatchArticle reports whether the query matches a, as q.Match(NewDocument(a)) does, for less: it stems only the
// tokens of a that can have a stem the query looks for (see stemsOnly), where NewDocument stems them all for any
// query. The /subscribe preview confirms its sample with it. The zero Query matches nothing.
func (q *Query) MatchArticle(a Article) bool {
	if len(q.prog.code) == 0 {
		return false
	}
	return q.Match(newDocument(a, q.prog.stemsOnly()))
}

// stemsOnly returns the first bytes of the program's word operands (the stem keys of its words and the tokens of its
// phrases, which Query.Match looks up among a Document's stems): a token whose first byte is ASCII has stems only
// with that first byte (the stemmers change a word's end: TestStemsKeepTheFirstByte), so a token starting with
// another ASCII byte has no stem that Match looks up. Tokens starting with another byte (Cyrillic, Arabic, whose
// stemmer takes prefixes off) are stemmed whatever they start with.
func (p program) stemsOnly() *byteSet {
	var only byteSet
	forEachOperand(p.code, func(ns namespace, ref uint32) {
		if s := p.strs[ref]; ns == nsWord && s != "" {
			only.add(s[0])
		}
	})
	return &only
}

// byteSet is a set of bytes.
type byteSet [256 / 64]uint64

func (s *byteSet) add(b byte)      { s[b/64] |= 1 << (b % 64) }
func (s *byteSet) has(b byte) bool { return s[b/64]&(1<<(b%64)) != 0 }
