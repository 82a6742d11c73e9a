package summarize

import (
	"reflect"
	"testing"
)

func TestRunOnParts(t *testing.T) {
	tests := []struct {
		name string
		sent string
		want []string // the parts; all but the last are captions
	}{
		// Cut: a caption glued to the next sentence.
		{"connective after a party's name",
			"The former leader, pictured on the campaign trail this week, urged voters to back Labour And he warned the vote will decide the next five years.",
			[]string{"The former leader, pictured on the campaign trail this week, urged voters to back Labour", "And he warned the vote will decide the next five years."}},
		{"connective after a people's name",
			"The anniversary marks the massacre of an estimated 1.5 million Armenians And it's the seventh year the word has gone unsaid.",
			[]string{"The anniversary marks the massacre of an estimated 1.5 million Armenians", "And it's the seventh year the word has gone unsaid."}},
		{"pronoun after a figure",
			"The former champion is now offering to post messages for $20 He was once worth millions.",
			[]string{"The former champion is now offering to post messages for $20", "He was once worth millions."}},
		{"Elsewhere after a place",
			"A winger celebrates his strike against the visitors in Madrid Elsewhere, the hosts extended their winless run to six games.",
			[]string{"A winger celebrates his strike against the visitors in Madrid", "Elsewhere, the hosts extended their winless run to six games."}},
		{"That's after a place",
			"A photographer captured this man carrying live chickens in baskets in Sapa, Vietnam That's one way to travel.",
			[]string{"A photographer captured this man carrying live chickens in baskets in Sapa, Vietnam", "That's one way to travel."}},
		{"With between words in lower case",
			"A former controller dismissed claims that the station was dumbing down With just two million listeners, it is the least listened-to station.",
			[]string{"A former controller dismissed claims that the station was dumbing down", "With just two million listeners, it is the least listened-to station."}},
		{"The after an object pronoun",
			"The owner said the dog never tries to hurt the lizard and loves to chase after him The video maker can be heard laughing.",
			[]string{"The owner said the dog never tries to hurt the lizard and loves to chase after him", "The video maker can be heard laughing."}},
		{"attributed quotation after a caption",
			"The coach will be confirmed as the club's permanent manager on Friday ‘I’d be over the moon to get it,’ said the coach.",
			[]string{"The coach will be confirmed as the club's permanent manager on Friday", "‘I’d be over the moon to get it,’ said the coach."}},
		{"attributed quotation after a verb's participle",
			"The promoter says the contracts have yet to be signed 'We agreed we would all sign the final contract,' the promoter said.",
			[]string{"The promoter says the contracts have yet to be signed", "'We agreed we would all sign the final contract,' the promoter said."}},
		{"surname after the caption's full name and a day",
			"The jockey will be handed his trophy by Ian Wright at Sandown on Saturday Wright is now a television pundit.",
			[]string{"The jockey will be handed his trophy by Ian Wright at Sandown on Saturday", "Wright is now a television pundit."}},
		{"surname and a photo reference after the caption's full name",
			"The jockey will be handed his trophy by Ian Wright at Sandown on Saturday Wright (centre) is now a television pundit.",
			[]string{"The jockey will be handed his trophy by Ian Wright at Sandown on Saturday", "Wright (centre) is now a television pundit."}},
		{"surname after a full name with initials",
			"The trophy goes to AP McCoy, who played for years as a professional McCoy is a huge supporter of the club.",
			[]string{"The trophy goes to AP McCoy, who played for years as a professional", "McCoy is a huge supporter of the club."}},
		{"surname after the caption's full name and a noun",
			"England flanker James Haskell returned to the club for the 2012 season Haskell posted the image on Thursday.",
			[]string{"England flanker James Haskell returned to the club for the 2012 season", "Haskell posted the image on Thursday."}},

		{"a related link's headline glued after a people's name",
			"Why the country won't say the word when it comes to the Armenians In her prize-winning book, the ambassador criticised policy makers.",
			[]string{"Why the country won't say the word when it comes to the Armenians", "In her prize-winning book, the ambassador criticised policy makers."}},

		{"pronoun after a caption in Title Case",
			"Prince Harry And Meghan Markle Arrive At The Premiere He said the film was a triumph for everyone involved.",
			[]string{"Prince Harry And Meghan Markle Arrive At The Premiere", "He said the film was a triumph for everyone involved."}},
		{"pronoun after a caption in Title Case after a sentence without a stop",
			"Crowds gathered outside the palace on Friday Lady Gaga Is Seen Leaving The Hotel In London She wore a red coat and waved to fans.",
			[]string{"Crowds gathered outside the palace on Friday Lady Gaga Is Seen Leaving The Hotel In London", "She wore a red coat and waved to fans."}},
		{"They after a caption in Title Case with a possessive",
			"Fans Queue For Hours Outside The Club's Stadium To Buy Tickets They were turned away at noon.",
			[]string{"Fans Queue For Hours Outside The Club's Stadium To Buy Tickets", "They were turned away at noon."}},

		{"a plural of a number after a court's name",
			"A motorist, 48, lost his case at the Court of Appeal Millions of motorists face higher parking fines after the ruling.",
			[]string{"A motorist, 48, lost his case at the Court of Appeal", "Millions of motorists face higher parking fines after the ruling."}},
		{"a plural of a number after a word in lower case",
			"Rescuers worked through the night at the scene Thousands of people were left without power.",
			[]string{"Rescuers worked through the night at the scene", "Thousands of people were left without power."}},

		// Kept whole: names, titles, quotations in prose.
		{"an acronym with a colon in prose", "The alliance said in a statement from NATO: the talks will go on.", nil},
		{"capitals in prose without a colon", "The band played DON'T STOP BELIEVING at the end of the night.", nil},
		{"a plural of a number in a title in Title Case", "He read The Day Millions Of Us Marched on the train.", nil},
		{"a plural of a number after a dash", "The result – Thousands of votes were lost – shocked the party.", nil},
		{"a pronoun after a title in Title Case with one function word", "He shops at Marks And Spencer It said it would cut prices.", nil},
		{"a pronoun after a short title in Title Case", "The film Lord Of The Rings It was a hit with critics.", nil},
		{"a pronoun after a quoted headline in Title Case", "The story ran under the headline ‘Prince Harry And Meghan Arrive At The Premiere’ in the paper.", nil},
		{"a quoted headline in Title Case before a pronoun", "The paper ran 'Why The Fed Is Wrong About The Euro As It stands' on its front page.", nil},
		{"a title in Title Case before a verb", "Fans of Harry Potter And The Order Of The Phoenix queued at dawn.", nil},
		{"a newspaper's name before a pronoun", "It was reported by The New York Times He said nothing more.", nil},
		{"Prime Minister and a name before a pronoun", "The Prime Minister Theresa May She said the vote would go ahead.", nil},
		{"a title in Title Case ending on a pronoun before a capital", "The band played Love Is All Around And It Was Good Fun on Friday.", nil},
		{"a surname after a time word", "Marco Doe was named in the indictment and earlier this month Doe was charged with assault.", nil},
		{"a surname in a clause inside a noun phrase", "Jane Doe bought a gun, and the handgun Doe used was owned by her husband.", nil},
		{"a surname after which and a noun", "After talking to the suspect, Antonio Taylor, the officer walked back to his car, at which time Taylor exited his vehicle and fired three shots.", nil},
		{"a surname after whose and a noun", "Police identified the owner as John Doe, whose car Doe parked outside the bank was later towed.", nil},
		{"a surname after a verb", "An autopsy of John Doe and the tests confirm Doe died of a gunshot wound.", nil},
		{"a quotation after a video's running time", "Suspect arrested 3:22 'Their main concern is the way the city operates,' says a mother.", nil},
		{"a surname after police", "Police named the boy as Medina Doe and according to police Doe was shot once.", nil},
		{"a surname after a verb in -s", "The review of Deonte Doe's case reveals Doe was attempting a robbery.", nil},
		{"a title ending on a pronoun, then a verb", "It was the year the horse Don't Push It won the race.", nil},
		{"a surname as a verb's object", "The form of striker Harry Kane has seen Adebayor pushed down the pecking order.", nil},
		{"a role ending in s before a surname", "Promoter Bob Arum said the fight is on and Top Rank boss Arum is promoting it himself.", nil},
		{"a nationality after a capitalised article", "The Russian embassy said the convoys allowed Russian soldiers to defeat the Germans.", nil},
		{"a title in Title Case with In", "The film Made In Dagenham was shown on Friday.", nil},
		{"In after a name before an article", "He said the best of Britain In the end was its people.", nil},
		{"a firm's name with And", "He bought the shirt at Marks And Spencer on Oxford Street.", nil},
		{"a title with With", "She won a series of Dancing With the Stars in 2012.", nil},
		{"a title with The", "The band The Killers played on Friday night.", nil},
		{"Prime Minister and a name", "The Prime Minister Theresa May said the vote would go ahead.", nil},
		{"a newspaper's name", "The op-ed was published by The New York Times on Wednesday.", nil},
		{"a role before a surname", "Former Toronto striker Jermain Defoe scored twice and striker Defoe added a third.", nil},
		{"a surname after a function word", "The trophy went to Ian Wright, and Wright is now a pundit.", nil},
		{"a surname with no full name before it", "Fans cheered at the end of the season Haskell posted a picture.", nil},
		{"a quotation after a verb of saying", "The coach said 'We agreed we would all sign,' and left.", nil},
		{"a quotation after a colon", "The coach told reporters: ‘We will win,’ he said.", nil},
		{"a quoted headline inside a sentence", "The film is being dubbed ‘The First Great Escape’ by its makers.", nil},
		{"a quotation without attribution", "Fans unfurled a banner reading 'We are staying' before kick-off.", nil},
		{"a quoted name", "He learned poker from the infamous ‘King of Instagram’ on Friday.", nil},
		{"a title ending on a pronoun", "She sang Just Do It at the premiere.", nil},
		{"And before a capital", "Johnson And Johnson shares rose on Tuesday.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want []part
			if tt.want == nil {
				want = []part{{text: tt.sent}}
			}
			for i, w := range tt.want {
				want = append(want, part{text: w, caption: i < len(tt.want)-1})
			}
			if got := appendParts(nil, tt.sent, langEnglish); !reflect.DeepEqual(got, want) {
				t.Errorf("appendParts(%q)\n got %+v\nwant %+v", tt.sent, got, want)
			}
		})
	}
}
