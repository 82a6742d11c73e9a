package query

// ArabicStem returns the Light10 stem of an Arabic-script word (Arabic,
// Persian, Urdu), normalised as arabicStem normalises it: the stem by which
// the query engine matches the word. A word that is not entirely Arabic
// letters is returned unchanged. The story linker compares Arabic-script
// headlines by these stems (stories.Features), so that "الزلزال" and
// "زلزال" are one term there as here.
func ArabicStem(word string) string { return arabicStem(word) }
