package query

import (
	"unicode"
	"unicode/utf8"
)

// language is a language whose words Newshound stems (see stemKey). The languages written in Latin script come
// first, English before them all.
type language uint8

const (
	langEnglish language = iota
	langGerman
	langFrench
	langSpanish
	langItalian
	langPortuguese
	langRussian
	numLanguages
)

// latinLanguages is how many languages, from langEnglish on, are written in Latin script.
const latinLanguages = int(langRussian)

// langSet is a set of languages, bit 1<<language.
type langSet uint8

// allLatin is the set of the languages written in Latin script: the candidates for a Latin word whose language
// nothing tells.
const allLatin = langSet(1)<<latinLanguages - 1

func (s langSet) has(l language) bool { return s&(1<<l) != 0 }

// code returns the ISO 639-1 code of l.
func (l language) code() string {
	return [...]string{"en", "de", "fr", "es", "it", "pt", "ru"}[l]
}

// stopWords maps the commonest short words of each Latin-script language, as Terms normalises them (lower case,
// no diacritics), to the languages that use them: the evidence by which latinScore tells a text's language. Words
// that are common in several languages are listed under each.
var stopWords = func() map[string]langSet {
	lists := [latinLanguages]string{
		langEnglish: "the of and to is was for that with on are by from at be has have this it as an will said " +
			"not but were which their they after its been who would or more than over about into",
		langGerman: "der die das und ist nicht den dem des ein eine einer einem mit von zu auf fur sich im sie " +
			"es wird werden wurde auch nach bei aus hat sind dass als um noch wie zum zur uber vor",
		langFrench: "le la les et des du un une est dans pour que qui sur au aux par pas ne se plus ce avec il " +
			"elle ont sont son sa ses leur mais ete cette selon apres",
		langSpanish: "el la los las y del en un una es que por con para se no al lo su sus como mas pero fue " +
			"ha este esta sobre entre tras segun desde son",
		langItalian: "il la lo gli le di e che del della dei delle un una per con non sono si al alla nel nella " +
			"ha da anche come ma dopo questo stato degli",
		langPortuguese: "o a os as e do da dos das em um uma que para com nao no na por se ao mais foi sao seu " +
			"sua como mas pelo pela ja entre apos",
	}
	m := map[string]langSet{}
	for l, list := range lists {
		start := -1
		for i := 0; i <= len(list); i++ {
			if i < len(list) && list[i] != ' ' {
				if start < 0 {
					start = i
				}
				continue
			}
			if start >= 0 {
				m[list[start:i]] |= 1 << l
				start = -1
			}
		}
	}
	return m
}()

// maxStopWord is the length in bytes of the longest stop word: longer tokens need no look-up.
const maxStopWord = 6

// latinScore counts, per Latin-script language, the stop words of a text.
type latinScore [latinLanguages]int

// add counts n occurrences of token t.
func (sc *latinScore) add(t string, n int) {
	if len(t) > maxStopWord {
		return
	}
	set, ok := stopWords[t]
	if !ok {
		return
	}
	for l := range sc {
		if set.has(language(l)) {
			sc[l] += n
		}
	}
}

// languages returns the languages in which the counted text is most likely written: those whose count is more than
// half the highest one, or every Latin-script language when no stop word was counted at all (a headline of names,
// say, whose words are then stemmed under each).
func (sc *latinScore) languages() langSet {
	top := 0
	for _, n := range sc {
		top = max(top, n)
	}
	if top == 0 {
		return allLatin
	}
	var set langSet
	for l, n := range sc {
		if 2*n > top {
			set |= 1 << l
		}
	}
	return set
}

// DetectLanguages returns the ISO 639-1 codes of the languages in which Newshound reads text's words when it
// stems them: "ru" when text has a Cyrillic word, and the Latin-script languages (en, de, fr, es, it, pt) whose
// commonest short words it uses most — all six when it uses none, as a headline of names may. A document's Latin
// words are stemmed under each language returned; its Cyrillic words always as Russian. It never fails.
func DetectLanguages(text string) []string {
	var sc latinScore
	cyrillic := false
	newNormalizer().tokens(text, func(tok []byte) {
		sc.add(string(tok), 1)
		if r, _ := utf8.DecodeRune(tok); unicode.Is(unicode.Cyrillic, r) {
			cyrillic = true
		}
	})
	set := sc.languages()
	var out []string
	for l := range language(latinLanguages) {
		if set.has(l) {
			out = append(out, l.code())
		}
	}
	if cyrillic {
		out = append(out, langRussian.code())
	}
	return out
}
