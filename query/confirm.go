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

// stemsOnly returns what newDocument must stem for the program: the first bytes of the operands of its words (their
// stem keys, the only operands whose stems Query.Match reads: a phrase's token that is also a word's key shares its
// ref). A token whose first byte is ASCII has stems only with that first byte (the stemmers change a word's end:
// TestStemsKeepTheFirstByte), so a token starting with another ASCII byte has no stem that Match reads. Tokens
// starting with another byte (Cyrillic, Arabic, whose stemmer takes prefixes off) are stemmed whatever they start
// with. A program without words (phrases, prefixes, sources) reads no stems and not the article's languages: none.
func (p program) stemsOnly() *stemFilter {
	f := &stemFilter{none: true}
	for pc := 0; pc < len(p.code); {
		w := p.code[pc]
		pc++
		op, n := w&0xf, int(w>>8)
		switch op {
		case opWord:
			for _, ref := range p.code[pc:min(pc+n, len(p.code))] {
				if s := p.strs[ref]; s != "" {
					f.first.add(s[0])
				}
			}
			f.none = false
			pc += n
		case opPhrase:
			pc += n
		case opPrefix:
			pc++
		case opSource:
			pc += 1 + n
		}
	}
	return f
}

// stemFilter says which tokens newDocument stems: none, or those whose first byte is in first or is not ASCII.
type stemFilter struct {
	first byteSet
	none  bool
}

// byteSet is a set of bytes.
type byteSet [256 / 64]uint64

func (s *byteSet) add(b byte)      { s[b/64] |= 1 << (b % 64) }
func (s *byteSet) has(b byte) bool { return s[b/64]&(1<<(b%64)) != 0 }
