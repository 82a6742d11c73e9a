package summarize

import (
	"strings"
	"unicode/utf8"
)

// germanStopWord reports whether the lower-cased word is a German function
// word. The Snowball module has no German stemmer or stop list, so this
// short list covers the words that dominate German news prose.
func germanStopWord(w string) bool {
	switch w {
	case "aber", "alle", "allem", "allen", "aller", "als", "also", "am", "an", "ander",
		"auch", "auf", "aus", "bei", "bin", "bis", "bist", "da", "damit", "dann", "das",
		"dass", "daß", "dein", "dem", "den", "denn", "der", "des", "dessen", "dich", "die",
		"dies", "diese", "diesem", "diesen", "dieser", "dieses", "dir", "doch", "dort", "du",
		"durch", "ein", "eine", "einem", "einen", "einer", "eines", "er", "es", "etwa",
		"für", "gegen", "hat", "hatte", "hätte", "haben", "hier", "ich", "ihm", "ihn",
		"ihnen", "ihr", "ihre", "ihrem", "ihren", "ihrer", "im", "in", "ins", "ist", "jetzt",
		"kann", "kein", "keine", "man", "mehr", "mit", "muss", "nach", "nicht", "noch",
		"nun", "nur", "ob", "oder", "ohne", "seit", "sehr", "sein", "seine", "seinem",
		"seinen", "seiner", "sich", "sie", "sind", "so", "soll", "sollen", "über", "um",
		"und", "uns", "unter", "vom", "von", "vor", "war", "waren", "was", "weil", "wenn",
		"wer", "werden", "wie", "wieder", "will", "wir", "wird", "wo", "wurde", "wurden",
		"zu", "zum", "zur", "zwischen", "sagte", "sagt", "laut", "bereits", "sowie":
		return true
	}
	return false
}

// germanStem strips the common German inflection endings from w, keeping
// at least four runes, and folds umlauts so that "Länder" and "Land" meet.
func germanStem(w string) string {
	if strings.ContainsAny(w, "äöüß") {
		w = strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "ß", "ss").Replace(w)
	}
	for _, suffix := range [...]string{"ungen", "heiten", "keiten", "ern", "em", "en", "er", "es", "e", "n", "s"} {
		if strings.HasSuffix(w, suffix) && utf8.RuneCountInString(w)-len(suffix) >= 4 {
			return w[:len(w)-len(suffix)]
		}
	}
	return w
}
