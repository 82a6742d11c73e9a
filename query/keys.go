package query

import (
	"slices"
	"sync/atomic"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// keySet is a set of term ids of which every article matching some program contains at least one, with the
// estimated share of articles that contain any of them; ok is false when there is no such set (a NOT, or an OR
// with a NOT-only branch).
type keySet struct {
	keys []uint32
	cost float64
	ok   bool
}

// keysOf returns the terms to file prog under — a program whose operands are term ids — and false when no set of
// terms covers it (which Parse prevents). For an AND the cheapest child is enough; for an OR every branch must be
// covered; a phrase or a source name is covered by its rarest word.
func (ix *Index) keysOf(prog []uint32) ([]uint32, bool) {
	var stack []keySet
	for pc := 0; pc < len(prog); {
		w := prog[pc]
		pc++
		op, n := w&0xf, int(w>>8)
		switch op {
		case opWord:
			// Any of the word's stem keys may be the one an article has: all of them are needed. An article is
			// read in one language or a few, so the share that has any key is about that of the commonest.
			ks := keySet{ok: true}
			for _, k := range prog[pc : pc+n] {
				if !slices.Contains(ks.keys, k) {
					ks.keys = append(ks.keys, k)
					ks.cost = max(ks.cost, ix.termCost(k, w&flagCapital != 0))
				}
			}
			stack = append(stack, ks)
			pc += n
		case opPrefix:
			stack = append(stack, keySet{keys: []uint32{prog[pc]}, cost: ix.termCost(prog[pc], false), ok: true})
			pc++
		case opPhrase:
			stack = append(stack, ix.rarest(prog[pc:pc+n]))
			pc += n
		case opSource:
			ks := ix.rarest(prog[pc+1 : pc+1+n])
			if host := prog[pc]; host != noRef {
				ks.keys = append(ks.keys, host)
				ks.cost += ix.termCost(host, false)
			}
			stack = append(stack, ks)
			pc += 1 + n
		case opNot:
			stack[len(stack)-1] = keySet{}
		case opAnd, opOr:
			kids := stack[len(stack)-n:]
			var ks keySet
			if op == opAnd {
				for _, k := range kids {
					if k.ok && (!ks.ok || k.cost < ks.cost) {
						ks = k
					}
				}
			} else {
				ks.ok = true
				for _, k := range kids {
					if !k.ok {
						ks = keySet{}
						break
					}
					for _, t := range k.keys {
						if !slices.Contains(ks.keys, t) {
							ks.keys = append(ks.keys, t)
						}
					}
					ks.cost += k.cost
				}
			}
			stack = append(stack[:len(stack)-n], ks)
		}
	}
	if len(stack) != 1 || !stack[0].ok {
		return nil, false
	}
	return stack[0].keys, true
}

func (ix *Index) rarest(ids []uint32) keySet {
	ks := keySet{ok: true, cost: 2}
	for _, id := range ids {
		if c := ix.termCost(id, false); len(ks.keys) == 0 || c < ks.cost {
			ks.keys, ks.cost = []uint32{id}, c
		}
	}
	return ks
}

// capitalRarer is how many times rarer than a word of its length cost deems a word the query writes with a
// capital: a name ("Kursk drones", "Biden tariffs"), which news mentions in fewer articles than the common words
// subscribers pair with names. It orders the terms of an AND only until frequencies are known; a wrong guess (a
// capitalised first word, German nouns) costs more check entries scanned, never a match.
const capitalRarer = 4

// minObserved is how many articles Match must have seen since a term was filed before its observed document
// frequency is trusted over the frequency hint or the heuristic.
const minObserved = 256

// priorWeight is how many articles' worth of evidence the estimate without observations counts for beside the
// observed ones: it orders terms that no observed article had.
const priorWeight = 32

// termCost estimates the share of articles that contain term id, written with a capital in the query if capital:
// as observed by Match if it has seen enough articles since the term came (smoothed towards the estimate of cost),
// else as cost says.
func (ix *Index) termCost(id uint32, capital bool) float64 {
	t := &ix.terms[id]
	prior := ix.cost(t.ns, t.s, capital)
	if seen := ix.observed.Load() - t.since; seen >= minObserved {
		return (float64(atomic.LoadUint32(&ix.df[id])) + priorWeight*prior) / float64(seen+priorWeight)
	}
	return prior
}

// cost estimates the share of articles that contain a term without observations. The frequency hint, if any,
// answers for words; otherwise longer words count as rarer (a word of 3 letters ~11%, of 8 ~1.6%), a word the
// query writes with a capital as a name, capitalRarer times rarer than a word as long, stop words as near certain,
// prefixes as 4 times commoner than a word as long, and a source or host as a fixed 5% (few sources publish more
// than that of all articles).
func (ix *Index) cost(ns namespace, s string, capital bool) float64 {
	if ns == nsWord && ix.freq != nil {
		if f := ix.freq(s); f >= 0 {
			return f
		}
	}
	n := float64(utf8.RuneCountInString(s))
	switch ns {
	case nsWord:
		if english.IsStopWord(s) || stopWords[s] != 0 {
			return 0.9
		}
		if capital {
			return min(0.9, 1/(n*n)/capitalRarer)
		}
		return min(0.9, 1/(n*n))
	case nsPrefix:
		return min(0.95, 4/(n*n))
	}
	return 0.05
}

// checkEnglish marks a check that holds only in an article read in English alone: a word's primary stem, which an
// article read in another language may lack while it has another of the word's stems (see wordStems).
const checkEnglish = uint32(1) << 31

// checkWord returns the check of an entry of a record filed under keys with program prog, in the block of its first
// key or, if stub, a stub's: a pair check if the query is one (see checkPair), else that of checkOf.
func (ix *Index) checkWord(prog, keys []uint32, stub bool) uint32 {
	if c, ok := pairCheck(prog, keys); ok {
		if stub {
			c |= checkOther
		}
		return c
	}
	return ix.checkOf(prog, keys)
}

// checkOf returns the check of a record filed under keys: a term other than the keys that every article matching
// prog contains, the rarest by termCost (with checkEnglish set when only an article read in English alone must
// contain it), or 0 when there is none. Match skips the record without reading it when the article lacks the check,
// so that a query filed under its commoner term costs little more than under its rarest: the key and the check are
// the two terms most likely to rule an article out.
func (ix *Index) checkOf(prog, keys []uint32) uint32 {
	best, bestCost := uint32(0), 2.0
	necessaryTerms(prog, func(t, flag uint32, capital bool) {
		if slices.Contains(keys, t) {
			return
		}
		if t >= checkTerm {
			return // beyond what a check can hold
		}
		if c := ix.termCost(t, capital); c < bestCost {
			best, bestCost = t|flag, c
		}
	})
	return best
}

// necessaryTerms calls f with terms of which every article matching prog has each (as a token, stem, prefix or
// source name word, as the program's instruction reads it), with checkEnglish as flag when that holds only of
// articles read in English alone and whether the query wrote the word with a capital: the terms of the root and, when the root is an AND, of its children, recursively.
func necessaryTerms(prog []uint32, f func(t, flag uint32, capital bool)) {
	// startOf[end] is where the subprogram that ends at end starts.
	var buf [64]int
	startOf := buf[:0]
	if len(prog)+1 > len(buf) {
		startOf = make([]int, 0, len(prog)+1)
	}
	startOf = startOf[:len(prog)+1]
	var stack [64]int
	sp := 0
	for pc := 0; pc < len(prog); {
		w := prog[pc]
		op, n := w&0xf, int(w>>8)
		start := pc
		pc++
		switch op {
		case opWord, opPhrase:
			pc += n
		case opPrefix:
			pc++
		case opSource:
			pc += 1 + n
		case opNot:
			if sp < 1 {
				return
			}
			sp--
			start = stack[sp]
		case opAnd, opOr:
			if n < 1 || n > sp {
				return
			}
			sp -= n
			start = stack[sp]
		default:
			return
		}
		if pc > len(prog) || sp == len(stack) {
			return
		}
		stack[sp] = start
		sp++
		startOf[pc] = start
	}
	if sp != 1 {
		return
	}
	var visit func(start, end int)
	visit = func(start, end int) {
		w := prog[start]
		op, n := w&0xf, int(w>>8)
		if leafLen(op, n) != end-start {
			// Not a leaf: the subprogram's last instruction combines its children.
			w = prog[end-1]
			op, n = w&0xf, int(w>>8)
		}
		operands := prog[start+1 : end]
		switch op {
		case opWord:
			if len(operands) == 0 {
				return
			}
			flag := uint32(0)
			if n > 1 {
				flag = checkEnglish
			}
			f(operands[0], flag, w&flagCapital != 0)
		case opPhrase, opPrefix:
			for _, t := range operands {
				f(t, 0, false)
			}
		case opSource:
			if len(operands) > 0 && operands[0] == noRef {
				for _, t := range operands[1:] {
					f(t, 0, false)
				}
			}
		case opAnd:
			// The children end at end-1 and start one after another.
			kidEnd := end - 1
			for ; n > 0; n-- {
				kidStart := startOf[kidEnd]
				visit(kidStart, kidEnd)
				kidEnd = kidStart
			}
		}
	}
	visit(0, len(prog))
}

// leafLen returns the length in words of a leaf instruction op with count n and its operands, or 0 if op is not a
// leaf.
func leafLen(op uint32, n int) int {
	switch op {
	case opWord, opPhrase:
		return 1 + n
	case opPrefix:
		return 2
	case opSource:
		return 2 + n
	}
	return 0
}
