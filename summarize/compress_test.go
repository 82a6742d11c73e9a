package summarize

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCutAttributionTail(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"officials said", "A two-year-old boy is recovering after falling into a cheetah exhibit at the zoo, officials said.",
			"A two-year-old boy is recovering after falling into a cheetah exhibit at the zoo."},
		{"the force added", "The company was cooperating fully with the investigation, the force added.",
			"The company was cooperating fully with the investigation."},
		{"said and the speaker", "Adrian Fatchett, 52, was injured at a house in Highfield Avenue, said South Yorkshire Police.",
			"Adrian Fatchett, 52, was injured at a house in Highfield Avenue."},
		{"a named speaker and a day", "The spacecraft will re-enter the atmosphere after controllers lost contact with it, astronaut Scott Kelly said Wednesday.",
			"The spacecraft will re-enter the atmosphere after controllers lost contact with it."},
		{"told a paper", "The striker has agreed a new four-year contract with the club, his agent told Reuters.",
			"The striker has agreed a new four-year contract with the club."},
		{"on a day", "The bridge was closed to traffic after engineers found cracks in two piers, the council said on Tuesday.",
			"The bridge was closed to traffic after engineers found cracks in two piers."},
		{"said and an article", "The bridge was closed to traffic after engineers found cracks in two piers, said the County Council.",
			"The bridge was closed to traffic after engineers found cracks in two piers."},
		{"an abbreviation's full stop ends it", "The march ended peacefully in the town centre by 6 p.m., police said.",
			"The march ended peacefully in the town centre by 6 p.m."},
		// Must stay.
		{"a day is no speaker", "The spacecraft will re-enter the atmosphere in about a week, the agency, said Wednesday.",
			"The spacecraft will re-enter the atmosphere in about a week, the agency, said Wednesday."},
		{"an opinion stays its speaker's", "Blackburn should brace themselves for interest in their players, manager Gary Bowyer has said.",
			"Blackburn should brace themselves for interest in their players, manager Gary Bowyer has said."},
		{"a guess stays its speaker's", "It could mean much earlier diagnosis for thousands of patients, they said.",
			"It could mean much earlier diagnosis for thousands of patients, they said."},
		{"quoted words keep their speaker", `He was suspended after it "became aware of a police investigation into him", a party spokesman said.`,
			`He was suspended after it "became aware of a police investigation into him", a party spokesman said.`},
		{"single quotes keep their speaker", "The club's form has been 'nothing short of remarkable' this season, the chairman said.",
			"The club's form has been 'nothing short of remarkable' this season, the chairman said."},
		{"a denial stays", "The minister knew about the payments before the election, his office did not say.",
			"The minister knew about the payments before the election, his office did not say."},
		{"a conjunction is no speaker", "The storm damaged dozens of homes across the county, and then he said.",
			"The storm damaged dozens of homes across the county, and then he said."},
		{"an accusation stays the speaker's", "Kenneth Bacque Jr. shot his son and then himself at their home in Sulphur, deputies said.",
			"Kenneth Bacque Jr. shot his son and then himself at their home in Sulphur, deputies said."},
		{"a long description is no speaker", "The bridge was closed to traffic after engineers found cracks, the head of the county's roads department said.",
			"The bridge was closed to traffic after engineers found cracks, the head of the county's roads department said."},
		{"two commas", "The bridge was closed to traffic after engineers found cracks, Mr Smith, the engineer, said.",
			"The bridge was closed to traffic after engineers found cracks, Mr Smith, the engineer, said."},
		{"too short once cut", "It was a mistake, he said.", "It was a mistake, he said."},
		{"said mid-sentence", "Police said the man was arrested at his home in Leeds on Friday.",
			"Police said the man was arrested at his home in Leeds on Friday."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cutAttributionTail(tt.in); got != tt.want {
				t.Errorf("cutAttributionTail(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCutDashAsides(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"hyphens as dashes", "A climber has set his sights on the summit of K2 - the second highest mountain in the world - after his mother died there.",
			"A climber has set his sights on the summit of K2 after his mother died there."},
		{"en dashes", "Fellow guard Simon Scott – whose Facebook profile has now been deleted – posted messages slamming the company.",
			"Fellow guard Simon Scott posted messages slamming the company."},
		{"two asides", "The woman – who asked to remain anonymous – spoke after a report – published on the website – revealed the figures.",
			"The woman spoke after a report revealed the figures."},
		// Must stay.
		{"a figure stays", "Fighters from many nations – more than 100 of them – have joined militant groups.",
			"Fighters from many nations – more than 100 of them – have joined militant groups."},
		{"a figure in words stays", "At least 35 people have been shot — eight of them fatally — across the city since Friday.",
			"At least 35 people have been shot — eight of them fatally — across the city since Friday."},
		{"a denial stays", "The minister – who has not commented on the claims – left the building by a side door.",
			"The minister – who has not commented on the claims – left the building by a side door."},
		{"one dash is no aside", "He was clear about one thing - the team must win on Saturday.",
			"He was clear about one thing - the team must win on Saturday."},
		{"more of the list stays", "Jessica Shelton lost three of her grown children — and an unborn grandson — in a shooting spree.",
			"Jessica Shelton lost three of her grown children — and an unborn grandson — in a shooting spree."},
		{"what it includes stays", "A drive-by shooting injured two people — including a young girl — near the lake.",
			"A drive-by shooting injured two people — including a young girl — near the lake."},
		{"a hyphenated word is no dash", "The well-known twenty-year-old player signed a three-year deal.",
			"The well-known twenty-year-old player signed a three-year deal."},
		{"a score stays", "Arsenal beat Chelsea 2 - 1 and Spurs drew 1 - 1 on Sunday.",
			"Arsenal beat Chelsea 2 - 1 and Spurs drew 1 - 1 on Sunday."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cutDashAsides(tt.in); got != tt.want {
				t.Errorf("cutDashAsides(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCompress(t *testing.T) {
	tests := []struct {
		name string
		in   string
		lang language
		want string
	}{
		{"both", "Eight guards – employed by the operator – have been suspended over posts on social media, officials said.", langEnglish,
			"Eight guards have been suspended over posts on social media."},
		{"not English", "Die Polizei – so ein Sprecher – hat den Mann am Freitag festgenommen, sagte er.", langGerman,
			"Die Polizei – so ein Sprecher – hat den Mann am Freitag festgenommen, sagte er."},
		{"a fragment once cut stays whole", "The mayor – who was re-elected in May – left.", langEnglish,
			"The mayor – who was re-elected in May – left."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := compress(tt.in, tt.lang); got != tt.want {
				t.Errorf("compress(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// A summary shows its sentences compressed; the choice is made before.
func TestSummaryCompressesChosenSentences(t *testing.T) {
	text := "A climber has set his sights on the summit of K2 - the second highest mountain in the world - decades after his mother died attempting the same feat, his family said.\n\n" +
		"Alison Hargreaves was swept to her death in strong winds on her descent from the Himalayan mountain in 1995.\n\n" +
		"Now her son Tom Ballard, one of the world's most accomplished climbers, plans to conquer K2 himself."
	s := mustNew(t, Options{})
	got := s.Summarize(context.Background(), Input{Title: "Climber to attempt K2", Text: text})
	want := "A climber has set his sights on the summit of K2 decades after his mother died attempting the same feat. Alison Hargreaves"
	if !strings.HasPrefix(got, want) {
		t.Errorf("summary = %q, want it to open %q", got, want)
	}
}

// BenchmarkCompress compresses three chosen sentences, one with a tail
// and one with an aside: the cost compression adds to a summary.
func BenchmarkCompress(b *testing.B) {
	sents := []string{
		"A two-year-old boy is recovering after falling into a cheetah exhibit at the Cleveland Metroparks Zoo after his parents dangled him over the edge, officials said.",
		"A climber has set his sights on the summit of K2 - the second highest mountain in the world - 20 years after his mother died attempting the same feat.",
		"The toddler's mother was holding him and another child when he slipped and fell between 10 to 12ft and into the pit on Saturday around 3pm.",
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			compress(s, langEnglish)
		}
	}
}

// FuzzCompress: compression only removes, keeps valid UTF-8 valid and
// never leaves a fragment.
func FuzzCompress(f *testing.F) {
	f.Add("A climber set his sights on K2 - the second highest mountain - after his mother died there, his family said.")
	f.Add("The march ended by 6 p.m., police said.")
	f.Add("x – y – z, said A.")
	f.Fuzz(func(t *testing.T, sent string) {
		got := compress(sent, langEnglish)
		if len(got) > len(sent)+1 { // a full stop may replace a removed tail's
			t.Fatalf("compress(%q) = %q grew", sent, got)
		}
		if utf8.ValidString(sent) && !utf8.ValidString(got) {
			t.Fatalf("compress(%q) = %q: invalid UTF-8", sent, got)
		}
		if got != sent && countWords(got) < minSentenceWords {
			t.Fatalf("compress(%q) = %q: a fragment", sent, got)
		}
	})
}
