package query

import (
	"slices"
	"sync"
	"sync/atomic"
)

// Index holds compiled queries by id and finds those that match an article, percolator style: each query is filed
// under terms that every article it matches must contain (for an AND one of its terms, the rarest; for an OR a term
// of every branch), an article's distinct terms select the candidate queries, and only those are evaluated. So the
// cost of Match grows with the article's size and the number of candidates, not with the number of queries stored.
//
// Queries are kept as flat programs over interned term ids, not as trees. A query's record lies in the block of the
// first term it is filed under, with a stub in the block of each other, and has an entry in each of those terms'
// check lists, which Match tests against the article's terms before it reads the record — and from which alone it
// decides an AND of two words, or of a word and a negated word (see checkPair). A query of one word, quoted word or
// prefix, or an OR of such, keeps no program at all: finding its term is matching it. Match touches the lists of
// the article's terms before it reads them, so that their cache misses overlap, and marks the matches in a bitset
// over the ids' span when the stored ids are dense. Match counts how many articles contain each term, and Add and
// Refile file queries under the terms that are rarest in practice. MatchAppend is Match into the caller's buffer,
// for a caller that matches many articles. Pack lays the lists out in a few arrays on huge pages, for a Match that
// waits less on memory; Refile packs too.
//
// An Index is safe for concurrent use: Match and MatchAppend calls run in parallel with each other; Add, Remove and
// Refile one at a time. Use NewIndex to make one.
type Index struct {
	mu        sync.RWMutex
	dict      [nsCount]map[string]uint32
	terms     []term   // by term id; id 0 is unused
	freeTerms []uint32 // ids of terms no longer used, for reuse
	// lists holds, by term id, what is filed under the term: the lists Match reads side by side in one 128-byte
	// element (two cache lines), which three or four arrays of slices would spread over as many.
	lists []termLists
	// nexts holds, by term id, the ring successor of each of its direct entries (see directList.add), which only
	// Add and Remove read.
	nexts [][]uint32
	// offs holds, by term id, the offset in its block of each entry's record or stub, ascending: for kill to find
	// an entry, and Match the record of a pair check that it cannot decide alone.
	offs       [][]uint32
	prefixLens prefixLengths       // the lengths of the stored prefixes
	filters    [nsCount]termFilter // of dict's strings, for Match to skip look-ups
	tables     [nsSource]termTable // dict's words and prefixes, for Match's look-ups
	// byID maps a query id to where its record is — its first key's term id << 32 | its offset in that term's
	// block — or to directFlag | its direct entry's term.
	byID map[int64]uint64
	// idLo and idHi bound the stored ids (when there are any): every id stored since the index was last empty or
	// refiled is within them.
	idLo, idHi int64
	// refs encodes the query ids of the direct lists and pair checks' entries in 32 bits (see admit).
	refs       refCoder
	freq       func(term string) float64
	evaluators sync.Pool
	// slabs hold the lists as the last Pack laid them out, and written counts the words Add and Remove wrote or
	// removed since (see notePacked).
	slabs   slabs
	written int

	// Match counts the articles it sees and, per term id, how many contained the term (atomically, as Match runs
	// under the read lock), so that Add and Refile can file queries under the terms that are rarest in practice.
	observed atomic.Uint64
	df       []uint32
}

// namespace separates the kinds of terms, which an article supplies from different places.
type namespace uint8

const (
	nsWord   namespace = iota // tokens and stems of the title and text
	nsPrefix                  // prefixes of stored prefix queries
	nsSource                  // tokens of the source name
	nsHost                    // the URL's host and parent domains
	nsCount
)

// term is an interned string. refs counts its uses as a key or an operand in stored programs; at zero it is
// forgotten.
type term struct {
	s     string
	ns    namespace
	refs  uint32
	dead  uint32 // words of the term's block that belong to removed records
	since uint64 // Index.observed when the term came: df counts from then
}

// termLists is what is filed under a term (see Index.lists). Match reads the first cache line of it for every
// term of the article — checks, the direct entries and the ends of their first four kinds, those not restricted to
// the title — and the second only when the term has entries restricted to the title or a record to evaluate.
type termLists struct {
	// checks holds an entry per record or stub of block, in its order (see entryOf): in the high 32 bits the record's
	// check (see checkOf), which Match tests before it reads the record, and in the low 32 the offset of the record
	// or stub in block — or, for a pair check (see checkPair), which Match decides without the record, the query's
	// id as a ref (see refCoder).
	checks []uint64
	direct directList // queries matched by the term alone, without evaluation
	block  []uint32   // the records filed under the term, one after another (see recLen)
	_      [24]byte   // to 128 bytes: an element is two cache lines, not three
}

// entryOf returns the entry of checks (see termLists) with check c of a record or stub at off, of the query whose
// ref is ref.
func entryOf(c, off, ref uint32) uint64 {
	if c&checkPair != 0 {
		return uint64(c)<<32 | uint64(ref)
	}
	return uint64(c)<<32 | uint64(off)
}

// prefixLen is a byte length of stored prefixes and how many there are.
type prefixLen struct {
	n     int
	count uint32
}

// A record in a block is: its length in words, the query id (low and high halves), the number of keys, the keys'
// term ids (the first is the term whose block holds it), then the program with term ids as operands. A query filed
// under several keys has its record in the block of the first and a stub in the block of each other: the length,
// where the record is (its block's term id and its offset there, kept up to date when that block is compacted) and
// recStub.
const (
	recLen    = iota
	recIDLow  // in a stub: the term id of the record's block
	recIDHigh // in a stub: the record's offset in that block
	recKeys   // number of keys; recDead is set in a removed record or stub, recStub in a stub
	recHeader
)

const (
	recDead = uint32(1) << 31
	recStub = uint32(1) << 30
)

// A query that is a single word, quoted word or prefix, optionally in the title, or an OR of such (see directTerms)
// is kept as direct entries: an article matches it exactly when it has one of the query's terms in the way its
// entry's kind says, so it needs no program. The query has an entry under each of its terms (see directList); each
// entry's next is the term of the following one, round to the first (0 when there is one entry).

// Kinds of direct entries; kind|kindTitle restricts one to the title.
const (
	kindStem   = 0 // opWord: the term is the stem of a token
	kindRaw    = 1 // opPhrase of one token: the term is a token
	kindPrefix = 2 // opPrefix: the term starts a token
	// kindOtherStem: opWord, the term is one of the word's stems but the primary (see wordStems), which counts only
	// in an article read in a language besides English.
	kindOtherStem = 3
	kindTitle     = 4
)

// directFlag marks a byID value that is a direct entry: directFlag | term id.
const directFlag = uint64(1) << 63

// directTerm is a term of a query kept as direct entries, and the kind of its entry.
type directTerm struct {
	term uint32
	kind uint8
}

// directTerms appends to dst the direct entries that stand for prog, a program whose operands are term ids, and
// reports whether there are such: prog is a single word, quoted word or prefix (optionally in the title), or an OR
// of such with no term twice — an article matches it exactly when it has one of the terms in the way its kind says.
// A word has an entry under each of its stem keys (see stemKey): kindStem under the first, kindOtherStem under the
// others.
func directTerms(dst []directTerm, prog []uint32) ([]directTerm, bool) {
	if len(prog) == 0 {
		return dst, false
	}
	leaves := 1
	if w := prog[0]; leafLen(w&0xf, int(w>>8)) != len(prog) {
		// Not a single leaf: then the last word is the root's instruction.
		last := prog[len(prog)-1]
		if last&0xf != opOr {
			return dst, false
		}
		leaves, prog = int(last>>8), prog[:len(prog)-1]
	}
	start := len(dst)
	for pc := 0; pc < len(prog); {
		w := prog[pc]
		op, n := w&^flagTitle&0xf, int(w>>8)
		var title uint8
		if w&flagTitle != 0 {
			title = kindTitle
		}
		switch {
		case op == opWord && n > 0 && pc+1+n <= len(prog):
			for i, t := range prog[pc+1 : pc+1+n] {
				kind := uint8(kindStem)
				if i > 0 {
					kind = kindOtherStem
				}
				dst = append(dst, directTerm{t, kind | title})
			}
		case op == opPhrase && n == 1 && pc+2 <= len(prog):
			dst = append(dst, directTerm{prog[pc+1], kindRaw | title})
		case op == opPrefix && w&^flagTitle == instr(opPrefix, 0, 0) && pc+2 <= len(prog):
			dst = append(dst, directTerm{prog[pc+1], kindPrefix | title})
		default:
			return dst[:start], false
		}
		pc += leafLen(op, n)
		if leaves--; leaves < 0 {
			return dst[:start], false
		}
	}
	if leaves != 0 {
		return dst[:start], false
	}
	terms := dst[start:]
	for i, t := range terms {
		for _, u := range terms[:i] {
			if u.term == t.term {
				return dst[:start], false // the ring of entries (see directList.add) needs each term once
			}
		}
	}
	return dst, true
}

// NewIndex returns an empty Index. Until Match has seen a few hundred articles, it files each query under the
// terms that a heuristic deems most selective: longer words are rarer than short ones, words written with a capital
// (names) rarer than others, stop words and short prefixes are common. After that Add uses the frequencies Match
// observed; see Refile for the queries added before.
func NewIndex() *Index { return NewIndexWithFrequencies(nil) }

// NewIndexWithFrequencies returns an empty Index that ranks terms by freq, the share of articles (0 to 1) that
// contain a term — a token of Terms or its Stem — when freq returns a value >= 0, and by the heuristic of NewIndex
// otherwise or when freq is nil, until Match has observed the term in enough articles. Better estimates mean fewer
// candidates; they never change which queries match. freq is called from Add and Refile.
func NewIndexWithFrequencies(freq func(term string) float64) *Index {
	ix := &Index{freq: freq, byID: map[int64]uint64{}}
	for i := range ix.dict {
		ix.dict[i] = map[string]uint32{}
	}
	ix.terms = []term{{}}
	ix.lists = []termLists{{}}
	ix.nexts, ix.offs = [][]uint32{nil}, [][]uint32{nil}
	ix.df = []uint32{0}
	return ix
}

// Len returns the number of queries in the index.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.byID)
}

// Add files q under id, replacing any query that id had. A nil or zero q just removes id.
func (ix *Index) Add(id int64, q *Query) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.remove(id)
	if q == nil || q.root == nil || len(q.prog.code) == 0 {
		return
	}
	prog := slices.Clone(q.prog.code)
	operandPositions(prog, func(ns namespace, i int) { prog[i] = ix.intern(ns, q.prog.strs[prog[i]]) })
	keys, ok := ix.keysOf(prog)
	if !ok {
		// Parse refuses such queries; give back what was interned.
		forEachOperand(prog, func(_ namespace, ref uint32) { ix.release(ref) })
		return
	}
	ix.admit(id)
	if terms, ok := directTerms(nil, prog); ok {
		// The operands' references are the entries'; the program is not kept.
		for i, t := range terms {
			var next uint32
			if len(terms) > 1 {
				next = terms[(i+1)%len(terms)].term
			}
			ix.lists[t.term].direct.add(ix.refs.ref(id), next, t.kind, &ix.nexts[t.term])
		}
		ix.byID[id] = directFlag | uint64(terms[0].term)
		ix.notePacked(len(terms))
		return
	}
	ix.file(id, keys, prog)
	ix.notePacked(len(keys)*(recHeader+2) + len(keys) + len(prog))
}

// file writes a record of id with keys and prog into the block of its first key, a stub into the block of each
// other key, each with its entry in checks, and counts a use of each key.
func (ix *Index) file(id int64, keys, prog []uint32) {
	check, stubCheck, ref := ix.checkWord(prog, keys, false), ix.checkWord(prog, keys, true), ix.refs.ref(id)
	for i, k := range keys {
		ix.terms[k].refs++
		size := recHeader
		c := stubCheck
		if i == 0 {
			size += len(keys) + len(prog)
			c = check
		}
		b := grow(ix.lists[k].block, size)
		ix.lists[k].checks = append(grow(ix.lists[k].checks, 1), entryOf(c, uint32(len(b)), ref))
		ix.offs[k] = append(grow(ix.offs[k], 1), uint32(len(b)))
		if i > 0 {
			ix.lists[k].block = append(b, uint32(size), keys[0], uint32(ix.byID[id]), recStub)
			continue
		}
		ix.byID[id] = uint64(k)<<32 | uint64(len(b))
		b = append(b, uint32(size), uint32(id), uint32(uint64(id)>>32), uint32(len(keys)))
		b = append(b, keys...)
		ix.lists[k].block = append(b, prog...)
	}
}

// Remove forgets the query filed under id; an unknown id is ignored.
func (ix *Index) Remove(id int64) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.remove(id)
}

func (ix *Index) remove(id int64) {
	place, ok := ix.byID[id]
	if !ok {
		return
	}
	delete(ix.byID, id)
	defer ix.refs.release(id)
	if place&directFlag != 0 {
		first, ref := uint32(place&^directFlag), ix.refs.ref(id)
		for t := first; ; {
			next, ok := ix.lists[t].direct.remove(ref, &ix.nexts[t])
			if !ok {
				break // cannot happen: each entry of the ring is where the one before it says
			}
			ix.release(t)
			if next == 0 || next == first {
				break
			}
			t = next
		}
		return
	}
	keys, prog := ix.unfile(id, place)
	for _, k := range keys {
		ix.release(k)
	}
	forEachOperand(prog, func(_ namespace, ref uint32) { ix.release(ref) })
	ix.notePacked(len(keys)*(recHeader+2) + len(keys) + len(prog))
}

// unfile marks the record of id, found at place (see byID), and its stubs removed and returns its keys and
// program; it releases nothing.
func (ix *Index) unfile(id int64, place uint64) (keys, prog []uint32) {
	delete(ix.byID, id)
	t, off := uint32(place>>32), uint32(place)
	b := ix.lists[t].block
	rec := b[off : off+b[off+recLen]]
	n := rec[recKeys]
	keys, prog = slices.Clone(rec[recHeader:recHeader+n]), slices.Clone(rec[recHeader+n:])
	// The stubs first: killing the record may compact its block, after which another record may be where it was.
	for _, k := range keys[1:] {
		if at, ok := ix.stub(k, t, off); ok {
			ix.kill(k, at)
		}
	}
	ix.kill(t, off)
	return keys, prog
}

// stub returns the offset in k's block of the live stub of the record at off in t's block.
func (ix *Index) stub(k, t, off uint32) (uint32, bool) {
	b := ix.lists[k].block
	for at := uint32(0); at < uint32(len(b)); at += b[at+recLen] {
		if b[at+recKeys] == recStub && b[at+recIDLow] == t && b[at+recIDHigh] == off {
			return at, true
		}
	}
	return 0, false
}

// kill marks the record at off in t's block removed, and its entry of checks checkDead (so that Match passes over
// it without reading the record), and compacts the block once half of it is removed.
func (ix *Index) kill(t, off uint32) {
	b := ix.lists[t].block
	b[off+recKeys] |= recDead
	if i, ok := slices.BinarySearch(ix.offs[t], off); ok {
		ix.lists[t].checks[i] = entryOf(checkDead, off, 0)
	}
	ix.terms[t].dead += b[off+recLen]
	if 2*ix.terms[t].dead >= uint32(len(b)) {
		ix.compact(t)
	}
}

// compact copies the live records of t's block, in order, into a new block of their size, and their entries of
// checks.
func (ix *Index) compact(t uint32) {
	b, checks := ix.lists[t].block, ix.lists[t].checks
	var out []uint32
	var outChecks []uint64
	var outOffs []uint32
	if live := len(b) - int(ix.terms[t].dead); live > 0 {
		out = make([]uint32, 0, live)
	}
	for off, i := uint32(0), 0; off < uint32(len(b)); off, i = off+b[off+recLen], i+1 {
		rec := b[off : off+b[off+recLen]]
		if rec[recKeys]&recDead != 0 {
			continue
		}
		c := checks[i]
		if uint32(c>>32)&checkPair == 0 {
			c = c&^0xffffffff | uint64(len(out))
		}
		outChecks = append(outChecks, c)
		outOffs = append(outOffs, uint32(len(out)))
		if n := rec[recKeys]; n != recStub {
			to := uint32(len(out))
			ix.byID[recID(rec)] = uint64(t)<<32 | uint64(to)
			for _, k := range rec[recHeader+1 : recHeader+n] {
				if to == off {
					break
				}
				if at, ok := ix.stub(k, t, off); ok {
					ix.lists[k].block[at+recIDHigh] = to // the stubs of a moved record follow it
				}
			}
		}
		out = append(out, rec...)
	}
	ix.lists[t].block, ix.lists[t].checks, ix.offs[t], ix.terms[t].dead = out, outChecks, outOffs, 0
}

// grow returns s with room for n more elements, grown by an eighth when it has to be rather than by append's half
// or more: blocks and direct entries are most of an index's memory.
func grow[T any](s []T, n int) []T {
	need := len(s) + n
	if need <= cap(s) {
		return s
	}
	out := make([]T, len(s), need+need/8)
	copy(out, s)
	return out
}

func recID(rec []uint32) int64 { return int64(uint64(rec[recIDLow]) | uint64(rec[recIDHigh])<<32) }

// Refile chooses again the terms that each stored query is filed under, by the share of articles that contained
// them among those Match has seen (terms seen in fewer than 256 articles keep the estimate of NewIndex or of the
// frequency hint). Add already uses what Match has observed; Refile applies it to the queries added before. It takes
// time in proportion to the number of stored queries and holds Match off meanwhile, so call it now and then — after
// the first few hundred articles since a start, then daily, say — not per article. It packs the index when done
// (see Pack). It never changes which queries match.
func (ix *Index) Refile() {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	type move struct {
		id   int64
		keys []uint32
	}
	var moves []move
	for t := range ix.lists {
		b := ix.lists[t].block
		for off, i := uint32(0), 0; off < uint32(len(b)); off, i = off+b[off+recLen], i+1 {
			n := b[off+recKeys]
			if n&(recDead|recStub) != 0 {
				continue
			}
			rec := b[off : off+b[off+recLen]]
			old, prog := rec[recHeader:recHeader+n], rec[recHeader+n:]
			keys, ok := ix.keysOf(prog)
			if !ok {
				continue
			}
			if len(keys) == len(old) && !slices.ContainsFunc(keys, func(k uint32) bool { return !slices.Contains(old, k) }) {
				// Same keys: only the record's check may change (its stubs keep theirs, which still holds).
				ix.lists[t].checks[i] = entryOf(ix.checkWord(prog, old, false), off, ix.refs.ref(recID(rec)))
				continue
			}
			moves = append(moves, move{id: recID(rec), keys: keys})
		}
	}
	for _, m := range moves {
		old, prog := ix.unfile(m.id, ix.byID[m.id])
		ix.file(m.id, m.keys, prog)
		for _, k := range old {
			ix.release(k) // never the last reference: the program holds one too
		}
	}
	// The records moved away leave removed ones behind, which the blocks would otherwise keep until half of one is
	// removed: after a first Refile, a third of the entries Match scanned.
	for t := range ix.lists {
		if ix.terms[t].dead > 0 {
			ix.compact(uint32(t))
		}
	}
	first := true
	for id := range ix.byID {
		if first {
			ix.idLo, ix.idHi, first = id, id, false
		}
		ix.idLo, ix.idHi = min(ix.idLo, id), max(ix.idHi, id)
	}
	if ix.refs.wide && !first && uint64(ix.idHi)-uint64(ix.idLo) < 1<<32 {
		ix.recode(refCoderFor(ix.idLo, ix.idHi)) // the ids that were too far apart are gone
	}
	ix.pack()
}

// intern returns the id of s in ns, making one if needed, and counts one more use of it.
func (ix *Index) intern(ns namespace, s string) uint32 {
	id, ok := ix.dict[ns][s]
	if !ok {
		t := term{s: s, ns: ns, since: ix.observed.Load()}
		if n := len(ix.freeTerms); n > 0 {
			id = ix.freeTerms[n-1]
			ix.freeTerms = ix.freeTerms[:n-1]
			ix.terms[id], ix.df[id] = t, 0
		} else {
			id = uint32(len(ix.terms))
			ix.terms = append(ix.terms, t)
			ix.lists = append(ix.lists, termLists{})
			ix.nexts, ix.offs = append(ix.nexts, nil), append(ix.offs, nil)
			ix.df = append(ix.df, 0)
		}
		ix.dict[ns][s] = id
		ix.filters[ns].add(s, ix.dict[ns])
		if ns < nsSource {
			ix.tables[ns].insert(s, id)
		}
		if ns == nsPrefix {
			ix.prefixLens.add(len(s), 1)
		}
	}
	ix.terms[id].refs++
	return id
}

// release counts one use less of term id and forgets the term at zero.
func (ix *Index) release(id uint32) {
	t := &ix.terms[id]
	if t.refs--; t.refs > 0 {
		return
	}
	delete(ix.dict[t.ns], t.s)
	ix.filters[t.ns].remove(ix.dict[t.ns])
	if t.ns < nsSource {
		ix.tables[t.ns].delete(t.s, id)
	}
	if t.ns == nsPrefix {
		ix.prefixLens.add(len(t.s), -1)
	}
	*t = term{}
	ix.lists[id], ix.nexts[id], ix.offs[id] = termLists{}, nil, nil
	ix.freeTerms = append(ix.freeTerms, id)
}
