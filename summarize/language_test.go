package summarize

import "testing"

// Reporting words are in nearly every news sentence whatever the story;
// counted as content, a sentence of attributions ("A spokesman said they
// had told residents, and added ...") would look as central as the news.
func TestReportingWordsAreNotTerms(t *testing.T) {
	v := newVocabulary()
	for _, tt := range []struct {
		word string
		term bool
	}{
		{"said", false}, {"says", false}, {"told", false}, {"added", false}, {"according", false}, {"also", false},
		{"ferry", true}, {"engine", true}, {"saidi", true},
	} {
		if got := v.term(langEnglish, []byte(tt.word)) != noTerm; got != tt.term {
			t.Errorf("%q is a term: %v, want %v", tt.word, got, tt.term)
		}
	}
}
