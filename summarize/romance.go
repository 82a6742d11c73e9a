package summarize

import "strings"

// italianStopWord reports whether the lower-cased word is an Italian
// function word. The Snowball module has no Italian stemmer or stop list,
// so this short list covers the words that dominate Italian news prose.
func italianStopWord(w string) bool {
	switch w {
	case "il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "di", "a", "da", "in", "con",
		"su", "per", "tra", "fra", "del", "della", "dei", "degli", "delle", "al", "alla", "ai",
		"agli", "alle", "dal", "dalla", "dai", "nel", "nella", "nei", "negli", "nelle", "sul",
		"sulla", "e", "ed", "o", "ma", "che", "chi", "non", "è", "sono", "era", "erano", "ha",
		"hanno", "aveva", "essere", "stato", "stata", "stati", "anche", "come", "più", "questo",
		"questa", "questi", "quello", "quella", "suo", "sua", "suoi", "loro", "si", "ci", "ne",
		"secondo", "detto", "dopo", "già", "ancora", "se", "quando", "dove":
		return true
	}
	return false
}

// portugueseStopWord reports whether the lower-cased word is a Portuguese
// function word (the Snowball module has no Portuguese either).
func portugueseStopWord(w string) bool {
	switch w {
	case "o", "a", "os", "as", "um", "uma", "uns", "umas", "de", "do", "da", "dos", "das", "em",
		"no", "na", "nos", "nas", "por", "pelo", "pela", "pelos", "pelas", "para", "com", "sem",
		"ao", "aos", "à", "às", "e", "ou", "mas", "que", "se", "não", "é", "são", "foi", "foram",
		"era", "ser", "está", "estão", "tem", "têm", "como", "mais", "também", "seu", "sua",
		"seus", "suas", "ele", "ela", "eles", "elas", "este", "esta", "esse", "essa", "isso",
		"já", "ainda", "após", "segundo", "disse", "afirmou", "quando", "onde", "entre":
		return true
	}
	return false
}

// russianStopWord adds to Snowball's Russian list the words news prose uses
// in nearly every sentence whatever the story ("said", "reported").
func russianStopWord(w string) bool {
	switch w {
	case "заявил", "заявила", "заявили", "сообщил", "сообщила", "сообщили", "сказал", "сказала",
		"также", "году", "года", "год", "это", "этом", "словам", "данным", "по", "ранее":
		return true
	}
	return false
}

// romanceSuffixes are the endings romanceStem removes, longest first:
// Italian and Portuguese inflections of number, gender and the common
// derivations. Enough to match "elezioni" with "elezione" and "eleições"
// with "eleição" for sentence similarity; not a stemmer for search.
var romanceSuffixes = []string{
	"azioni", "azione", "amente", "imento", "ações", "ação", "mente", "ções", "ção", "zioni",
	"zione", "ando", "endo", "indo", "ados", "adas", "ati", "ate", "ato", "ata", "ado", "ada",
	"ões", "ão", "os", "as", "es", "i", "e", "o", "a", "s",
}

// romanceStem strips one inflectional ending from w, keeping at least four
// letters; "eleições" and "eleição" both give "elei", "governo",
// "governos" and "governi" "govern".
func romanceStem(w string) string {
	for _, s := range romanceSuffixes {
		if rest, ok := strings.CutSuffix(w, s); ok && len([]rune(rest)) >= 4 {
			return rest
		}
	}
	return w
}
