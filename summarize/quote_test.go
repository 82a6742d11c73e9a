package summarize

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestAppendQuoted(t *testing.T) {
	tests := []struct {
		name  string
		sents []string
		want  []bool
	}{
		{name: "British single quotes over several sentences (Daily Mail)",
			sents: []string{
				"He said: 'I think it must be.",
				"At one stage I thought I would go and climb mountains for her.",
				"I realised I was climbing for myself.'",
				"Last month Mr Ballard became the first to solo climb all six great north faces of the Alps.",
			},
			want: []bool{false, true, true, false}},
		{name: "curly single quotes, apostrophes inside words do not close",
			sents: []string{
				"‘I’d be over the moon to get it as it’s something I’ve worked hard towards,’ said Locke.",
				"‘I had a taste of it at Hearts and really enjoyed it.",
				"I’m fortunate I was put into this position at a great club.",
				"It’s a fantastic opportunity.’",
				"Locke replaced Allan Johnston in February.",
			},
			want: []bool{false, false, true, true, false}},
		{name: "a quotation reopened on a new paragraph stays inside",
			sents: []string{
				"He said: 'I just don't recognise it at all.",
				"'We haven't had a request show for a long, long time.",
				"So it's complete nonsense.'",
			},
			want: []bool{false, true, true}},
		{name: "double quotes across paragraphs (BBC)",
			sents: []string{
				`Mr Howe said: "A couple of weeks later, the fact that we haven't scored is difficult to take.`,
				`"We have to keep creating chances," he added.`,
				"Bournemouth play Leicester on Saturday.",
			},
			want: []bool{false, true, false}},
		{name: "a quotation closed in its sentence opens nothing",
			sents: []string{
				"Roger Wright dismissed as 'complete nonsense' claims that the station was dumbing down.",
				`The trust said the meals were "a great way" to try new foods.`,
				"Half of parents said their children asked for school foods at home.",
			},
			want: []bool{false, false, false}},
		{name: "possessives and shortened words are not quotation marks",
			sents: []string{
				"The players' wages rose by a third in the '90s.",
				"Fans sang rock 'n' roll songs outside the ground.",
				"The club said tickets were sold out.",
			},
			want: []bool{false, false, false}},
		{name: "a stray opening mark lapses",
			sents: []string{
				"Fans chanted 'Come on you Spurs before kick-off.",
				"Two.", "Three.", "Four.", "Five.", "Six.", "Seven.",
				"Tottenham won 2-0.",
			},
			want: []bool{false, true, true, true, true, true, true, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := appendQuoted(nil, tt.sents); !slices.Equal(got, tt.want) {
				t.Errorf("appendQuoted = %v, want %v", got, tt.want)
			}
		})
	}
}

// A sentence inside a quotation, or one that is only a quotation, is a
// speaker's words without the speaker: "I realised I was climbing for
// myself." or "“It’s insane. It’s insane.”" in an alert reads as the
// outlet's own words or as nobody's. It is chosen only right after the
// sentence that opens the quotation or names the speaker (issue 13, point
// 2; the splitter cuts "“It’s complicated,” said the chief." from the
// quotation that follows it).
func TestSummaryKeepsQuotationsWithTheirSpeaker(t *testing.T) {
	tests := []struct {
		name, title, text    string
		sentences            int
		quote, speaker, news string
	}{
		{name: "inside a quotation over paragraphs",
			title: "Council keeps ferry subsidy",
			text: "The island council voted on Tuesday to keep paying the subsidy for the Arran ferry.\n\n" +
				"Council leader Mary Bell told the meeting: 'This is a good day for the island.\n\n" +
				"Without the subsidy the Arran ferry would stop every winter and the Arran ferry crews would lose their jobs.'\n\n" +
				"The ferry subsidy will cost the council two million pounds a year.\n\n" +
				"Passengers on the ferry welcomed the vote at the harbour.\n\n" +
				"The operator will publish a winter timetable next month.",
			sentences: 2, quote: "Without the subsidy", speaker: "Mary Bell", news: "voted on Tuesday"},
		{name: "only a quotation, speaker in the sentence before",
			title: "Detectives: deadly home invasion could be part of violent weekend",
			text: "Investigators said there is a good chance nearly a dozen shootings in Marlow County this weekend are connected.\n\n" +
				"During a home invasion Saturday night, a 9-month-old baby was killed.\n\n" +
				"Investigators told Channel 4 the shootings may have all started with a murder earlier this month.\n\n" +
				"“It’s complicated,” said Marlow Police Chief Dana Pruitt. “It’s insane. It’s insane.”\n\n" +
				"Officers are going door-to-door on Elm Farm Road looking for clues.\n\n" +
				"Three women were shot during the home invasion.",
			sentences: 3, quote: "insane", speaker: "said Marlow Police Chief", news: "are connected"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustNew(t, Options{Sentences: tt.sentences})
			got := s.Summarize(context.Background(), Input{Title: tt.title, Text: tt.text})
			if strings.Contains(got, tt.quote) && !strings.Contains(got, tt.speaker) {
				t.Errorf("summary quotes without the speaker: %q", got)
			}
			if !strings.Contains(got, tt.news) {
				t.Errorf("summary lacks the news: %q", got)
			}
		})
	}
}

// A dependent opening ("She said ...") brings the sentence before it
// (withPrevious), but not when that one is itself inside a quotation: the
// summary would open on words without a speaker.
func TestDependentOpeningNotPairedWithAQuotation(t *testing.T) {
	text := "Boats. Music. Food.\n\n" +
		"Mary Bell spoke to the meeting: 'It is a good day.\n\n" +
		"We kept our promise to the people who voted for us.'\n\n" +
		"She said the Arran ferry subsidy keeps the Arran ferry running to Arran every winter.\n\n" +
		"The Arran ferry subsidy costs the council two million pounds a year.\n\n" +
		"Crews on the Arran ferry welcomed the subsidy vote.\n\n" +
		"A winter timetable follows next month."
	s := mustNew(t, Options{Sentences: 2})
	got := s.Summarize(context.Background(), Input{Title: "Council vote", Text: text})
	if strings.HasPrefix(got, "We kept") {
		t.Errorf("summary opens inside a quotation: %q", got)
	}
	if got == "" {
		t.Error("no summary")
	}
}

// TestHasQuoteMarkAsContainsAny: the byte test gives what
// strings.ContainsAny(s, quoteMarks) gives, on the marks, their bytes
// cut, joined to invalid UTF-8 and to other characters of the E2 80 row,
// and on random byte strings rich in those bytes.
func TestHasQuoteMarkAsContainsAny(t *testing.T) {
	tests := []string{
		"", "plain sentence.", `He said "yes".`, "It's", "‘a’", "“a”", "\u2018", "\u2019", "\u201c", "\u201d",
		"a \u2014 dash", "\u2026", "\u201a low", "\u201e low", "\u201b", "\u201f", "\xe2\x80", "\xe2", "x\xe2\x80\x98",
		"\xe2\xe2\x80\x98", "\xc3\xe2\x80\x9d", "\xf0\x9f\xe2\x80\x9c", "\xe2\x80\x80\x98", "\xe2\x81\x98", "\xe3\x80\x98",
		"\xef\xbc\x82", "\xff'", "a\u2018", "\x80\x98", "abc\xe2\x80\x99",
	}
	for _, s := range tests {
		if got, want := hasQuoteMark(s), strings.ContainsAny(s, quoteMarks); got != want {
			t.Errorf("hasQuoteMark(%q) = %v, strings.ContainsAny %v", s, got, want)
		}
	}
	alphabet := []byte{'a', ' ', '"', '\'', 0xe2, 0x80, 0x98, 0x99, 0x9c, 0x9d, 0x9a, 0xc3, 0xf0, 0x9f, 0xbf}
	r := rand.New(rand.NewPCG(31, 2))
	for range 20000 {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
			if b[i] == '"' || b[i] == '\'' {
				b[i] = alphabet[r.IntN(len(alphabet))] // fewer ASCII marks: the multi-byte ones decide
			}
		}
		s := string(b)
		if got, want := hasQuoteMark(s), strings.ContainsAny(s, quoteMarks); got != want {
			t.Fatalf("hasQuoteMark(%q) = %v, strings.ContainsAny %v", s, got, want)
		}
	}
}

// FuzzHasQuoteMark: hasQuoteMark is strings.ContainsAny(s, quoteMarks).
func FuzzHasQuoteMark(f *testing.F) {
	for _, s := range []string{"a \u2018b\u2019", "\xe2\xe2\x80\x9c", "plain", "\xe2\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasQuoteMark(s), strings.ContainsAny(s, quoteMarks); got != want {
			t.Fatalf("hasQuoteMark(%q) = %v, strings.ContainsAny %v", s, got, want)
		}
	})
}
