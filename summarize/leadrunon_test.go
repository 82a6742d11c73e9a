package summarize

import (
	"reflect"
	"testing"
)

// TestKeepLead checks that a text's first sentence split before "And" or
// "But" keeps its first part as the lead, with a full stop, while a
// caption stays a caption: one with a label, one with a photo's bracket,
// one glued before a sentence of its own, and any such join after the
// text's first sentence.
func TestKeepLead(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // the candidates, "caption: " before a caption
	}{
		{name: "a lead that lost its full stop before And",
			text: "This week is the 100th anniversary of the massacre of an estimated 1.5 million Armenians And it's also the seventh year in a row the president has broken his promise. The White House declined to comment.",
			want: []string{
				"This week is the 100th anniversary of the massacre of an estimated 1.5 million Armenians.",
				"And it's also the seventh year in a row the president has broken his promise.",
				"The White House declined to comment.",
			}},
		{name: "a lead that lost its full stop before But, after a figure",
			text: "The club was sold last summer for $20 But the new owners kept the manager and his staff. Fans welcomed the news.",
			want: []string{
				"The club was sold last summer for $20.",
				"But the new owners kept the manager and his staff.",
				"Fans welcomed the news.",
			}},
		{name: "a caption with a label before the lead stays a caption",
			text: "Accused: The consultant, 38, has denied four counts of assault But a nurse said he groped her on a night shift. The trial continues.",
			want: []string{
				"caption: Accused: The consultant, 38, has denied four counts of assault",
				"But a nurse said he groped her on a night shift.",
				"The trial continues.",
			}},
		{name: "a caption with a photo's bracket stays a caption",
			text: "A tourist said she was molested by a taxi driver in Jaipur (pictured posed by model) But police said the driver denied it. He is in custody.",
			want: []string{
				"caption: A tourist said she was molested by a taxi driver in Jaipur (pictured posed by model)",
				"But police said the driver denied it.",
				"He is in custody.",
			}},
		{name: "a caption before a lead that opens on its own subject stays a caption",
			text: "Tom Ballard plans to climb K2, 20 years after his mother died descending from its peak A climber has set his sights on the summit of K2. He leaves in June.",
			want: []string{
				"caption: Tom Ballard plans to climb K2, 20 years after his mother died descending from its peak",
				"A climber has set his sights on the summit of K2.",
				"He leaves in June.",
			}},
		{name: "a caption glued before And after the first sentence stays a caption",
			text: "The former prime minister said the SNP wanted chaos. Gordon Brown urged patriotic Scots to vote Labour And he warned that the vote would decide the future of Scotland.",
			want: []string{
				"The former prime minister said the SNP wanted chaos.",
				"caption: Gordon Brown urged patriotic Scots to vote Labour",
				"And he warned that the vote would decide the future of Scotland.",
			}},
		{name: "a kicker in capitals over the lead: the lead is kept without it",
			text: "ALBUQUERQUE QUINTUPLE MURDERS: According to KOB, friends identified Greg Griego, a former pastor, as the adult male who was killed at the home. Nehemiah Griego, 15, has been charged with two counts of murder.",
			want: []string{
				"According to KOB, friends identified Greg Griego, a former pastor, as the adult male who was killed at the home.",
				"Nehemiah Griego, 15, has been charged with two counts of murder.",
			}},
		{name: "a place in capitals over the lead: the lead is kept without it",
			text: "NEW YORK: The mayor said on Monday that the city would hire 500 more officers. The council votes next week.",
			want: []string{
				"The mayor said on Monday that the city would hire 500 more officers.",
				"The council votes next week.",
			}},
		{name: "a dateline of one word in capitals: the lead is kept without it",
			text: "MUMBAI: The state government on Monday approved a plan to build 40,000 homes on mill land. Officials said the first towers would be ready by 2028.",
			want: []string{
				"The state government on Monday approved a plan to build 40,000 homes on mill land.",
				"Officials said the first towers would be ready by 2028.",
			}},
		{name: "a dateline of four letters that the text names as a place",
			text: "PUNE: The civic body on Tuesday began a drive against illegal hoardings on the main roads. More than 300 were removed across Pune.",
			want: []string{
				"The civic body on Tuesday began a drive against illegal hoardings on the main roads.",
				"More than 300 were removed across Pune.",
			}},
		{name: "a dateline line under a caption: the caption goes, the lead stays",
			text: "A worker repairs a power line in Chennai.\n\nCHENNAI: The state power utility on Tuesday restored supply to most of the districts hit by the cyclone. Some villages remain dark.",
			want: []string{
				"caption: A worker repairs a power line in Chennai.",
				"The state power utility on Tuesday restored supply to most of the districts hit by the cyclone.",
				"Some villages remain dark.",
			}},
		{name: "a dateline of two words under a caption, the city named in the text",
			text: "Voters queue outside a polling booth on Tuesday.\n\nNEW DELHI: The Election Commission on Tuesday ordered a repoll at 14 booths after complaints. Officials in New Delhi said turnout had been high.",
			want: []string{
				"caption: Voters queue outside a polling booth on Tuesday.",
				"The Election Commission on Tuesday ordered a repoll at 14 booths after complaints.",
				"Officials in New Delhi said turnout had been high.",
			}},
		{name: "a kicker's word in capitals under the lead stays a caption",
			text: "Police shot a man on Main Street on Monday night.\n\nSUSPECT: John Doe, 34, was arrested at his home on Tuesday morning. He is held without bail.",
			want: []string{
				"Police shot a man on Main Street on Monday night.",
				"caption: SUSPECT: John Doe, 34, was arrested at his home on Tuesday morning.",
				"He is held without bail.",
			}},
		{name: "a dateline glued after a sentence on its line stays a caption",
			text: "Crews worked through the night in Chennai. CHENNAI: The state power utility on Tuesday restored supply to most of the districts. Some villages remain dark.",
			want: []string{
				"Crews worked through the night in Chennai.",
				"caption: CHENNAI: The state power utility on Tuesday restored supply to most of the districts.",
				"Some villages remain dark.",
			}},
		{name: "a dateline of three letters the text never names again",
			text: "GOA: The state's beaches will get 200 more lifeguards before the tourist season, the tourism minister said on Monday. The first batch will start work next week.",
			want: []string{
				"The state's beaches will get 200 more lifeguards before the tourist season, the tourism minister said on Monday.",
				"The first batch will start work next week.",
			}},
		{name: "a dateline of four letters the text never names again",
			text: "LIMA: Thousands of protesters marched through the capital on Tuesday demanding early elections. Police fired tear gas near the Congress building.",
			want: []string{
				"Thousands of protesters marched through the capital on Tuesday demanding early elections.",
				"Police fired tear gas near the Congress building.",
			}},
		{name: "a dateline of four letters with a Y before a vowel",
			text: "KYIV: Air raid sirens sounded across the country overnight as drones struck power plants in three regions. Repairs began at dawn.",
			want: []string{
				"Air raid sirens sounded across the country overnight as drones struck power plants in three regions.",
				"Repairs began at dawn.",
			}},
		{name: "an acronym said as a word that the text writes again stays a caption",
			text: "NATO: Allies will send 4,000 more troops to the eastern flank by the end of the year. NATO defence ministers agreed the plan in Brussels.",
			want: []string{
				"caption: NATO: Allies will send 4,000 more troops to the eastern flank by the end of the year.",
				"NATO defence ministers agreed the plan in Brussels.",
			}},
		{name: "an acronym said as a word before the body it names stays a caption",
			text: "FIFA: The governing body said on Monday it would expand the Club World Cup to 48 teams. Clubs welcomed the move.",
			want: []string{
				"caption: FIFA: The governing body said on Monday it would expand the Club World Cup to 48 teams.",
				"Clubs welcomed the move.",
			}},
		{name: "an acronym spelt letter by letter stays a caption",
			text: "FBI: Agents have opened an investigation into the shooting at the mall on Saturday night. They interviewed witnesses.",
			want: []string{
				"caption: FBI: Agents have opened an investigation into the shooting at the mall on Saturday night.",
				"They interviewed witnesses.",
			}},
		{name: "an acronym said as a word before a body it has not named stays a caption",
			text: "OPEC: Oil ministers agreed on Thursday to extend output cuts by nine months, the group said in a statement. Prices rose 2 percent.",
			want: []string{
				"caption: OPEC: Oil ministers agreed on Thursday to extend output cuts by nine months, the group said in a statement.",
				"Prices rose 2 percent.",
			}},
		{name: "an acronym the text spells out stays a caption",
			text: "OPEC: Members agreed to extend their output cuts until the end of next year. The Organization of the Petroleum Exporting Countries meets again in June.",
			want: []string{
				"caption: OPEC: Members agreed to extend their output cuts until the end of next year.",
				"The Organization of the Petroleum Exporting Countries meets again in June.",
			}},
		{name: "an acronym ending in a plural's consonants stays a caption",
			text: "IRS: Taxpayers hit by the hurricane will have until October to file their returns. Penalties for late payment will be waived.",
			want: []string{
				"caption: IRS: Taxpayers hit by the hurricane will have until October to file their returns.",
				"Penalties for late payment will be waived.",
			}},
		{name: "an acronym opening on two vowels no word opens with stays a caption",
			text: "UEFA: Clubs will be allowed five substitutes in European competitions from next season. The change was agreed in Nyon.",
			want: []string{
				"caption: UEFA: Clubs will be allowed five substitutes in European competitions from next season.",
				"The change was agreed in Nyon.",
			}},
		{name: "a dateline before a body the lead names itself goes",
			text: "LIMA: Peru's tax agency will delay the filing deadline by a month, the agency said on Tuesday. Businesses had asked for more time.",
			want: []string{
				"Peru's tax agency will delay the filing deadline by a month, the agency said on Tuesday.",
				"Businesses had asked for more time.",
			}},
		{name: "a dateline before the country's own agency goes",
			text: "ROME: The national statistics agency said on Monday that inflation fell to 1.2 percent in November. Food prices rose.",
			want: []string{
				"The national statistics agency said on Monday that inflation fell to 1.2 percent in November.",
				"Food prices rose.",
			}},
		{name: "an acronym of six letters before the body it names stays a caption",
			text: "UNICEF: The children's agency said on Tuesday that 1.4 million children face famine in four countries this year. It called for funds.",
			want: []string{
				"caption: UNICEF: The children's agency said on Tuesday that 1.4 million children face famine in four countries this year.",
				"It called for funds.",
			}},
		{name: "an acronym of five letters that the text writes again stays a caption",
			text: "UNHCR: More than 2 million people have fled the country since the fighting began. UNHCR staff are working at the border.",
			want: []string{
				"caption: UNHCR: More than 2 million people have fled the country since the fighting began.",
				"UNHCR staff are working at the border.",
			}},
		{name: "a city in capitals before a body whose field is no letter of it goes",
			text: "GENEVA: The health agency said on Monday that cholera cases had doubled in a year in 30 countries. Vaccines are short.",
			want: []string{
				"The health agency said on Monday that cholera cases had doubled in a year in 30 countries.",
				"Vaccines are short.",
			}},
		{name: "a city in capitals before a body named by an owner that is no letter of it goes",
			text: "GENEVA: The UN's health agency said on Monday that cholera cases had doubled in a year. Vaccines are short.",
			want: []string{
				"The UN's health agency said on Monday that cholera cases had doubled in a year.",
				"Vaccines are short.",
			}},
		{name: "an acronym before a body named by its owner stays a caption",
			text: "UNICEF: The UN children's agency said on Tuesday that 2 million children are out of school in the region. It called for funds.",
			want: []string{
				"caption: UNICEF: The UN children's agency said on Tuesday that 2 million children are out of school in the region.",
				"It called for funds.",
			}},
		{name: "an acronym before a body of its kind, not its field, stays a caption",
			text: "NATO: The military alliance said on Monday it would double its battlegroups on the eastern flank. Russia condemned the move.",
			want: []string{
				"caption: NATO: The military alliance said on Monday it would double its battlegroups on the eastern flank.",
				"Russia condemned the move.",
			}},
		{name: "an acronym said as a word over an undated sentence stays a caption",
			text: "NASA: The Perseverance rover has found signs of an ancient river delta in the crater it is exploring. Scientists were thrilled.",
			want: []string{
				"caption: NASA: The Perseverance rover has found signs of an ancient river delta in the crater it is exploring.",
				"Scientists were thrilled.",
			}},
		{name: "an acronym said as a word over a dated forecast nobody says stays a caption",
			text: "NASA: Astronauts will return to Earth on Friday after nine months on the station. Their capsule was delayed.",
			want: []string{
				"caption: NASA: Astronauts will return to Earth on Friday after nine months on the station.",
				"Their capsule was delayed.",
			}},
		{name: "a city of eight letters that the text never names goes",
			text: "BRUSSELS: European Union leaders agreed on Friday to open membership talks with two countries. One leader abstained.",
			want: []string{
				"European Union leaders agreed on Friday to open membership talks with two countries.",
				"One leader abstained.",
			}},
		{name: "a city in capitals that opens a second report of the text is no acronym written again",
			text: "MUMBAI: The state government on Monday approved a plan to build 40,000 homes on mill land. Work starts in May.\n\nMUMBAI: A fire broke out in a crowded market on Sunday night. No one was hurt.",
			want: []string{
				"The state government on Monday approved a plan to build 40,000 homes on mill land.",
				"Work starts in May.",
				"caption: MUMBAI: A fire broke out in a crowded market on Sunday night.",
				"No one was hurt.",
			}},
		{name: "a capitalised dateline the text never names again, over a dated lead",
			text: "Chennai: The Madras high court on Tuesday directed the state to fill potholes on all main roads within a month. The next hearing is in January.",
			want: []string{
				"The Madras high court on Tuesday directed the state to fill potholes on all main roads within a month.",
				"The next hearing is in January.",
			}},
		{name: "a capitalised dateline ending in -ing after a J, as no English word does",
			text: "Beijing: China on Monday warned the United States against selling weapons to Taiwan. The State Department did not comment.",
			want: []string{
				"China on Monday warned the United States against selling weapons to Taiwan.",
				"The State Department did not comment.",
			}},
		{name: "a capitalised dateline ending as an English word, over a dated lead that refers to its place",
			text: "Reading: Police on Monday arrested two men after a stabbing outside a nightclub in the town centre. A man, 24, is in hospital.",
			want: []string{
				"Police on Monday arrested two men after a stabbing outside a nightclub in the town centre.",
				"A man, 24, is in hospital.",
			}},
		{name: "a capitalised dateline ending in -ing after a stem no English word ends with",
			text: "Kunming: Heavy rain on Tuesday flooded dozens of streets and cut power to 20,000 homes. Schools were closed.",
			want: []string{
				"Heavy rain on Tuesday flooded dozens of streets and cut power to 20,000 homes.",
				"Schools were closed.",
			}},
		{name: "a caption's label ending in -ing over a dated sentence stays a caption",
			text: "Shocking: A video shows a man kicking a dog on Sunday in a park near the river. Police are investigating.",
			want: []string{
				"caption: Shocking: A video shows a man kicking a dog on Sunday in a park near the river.",
				"Police are investigating.",
			}},
		{name: "a topic's kicker over a dated lead goes as a dateline does",
			text: "Brexit: The government on Monday published its plan for the border with Ireland after months of talks. MPs will vote next week.",
			want: []string{
				"The government on Monday published its plan for the border with Ireland after months of talks.",
				"MPs will vote next week.",
			}},
		{name: "a topic's label over a headline stays a caption",
			text: "Brexit: what you need to know about the deal agreed on Thursday. The agreement runs to 1,000 pages.",
			want: []string{
				"caption: Brexit: what you need to know about the deal agreed on Thursday.",
				"The agreement runs to 1,000 pages.",
			}},
		{name: "a company's label before the body it names stays a caption",
			text: "Apple: The company said on Tuesday it would open three new stores in India next year. Its shares rose.",
			want: []string{
				"caption: Apple: The company said on Tuesday it would open three new stores in India next year.",
				"Its shares rose.",
			}},
		{name: "a company's label the text writes again stays a caption",
			text: "Netflix: Subscribers will pay $2 more a month from January, Netflix said on Tuesday. Shares rose 4 percent.",
			want: []string{
				"caption: Netflix: Subscribers will pay $2 more a month from January, Netflix said on Tuesday.",
				"Shares rose 4 percent.",
			}},
		{name: "a person's label over a quote opening on a pronoun stays a caption",
			text: "Obama: We will sign the bill on Monday and send it to the states. The former president spoke in Chicago.",
			want: []string{
				"caption: Obama: We will sign the bill on Monday and send it to the states.",
				"The former president spoke in Chicago.",
			}},
		{name: "a caption's label in an English word's ending stays a caption",
			text: "Wanted: Police in Maryland issued a warrant on Monday for the arrest of a karate instructor. He is thought to have fled.",
			want: []string{
				"caption: Wanted: Police in Maryland issued a warrant on Monday for the arrest of a karate instructor.",
				"He is thought to have fled.",
			}},
		{name: "a caption's label over a person and an age stays a caption",
			text: "Heartbreak: Jane Doe, 34, was killed on Sunday when her car left the road near her home. She leaves two children.",
			want: []string{
				"caption: Heartbreak: Jane Doe, 34, was killed on Sunday when her car left the road near her home.",
				"She leaves two children.",
			}},
		{name: "an exclusive's kicker in mixed case over the lead goes",
			text: "Exclusive: The former minister told investigators on Monday that he had warned the prime minister about the deal. He denies wrongdoing.",
			want: []string{
				"The former minister told investigators on Monday that he had warned the prime minister about the deal.",
				"He denies wrongdoing.",
			}},
		{name: "a breaking kicker in mixed case over the lead goes",
			text: "Breaking: Two people were killed and five hurt when a gas explosion tore through an apartment block. Firefighters are at the scene.",
			want: []string{
				"Two people were killed and five hurt when a gas explosion tore through an apartment block.",
				"Firefighters are at the scene.",
			}},
		{name: "an opinion kicker in mixed case over the lead goes",
			text: "Opinion: The city council should not have voted to close the library without asking the people who use it. Readers agree.",
			want: []string{
				"The city council should not have voted to close the library without asking the people who use it.",
				"Readers agree.",
			}},
		{name: "a live page's kicker over a call to its reader stays a caption",
			text: "Live: Follow the results as they come in from across the state on Tuesday night. Polls close at 8 p.m.",
			want: []string{
				"caption: Live: Follow the results as they come in from across the state on Tuesday night.",
				"Polls close at 8 p.m.",
			}},
		{name: "a company's label before a speaker the lead does not name stays a caption",
			text: "Google: The search giant said on Monday it would cut 1,000 jobs in its advertising unit. Shares were flat.",
			want: []string{
				"caption: Google: The search giant said on Monday it would cut 1,000 jobs in its advertising unit.",
				"Shares were flat.",
			}},
		{name: "an exclusive's kicker over a headline stays a caption",
			text: "Exclusive: teen described how he helped render aid to a victim shot in the park\n\nA teenager who saw the shooting said he held the victim's hand until help came.",
			want: []string{
				"caption: Exclusive: teen described how he helped render aid to a victim shot in the park",
				"A teenager who saw the shooting said he held the victim's hand until help came.",
			}},
		{name: "an analysis label inside the text stays",
			text: "The panel released its findings on Monday. Analysis: The results show a sharp fall in reading scores among pupils in poorer areas. Ministers said they would act.",
			want: []string{
				"The panel released its findings on Monday.",
				"caption: Analysis: The results show a sharp fall in reading scores among pupils in poorer areas.",
				"Ministers said they would act.",
			}},
		{name: "a city in capitals under a photo's caption with a full stop, never named",
			text: "A worker repairs a power line after the storm.\n\nLONDON: The transport authority on Tuesday restored services on most underground lines after the flooding. Some stations remain shut.",
			want: []string{
				"caption: A worker repairs a power line after the storm.",
				"The transport authority on Tuesday restored services on most underground lines after the flooding.",
				"Some stations remain shut.",
			}},
		{name: "a kicker's word in capitals under a lead in the past stays a caption",
			text: "A gunman opened fire at a mall on Saturday, killing two people.\n\nREACTION: The mayor called the shooting a tragedy and asked for calm on Sunday. Vigils are planned.",
			want: []string{
				"A gunman opened fire at a mall on Saturday, killing two people.",
				"caption: REACTION: The mayor called the shooting a tragedy and asked for calm on Sunday.",
				"Vigils are planned.",
			}},
		{name: "a dateline in capitalised words that the text places",
			text: "Mumbai: The state government on Monday approved a plan to build 40,000 homes on mill land. Mill workers in Mumbai have waited 30 years for them.",
			want: []string{
				"The state government on Monday approved a plan to build 40,000 homes on mill land.",
				"Mill workers in Mumbai have waited 30 years for them.",
			}},
		{name: "a dateline of two capitalised words that the text places",
			text: "New Delhi: Prime Minister Narendra Modi on Tuesday launched a scheme to give free power to 10 million homes. Officials in New Delhi said it would cost Rs 75,000 crore.",
			want: []string{
				"Prime Minister Narendra Modi on Tuesday launched a scheme to give free power to 10 million homes.",
				"Officials in New Delhi said it would cost Rs 75,000 crore.",
			}},
		{name: "a dateline in capitalised words with its state",
			text: "Putnam County, FL: Deputies say a boy, 4, shot himself with a gun he found in a car in Putnam County on Sunday. The boy is in stable condition.",
			want: []string{
				"Deputies say a boy, 4, shot himself with a gun he found in a car in Putnam County on Sunday.",
				"The boy is in stable condition.",
			}},
		{name: "a capitalised label the text never places, over an undated sentence, stays a caption",
			text: "Mumbai: The state government approved a plan to build 40,000 homes on mill land. Officials said the first towers would be ready by 2028.",
			want: []string{
				"caption: Mumbai: The state government approved a plan to build 40,000 homes on mill land.",
				"Officials said the first towers would be ready by 2028.",
			}},
		{name: "an analysis kicker over the lead goes, the lead stays",
			text: "Analysis: The central bank's decision to hold rates steady shows it still fears inflation in the country. Markets had expected a cut.",
			want: []string{
				"The central bank's decision to hold rates steady shows it still fears inflation in the country.",
				"Markets had expected a cut.",
			}},
		{name: "a warning label stays a caption",
			text: "Warning: This story contains details some readers in Leeds may find distressing. A man has been jailed for 12 years for attacking his neighbour.",
			want: []string{
				"caption: Warning: This story contains details some readers in Leeds may find distressing.",
				"A man has been jailed for 12 years for attacking his neighbour.",
			}},
		{name: "a person's label stays a caption",
			text: "Obama: The economy is growing faster than at any time since the financial crisis. The former president spoke in Chicago.",
			want: []string{
				"caption: Obama: The economy is growing faster than at any time since the financial crisis.",
				"The former president spoke in Chicago.",
			}},
		{name: "a kicker in capitals over the lead goes, the lead stays",
			text: "TRAFFIC: Two lanes of the northbound interstate are closed near exit 12 after a crash involving a truck. Drivers should expect delays.",
			want: []string{
				"Two lanes of the northbound interstate are closed near exit 12 after a crash involving a truck.",
				"Drivers should expect delays.",
			}},
		{name: "a weather kicker over the lead goes, the lead stays",
			text: "WEATHER: A winter storm will bring up to a foot of snow to the mountains by Friday morning, forecasters said. Roads may close.",
			want: []string{
				"A winter storm will bring up to a foot of snow to the mountains by Friday morning, forecasters said.",
				"Roads may close.",
			}},
		{name: "a kicker in capitals over a short fact stays a caption",
			text: "TRAFFIC: Two lanes closed.\n\nA truck overturned on the northbound interstate near exit 12 on Monday morning. Drivers should expect delays.",
			want: []string{
				"caption: TRAFFIC: Two lanes closed.",
				"A truck overturned on the northbound interstate near exit 12 on Monday morning.",
				"Drivers should expect delays.",
			}},
		{name: "a kicker under the lead stays a caption",
			text: "Police shot a man on Main Street on Monday night.\n\nWEATHER: A winter storm will bring up to a foot of snow to the mountains by Friday. Roads may close.",
			want: []string{
				"Police shot a man on Main Street on Monday night.",
				"caption: WEATHER: A winter storm will bring up to a foot of snow to the mountains by Friday.",
				"Roads may close.",
			}},
		{name: "a dateline of three letters under a caption that names it",
			text: "Tourists on a beach in Goa.\n\nGOA: The state's beaches will get 200 more lifeguards before the tourist season, the minister said. The first batch starts next week.",
			want: []string{
				"caption: Tourists on a beach in Goa.",
				"The state's beaches will get 200 more lifeguards before the tourist season, the minister said.",
				"The first batch starts next week.",
			}},
		{name: "a capitalised dateline under a caption that places it",
			text: "A worker repairs a power line in Mumbai.\n\nMumbai: The state power utility on Tuesday restored supply to most of the districts hit by the storm. Some villages remain dark.",
			want: []string{
				"caption: A worker repairs a power line in Mumbai.",
				"The state power utility on Tuesday restored supply to most of the districts hit by the storm.",
				"Some villages remain dark.",
			}},
		{name: "a dateline under a heading without a full stop, never named again",
			text: "Students at a coaching centre in Rajasthan\n\nKOTA: A 17-year-old student preparing for the medical entrance exam was found dead in his hostel room on Monday. Police have begun an inquiry.",
			want: []string{
				"caption: Students at a coaching centre in Rajasthan",
				"A 17-year-old student preparing for the medical entrance exam was found dead in his hostel room on Monday.",
				"Police have begun an inquiry.",
			}},
		{name: "a kicker's promotion asking a question under headings stays a caption",
			text: "UPDATE: Arrest made in connection with the shooting of a girl\n\nACTION NEWS INVESTIGATES: What would your child do if they discover a gun?\n\nPolice said three children were home alone when a boy found a gun in the apartment.",
			want: []string{
				"caption: UPDATE: Arrest made in connection with the shooting of a girl",
				"caption: ACTION NEWS INVESTIGATES: What would your child do if they discover a gun?",
				"Police said three children were home alone when a boy found a gun in the apartment.",
			}},
		{name: "an acronym's label of four letters stays a caption",
			text: "NYPD: The suspect fled on foot toward the subway station and is still at large. Officers searched the tunnels.",
			want: []string{
				"caption: NYPD: The suspect fled on foot toward the subway station and is still at large.",
				"Officers searched the tunnels.",
			}},
		{name: "a notice's label stays a caption",
			text: "NOTE: The meeting has been moved to Thursday at the request of the county board. Residents can attend in person.",
			want: []string{
				"caption: NOTE: The meeting has been moved to Thursday at the request of the county board.",
				"Residents can attend in person.",
			}},
		{name: "an editor's note of four letters stays a caption",
			text: "EDIT: The story was changed to correct the name of the school's principal. The school reopens on Monday.",
			want: []string{
				"caption: EDIT: The story was changed to correct the name of the school's principal.",
				"The school reopens on Monday.",
			}},
		{name: "a source's label stays a caption",
			text: "POLICE: The man was shot twice in the chest outside a bar on Main Street. He died at the scene.",
			want: []string{
				"caption: POLICE: The man was shot twice in the chest outside a bar on Main Street.",
				"He died at the scene.",
			}},
		{name: "a label in capitals over a fragment without a full stop stays a caption",
			text: "WALL OF JUSTICE: The Dayton Police Department is asking for your help to find a shooting suspect\n\nThe shooting happened on West Riverview Avenue nearly two weeks ago.",
			want: []string{
				"caption: WALL OF JUSTICE: The Dayton Police Department is asking for your help to find a shooting suspect",
				"The shooting happened on West Riverview Avenue nearly two weeks ago.",
			}},
		{name: "a label in capitals over a short fact stays a caption",
			text: "CURRENT JOB: Sky commentator. Strauss captained England to home-and-away Ashes triumphs.",
			want: []string{
				"caption: CURRENT JOB: Sky commentator.",
				"Strauss captained England to home-and-away Ashes triumphs.",
			}},
		{name: "a label in capitals after the first sentence stays a caption",
			text: "Police are looking for a gunman who fired into a hardware store on Tuesday. SALEM SHOOTING: Just spoke with an employee at Builder's Hardware.",
			want: []string{
				"Police are looking for a gunman who fired into a hardware store on Tuesday.",
				"caption: SALEM SHOOTING: Just spoke with an employee at Builder's Hardware.",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newScratch()
			n := s.prepare(tt.text, "", langEnglish)
			var got []string
			for i := range n {
				if s.caption[i] {
					got = append(got, "caption: "+s.sents[i])
				} else {
					got = append(got, s.sents[i])
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("candidates =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestReadableKeepsTheLead checks that Readable, which drops captions,
// keeps a lead that lost its full stop before "And".
func TestReadableKeepsTheLead(t *testing.T) {
	text := "This week is the 100th anniversary of the massacre of an estimated 1.5 million Armenians And it's also the seventh year in a row the president has broken his promise."
	want := "This week is the 100th anniversary of the massacre of an estimated 1.5 million Armenians. And it's also the seventh year in a row the president has broken his promise."
	if got := Readable(text, ""); got != want {
		t.Errorf("Readable =\n%q\nwant\n%q", got, want)
	}
	kicked := "ALBUQUERQUE QUINTUPLE MURDERS: According to KOB, friends identified the pastor as the man who was killed at the home. The teen has been charged."
	wantKicked := "According to KOB, friends identified the pastor as the man who was killed at the home. The teen has been charged."
	if got := Readable(kicked, ""); got != wantKicked {
		t.Errorf("Readable =\n%q\nwant\n%q", got, wantKicked)
	}
}

// TestReadableDatelines checks that Readable drops a dateline over the
// lead and a caption over a dateline line as the summarizer does
// (keepLead, keepDatelineLead), and keeps what the summarizer keeps.
func TestReadableDatelines(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{name: "a caption over a dateline line in capitals",
			text: "A worker repairs a power line in Chennai.\n\nCHENNAI: The state power utility on Tuesday restored supply to most of the districts. Some villages remain dark.",
			want: "The state power utility on Tuesday restored supply to most of the districts. Some villages remain dark."},
		{name: "a caption over a dateline line in capitalised words",
			text: "A worker repairs a power line in Mumbai.\n\nMumbai: The state power utility on Tuesday restored supply to most of the districts. Some villages remain dark.",
			want: "The state power utility on Tuesday restored supply to most of the districts. Some villages remain dark."},
		{name: "a dateline of three letters over the lead",
			text: "GOA: The state's beaches will get 200 more lifeguards before the tourist season, the minister said.\n\nThe first batch starts next week.",
			want: "The state's beaches will get 200 more lifeguards before the tourist season, the minister said.\n\nThe first batch starts next week."},
		{name: "an acronym the text writes again in a later paragraph",
			text: "NATO: Allies will send 4,000 more troops to the eastern flank by the end of the year.\n\nNATO defence ministers agreed the plan in Brussels.",
			want: "NATO defence ministers agreed the plan in Brussels."},
		{name: "a heading over a dateline line in capitals never named again",
			text: "Voters queue outside a polling booth\n\nNEW DELHI: The Election Commission on Tuesday ordered a repoll at 14 booths after complaints. Turnout had been high.",
			want: "The Election Commission on Tuesday ordered a repoll at 14 booths after complaints. Turnout had been high."},
		{name: "a capitalised dateline never named again over a dated lead",
			text: "Chennai: The Madras high court on Tuesday directed the state to fill potholes within a month.\n\nThe next hearing is in January.",
			want: "The Madras high court on Tuesday directed the state to fill potholes within a month.\n\nThe next hearing is in January."},
		{name: "a photo's caption over a city in capitals never named",
			text: "A worker repairs a power line after the storm.\n\nLONDON: The transport authority on Tuesday restored services on most lines. Some stations remain shut.",
			want: "The transport authority on Tuesday restored services on most lines. Some stations remain shut."},
		{name: "an acronym said as a word over its own announcement stays out with its sentence",
			text: "NASA: Astronauts will return from the space station next month after a nine-month stay.\n\nTheir capsule was delayed.",
			want: "Their capsule was delayed."},
		{name: "a city in capitals before a body whose field is no letter of it",
			text: "GENEVA: The health agency said on Monday that cholera cases had doubled in a year.\n\nVaccines are short.",
			want: "The health agency said on Monday that cholera cases had doubled in a year.\n\nVaccines are short."},
		{name: "a kicker in mixed case over the lead",
			text: "Exclusive: The former minister told investigators on Monday that he had warned the prime minister.\n\nHe denies wrongdoing.",
			want: "The former minister told investigators on Monday that he had warned the prime minister.\n\nHe denies wrongdoing."},
		{name: "an acronym of six letters before the body it names stays out with its sentence",
			text: "UNICEF: The children's agency said on Tuesday that 1.4 million children face famine this year.\n\nIt called for funds.",
			want: "It called for funds."},
		{name: "a kicker under the lead stays out, the lead stays",
			text: "Police shot a man on Main Street on Monday night.\n\nSUSPECT: John Doe, 34, was arrested at his home on Tuesday morning. He is held without bail.",
			want: "Police shot a man on Main Street on Monday night.\n\nHe is held without bail."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Readable(tt.text, ""); got != tt.want {
				t.Errorf("Readable =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}
