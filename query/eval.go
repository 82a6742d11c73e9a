package query

import "slices"

// termHit says where an article has a term: as a token (raw is its index in Document.tokens, or -1), as a stem,
// as the start of a token, as its host.
type termHit struct {
	raw         int32
	rawWhere    uint8
	stemWhere   uint8
	prefixWhere uint8
	host        bool
}

// evaluator runs programs against one Document. Its tables are indexed by term reference — an Index's term ids,
// or a Query's string refs — and an entry counts only if its bit is set, so that moving to the next article costs a
// clear of one bit a term however many terms there are.
type evaluator struct {
	d *Document
	// bits holds, for each 64 refs, a word whose bit ref%64 is set when the article has ref (hits[ref] is then its
	// entry) and one whose bit is set when hits[ref].stemWhere is not 0 (see stem), for run and Match's pair checks:
	// side by side, so that one slice serves Match's check loop.
	bits      []refBits
	hits      []termHit
	present   []uint32 // refs with a hit, in order of finding
	sourceIDs []uint32 // the source name's tokens as refs (noRef for a token no program uses)
	tokIDs    []uint32 // Index.lookUp: the term id of each token of d, 0 for none
	probes    []probe  // Index.lookUp: the look-ups to make
	out       []int64  // Index.Match's result, kept for reuse
	sortBuf   []int64
	idSet     idSet
	cands     []candidate // Index.Match: the records to evaluate
	scan      []uint64    // Index.Match: what scanChecks decided of a term's check entries
	sink      uint32      // Index.Match's touches of memory add up here, so that they are not optimised away
	foreign   bool        // d is read in a language besides English: a word's other stems count (see wordStems)
}

// candidate is a record or stub that Index.Match evaluates: its term's block and its offset there; with candForce
// in term, the record is evaluated even if the article has an earlier key of it (see Index.Match).
type candidate struct {
	term, off uint32
}

const candForce = uint32(1) << 31

// reset prepares e for d and refs below nrefs.
func (e *evaluator) reset(d *Document, nrefs int) {
	e.d = d
	e.foreign = d.langs != 1<<langEnglish
	if len(e.hits) < nrefs {
		n := nrefs + nrefs/4
		e.hits, e.bits = make([]termHit, n), make([]refBits, (n+63)/64)
	} else {
		clear(e.bits)
	}
	e.present, e.sourceIDs = e.present[:0], e.sourceIDs[:0]
}

// hit returns the entry of ref, making an empty one if needed.
func (e *evaluator) hit(ref uint32) *termHit {
	if !e.has(ref) {
		e.bits[ref/64].has |= 1 << (ref % 64)
		e.hits[ref] = termHit{raw: -1}
		e.present = append(e.present, ref)
	}
	return &e.hits[ref]
}

// has reports whether the article has ref (which must be below the nrefs of reset).
func (e *evaluator) has(ref uint32) bool { return e.bits[ref/64].has&(1<<(ref%64)) != 0 }

// refBits is the evaluator's bits of 64 refs (see evaluator.bits): has for an article's terms, stem for its stems.
type refBits struct {
	has, stem uint64
}

// get returns the entry of ref, or nil if the article lacks it.
func (e *evaluator) get(ref uint32) *termHit {
	if int(ref) < len(e.hits) && e.has(ref) {
		return &e.hits[ref]
	}
	return nil
}

// run evaluates a program (see program). The stack is a word of bits: Parse's limits keep a query far below 64
// values deep. A malformed program, which Parse never produces, evaluates to false.
func (e *evaluator) run(code []uint32) bool {
	var stack uint64
	sp := uint(0)
	for pc := 0; pc < len(code); {
		w := code[pc]
		pc++
		op, title, n := w&0xf, w&flagTitle != 0, int(w>>8)
		var v bool
		switch op {
		case opWord:
			if pc+n > len(code) {
				return false
			}
			// The primary stem always counts; the others only in an article read in a language besides English.
			refs := code[pc : pc+n]
			if !e.foreign && n > 1 {
				refs = refs[:1]
			}
			for _, r := range refs {
				if title {
					h := e.get(r)
					v = h != nil && h.stemWhere&inTitle != 0
				} else {
					v = int(r) < len(e.hits) && e.hasStem(r)
				}
				if v {
					break
				}
			}
			pc += n
		case opPrefix:
			if pc >= len(code) {
				return false
			}
			if h := e.get(code[pc]); h != nil {
				v = has(h.prefixWhere, title)
			}
			pc++
		case opPhrase:
			if pc+n > len(code) {
				return false
			}
			v = e.phrase(code[pc:pc+n], title)
			pc += n
		case opSource:
			if pc+1+n > len(code) {
				return false
			}
			v = e.source(code[pc], code[pc+1:pc+1+n])
			pc += 1 + n
		case opNot:
			if sp < 1 {
				return false
			}
			sp--
			v = stack>>sp&1 == 0
		case opAnd, opOr:
			if n == 0 || n > 63 || uint(n) > sp {
				return false
			}
			sp -= uint(n)
			mask := (uint64(1)<<n - 1) << sp
			if op == opAnd {
				v = stack&mask == mask
			} else {
				v = stack&mask != 0
			}
		default:
			return false
		}
		if sp >= 64 {
			return false
		}
		if v {
			stack |= 1 << sp
		} else {
			stack &^= 1 << sp
		}
		sp++
	}
	return sp == 1 && stack&1 == 1
}

func (e *evaluator) phrase(refs []uint32, title bool) bool {
	if len(refs) == 1 {
		h := e.get(refs[0])
		return h != nil && h.raw >= 0 && has(h.rawWhere, title)
	}
	var buf [16]int32
	idx := buf[:0]
	for _, r := range refs {
		h := e.get(r)
		if h == nil || h.raw < 0 {
			return false
		}
		idx = append(idx, h.raw)
	}
	return e.d.phrase(idx, title)
}

func (e *evaluator) source(host uint32, name []uint32) bool {
	if host != noRef {
		if h := e.get(host); h != nil && h.host {
			return true
		}
	}
	if len(name) == 0 {
		return false
	}
	for i := 0; i+len(name) <= len(e.sourceIDs); i++ {
		if slices.Equal(e.sourceIDs[i:i+len(name)], name) {
			return true
		}
	}
	return false
}

// lookUp fills e with where d has each operand of p, whose refs index p.strs.
func (p program) lookUp(e *evaluator) {
	d := e.d
	var sourceRefs []uint32
	forEachOperand(p.code, func(ns namespace, ref uint32) {
		s := p.strs[ref]
		switch ns {
		case nsWord:
			if i, ok := d.byToken.find(s, d.tokens); ok {
				h := e.hit(ref)
				h.raw, h.rawWhere = i, d.where[i]
			}
			if j, ok := d.byStem.find(s, d.stems); ok {
				e.stem(ref, d.stemWhere[j])
			}
		case nsPrefix:
			if d.prefix(s, false) {
				h := e.hit(ref)
				h.prefixWhere = inText
				if d.prefix(s, true) {
					h.prefixWhere |= inTitle
				}
			}
		case nsHost:
			if slices.Contains(d.hosts, s) {
				e.hit(ref).host = true
			}
		case nsSource:
			sourceRefs = append(sourceRefs, ref)
		}
	})
	if len(sourceRefs) == 0 {
		return
	}
	for _, t := range d.source {
		id := noRef
		for _, r := range sourceRefs {
			if p.strs[r] == t {
				id = r
				break
			}
		}
		e.sourceIDs = append(e.sourceIDs, id)
	}
}

// forEachOperand calls f with each term operand of a program and its namespace.
func forEachOperand(code []uint32, f func(namespace, uint32)) {
	operandPositions(code, func(ns namespace, i int) { f(ns, code[i]) })
}

// operandPositions calls f with the namespace and position in code of each term operand of a program.
func operandPositions(code []uint32, f func(ns namespace, i int)) {
	for pc := 0; pc < len(code); {
		w := code[pc]
		pc++
		op, n := w&0xf, int(w>>8)
		switch op {
		case opWord:
			for i := pc; i < pc+n; i++ {
				f(nsWord, i)
			}
			pc += n
		case opPrefix:
			f(nsPrefix, pc)
			pc++
		case opPhrase:
			for i := pc; i < pc+n; i++ {
				f(nsWord, i)
			}
			pc += n
		case opSource:
			if code[pc] != noRef {
				f(nsHost, pc)
			}
			for i := pc + 1; i < pc+1+n; i++ {
				f(nsSource, i)
			}
			pc += 1 + n
		}
	}
}
