package summarize

import (
	"reflect"
	"testing"
)

func TestAppendParts(t *testing.T) {
	tests := []struct {
		name string
		sent string
		want []part
	}{
		{name: "prose stays whole",
			sent: "The kite, which weighs 200 kilograms, needs three experienced flyers to steer it.",
			want: []part{{text: "The kite, which weighs 200 kilograms, needs three experienced flyers to steer it."}}},
		{name: "caption label glued after a caption",
			sent: "Flying high: Half of the kite took to the sky on Saturday Skilful: The kite weighs 200 kilograms and needs three flyers However, aviation officials ruled it could not be flown in full.",
			want: []part{
				{text: "Flying high: Half of the kite took to the sky on Saturday", caption: true},
				{text: "Skilful: The kite weighs 200 kilograms and needs three flyers", caption: true},
				{text: "However, aviation officials ruled it could not be flown in full."},
			}},
		{name: "a date glued to a related link's headline",
			sent: "8 things to know about the mass killings of Armenians 100 years ago In 2006, the ambassador was asked to resign.",
			want: []part{
				{text: "8 things to know about the mass killings of Armenians 100 years ago", caption: true},
				{text: "In 2006, the ambassador was asked to resign."},
			}},
		{name: "a title with In and a year after a capital",
			sent: "He starred in Born In 1980 and won praise on 12 May.",
			want: []part{{text: "He starred in Born In 1980 and won praise on 12 May."}}},
		{name: "a figure after in and on in lower case",
			sent: "Prices rose in 2006 and fell on 12 May, the agency said.",
			want: []part{{text: "Prices rose in 2006 and fell on 12 May, the agency said."}}},
		{name: "a fact box's label in capitals after a name",
			sent: "Michael Vaughan (Age 40) CURRENT JOB: Broadcaster and columnist.",
			want: []part{
				{text: "Michael Vaughan (Age 40)", caption: true},
				{text: "CURRENT JOB: Broadcaster and columnist.", caption: true},
			}},
		{name: "a caption's label in capitals glued to a sentence",
			sent: "Our analysis found the follower count appears to be significantly inflated FACEBOOK FAKERY: She boasts two-thirds of a million likes.",
			want: []part{
				{text: "Our analysis found the follower count appears to be significantly inflated", caption: true},
				{text: "FACEBOOK FAKERY: She boasts two-thirds of a million likes.", caption: true},
			}},
		{name: "a sentence after a label in capitals",
			sent: "VOTERS GUIDE: Compare the candidates on the issues.",
			want: []part{{text: "VOTERS GUIDE: Compare the candidates on the issues.", caption: true}}},
		{name: "pronoun glued to a caption",
			sent: "Three parties backed the first aid campaign on the curriculum It means only one major party has made no pledge.",
			want: []part{
				{text: "Three parties backed the first aid campaign on the curriculum", caption: true},
				{text: "It means only one major party has made no pledge."},
			}},
		{name: "article glued to a caption",
			sent: "Accused: The consultant, 38, has denied four counts of assault A senior doctor is accused of groping a nurse.",
			want: []part{
				{text: "Accused: The consultant, 38, has denied four counts of assault", caption: true},
				{text: "A senior doctor is accused of groping a nurse."},
			}},
		{name: "The after a caption's bracket",
			sent: "The boy fell into the cheetah pit at the zoo (file photo) The boy was rescued by his parents.",
			want: []part{
				{text: "The boy fell into the cheetah pit at the zoo (file photo)", caption: true},
				{text: "The boy was rescued by his parents."},
			}},
		{name: "The after a closing quotation mark",
			sent: "Fighter ace: Douglas Bader's story is to be told in a film dubbed ‘The First Great Escape’ The story of how Bader recovered from losing both legs is remarkable enough.",
			want: []part{
				{text: "Fighter ace: Douglas Bader's story is to be told in a film dubbed ‘The First Great Escape’", caption: true},
				{text: "The story of how Bader recovered from losing both legs is remarkable enough."},
			}},
		{name: "a sentence that lost its full stop after a quotation",
			sent: "The manager said the team would treat the next seven games as 'finals' The 26-year-old has been in fine form this season.",
			want: []part{
				{text: "The manager said the team would treat the next seven games as 'finals'", caption: true},
				{text: "The 26-year-old has been in fine form this season."},
			}},
		{name: "a quotation followed by a name or a verb is prose",
			sent: "She called the plan \"a disaster\" Labour said, and 'Jaws' Amy watched twice was 'the best' they had seen.",
			want: []part{{text: "She called the plan \"a disaster\" Labour said, and 'Jaws' Amy watched twice was 'the best' they had seen."}}},
		{name: "a sentence after a bracket of one word",
			sent: "The 1956 film Reach for the Sky starred Kenneth More (pictured) A series of makeshift ladders were made from wood.",
			want: []part{
				{text: "The 1956 film Reach for the Sky starred Kenneth More (pictured)", caption: true},
				{text: "A series of makeshift ladders were made from wood."},
			}},
		{name: "a preposition opening a sentence between two lower-case words",
			sent: "A series of pictures by German artist Jörg Düsterwald show body-painted models camouflaged in woodland In many of the pictures, the paint makes it impossible to tell where the person is.",
			want: []part{
				{text: "A series of pictures by German artist Jörg Düsterwald show body-painted models camouflaged in woodland", caption: true},
				{text: "In many of the pictures, the paint makes it impossible to tell where the person is."},
			}},
		{name: "The opening a sentence between two lower-case words",
			sent: "The video begins with the Chihuahua jumping around while the bearded dragon appears disinterested The reptile then turns to face the dog.",
			want: []part{
				{text: "The video begins with the Chihuahua jumping around while the bearded dragon appears disinterested", caption: true},
				{text: "The reptile then turns to face the dog."},
			}},
		{name: "a capitalised preposition or article before a name is not glue",
			sent: "The cast flew to Belgium to film In Bruges and visited The Hague before filming At Eternity's Gate.",
			want: []part{{text: "The cast flew to Belgium to film In Bruges and visited The Hague before filming At Eternity's Gate."}}},
		{name: "nor after a function word (a title written in sentence case)",
			sent: "She starred in The woman in black at the Fortune Theatre for a year.",
			want: []part{{text: "She starred in The woman in black at the Fortune Theatre for a year."}}},
		{name: "an acronym in brackets is not glue",
			sent: "Figures from the Office for National Statistics (ONS) The report said were revised.",
			want: []part{{text: "Figures from the Office for National Statistics (ONS) The report said were revised."}}},
		{name: "letter labels are not glue",
			sent: "Doctors said vitamin A supplements and a Plan A approach helped, and Group An players agreed.",
			want: []part{{text: "Doctors said vitamin A supplements and a Plan A approach helped, and Group An players agreed."}}},
		{name: "capitalised words in a title are not glue",
			sent: "The singer performed Shake It Off and told Sky News she would tour in the spring.",
			want: []part{{text: "The singer performed Shake It Off and told Sky News she would tour in the spring."}}},
		{name: "a colon after a name in a sentence is not a label",
			sent: "Today in the Ledger: council votes on a flood barrier after the storm.",
			want: []part{{text: "Today in the Ledger: council votes on a flood barrier after the storm."}}},
		{name: "a work's title after a function word is not a label, though a capital follows",
			sent: "Images of the actor on set were released with today's release of Fall of an Empire: The Story of Katherine of Alexandria.",
			want: []part{{text: "Images of the actor on set were released with today's release of Fall of an Empire: The Story of Katherine of Alexandria."}}},
		{name: "nor after an adjective such as new",
			sent: "With the new Avengers: Age of Ultron movie released this week, the England flanker showed off his inner Iron Man.",
			want: []part{{text: "With the new Avengers: Age of Ultron movie released this week, the England flanker showed off his inner Iron Man."}}},
		{name: "nor after a capital when a Title-Case subtitle ends the sentence",
			sent: "He is on the big screen playing Black Panther in Captain America: Civil War.",
			want: []part{{text: "He is on the big screen playing Black Panther in Captain America: Civil War."}}},
		{name: "nor when a lower-case word follows the colon",
			sent: "Two victims were taken in stable condition to Northwestern Memorial Hospital: a 22-year-old man shot in his leg and a woman.",
			want: []part{{text: "Two victims were taken in stable condition to Northwestern Memorial Hospital: a 22-year-old man shot in his leg and a woman."}}},
		{name: "a label opening a sentence stays a caption before Title Case",
			sent: "Wanted: Police in Maryland have issued a warrant for the arrest of a 26-year-old karate instructor",
			want: []part{{text: "Wanted: Police in Maryland have issued a warrant for the arrest of a 26-year-old karate instructor", caption: true}}},
		{name: "a label with a word in lower case after a function word",
			sent: "The scan takes about five minutes and shows how strong the bones are, it Boost your calcium: The best sources are milk and cheese.",
			want: []part{
				{text: "The scan takes about five minutes and shows how strong the bones are, it", caption: true},
				{text: "Boost your calcium: The best sources are milk and cheese.", caption: true},
			}},
		{name: "a heading's label of capitals after capitals",
			sent: "SHOW US YOUR MEDALS: Played 133 Tests, more than any England cricketer.",
			want: []part{
				{text: "SHOW US YOUR MEDALS: Played 133 Tests, more than any England cricketer.", caption: true},
			}},
		{name: "a one-word label after a name, names after it",
			sent: "Mr Ray nailed the shed door shut while Ms Jackson was inside Quiet: Ms Jackson and Mr Ray were neighbours in this cul-de-sac",
			want: []part{
				{text: "Mr Ray nailed the shed door shut while Ms Jackson was inside", caption: true},
				{text: "Quiet: Ms Jackson and Mr Ray were neighbours in this cul-de-sac", caption: true},
			}},
		{name: "a one-word label after a possessive, a team's name after it",
			sent: "He was undergoing surgery on Wednesday morning for his wounds Arrested: Atlanta Hawks' players Thabo Sefolosha and Pero Antic were held.",
			want: []part{
				{text: "He was undergoing surgery on Wednesday morning for his wounds", caption: true},
				{text: "Arrested: Atlanta Hawks' players Thabo Sefolosha and Pero Antic were held.", caption: true},
			}},
		{name: "a caption's own label before a Title-Case credit",
			sent: "A child was taken to hospital on January 19, 2016 Photo: Metro Video Image.",
			want: []part{
				{text: "A child was taken to hospital on January 19, 2016", caption: true},
				{text: "Photo: Metro Video Image.", caption: true},
			}},
		{name: "caption label alone",
			sent: "Proud mum: Jean with her lamb after a three-hour labour at the farm",
			want: []part{{text: "Proud mum: Jean with her lamb after a three-hour labour at the farm", caption: true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := appendParts(nil, tt.sent, langEnglish); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("appendParts =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
	german := "Der Minister sagte am Montag Berlin: Wir handeln jetzt."
	if got := appendParts(nil, german, langGerman); len(got) != 1 || got[0].caption {
		t.Errorf("German prose split: %+v", got)
	}
}

func TestDependsOnPrevious(t *testing.T) {
	tests := []struct {
		sent string
		want bool
	}{
		{"He said the talks would resume on Monday.", true},
		{"But the council rejected the plan.", true},
		{"However, the vote was delayed.", true},
		{"They were rescued by a lifeboat crew.", true},
		{`"They will pay," she said.`, true},
		{"Theresa May said the talks would resume.", false},
		{"Heavy rain closed the road.", false},
		{"The council rejected the plan.", false},
		{"Butler won the race in record time.", false},
		{"This would have meant anyone criticising the government could face 12 years in prison.", true},
		{"That was the last time the two met.", true},
		{"This week the council voted to close the bridge.", false},
		{"This year's harvest was the smallest since 1990.", false},
		{"That Ohio town has lost a third of its jobs.", false},
		{"Now, a study has found it may make your brain larger, too.", true},
		{"Now the complete ban is being lifted.", true},
		{"Now in its third year, the festival drew 40,000 people.", false},
		{"Nowhere was the damage worse than in the harbour.", false},
		{"Both were taken to hospital with minor injuries.", true},
		{"Nonetheless, the council approved the budget.", true},
		{"As a result, the road was closed for six hours.", true},
		{"In addition, two officers were injured.", true},
		{"Despite this, the ferry sailed on time.", true},
		{"On the other hand, exports rose.", true},
		{"Bothwell won the seat in 2019.", false},
		{"As many as 40 homes were flooded.", false},
		{"In addition to the fine, the firm must pay costs.", false},
		{"As a result of the storm, 40 homes lost power.", false},
		{"In 2006, the ambassador was asked to resign.", false},
		{"Despite the rain, thousands marched.", false},
		{"On Monday the council voted to close the bridge.", false},
		{"In an unsuccessful effort to save his life, he was driven apparently by friends to the hospital.", true},
		{"Speaking to reporters on Monday, they said the plant would close.", true},
		{"Blended into the background, these models are difficult to tell apart from their surroundings.", true},
		{"After Smith was arrested, he told police he had acted alone.", false},
		{"At the time, it was unclear who had fired.", false},
		{"In 2006, the ambassador was asked to resign, he said.", false},
		{"Police said that on Friday, they had arrested two men.", false},
		{"Last year, he was named the city's police chief.", true},
		{"For many people with severe disabilities, their families and carers, the trip is hard.", false},
		{"When officers arrived on the scene, they found a house riddled with bullet holes.", false},
		{"After police arrived, they found two men dead.", false},
	}
	for _, tt := range tests {
		if got := dependsOnPrevious(tt.sent, langEnglish); got != tt.want {
			t.Errorf("dependsOnPrevious(%q) = %v, want %v", tt.sent, got, tt.want)
		}
	}
	if dependsOnPrevious("Er sagte, die Gespräche gingen weiter.", langGerman) {
		t.Error("German sentence flagged: the word list is English")
	}
}

func TestEndsSentence(t *testing.T) {
	for s, want := range map[string]bool{
		"The road reopened on Monday.":                 true,
		`"It is over," she said.`:                      true,
		`He said: "It is over."`:                       true,
		"Is it over?":                                  true,
		"台風が上陸した。":                                     true,
		"Liverpool into last four after Euro thriller": false,
		"Proud mum: Jean with her lamb":                false,
	} {
		if got := endsSentence(s); got != want {
			t.Errorf("endsSentence(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestLeansBack(t *testing.T) {
	tests := []struct {
		s    string
		lang language
		want bool
	}{
		{"Nurses staff it.", langEnglish, true},
		{"Police questioned him.", langEnglish, true},
		{"Their shop reopened.", langEnglish, true},
		{"Roads flooded.", langEnglish, false},
		{"Nurses from the town staff it around the clock.", langEnglish, false}, // long enough to say something
		{"Itself a small town.", langEnglish, false},                            // a word, not the pronoun
		{"Nurses staff it.", langGerman, false},
	}
	for _, tt := range tests {
		if got := leansBack(tt.s, countWords(tt.s), tt.lang); got != tt.want {
			t.Errorf("leansBack(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// TestCutFromItsStart: a sentence opening on a word in small letters is a
// piece cut from its start; a particle before a name and a brand stand.
func TestCutFromItsStart(t *testing.T) {
	tests := []struct {
		sent string
		want bool
	}{
		{"town and asking what could have happened.", true},
		{"and the road was closed for six hours.", true},
		{"istock 1993: Dr. David Gunn is shot to death outside a clinic.", true},
		{"de Blasio said the subway would reopen.", false},
		{"iPhone sales fell for the third quarter.", false},
		{"eBay said it would cut 500 jobs.", false},
		{"The road was closed for six hours.", false},
		{"3 people were hurt.", false},
	}
	for _, tt := range tests {
		if got := cutFromItsStart(tt.sent, langEnglish); got != tt.want {
			t.Errorf("cutFromItsStart(%q) = %v, want %v", tt.sent, got, tt.want)
		}
	}
}
