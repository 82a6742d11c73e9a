package query

// A record's check (see checkOf) may instead say how to decide the query without reading its record: a query that
// is an AND of two words, or of a word and the negation of a word, neither restricted to the title — "Kursk
// drones", "Biden -tariffs", about four in five of the records that pass their check in the benchmarks — filed
// under the stems of its positive word. The check then holds the other word's primary stem and checkPair (with
// checkNot when that word is negated, checkEnglish when it has other stems, and checkOther in the entry of a stub,
// under one of the keyed word's other stems), and the entry holds the query's id in place of the record's offset: Match decides
// from the article's terms alone, but where the other word's other stems could count (see Index.Match).
const (
	checkPair  = uint32(1) << 30
	checkNot   = uint32(1) << 29
	checkOther = uint32(1) << 28
	// checkTerm masks the term of a check; a term id at or above it is never a check (see checkOf).
	checkTerm = checkOther - 1
	// checkDead is the check of a removed record's or stub's entry: term 0, which no article has, and not a pair
	// check, so that Match passes over the entry without reading the record.
	checkDead = checkOther
)

// pairCheck returns the check of a record filed under keys with program prog that Match can decide without
// reading the record (see checkPair), or false when prog is not such a query.
func pairCheck(prog, keys []uint32) (uint32, bool) {
	n := len(prog)
	if n < 5 || prog[n-1] != instr(opAnd, 0, 2) {
		return 0, false
	}
	type word struct {
		stems []uint32
		not   bool
	}
	var words [2]word
	pc := 0
	for i := range words {
		if pc >= n-1 {
			return 0, false
		}
		w := prog[pc]
		m := int(w >> 8)
		if w&0xf != opWord || w&flagTitle != 0 || m < 1 || pc+1+m > n-1 {
			return 0, false
		}
		words[i].stems = prog[pc+1 : pc+1+m]
		if pc += 1 + m; pc < n-1 && prog[pc] == instr(opNot, 0, 0) {
			words[i].not = true
			pc++
		}
	}
	if pc != n-1 {
		return 0, false
	}
	for i, w := range words {
		if w.not || !sameKeys(w.stems, keys) {
			continue
		}
		other := words[1-i]
		p := other.stems[0]
		if p >= checkTerm {
			return 0, false
		}
		check := checkPair | p
		if len(other.stems) > 1 {
			check |= checkEnglish
		}
		if other.not {
			check |= checkNot
		}
		return check, true
	}
	return 0, false
}

// sameKeys reports whether keys are stems without repeats, in order: the keys of a word (see keysOf).
func sameKeys(stems, keys []uint32) bool {
	i := 0
	for j, s := range stems {
		repeat := false
		for _, r := range stems[:j] {
			repeat = repeat || r == s
		}
		if repeat {
			continue
		}
		if i >= len(keys) || keys[i] != s {
			return false
		}
		i++
	}
	return i == len(keys)
}
