package summarize

import (
	"slices"
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{name: "plain", text: "One fish. Two fish! Red fish? Blue fish.",
			want: []string{"One fish.", "Two fish!", "Red fish?", "Blue fish."}},
		{name: "a source's sentences glued", text: "Police said four teens were shot.Eyewitness News has confirmed one died. The shooting was in Southwest Philadelphia.They say the victims went to hospitals.Someone opened fire at 9:25 p.m.",
			want: []string{"Police said four teens were shot.", "Eyewitness News has confirmed one died.", "The shooting was in Southwest Philadelphia.", "They say the victims went to hospitals.", "Someone opened fire at 9:25 p.m."}},
		{name: "glued, and what ends no sentence stays", text: "Read it on Example.com or Example.Co.uk today. Rates rose 3.5 points.The U.S.A.Today list and Mr.Kim and Gov.Smith stayed. Ask ASP.NET users.",
			want: []string{"Read it on Example.com or Example.Co.uk today.", "Rates rose 3.5 points.", "The U.S.A.Today list and Mr.Kim and Gov.Smith stayed.", "Ask ASP.NET users."}},
		{name: "honorifics", text: "Mr. Kim met Dr. Lee and Gen. Park in St. Louis. They spoke.",
			want: []string{"Mr. Kim met Dr. Lee and Gen. Park in St. Louis.", "They spoke."}},
		{name: "acronym mid sentence", text: "The U.S. Treasury and the U.K. government agreed. Talks end.",
			want: []string{"The U.S. Treasury and the U.K. government agreed.", "Talks end."}},
		{name: "acronym ends sentence", text: "He moved to the U.S. The move was quick.",
			want: []string{"He moved to the U.S.", "The move was quick."}},
		{name: "ago ends a sentence", text: "The storm hit three days ago. Billy Moore lost his roof. It was 15 de ago. 2024 then.",
			want: []string{"The storm hit three days ago.", "Billy Moore lost his roof.", "It was 15 de ago. 2024 then."}},
		{name: "dates and numbers", text: "On Jan. 5 and Sept. 11 the No. 10 team won. It was late.",
			want: []string{"On Jan. 5 and Sept. 11 the No. 10 team won.", "It was late."}},
		{name: "money and decimals", text: "Acme raised $1.5 billion, up 3.5% on the year. Shares rose 2.75 percent.",
			want: []string{"Acme raised $1.5 billion, up 3.5% on the year.", "Shares rose 2.75 percent."}},
		{name: "company suffix inside", text: "Acme Inc. said profits fell. Beta Corp. The rival gained.",
			want: []string{"Acme Inc. said profits fell.", "Beta Corp.", "The rival gained."}},
		{name: "quote with comma", text: `"We will win," he said. She agreed.`,
			want: []string{`"We will win," he said.`, "She agreed."}},
		{name: "quote ends inside", text: `He said: "It is over." Then he left.`,
			want: []string{`He said: "It is over."`, "Then he left."}},
		{name: "question in quote then lower case", text: `"Is it over?" she asked. Nobody knew.`,
			want: []string{`"Is it over?" she asked.`, "Nobody knew."}},
		{name: "curly quotes", text: "“We are ready.” The army moved.",
			want: []string{"“We are ready.”", "The army moved."}},
		{name: "hyphenated title", text: "Then-Sen. Barack Obama and ex-Gov. Jeb Bush spoke, as did then-Rep. Ron Paul. Minneapolis-St. Paul voted. He lives in Minneapolis-St. Paul. The vote was late.",
			want: []string{"Then-Sen. Barack Obama and ex-Gov. Jeb Bush spoke, as did then-Rep. Ron Paul.", "Minneapolis-St. Paul voted.", "He lives in Minneapolis-St. Paul.", "The vote was late."}},
		{name: "hyphenated word ends a sentence", text: "The vote was a follow-up. The rest stayed. Turnout was high in the run-off. Then he left.",
			want: []string{"The vote was a follow-up.", "The rest stayed.", "Turnout was high in the run-off.", "Then he left."}},
		{name: "initials", text: "J.R.R. Tolkien and George W. Bush never met. True.",
			want: []string{"J.R.R. Tolkien and George W. Bush never met.", "True."}},
		{name: "ellipsis", text: "He paused... Then he spoke. It was the end… Or not.",
			want: []string{"He paused...", "Then he spoke.", "It was the end…", "Or not."}},
		{name: "ellipsis mid sentence", text: "It was... well, odd. Fine.",
			want: []string{"It was... well, odd.", "Fine."}},
		{name: "time of day", text: "The vote is at 5 p.m. Tuesday in Washington. It may slip.",
			want: []string{"The vote is at 5 p.m. Tuesday in Washington.", "It may slip."}},
		{name: "line breaks end sentences", text: "Headline without stop\nBody starts here. Ends.",
			want: []string{"Headline without stop", "Body starts here.", "Ends."}},
		{name: "german ordinal date", text: "Die Wahl findet am 3. Oktober statt. Das ist neu.",
			want: []string{"Die Wahl findet am 3. Oktober statt.", "Das ist neu."}},
		{name: "german abbreviation", text: "Der Bund zahlt 1,5 Mio. Euro, z.B. für Schulen. Das reicht nicht.",
			want: []string{"Der Bund zahlt 1,5 Mio. Euro, z.B. für Schulen.", "Das reicht nicht."}},
		{name: "spanish", text: "El Sr. García llegó a Madrid. ¿Qué pasó? Nadie sabe.",
			want: []string{"El Sr. García llegó a Madrid.", "¿Qué pasó?", "Nadie sabe."}},
		{name: "cjk", text: "東京で地震があった。被害は小さい！本当？",
			want: []string{"東京で地震があった。", "被害は小さい！", "本当？"}},
		{name: "url and email", text: "See example.com/a.b for details. Write to a.b@example.org now.",
			want: []string{"See example.com/a.b for details.", "Write to a.b@example.org now."}},
		{name: "quotation of two sentences", text: `"The worst is not over. The tide peaks at 9 p.m.," said Ines Holm. Ferries stopped.`,
			want: []string{`"The worst is not over. The tide peaks at 9 p.m.," said Ines Holm.`, "Ferries stopped."}},
		{name: "curly quotation of two sentences", text: "He said: “We are ready. We will go.” The army moved.",
			want: []string{"He said: “We are ready. We will go.”", "The army moved."}},
		{name: "german quotation", text: "„Die Bahn hat kein Angebot vorgelegt. Wir streiken“, sagte Reiß. Die Bahn widersprach.",
			want: []string{"„Die Bahn hat kein Angebot vorgelegt. Wir streiken“, sagte Reiß.", "Die Bahn widersprach."}},
		{name: "stray quote closed by the line", text: "He said \"no. Then left.\nNext line. Here.",
			want: []string{"He said \"no. Then left.", "Next line.", "Here."}},
		{name: "inch marks do not open quotes", text: "A 55\" screen costs $400. It sold out.",
			want: []string{"A 55\" screen costs $400.", "It sold out."}},
		{name: "no words", text: " ... \n -- ", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sentences(tt.text)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// wordBefore reads a token back to its start, but no further back than
// maxWordBytes: a text of full stops without spaces read to its start at
// every one of them (256 KB of "a.a.": 73 s a summary).
func TestWordBeforeStopsAtALongToken(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"He met Mr. Kim", "Mr"},
		{"in the U.S. The", "U.S"},
		{"«J.R.R. Tolkien", "J.R.R"},
		{strings.Repeat("a.", 1000) + " Next", strings.Repeat("a.", 1000)[2000-1-maxWordBytes : 2000-1]},
	} {
		p := strings.LastIndexByte(tt.text[:strings.LastIndexByte(tt.text, ' ')+1], '.')
		if got := wordBefore(tt.text, 0, p); got != tt.want {
			t.Errorf("wordBefore(%.30q…) = %.70q, want %.70q", tt.text, got, tt.want)
		}
	}
}
