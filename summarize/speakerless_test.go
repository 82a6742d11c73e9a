package summarize

import (
	"slices"
	"testing"
)

func TestOnlyQuotation(t *testing.T) {
	tests := []struct {
		sent string
		want bool
	}{
		{"“It’s insane. It’s insane.”", true},
		{`"Shots fired! One down! One down!"`, true},
		{"'I just thought it was important we gave them some kind of performance.", true}, // still open: Daily Mail splits long quotations
		{"'Going on the bus towards the game there were so many fans that I felt, 'Wow, this is a massive game'.", true},
		{`"The club's had two seasons where they've stabilised in the Championship. That has to be the aim.`, true},
		{`"I'm ready, I've been fit all season," Clarkson told the St Mirren website.`, false},
		{"‘He’s fully behind Guz when he plays in the league team,’ said Sherwood.", false},
		{`"Star Wars" earned more than $1bn in its first month.`, false},
		{"'90s fashion is back in the shops this spring.", false},
		{`Police said the gunman "opened fire without warning".`, false},
		{"The council voted on Tuesday to keep the ferry subsidy.", false},
		{`"`, false},
	}
	for _, tt := range tests {
		if got := onlyQuotation(tt.sent); got != tt.want {
			t.Errorf("onlyQuotation(%q) = %v, want %v", tt.sent, got, tt.want)
		}
	}
}

func TestMarkSpeakerless(t *testing.T) {
	sents := []string{
		"“It’s insane,” a neighbour said of the shootings.",
		`"I was impressed by what the chairman had to say," he explained.`,
		`"The club's had two seasons where they've stabilised in the Championship. That has to be the aim."`,
		"Rotherham finished one place outside the relegation zone last season.",
	}
	quoted := appendQuoted(nil, sents)
	markSpeakerless(quoted, sents)
	if want := []bool{false, false, true, false}; !slices.Equal(quoted, want) {
		t.Errorf("marks = %v, want %v", quoted, want)
	}
	first := []string{"“It’s insane. It’s insane.”", "Investigators said a dozen shootings may be connected."}
	quoted = appendQuoted(nil, first)
	markSpeakerless(quoted, first)
	if quoted[0] {
		t.Error("the article's first sentence was marked: nothing comes before it")
	}
}
