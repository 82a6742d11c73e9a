package summarize

import (
	"context"
	"strings"
	"testing"
)

// restatedText is a Daily Mail-like story whose quotation is restated
// further down in fewer words: word frequency alone prefers the shorter
// restatement.
const restatedText = "The story of how Douglas Bader recovered from losing both legs to become a fighter ace is remarkable enough.\n\n" +
	"Now a little-known chapter of his war is to be told in a Hollywood film about a mass escape from a prison camp.\n\n" +
	"Bader was shot down over France in August 1941 and ended up in a German prison camp at Warburg.\n\n" +
	"The fighter ace went on to describe the Warburg escape as the most brilliant escape conception of this war.\n\n" +
	"The ladders were made from wood from a wrecked hut and crafted in the camp's music room.\n\n" +
	"They were disguised as bookshelves.\n\n" +
	"On the night of the break the prisoners fused the search lights and 41 men rushed the fence.\n\n" +
	"Three of them made a home run to Britain.\n\n" +
	"Bader described the Warburg escape as the most brilliant escape conception of this war."

func TestMarkRestated(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []bool
	}{
		{name: "a later restatement is marked, the first statement is not",
			text: restatedText,
			want: []bool{false, false, false, false, false, false, false, false, true}},
		{name: "unrelated sentences are not",
			text: "The council voted to keep the ferry subsidy on Tuesday.\n\nCrews welcomed the vote at the harbour.\n\nA winter timetable follows next month.",
			want: []bool{false, false, false}},
		{name: "a sentence that repeats a caption is not: the caption is never offered",
			text: "Proud mum: Jean Smith gave birth to twins at the hospital in Leeds\n\nJean Smith gave birth to twins at the hospital in Leeds on Friday.\n\nThe twins weigh five pounds each.",
			want: []bool{false, false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := newScratch()
			n := sc.prepare(Clean(tt.text), "", langEnglish)
			sc.weigh(n)
			sc.similarity(n)
			sc.markRestated(n)
			got := append([]bool(nil), sc.restates[:n]...)
			if len(got) != len(tt.want) {
				t.Fatalf("%d sentences %q, want %d", n, sc.sents[:n], len(tt.want))
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("sentence %d %q: restates %v, want %v", i, sc.sents[i], got[i], tt.want[i])
				}
			}
		})
	}
}

func TestSummaryOffersTheFirstStatementNotItsRestatement(t *testing.T) {
	s := mustNew(t, Options{})
	got := s.Summarize(context.Background(), Input{Text: restatedText})
	if strings.Contains(got, "Bader described the Warburg escape") {
		t.Errorf("summary takes the restatement: %q", got)
	}
	if got == "" {
		t.Error("no summary")
	}
}
