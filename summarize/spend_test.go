package summarize

import (
	"context"
	"strings"
	"testing"
)

// collisionText is a short BBC-like report: one word, "collision", is a
// large share of its words, so after the second sentence is chosen a
// sentence that only repeats it ("The force has appealed for witnesses to
// the collision") still outscored the one fact left (the tractor driver)
// while spend squared the word's probability instead of spending it.
const collisionText = "The crash happened at about 14:15 on the B1191 at Thornton, near Woodhall Spa.\n\n" +
	"Police said the motorcyclist killed in the collision lived locally, but have not released any further details.\n\n" +
	"The tractor driver was not injured.\n\n" +
	"The force has appealed for witnesses to the collision to come forward.\n\n" +
	"The B1191 was closed in both directions between the B1192 Tattershall Road junction in Woodhall Spa and the A153 at Tattershall."

func TestSpendUsesUpChosenTerms(t *testing.T) {
	sc := newScratch()
	text := "Flood water reached the harbour wall on Tuesday night.\n\n" +
		"The flood water reached the wall.\n\n" +
		"Ferries to the islands were cancelled until Thursday."
	n := sc.prepare(Clean(text), "", langEnglish)
	if n != 3 {
		t.Fatalf("%d sentences %q, want 3", n, sc.sents[:n])
	}
	sc.weigh(n)
	sc.similarity(n)
	sc.markRestated(n)
	sc.textRank(n)
	scorer := DefaultScorer()
	sc.scoreSentences(n, &scorer)
	before := sc.freq[1]
	if before <= 0 {
		t.Fatalf("sentence 1 %q has frequency %v before any choice, want > 0", sc.sents[1], before)
	}
	sc.spend(n, 0)
	if sc.freq[1] != 0 {
		t.Errorf("after the first sentence is chosen, sentence 1 %q (only its words) has frequency %v, want 0", sc.sents[1], sc.freq[1])
	}
	if sc.freq[2] <= 0 {
		t.Errorf("sentence 2 %q shares no word with the chosen one, yet its frequency is %v", sc.sents[2], sc.freq[2])
	}
	sc.unspend(n)
	if sc.freq[1] != before {
		t.Errorf("unspend left sentence 1's frequency at %v, want %v", sc.freq[1], before)
	}
}

func TestSummaryTakesTheNewFactNotARepeatedWord(t *testing.T) {
	s := mustNew(t, Options{})
	got := s.Summarize(context.Background(), Input{Text: collisionText})
	if !strings.Contains(got, "The tractor driver was not injured.") {
		t.Errorf("summary leaves out the one new fact: %q", got)
	}
}
