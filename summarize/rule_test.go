package summarize

import (
	"slices"
	"strings"
	"testing"
)

// ruleRows has a row for every built-in rule: cleaning in gives want, and
// cleaning it without that rule gives something else, so each rule earns
// its place in the table.
var ruleRows = []struct {
	name string // the rule under test
	in   string
	want string
}{
	{name: "lead-dateline-agency",
		in:   "FILE - A technician lays fiber optic cable near Ames, Iowa, May 14, 2024. (AP Photo/Charlie Neibergall, File) WASHINGTON (AP) — The Senate passed a $42 billion broadband bill on Tuesday.",
		want: "The Senate passed a $42 billion broadband bill on Tuesday."},
	{name: "lead-dateline-agency",
		in:   "واشنطن (رويترز) - التقى رئيس الوزراء الإسرائيلي بالرئيس الأمريكي في البيت الأبيض يوم الاثنين.",
		want: "التقى رئيس الوزراء الإسرائيلي بالرئيس الأمريكي في البيت الأبيض يوم الاثنين."},
	{name: "lead-dateline-agency",
		in:   "Эльвира Набиуллина на пресс-конференции.\n\nМОСКВА, 30 ноя (Рейтер) - Центробанк России сохранил ключевую ставку.",
		want: "Центробанк России сохранил ключевую ставку."},
	{name: "lead-dateline-agency",
		in:   "Friedrich Merz spricht im Bundestag.\n\nBERLIN, 3. März (Reuters) - Die Bundesregierung will die Schuldenbremse lockern.",
		want: "Die Bundesregierung will die Schuldenbremse lockern."},
	{name: "lead-dateline-dated-tag",
		in:   "Brightway beats estimates Nov 26 (Market Wire) - Brightway Foods Corp. reported a better-than-expected profit.",
		want: "Brightway Foods Corp. reported a better-than-expected profit."},
	{name: "lead-photo-credit",
		in:   "FILE PHOTO: The logo of Acme is seen in Frankfurt, Germany, March 3, 2023. REUTERS/Kai Pfaffenbach/File Photo Acme said on Wednesday it would cut 5,000 jobs.",
		want: "Acme said on Wednesday it would cut 5,000 jobs."},
	{name: "prefix-wire-label",
		in:   "UPDATE 2-Acme cuts 5,000 jobs as demand slumps in Europe",
		want: "Acme cuts 5,000 jobs as demand slumps in Europe"},
	// A line opening with a dateline among the first four (leadLines) is
	// cut by the lead rules, with the lines before it; the prefix rows
	// put theirs after a lead of four lines.
	{name: "prefix-dateline-agency",
		in:   fourLines + "MOSCOW, Nov. 26. /TASS/. Russia's central bank kept its key rate unchanged.\n\nWASHINGTON (AP) — The Senate passed the bill on Tuesday.",
		want: fourLines + "Russia's central bank kept its key rate unchanged.\n\nThe Senate passed the bill on Tuesday."},
	{name: "prefix-dateline-dated-tag",
		in:   fourLines + "LONDON, Nov 26 (Daily Ledger) - Shares rose.",
		want: fourLines + "Shares rose."},
	{name: "prefix-dateline-outlet",
		in:   "(Harbor Times)The city council voted on Monday to close the old ferry pier.\n\nPORTLAND, Maine (Coastal Wire) -- Repairs would have cost $4 million.\n\nAcme (ACM) shares rose 3% on the news.",
		want: "The city council voted on Monday to close the old ferry pier.\n\nRepairs would have cost $4 million.\n\nAcme (ACM) shares rose 3% on the news."},
	{name: "prefix-timestamp",
		in:   "4 June 2019 Last updated at 14:05 BST A rare white stork has been spotted nesting on a church roof in Norfolk.",
		want: "A rare white stork has been spotted nesting on a church roof in Norfolk."},
	{name: "prefix-player-controls",
		in:   "CLOSE Skip in Skip x Embed x Share Two bailiffs were killed on Monday.\n\nSkip Ad Ad Loading... x Embed x Share Police named the victim.\n\n[ ] Hide Caption [ ] Show Caption Deputies found a gun.",
		want: "Two bailiffs were killed on Monday.\n\nPolice named the victim.\n\nDeputies found a gun."},
	{name: "prefix-update-label",
		in: "UPDATE, 5:30 p.m.: Police named the man they say fired the shots.\n\nUPDATE July 16, 3:03 p.m.: Police said the death appears accidental.\n\n" +
			"UPDATE 4/28: The mother appeared in court on Thursday.\n\nUPDATE 11/30 5:04 p.m: The autopsies were released.\n\n" +
			"7:04 a.m. UPDATE | Tampa police are on the scene of a shooting.\n\nUPDATE, 8AM | Three people are in custody.\n\n***UPDATE*** The coroner released the name.",
		want: "Police named the man they say fired the shots.\n\nPolice said the death appears accidental.\n\n" +
			"The mother appeared in court on Thursday.\n\nThe autopsies were released.\n\n" +
			"Tampa police are on the scene of a shooting.\n\nThree people are in custody.\n\nThe coroner released the name."},
	{name: "prefix-update-time",
		in: "Updated at 4:45 p.m. ET: Officials said four people were found dead.\n\nUPDATE 8/3/16 5:30 PM: Police say the young man has died.\n\n" +
			"9:15 p.m. update: A woman was shot.\n\n*UPDATE: The road is open again.\n\nUPDATED at 3:05 p.m. BLADENSBURG, MD — Authorities named the boy.\n\n" +
			"UPDATE: 6:04 P.M. – A deputy was bitten by a dog.",
		want: "Officials said four people were found dead.\n\nPolice say the young man has died.\n\nA woman was shot.\n\nThe road is open again.\n\nAuthorities named the boy.\n\n" +
			"A deputy was bitten by a dog."},
	// Stamps outside the United States: a 24-hour clock and its zone, a
	// date before the time, a zone of four letters; and a stamp ending its
	// line, whose zone was left behind ("EST").
	{name: "prefix-update-time",
		in: "Updated: 14:05 GMT The striker scored twice in the second half.\n\nLast Updated: 02 Dec 2026, 09:14 IST The Reserve Bank held its rate.\n\n" +
			"First published on: 02-12-2026 at 09:14 IST The court adjourned the hearing to January.\n\nLast updated 10:42 CET The Commission proposed new limits.\n\n" +
			"Published On 2 Dec 2026 The mayor resigned after a vote of no confidence.\n\nUpdated at 9:45 p.m. AEDT The fire crossed the highway.\n\nUpdated at 9.45pm EST\n\nSchools closed.\n\n" +
			"Updated - December 02, 2026 09:14 am IST The High Court stayed the demolition.\n\nPublished Dec 2, 2026 | 9:14 am IST The government banned construction.\n\n" +
			"Last Modified: Dec 02, 2026, 09:14 AM IST The bank kept its key rate unchanged.",
		want: "The striker scored twice in the second half.\n\nThe Reserve Bank held its rate.\n\nThe court adjourned the hearing to January.\n\nThe Commission proposed new limits.\n\n" +
			"The mayor resigned after a vote of no confidence.\n\nThe fire crossed the highway.\n\nSchools closed.\n\n" +
			"The High Court stayed the demolition.\n\nThe government banned construction.\n\nThe bank kept its key rate unchanged."},
	// Agency datelines without a dash (PTI, IANS) or with a country in
	// brackets and the month spelt out (ANI).
	{name: "lead-dateline-agency",
		in:   "Farmers at a market in Punjab.\n\nNew Delhi, Dec 1 (PTI) The government on Monday raised the support price for wheat.",
		want: "The government on Monday raised the support price for wheat."},
	{name: "lead-dateline-agency",
		in:   "A voter shows her inked finger in Patna. New Delhi [India], December 2 (ANI): The Election Commission on Tuesday announced the schedule for polls in five states.",
		want: "The Election Commission on Tuesday announced the schedule for polls in five states."},
	{name: "prefix-dateline-agency",
		in:   fourLines + "Bengaluru, Dec 2 (IANS) The Karnataka cabinet approved a policy.\n\nMOSCOW, December 2 (Interfax) - Russia's central bank cut its key rate.\n\nIslamabad, Dec 2 (APP): The cabinet approved the sale.",
		want: fourLines + "The Karnataka cabinet approved a policy.\n\nRussia's central bank cut its key rate.\n\nThe cabinet approved the sale."},
	{name: "prefix-dateline-city-colon",
		in:   "KATHMANDU, Dec 2: The government extended the deadline for tax returns.\n\nNEW DELHI, December 2: The court adjourned the hearing.",
		want: "The government extended the deadline for tax returns.\n\nThe court adjourned the hearing."},
	{name: "prefix-dateline-city-colon",
		in:   "Kathmandu, Dec 2: Nepal's government announced a ban on plastic bags.\n\nNew Delhi, 2 December: The court adjourned the hearing.",
		want: "Nepal's government announced a ban on plastic bags.\n\nThe court adjourned the hearing."},
	{name: "inline-promo-sentence",
		in: "A fight broke out inside. You can also sign up for email alerts.\n\nSign the petition – click here. The people of Lancaster are generous.\n\n" +
			"The call came in about 8 p.m. Check back for updates to this breaking news story.\n\nThe girl died on Sunday.Stay with Action News and ABC30.com for more.",
		want: "A fight broke out inside.\n\nThe people of Lancaster are generous.\n\nThe call came in about 8 p.m.\n\nThe girl died on Sunday."},
	{name: "prefix-advertisement",
		in:   "One of five people hurt in a shooting has died.\n\nAdvertisement Orlando police said shots rang out before 10 p.m.",
		want: "One of five people hurt in a shooting has died.\n\nOrlando police said shots rang out before 10 p.m."},
	{name: "prefix-player-notice",
		in: "Sorry, your browser doesn't support Flash , needs a Flash update , or has Flash disabled. You need Flash to watch this video. A deputy died in an accidental shooting on Monday.\n\n" +
			"Sorry, your browser doesn't support Flash , needs a Flash update , or has Flash disabled. You need Flash to watch this video. EMBED </>More News Videos Officers filled the room.",
		want: "A deputy died in an accidental shooting on Monday.\n\nOfficers filled the room."},
	{name: "prefix-player-notice",
		in:   "EMBED >More News Videos Deputies reported the shooting happened in the 5000 block of Aldine Bender Rd.\n\nEMBED>More Videos Two people are dead.",
		want: "Deputies reported the shooting happened in the 5000 block of Aldine Bender Rd.\n\nTwo people are dead."},
	{name: "prefix-dateline-city-state",
		in:   "Portsmouth, Va. - Five people were wounded in a shooting.\n\nLake Township, Ohio -- The sheriff's office is investigating.\n\nMobile, AL- Gunshots were heard late on Sunday.",
		want: "Five people were wounded in a shooting.\n\nThe sheriff's office is investigating.\n\nGunshots were heard late on Sunday."},
	{name: "widget-hatnote",
		in:   "From Wikipedia, the free encyclopedia\n\nThis article is about the 2014 killing spree. For the 2001 vehicular assault, see 2001 Isla Vista killings\n\nOn May 23, 2014, six people were killed.",
		want: "On May 23, 2014, six people were killed."},
	{name: "inline-update-label",
		in:   "Police named the four victims on Sunday. ORIGINAL STORY: Police found four bodies in a home.\n\nPrevious story:\n\nA woman was shot.",
		want: "Police named the four victims on Sunday. Police found four bodies in a home.\n\nA woman was shot."},
	{name: "inline-update-label",
		in:   "Thank you to everyone who has donated. Original Post: A 13-year-old boy was shot in the head in Klamath on Friday night.",
		want: "Thank you to everyone who has donated. A 13-year-old boy was shot in the head in Klamath on Friday night."},
	{name: "prefix-dash",
		in:   "— The child who was shot on Wednesday has been named.\n\n- Deputies were dispatched on Sunday.",
		want: "The child who was shot on Wednesday has been named.\n\nDeputies were dispatched on Sunday."},
	{name: "prefix-media-player",
		in:   "Media playback is not supported on this device\n\nThe striker scored twice in the second half.\n\nMedia playback is unsupported on your device Fans stayed on the pitch for an hour.",
		want: "The striker scored twice in the second half.\n\nFans stayed on the pitch for an hour."},
	{name: "prefix-dateline-city",
		in:   fourLines + "FRANKFURT - Acme said on Wednesday it would cut 5,000 jobs.\n\nSAN FRANCISCO, Calif., Nov 26 — The board met.",
		want: fourLines + "Acme said on Wednesday it would cut 5,000 jobs.\n\nThe board met."},
	// Glued dashes and ">>" after the city.
	{name: "prefix-dateline-city",
		in:   fourLines + "AUSTIN— A one-year-old child was shot on Friday.\n\nCLEVELAND-- Two people were shot.\n\nHUMBLE, Texas- Police arrested a man.\n\nSALINAS >> A judge ruled on Friday.\n\nNATO—the alliance—met.",
		want: fourLines + "A one-year-old child was shot on Friday.\n\nTwo people were shot.\n\nPolice arrested a man.\n\nA judge ruled on Friday.\n\nNATO—the alliance—met."},
	{name: "prefix-dateline-station",
		in: "EUTAW, Ala. (AP) Authorities say a 3-year-old boy was shot.\n\n(Harris County, TX) Harris County deputies arrested a man.\n\n" +
			"SAVANNAH, GA (August 2, 2015): An argument ended in a shooting.\n\nKOTV (CBS/AP) TULSA, Okla. - A hearing is set.\n\n" +
			"DENVER (CBS4) – One person is dead.\n\nST. LOUIS, MO (KTVI)–Two people are dead.\n\n(KMOV.com) –The police asked for help.\n\n" +
			"IDAHO FALLS (AP) | A man was sentenced.\n\n(10/31/16) - Two children were hurt.\n\n(KOIN 6) — A father was found dead.",
		want: "Authorities say a 3-year-old boy was shot.\n\nHarris County deputies arrested a man.\n\nAn argument ended in a shooting.\n\nA hearing is set.\n\n" +
			"One person is dead.\n\nTwo people are dead.\n\nThe police asked for help.\n\nA man was sentenced.\n\nTwo children were hurt.\n\nA father was found dead."},
	{name: "lead-dateline-station",
		in:   "A memorial grows outside the home on Tuesday. TUCSON (KGUN9-TV) - Tucson police say five people died on Tuesday night.",
		want: "Tucson police say five people died on Tuesday night."},
	// The caption and the teaser before a dateline line go with it.
	{name: "lead-dateline-station",
		in:   "A mother cries by the flowers that mark where her son was killed.\n\nGrief counselors will be at the school on Wednesday.\n\nSAN DIEGO (CBS 8) - Officials identified three people on Wednesday.",
		want: "Officials identified three people on Wednesday."},
	// Mixed-case cities and a county before the state.
	{name: "prefix-dateline-city",
		in:   fourLines + "McFARLAND, Calif. - A six-year-old boy is recovering at home.\n\nLa PINE, Ore. - A 66-year-old man died early Tuesday.\n\nGREENCASTLE, FRANKLIN COUNTY, Pa. -- A teenager was killed.\n\nLa Paz - Bolivia's capital - was calm.",
		want: fourLines + "A six-year-old boy is recovering at home.\n\nA 66-year-old man died early Tuesday.\n\nA teenager was killed.\n\nLa Paz - Bolivia's capital - was calm."},
	// A space before the comma; a hyphen glued after the state's full stop.
	{name: "prefix-dateline-city",
		in:   fourLines + "ST CHARLES , Ill -- Three people are dead.\n\nJACKSON, Tenn.-An update to breaking news from Tuesday night.\n\nUS-Backed Rebels Take City",
		want: fourLines + "Three people are dead.\n\nAn update to breaking news from Tuesday night.\n\nUS-Backed Rebels Take City"},
	// A double slash after the city, as Gulf papers write it.
	{name: "prefix-dateline-city",
		in:   fourLines + "DUBAI // The airport handled a record 90 million passengers.\n\nURL // see the notes below for the address.",
		want: fourLines + "The airport handled a record 90 million passengers.\n\nURL // see the notes below for the address."},
	{name: "inline-advertisement-glued",
		in:   "Police are investigating after a child was shot in north Stockton. Advertisement The 11-year-old boy suffered life-threatening injuries. Advertisement revenue fell. The Advertisement Standards Board met.",
		want: "Police are investigating after a child was shot in north Stockton. The 11-year-old boy suffered life-threatening injuries. Advertisement revenue fell. The Advertisement Standards Board met."},
	{name: "inline-paywall-sentence",
		in:   "Investors who were sure of a December cut are now split down the middle. Become a member to read more. Subscribers to read the Fed's minutes must wait.",
		want: "Investors who were sure of a December cut are now split down the middle. Subscribers to read the Fed's minutes must wait."},
	{name: "inline-read-more-end",
		in:   "Investors who were sure of a December cut are now split down the middle... Read More »\n\nAnalysts said people should read more.",
		want: "Investors who were sure of a December cut are now split down the middle...\n\nAnalysts said people should read more."},
	{name: "promo-inbox",
		in:   "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday.\n\nWant more? Get the Morning Briefing in your inbox.\n\nHave our best stories delivered to your inbox every day.\n\nShe said she would get the letters in your inbox by Friday, the clerk said.",
		want: "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday.\n\nShe said she would get the letters in your inbox by Friday, the clerk said."},
	{name: "promo-guide",
		in:   "She won gold in the team pursuit in Rio on Saturday.\n\nFind out how to get into cycling with our special guide.\n\nIf you'd like to find out about how to get into martial arts, read our special guide.\n\nThe club's guide to the new season was published on Friday, the coach said.",
		want: "She won gold in the team pursuit in Rio on Saturday.\n\nThe club's guide to the new season was published on Friday, the coach said."},
	{name: "caption-credit-pipe",
		in:   "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday.\n\nRescuers search the rubble in Malatya. | Photo Credit: Reuters\n\nFile picture of the AFAD headquarters in Ankara. | Image: AFAD",
		want: "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday."},
	{name: "media-pointer",
		in:   "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday.\n\nWatch the video above.\n\nSee our gallery below\n\nResidents watch the footage above the town square on a big screen.",
		want: "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday.\n\nResidents watch the footage above the town square on a big screen."},
	{name: "media-pointer",
		in:   "Two teenage brothers were shot on Sunday.\n\nWatch a video slideshow of Sunday's crime scene in Southwest Philadelphia.\n\nWatch the video of the arrest.\n\nNeighbours watch a video of the arrest on their phones.",
		want: "Two teenage brothers were shot on Sunday.\n\nNeighbours watch a video of the arrest on their phones."},
	{name: "promo-follow-coverage",
		in:   "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday.\n\nFollow AP's coverage of the earthquake at https://apnews.com/hub/earthquakes\n\nFind more of the BBC's live coverage here.",
		want: "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday."},
	{name: "credits-contributed",
		in:   "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday.\n\nContributing: Jane Doe, USA TODAY; The Associated Press\n\nContributing factors included the heat.",
		want: "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday.\n\nContributing factors included the heat."},
	{name: "credits-contributed",
		in:   "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday.\n\nAssociated Press writers Jane Doe in Ankara and John Roe in Istanbul contributed to this report.\n\nCNN's Jane Doe contributed reporting.\n\nDonors contributed $2 million to the relief fund.",
		want: "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday.\n\nDonors contributed $2 million to the relief fund."},
	{name: "desk-initials",
		in:   "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday.\n\nbur-jj/sbk\n\nmm/jm",
		want: "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday."},
	{name: "story-notice",
		in:   "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday.\n\nRefresh this page for updates.\n\nWe're following this story on Eyewitness News. Watch for updates on air, online and on our mobile news app.\n\nWe are following this story closely, the minister said.",
		want: "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday.\n\nWe are following this story closely, the minister said."},
	{name: "credits-origin",
		in: "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday.\n\nThis story was originally published by the Miami Herald.\n\nRead the original article on Business Insider.\n\n" +
			"This report was produced in partnership with ProPublica.\n\nThe original building was published in a 1920 guide.",
		want: "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday.\n\nThe original building was published in a 1920 guide."},
	{name: "credits-correction",
		in: "Editor's note: This story has been updated to include comments from the mayor.\n\nTurkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday.\n\n" +
			"Correction: An earlier version of this story misstated the victim's age.\n\nAn earlier version of the law was struck down in 2019.",
		want: "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday.\n\nAn earlier version of the law was struck down in 2019."},
	{name: "promo-tips",
		in:   "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday.\n\nGot a news tip? Email us at tips@example.com.\n\nHave a story idea? Contact us at news@example.com.\n\nPolice have a tip line for witnesses.",
		want: "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday.\n\nPolice have a tip line for witnesses."},
	{name: "promo-affiliate",
		in:   "The phone costs $799.\n\nThis article contains affiliate links. We may earn a commission on purchases.\n\nThe agent took a commission of 5%.",
		want: "The phone costs $799.\n\nThe agent took a commission of 5%."},
	{name: "promo-head-to",
		in:   "The storm left 40,000 homes without power.\n\nFor the latest news, weather, sports, and streaming video, head to WTAE.\n\nFor the latest weather, residents should head to the county's site.",
		want: "The storm left 40,000 homes without power.\n\nFor the latest weather, residents should head to the county's site."},
	{name: "story-notice",
		in:   "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday.\n\nThis is a developing story. Check back for updates.\n\nThis story has been updated with additional information.\n\nThis breaking point, engineers said, was reached in 1999.",
		want: "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday.\n\nThis breaking point, engineers said, was reached in 1999."},
	{name: "inline-heres-what",
		in:   "A magnitude 6.1 earthquake struck Malatya on Monday. Here's what we know so far. Rescuers worked through the night.\n\nHere's what we know:\n\nHere is what remained of the village: a mosque and two houses.\n\nHere's what we know for sure: a family of five was found dead.",
		want: "A magnitude 6.1 earthquake struck Malatya on Monday. Rescuers worked through the night.\n\nHere is what remained of the village: a mosque and two houses.\n\nHere's what we know for sure: a family of five was found dead."},
	{name: "inline-related-tail",
		in:   "Collin Doyle died several hours later, Toledo police said. RELATED ARTICLES: Toledo police investigate two Wednesday shootings\n\nThe shooting is related: police said both cars were stolen. MORE: nothing",
		want: "Collin Doyle died several hours later, Toledo police said.\n\nThe shooting is related: police said both cars were stolen."},
	{name: "inline-related-glued",
		in:   "Four people were injured Monday night in a shooting, the sheriff's department said. Related Content Neighbor recounts chaotic shooting in North Highlands A 39-year-old woman was shot in the head.\n\nThe shooting was related to a feud, police said. Related articles in the journal drew criticism.",
		want: "Four people were injured Monday night in a shooting, the sheriff's department said.\n\nThe shooting was related to a feud, police said. Related articles in the journal drew criticism."},
	{name: "inline-related-glued",
		in:   "Four people were injured Monday night in a shooting, the sheriff's department said. Advertisement Related Content Neighbor recounts chaotic shooting in North Highlands A 39-year-old woman was shot in the head.",
		want: "Four people were injured Monday night in a shooting, the sheriff's department said."},
	{name: "date-only",
		in:   "Ford is recalling about 240,000 Explorer SUVs in the United States.\n\nNov 30, 2026\n\nMonday, 30 November 2026\n\n30.11.2026\n\nMay 4, 2026 was the day of the vote.",
		want: "Ford is recalling about 240,000 Explorer SUVs in the United States.\n\nMay 4, 2026 was the day of the vote."},
	{name: "posted-updated-stamp",
		in: "Gunfire erupts at teen concert in Kansas City, 5 injured Posted: Sunday, March 10, 2013 10:02 AM EST Updated: Monday, March 25, 2013 8:56 PM EST\n\n" +
			"A night of fun turned into a night of fear as a teen party ended with five people shot.\n\n" +
			"Published: Thursday, 2/23/2017 - Updated: 2 weeks ago\n\nPublished: Saturday, October 22, 2016 @ 2:13 PM\n\nPosted: Friday, May 13, 2016 11:05 pm |\n\n" +
			"UPDATE: House where 5 shot now condemned Posted: Sunday, November 30, 2014 8:20 AM EST Updated: Thursday, December 4, 2014 2:26 PM EST Posted:Updated:\n\n" +
			"The photo was posted: Sunday, March 10, 2013 10:02 AM EST was the time on it, police said.\n\nHe posted: Sunday, March 10, 2013 at 10 p.m. he would be back.",
		want: "A night of fun turned into a night of fear as a teen party ended with five people shot.\n\n" +
			"The photo was posted: Sunday, March 10, 2013 10:02 AM EST was the time on it, police said.\n\nHe posted: Sunday, March 10, 2013 at 10 p.m. he would be back."},
	{name: "date-time-stamp",
		in:   "Tue 1 Dec 2026 10.42 GMT\n\nThree people were found dead Friday morning from a shooting in Harbor Gateway.\n\nSat. 30 Nov 2026 9:05 a.m.\n\nNov 30, 2026 / 09:14 PM IST",
		want: "Three people were found dead Friday morning from a shooting in Harbor Gateway."},
	{name: "timestamp",
		in:   "Last modified on Tue 1 Dec 2026 11.05 GMT\n\nPrices rose in October.\n\nModified versions of the 2019 plan were rejected.",
		want: "Prices rose in October.\n\nModified versions of the 2019 plan were rejected."},
	{name: "date-time-stamp",
		in:   "May 10, 2013, 9:12 a.m.\n\nThree people were found dead Friday morning from a shooting in Harbor Gateway.\n\nNov. 30, 2026 at 10:15 AM EST\n\n30 November 2026 14:05 GMT\n\nMay 10, 2013, 9:12 a.m. was when the first call came in.",
		want: "Three people were found dead Friday morning from a shooting in Harbor Gateway.\n\nMay 10, 2013, 9:12 a.m. was when the first call came in."},
	{name: "inline-read-more-ellipsis",
		in:   "Five men were wounded early today in a shooting at a nightclub, leaving two in critical condition. Continue reading…\n\nThe minister said the report was a start. Read more...\n\nAnalysts said investors should keep reading...",
		want: "Five men were wounded early today in a shooting at a nightclub, leaving two in critical condition.\n\nThe minister said the report was a start.\n\nAnalysts said investors should keep reading..."},
	{name: "agency-credit",
		in:   "Ford is recalling about 240,000 Explorer SUVs in the United States.\n\nReuters\n\n(AFP)",
		want: "Ford is recalling about 240,000 Explorer SUVs in the United States."},
	{name: "inline-newscast-handoff",
		in: "GOOD EVENING, I'M DANNIKA LEWIS. A THREE-YEAR-OLD BOY HAS DIED AFTER ACCIDENTALLY SHOOTING HIMSELF IN THE HEAD. CHANNEL 2 SAMANTHA PTASHKIN JOINING US LIVE AT THE FAMILY'S HOME WITH MORE ON HOW THAT COMMUNITY IS SUPPORTING THIS FAMILY.\n\n" +
			"WE'LL HAVE MORE ON THIS COMING UP IN TEN MINUTES. AS A KNOWN BURGLAR, HE TRIED TAKING OFF BUT WAS CAUGHT. LOCAL10 NEWS CRIME SPECIALIST JOHN TURCHIN IS LIVE WITH MORE ON WHAT HAPPENED IN COURT. PHILLIP MENA, KPRC CHANNEL 2 NEWS.\n\n" +
			"\"I'm not leaving,\" she said. The mayor is live on the radio at noon, WE'LL HAVE MORE later.\n\nThe ABC NEWS team, he said, was at the scene.",
		want: "A THREE-YEAR-OLD BOY HAS DIED AFTER ACCIDENTALLY SHOOTING HIMSELF IN THE HEAD.\n\nAS A KNOWN BURGLAR, HE TRIED TAKING OFF BUT WAS CAUGHT.\n\n" +
			"\"I'm not leaving,\" she said. The mayor is live on the radio at noon, WE'LL HAVE MORE later.\n\nThe ABC NEWS team, he said, was at the scene."},
	{name: "inline-link-bracket",
		in:   "The Daily Sentinel reports (http://bit.ly/1qs43G4 ) that the boy's arrest was announced Wednesday.\n\nSheriff Doug Anderson tells The Town Talk (http://townta.lk/1CtYk8c) the victims were a man and his daughter.\n\nThe firm's site, http://example.com, was down for hours (about six).",
		want: "The Daily Sentinel reports that the boy's arrest was announced Wednesday.\n\nSheriff Doug Anderson tells The Town Talk the victims were a man and his daughter.\n\nThe firm's site, http://example.com, was down for hours (about six)."},
	{name: "inline-copyright-tail",
		in: "Deputies say a 3-year-old got ahold of a Ruger LCP .380 caliber semiautomatic pistol and it went off, hitting him in the chest. 3-year-old boy accidentally shoots, kills himself © 2017 Cox Media Group.\n\n" +
			"The shooting happened inside a home on Camp Circle around 7 a.m. Tuesday.\n\n" +
			"The label said the record, first sold in 1977 and long out of print, would be reissued in the spring with its original sleeve and a booklet of photographs. Its cover still reads © 1977 Acme Records, which the new owners kept on purpose so that collectors would know it from the copies pressed in the eighties, the label said.",
		want: "Deputies say a 3-year-old got ahold of a Ruger LCP .380 caliber semiautomatic pistol and it went off, hitting him in the chest.\n\n" +
			"The shooting happened inside a home on Camp Circle around 7 a.m. Tuesday.\n\n" +
			"The label said the record, first sold in 1977 and long out of print, would be reissued in the spring with its original sleeve and a booklet of photographs. Its cover still reads © 1977 Acme Records, which the new owners kept on purpose so that collectors would know it from the copies pressed in the eighties, the label said."},
	{name: "inline-agency-credit-end",
		in:   "Ford is recalling about 240,000 Explorer SUVs, the safety agency said. (Reuters)\n\nShares of Ford (AP) fell.",
		want: "Ford is recalling about 240,000 Explorer SUVs, the safety agency said.\n\nShares of Ford (AP) fell."},
	{name: "widget-related-link",
		in:   "Collin Doyle died several hours later, Toledo police said.\n\nRELATED CONTENT: Blade 2017 Homicide Report\n\nRELATED ARTICLES: Toledo police investigate two Wednesday\n\nRelatedly, police said both cars were stolen.",
		want: "Collin Doyle died several hours later, Toledo police said.\n\nRelatedly, police said both cars were stolen."},
	{name: "widget-timeline",
		in:   "Tweets from the WDRB Newsroom, Reporters and Anchors.\n\nFour people were found dead in a home in Waynesville.\n\nTweets by @KOCOdesk\n\nTweets from the newsroom staff were deleted on Monday, the station said.\n\nTweets by the mayor drew 2,000 replies.",
		want: "Four people were found dead in a home in Waynesville.\n\nTweets from the newsroom staff were deleted on Monday, the station said.\n\nTweets by the mayor drew 2,000 replies."},
	{name: "promo-keep-up",
		in:   "The competition finishes on 29 May in the same stadium.\n\nYou can keep up to date with all the scores, fixtures and results with BBC Sport.\n\nStay up to date with the latest on our live page.\n\nResidents should keep up to date with flood warnings, the agency said.",
		want: "The competition finishes on 29 May in the same stadium.\n\nResidents should keep up to date with flood warnings, the agency said."},
	{name: "promo-keep-up",
		in:   "Stay updated with our RSS feeds daily with the latest news.\n\nFour people were found dead in a home in Waynesville.\n\nKeep up with our Reporters and Anchors on Facebook.\n\nKeep up with WDRB's Reporters and Anchors on Facebook.\n\nKeep up with our reforms, the minister told the party on Sunday.\n\nKeep up with Labour's plans on Facebook, the minister told the party.",
		want: "Four people were found dead in a home in Waynesville.\n\nKeep up with our reforms, the minister told the party on Sunday.\n\nKeep up with Labour's plans on Facebook, the minister told the party."},
	{name: "promo-cookies",
		in: "We use cookies to improve your experience.\n\nThe ferry service will resume on Friday.\n\nThis site uses cookies. By continuing to browse the site you are agreeing to our use of cookies.\n\n" +
			"By using this website, you agree to our use of cookies.\n\nThe regulator said the site uses cookies to follow readers.\n\n\"We use cookies to show relevant ads,\" a spokesman said.",
		want: "The ferry service will resume on Friday.\n\nThe regulator said the site uses cookies to follow readers.\n\n\"We use cookies to show relevant ads,\" a spokesman said."},
	{name: "widget-related-glued",
		in:   "Adrian Doe, 20, is also charged, according to the district attorney's office.\n\nRelated Articles January 9, 2017 Man dead after shootout with guards outside county strip club Doe allegedly fired shots from a moving vehicle.\n\nRelated Stories Investigation continues in Hayward officer-involved shooting\n\nRelated articles in the journal drew criticism, she said.",
		want: "Adrian Doe, 20, is also charged, according to the district attorney's office.\n\nRelated articles in the journal drew criticism, she said."},
	{name: "lead-dateline-city",
		in:   "The incident took place by Long Avenue, police said.\n\nAUSTIN— A one-year-old child was shot in the head on Friday, police said.",
		want: "A one-year-old child was shot in the head on Friday, police said."},
	{name: "promo-station-card",
		in: "CBS 2Welcome to CBS 2 on CBSChicago.com! CBS 2 has joined forces with the most trusted local radio stations in Chicago to give you the best Chicago has to offer.\n\n" +
			"WCCO-TVWCCO-TV is part of CBS Television Stations, a division of CBS Corp. and one of the largest network-owned station groups in the country.\n\n" +
			"Sportsradio 94WIP Welcome to Sportsradio 94WIP on CBSPhilly.com! Sportsradio 94WIP has joined forces with the most trusted local stations.\n\n" +
			"Two men were shot in the Hermosa neighborhood on Sunday, police said.\n\n" +
			"The station, which is part of Sinclair, said it would appeal.\n\n\"Welcome to Chicago,\" the mayor told the delegates on Monday.",
		want: "Two men were shot in the Hermosa neighborhood on Sunday, police said.\n\n" +
			"The station, which is part of Sinclair, said it would appeal.\n\n\"Welcome to Chicago,\" the mayor told the delegates on Monday."},
	{name: "promo-join",
		in:   "Prices rose in October.\n\nJoin our Telegram channel for the latest updates",
		want: "Prices rose in October."},
	{name: "promo-newsletter",
		in:   "Prices rose in October.\n\nSign up for our newsletter to get the news every morning.\n\nSubscribe to The Daily Brief",
		want: "Prices rose in October."},
	{name: "promo-newsletter",
		in:   "Email Newsletters Sign up for one of our email newsletters.\n\nPrices rose in October.",
		want: "Prices rose in October."},
	{name: "promo-alerts",
		in: "Prices rose in October.\n\nGet breaking news alerts Be the first to know when news breaks in Central Florida. More\n\n" +
			"Jane Doe Photos Jane Doe Get breaking news alerts\n\nClose Get email notifications on Jane Doe daily!\n\nYour notification has been saved.\n\n" +
			"There was a problem saving your notification.\n\nWhenever Jane Doe posts new content, you'll get an email delivered to your inbox with a link.\n\n" +
			"Email notifications are only sent once a day, and only if there are new matching items.",
		want: "Prices rose in October."},
	// TownNews's pay wall with its sentence broken across lines.
	{name: "promo-account",
		in: "Subscribers get total access to all our in-depth news, digital\n\neditions and exclusive premium content. You can also buy a 24-hour\n\n" +
			"digital pass for only 99¢. Read The Lufkin News online Now - with a 24-hour digital pass\n\nA girl was shot in Apopka on Saturday.\n\nThe digital pass for the festival sold out.",
		want: "A girl was shot in Apopka on Saturday.\n\nThe digital pass for the festival sold out."},
	// A metered pay wall's notice, and one offering a log-in.
	{name: "promo-account",
		in: "We hope you've enjoyed your preview of ArkansasOnline.com.\n\nYou've now read the maximum number of stories available without a subscription.\n\nA girl was shot in Apopka on Saturday.\n\n" +
			"Subscribe or Log In Are you a newspaper subscriber but you don't have a Digital Access account yet? Activate your account. You will need your subscription account number and phone number.\n\nWe hope the preview of the film pleased the critics.",
		want: "A girl was shot in Apopka on Saturday.\n\nWe hope the preview of the film pleased the critics."},
	// A pay wall's page (TownNews sites) with nothing else: no summary.
	{name: "promo-account",
		in:   "Thank You For Reading!\n\nNeed an account? Create one now.\n\nA girl was shot in Apopka on Saturday.",
		want: "A girl was shot in Apopka on Saturday."},
	{name: "promo-account",
		in: "Just One More Thing...\n\nWe have sent you a verification email. Please check your email and click on the link to activate your profile.\n\n" +
			"If you do not receive the verification message within a few minutes of signing up, please check your Spam or Junk folder.\n\n" +
			"By submitting your registration information, you agree to our Terms of Service and Privacy Policy .\n\nAlready have an account?\n\n" +
			"Thank you for registering!\n\nSubscription Required\n\nRead the complete story...\n\n" +
			"The story you’re reading is premium content from The Ledger.\n\nAlready a Print Subscriber? Login Now\n\n" +
			"Login Screen Name or Email Password\n\nPrices rose in October.",
		want: "Prices rose in October."},
	{name: "promo-subscribers-only",
		in:   "Investors are split down the middle.\n\nThis article is for subscribers only. Subscribe now for unlimited access.\n\nTo read the full article, subscribe or log in.\n\nTo read the full story of the dispute, see our timeline below, which runs from 2019 to this week's vote and names every party.",
		want: "Investors are split down the middle.\n\nTo read the full story of the dispute, see our timeline below, which runs from 2019 to this week's vote and names every party."},
	{name: "promo-paywall",
		in:   "Need an online subscription? Login Now\n\ndigital pass for only 99¢. Read The Ledger online Now - View Offers Need an online subscription? Already a Print Subscriber?\n\nPrices rose in October.",
		want: "Prices rose in October."},
	{name: "promo-follow",
		in:   "Prices rose in October.\n\nFollow us on Twitter and Facebook",
		want: "Prices rose in October."},
	{name: "promo-social-cta",
		in:   "Prices rose in October.\n\nGet more news on WhatsApp",
		want: "Prices rose in October."},
	{name: "promo-read-more",
		in:   "Prices rose in October.\n\nRead more: Inflation eases in the euro zone\n\nContinue reading\n\nRead or Share this story: http://on.example.com/1RZC",
		want: "Prices rose in October."},
	{name: "promo-click-here",
		in:   "Prices rose in October.\n\nClick here to see the full results of the survey.",
		want: "Prices rose in October."},
	{name: "promo-app",
		in:   "Prices rose in October.\n\nDownload our app for breaking news alerts",
		want: "Prices rose in October."},
	{name: "promo-app",
		in:   "A girl was shot in Apopka on Saturday.\n\nNever Miss a Beat Download the WESH 2 News app to stay on top of the latest news in Central Florida and beyond. More",
		want: "A girl was shot in Apopka on Saturday."},
	{name: "promo-foreign",
		in:   "Los precios subieron.\n\nSuscríbete a nuestro boletín\n\nLesen Sie auch: Inflation sinkt",
		want: "Los precios subieron."},
	{name: "promo-wordpress-footer",
		in:   "Prices rose in October.\n\nThe post Prices rose in October appeared first on Daily Ledger.",
		want: "Prices rose in October."},
	{name: "caption-file-photo",
		in:   "Prices rose in October.\n\nFILE - Shoppers walk through a mall in Chicago, Nov. 24, 2024.",
		want: "Prices rose in October."},
	{name: "caption-label",
		in:   "Prices rose in October.\n\nPhoto: Shoppers at a market in Lagos",
		want: "Prices rose in October."},
	{name: "caption-image-source",
		in:   "Prices rose in October.\n\nImage caption, Shoppers at a market in Lagos",
		want: "Prices rose in October."},
	{name: "caption-image-source",
		in:   "Central bankers expect cuts next year.\n\nImage copyright Getty Images Image caption The Fed building in Washington\n\nMedia caption Watch: Jerome Powell speaks\n\nImage copyright lawyers filed suit.",
		want: "Central bankers expect cuts next year.\n\nImage copyright lawyers filed suit."},
	{name: "caption-credit-end",
		in:   "Prices rose in October.\n\nShoppers walk past a store in Lagos, Nigeria. REUTERS/Temilade Adelaja\n\nA trader counts money in Abuja. (AP Photo/Sunday Alamba)",
		want: "Prices rose in October."},
	{name: "caption-getty",
		in:   "Prices rose in October.\n\nShoppers in Lagos. Getty Images",
		want: "Prices rose in October."},
	{name: "caption-photo-by",
		in:   "Prices rose in October.\n\nPhotos by Ana Ruiz for The Ledger",
		want: "Prices rose in October."},
	{name: "caption-credit-line",
		in: "A shooting victim is taken to a helicopter on Wednesday. (Mike Glenn/Chronicle)\n\nPolice in Ohio shot a boy with a BB gun. (Source: Raycom Images)\n\n" +
			"A boy was shot in north Houston on Monday night. (Photo: KHOU)\n\n" +
			"(Maya Earls/The Baltimore Sun via AP). Authorities respond to the scene in Randallstown.\n\n" +
			"Officers unload a bomb disposal robot at the courthouse, February 11, 2013. ( DAVID M WARREN / Staff Photographer )\n\n" +
			"A boy shot himself at a home in east Houston. (Metro Video) A boy shot himself at a home in east\n\nPrices rose in October.",
		want: "Prices rose in October."},
	{name: "caption-credit-line",
		in: "Paramedics carry a victim out on a stretcher Monday at the courthouse. (Photo: T. J. Healy II, The (Wilmington, Del.) News Journal) Story Highlights Two police officers wounded in attack\n\n" +
			"Officers search the house on Thursday. (Photo: Mike Groll AP) Story Highlights Kurt Myers, 64, was killed in shootout Thursday morning\n\nPrices rose in October.",
		want: "Prices rose in October."},
	{name: "caption-credit-outlet",
		in: "Chicago Police respond to 75th Street and South Kingston Avenue in Chicago at the scene of multiple shootings. (Terrence Antonio James, Chicago Tribune)\n\n" +
			"The mayor spoke to reporters on Monday. (Jane Doe, Staff Photographer)\n\n" +
			"Prices rose in October, the bureau said (Table 2, Annual Review).\n\nPrices rose in October.",
		want: "Prices rose in October, the bureau said (Table 2, Annual Review).\n\nPrices rose in October."},
	{name: "caption-credit-sentence",
		in:   "Alvimann photo via morgueFile\n\nA teen was charged in Larose. Photo via Lafourche Parish Sheriff's Office.\n\nPrices rose in October.",
		want: "Prices rose in October."},
	{name: "caption-video-published",
		in:   "Police arrested a man in the death of a teenager. News 4's Ida Siegal reports. (Published Tuesday, April 21, 2015)\n\nPolice arrested a man on Monday.",
		want: "Police arrested a man on Monday."},
	{name: "inline-gallery",
		in:   "Image 1 of 10 Relatives say the boy found a gun on Sunday. Photo: Courtesy Family\n\nImage 1 of / 4 Caption Close\n\nImage 2 of / 4 Caption Close Image 2 of 4 Police searched the house.",
		want: "Relatives say the boy found a gun on Sunday.\n\nPolice searched the house."},
	{name: "caption-agency-dated",
		in:   "SANTA MONICA, CA - JUNE 08: Students leave the college, which remains closed, on June 8, 2013.\n\nPrices rose in October.",
		want: "Prices rose in October."},
	{name: "caption-gallery-count",
		in:   "Prices rose in October.\n\nImage 3 of 12\n\nFoto 3 von 12",
		want: "Prices rose in October."},
	{name: "byline",
		in:   "By Jane Doe and John Roe, Reuters\n\nBy: Breaking News Staff\n\nPrices rose in October.\n\nBy Tuesday, the army had withdrawn from three towns.",
		want: "Prices rose in October.\n\nBy Tuesday, the army had withdrawn from three towns."},
	{name: "byline",
		in:   "By Jane Doe and John Roe | Published February 10, 2013 | Updated on February 10, 2013 at 10:42 am\n\nBy Jane Doe, Reuters | Updated 3:41 PM EST\n\nPrices rose in October.\n\nBy Friday | Published weekly",
		want: "Prices rose in October.\n\nBy Friday | Published weekly"},
	{name: "byline-role",
		in:   "Prices rose in October.\n\nStaff Writer",
		want: "Prices rose in October."},
	{name: "timestamp",
		in:   "Updated: Nov 26, 2025 10:45 a.m. ET, 2 hours ago\n\nPrices rose in October.",
		want: "Prices rose in October."},
	{name: "update-stamp",
		in:   "Update 1:30 p.m.\n\nUPDATE @ 9 a.m.\n\nUPDATE: 01-23-2017 11:30am\n\nPrices rose in October.\n\n8 a.m.\n\nThe bank spoke.",
		want: "Prices rose in October.\n\nThe bank spoke."},
	{name: "time-only",
		in:   "Prices rose in October.\n\n12:45 GMT\n\nThe bank spoke.",
		want: "Prices rose in October.\n\nThe bank spoke."},
	{name: "reading-time",
		in:   "5 min read\n\nPrices rose in October.",
		want: "Prices rose in October."},
	{name: "listen",
		in:   "Listen to this article · 4:12 min\n\nPrices rose in October.",
		want: "Prices rose in October."},
	{name: "reporting-credits",
		in:   "Prices rose in October.\n\nReporting by Jane Doe; Editing by John Roe",
		want: "Prices rose in October."},
	{name: "standards-footer",
		in: "Prices rose in October.\n\nOur Standards: The Thomson Reuters Trust Principles.\n\n© 2025 Daily Ledger. All rights reserved.\n\n" +
			"82nd and Slide Road /Copyright 2016 Nexstar Broadcasting, Inc. All rights reserved. This material may not be published, broadcast, rewritten, or redistributed.\n\n" +
			"(TM and © Copyright 2014 CBS Radio Inc. and its relevant subsidiaries.\n\nBoy accidentally shoots, kills himself © 2017 Cox Media Group.",
		want: "Prices rose in October."},
	{name: "standards-public-file",
		in: "A man was shot on Main Street on Friday.\n\nViewers with disabilities can get assistance accessing this station's FCC Public Inspection File by contacting the station with the information listed below. " +
			"Questions or concerns relating to the accessibility of the FCC's online public file system should be directed to the FCC at 888-225-5322.\n\nThe FCC fined the station $5,000, viewers with disabilities said.",
		want: "A man was shot on Main Street on Friday.\n\nThe FCC fined the station $5,000, viewers with disabilities said."},
	{name: "standards-public-file",
		in:   "× Online Public Information File\n\nPublic File Liaison:\n\nStation Contact Info:\n\nA man was shot on Main Street on Friday.\n\nThe station's public file was online, the FCC said.",
		want: "A man was shot on Main Street on Friday.\n\nThe station's public file was online, the FCC said."},
	{name: "widget-phone-only",
		in:   "A man was shot on Main Street on Friday.\n\n606-436-5757\n\n(859) 555-0100\n\nCall 606-436-5757 with information.",
		want: "A man was shot on Main Street on Friday.\n\nCall 606-436-5757 with information."},
	{name: "widget-weather-alert",
		in: "Tornado Watch issued May 8 at 7:41PM CDT expiring May 9 at 3:00AM CDT in effect for: McCurtain\n\nLake Effect Snow Warning issued January 12 at 3:46AM EST expiring January 12 at 10:00PM EST in effect for: Erie, Niagara\n\n" +
			"A man was shot on Main Street on Friday.\n\nA Tornado Warning issued at 5 p.m. sent residents to shelters.",
		want: "A man was shot on Main Street on Friday.\n\nA Tornado Warning issued at 5 p.m. sent residents to shelters."},
	{name: "widget-share",
		in:   "Share this with\n\nEmail\n\nCopy this link\n\nThe ferry service will resume on Friday.",
		want: "The ferry service will resume on Friday."},
	{name: "widget-player-notice",
		in:   "Please turn on JavaScript. Our live coverage needs it to update in real time.\n\nThe ferry service will resume on Friday.",
		want: "The ferry service will resume on Friday."},
	{name: "widget-player-notice",
		in: "Please enable Javascript to watch this video\n\nSorry, your browser doesn't support Flash , needs a Flash update , or has Flash disabled. You need Flash to watch this video.\n\n" +
			"The ferry service will resume on Friday.",
		want: "The ferry service will resume on Friday."},
	{name: "widget-page-labels",
		in:   "Now Playing\n\nThis video can not be played\n\nCopy Link\n\nThe ferry service will resume on Friday.\n\nClick to expand\n\ntoggle caption\n\nExplore more on these topics\n\nReuse this content\n\nNow playing at the Odeon: a film about the ferry.",
		want: "The ferry service will resume on Friday.\n\nNow playing at the Odeon: a film about the ferry."},
	{name: "widget-playlist-bar",
		in: "facebook twitter email Share More Videos 11:32 Police tackle man for jaywalking Pause 2:29 Sacramento's most wanted: This week offers gunshots, punches and harsh words 2:29 Sacramento's most wanted: This week's fugitives tend toward violence 3:22 'Their main concern is the way Vallejo operates,\" says mother of Aaron Quinn 5:04 Sacramento police officers respond after initial jaywalking stop 1:09 Truck swerves and crashes, causing quite a mess for morning traffic on Highway 99 " +
			"0:34 Suspected mail thief arrested 1:19 Vigil for missing Yolo teens at Woodland church 1:17 Suspect caught on camera 2:02 Firefighters battle grass fire near Folsom 1:45 Kings fans line up for tickets\n\n" +
			"The ferry service will resume on Friday.\n\nMore Videos of the storm were shared at 10:30 on Friday.",
		want: "The ferry service will resume on Friday.\n\nMore Videos of the storm were shared at 10:30 on Friday."},
	{name: "widget-playlist",
		in: "1:56 Protesters march against the order at the airport Pause\n\n0:41 Person detained after hotel incident\n\n1:39 Who is BTK? 2:39 Search continues for missing girl\n\n" +
			"0:24 Bluffton BBQ owner asks for return of 'Flossie'\n\nThe ferry service will resume on Friday.",
		want: "The ferry service will resume on Friday."},
	{name: "widget-playlist",
		in:   "2:07 Are the Dallas Cowboys still America's Team?\n\n0:13 Judge: 'You’re still his wife with these charges?'\n\nThe ferry service will resume on Friday.\n\n10:42 Police said the road would reopen by noon.",
		want: "The ferry service will resume on Friday.\n\n10:42 Police said the road would reopen by noon."},
	{name: "widget-transcript",
		in: "Copy Link Copy\n\nWEBVTT WE ARE GOING LIVE TO THE PRESS CONFERENCE RIGHT NOW. >> FIRST AND FOREMOST, WE WANT TO REMIND THE MEDIA THAT WE DO UNDERSTAND THERE ARE RUMORS.\n\n" +
			"The ferry service will resume on Friday.\n\nThe WEBVTT format carries the captions of web videos.",
		want: "The ferry service will resume on Friday.\n\nThe WEBVTT format carries the captions of web videos."},
	{name: "media-label",
		in:   "Prices rose in October.\n\nRELATED: Bank holds rates",
		want: "Prices rose in October."},
	{name: "inline-photo-buttons",
		in:   "Buy Photo Officers searched the house on Saturday. Buy Photo\n\nA man talks to reporters in this file photo. View Full Caption",
		want: "Officers searched the house on Saturday.\n\nA man talks to reporters in this file photo."},
	{name: "inline-bracket-promo",
		in:   "One person was shot dead on Monday. [MOBILE USERS: Click here for the photos]",
		want: "One person was shot dead on Monday."},
	{name: "widget-external-links",
		in:   "These are external links and will open in a new window\n\nThe ferry service will resume on Friday.",
		want: "The ferry service will resume on Friday."},
	{name: "inline-media-pointer",
		in:   "CNN's Atika Shubert explains how ISIS functions as a state. The video is at the top of this story. It's an annual tradition: Girl Scouts sell cookies.\n\nThe video is above average in length, critics said.",
		want: "CNN's Atika Shubert explains how ISIS functions as a state. It's an annual tradition: Girl Scouts sell cookies.\n\nThe video is above average in length, critics said."},
	{name: "inline-scroll-down",
		in:   "The kite measured 2,000 metres from head to tail. Scroll down for video Organisers said it was the longest ever flown.",
		want: "The kite measured 2,000 metres from head to tail. Organisers said it was the longest ever flown."},
	{name: "widget-share",
		in:   "Share this article\n\nFacebook | Twitter | Email\n\nPrices rose in October.",
		want: "Prices rose in October."},
	{name: "widget-comments",
		in:   "Prices rose in October.\n\nNo comments yet\n\n12 Comments",
		want: "Prices rose in October."},
	{name: "widget-related",
		in:   "Prices rose in October.\n\nRelated Articles\n\nMost Read",
		want: "Prices rose in October."},
	{name: "widget-advertisement",
		in:   "Prices rose in October.\n\nAdvertisement\n\nStory continues below advertisement\n\nThe bank spoke.",
		want: "Prices rose in October.\n\nThe bank spoke."},
	{name: "widget-navigation",
		in:   "Skip to main content\n\nHide Transcript Show Transcript\n\nPrices rose in October.\n\nBack to top\n\nClose",
		want: "Prices rose in October."},
	{name: "section-label",
		in:   "Opinion\n\nPrices rose in October.\n\nLive updates",
		want: "Prices rose in October."},
	{name: "media-label",
		in:   "Prices rose in October.\n\nWatch: highlights of the final",
		want: "Prices rose in October."},
	{name: "widget-breadcrumbs",
		in:   "Home > World > Africa\n\nPrices rose in October.",
		want: "Prices rose in October."},
	{name: "template-double-bracket",
		in:   "The council voted [[nid:123]] on Monday.",
		want: "The council voted on Monday."},
	{name: "template-braces",
		in:   "The council voted {{ad_slot_2}} on Monday. {% include promo %}",
		want: "The council voted on Monday."},
	{name: "shortcode-caption",
		in:   `[caption id="attachment_9" align="alignleft"]The town hall in 1920[/caption] The council voted on Monday.`,
		want: "The council voted on Monday."},
	{name: "shortcode",
		in:   `The council voted on Monday. [embed]https://video.example/1[/embed] [gallery ids="1,2,3"]`,
		want: "The council voted on Monday. https://video.example/1"},
	{name: "leftover-tag",
		in:   "The council &lt;b&gt;voted&lt;/b&gt; on Monday.",
		want: "The council voted on Monday."},
	{name: "leftover-entity",
		in:   "The council voted on Monday &bogus; and Tuesday.",
		want: "The council voted on Monday and Tuesday."},
	{name: "inline-photo-credit",
		in:   "The president spoke in the Rose Garden (AP Photo/Evan Vucci) on Monday afternoon, aides said.",
		want: "The president spoke in the Rose Garden on Monday afternoon, aides said."},
	{name: "inline-advertisement",
		in:   "The council voted on Monday. ADVERTISEMENT The mayor was absent.",
		want: "The council voted on Monday. The mayor was absent."},
	{name: "inline-truncation",
		in:   "The council voted on Monday to raise fees [...]",
		want: "The council voted on Monday to raise fees"},
	// Session 35: furniture of outlets the table was not written on (see
	// outletRules), and kinds added to older rules, seen on pages written
	// in those outlets' styles.
	{name: "caption-credit-tail",
		in:   "Water firms in England face record fines for sewage spills.\n\nSewage flows into a river near Abingdon. Photograph: Ben Birchall/PA\n\nThe regulator found six firms broke the law.",
		want: "Water firms in England face record fines for sewage spills.\n\nThe regulator found six firms broke the law."},
	{name: "caption-credit-tail",
		in:   "Gusts of more than 60 mph hit parts of New England.Credit...Sophie Park for The New York Times\n\nA powerful storm knocked out power to 600,000 homes on Monday.",
		want: "A powerful storm knocked out power to 600,000 homes on Monday."},
	{name: "caption-credit-tail",
		in:   "Polls opened at 7am local time on Sunday.\n\nA woman casts her vote at a polling station in the capital [File: Ahmed Yusuf/AP Photo]\n\nTurnout in the last election was 61 percent.",
		want: "Polls opened at 7am local time on Sunday.\n\nTurnout in the last election was 61 percent."},
	{name: "caption-credit-tail",
		in:   "Residents were told it is too late to leave.\n\nFirefighters have been working through the afternoon.(ABC News: Nicole Hart)\n\nThe alert was raised just after 3pm.",
		want: "Residents were told it is too late to leave.\n\nThe alert was raised just after 3pm."},
	{name: "caption-credit-alone",
		in:   "toggle caption Mark Ellison/NPR\n\nResearchers found a 6,000-year-old forest under a glacier in the Rockies.",
		want: "Researchers found a 6,000-year-old forest under a glacier in the Rockies."},
	{name: "byline-bio",
		in:   "The bill passed both chambers with large majorities.\n\nMichael Lee is a reporter for Fox News Digital. Story tips can be sent to michael.lee@example.com.",
		want: "The bill passed both chambers with large majorities."},
	{name: "byline-bio",
		in:   "The shilling firmed on Wednesday, traders said.\n\nDuncan covers East Africa for Reuters from Nairobi.",
		want: "The shilling firmed on Wednesday, traders said."},
	{name: "byline-bio",
		in:   "Rivers rose quickly in Vermont on Monday.\n\nDaniel Reyes is a reporter covering climate and weather. More about Daniel Reyes",
		want: "Rivers rose quickly in Vermont on Monday."},
	{name: "byline-bio",
		in:   "Firefighters were aided by calmer winds overnight.\n\nHannah Fry is a Los Angeles Times staff writer covering breaking news.",
		want: "Firefighters were aided by calmer winds overnight."},
	{name: "byline-bio",
		in:   "He faces multiple counts of burglary.\n\nJane Doe is a reporter for CBS News Chicago. She joined the station in 2021.",
		want: "He faces multiple counts of burglary."},
	{name: "byline-bio",
		in:   "The airlines are considering an appeal.\n\nNiraj Chokshi covers transportation for The Times, including airlines, railroads and automakers.",
		want: "The airlines are considering an appeal."},
	{name: "credits-print-edition",
		in:   "Crews came in from five states.\n\nA version of this article appears in print on Dec. 19, 2023, Section A, Page 14 of the New York edition with the headline: Storm Knocks Out Power. Order Reprints | Today’s Paper | Subscribe",
		want: "Crews came in from five states."},
	{name: "credits-wire-notes",
		in:   "Brent gained 1% to $82.90 a barrel.\n\n(Updates with settlement prices in second paragraph.)",
		want: "Brent gained 1% to $82.90 a barrel."},
	{name: "credits-wire-notes",
		in:   "The court directed him to furnish a bond.\n\n(With inputs from agencies)",
		want: "The court directed him to furnish a bond."},
	{name: "credits-wire-notes",
		in:   "The yen weakened past 160 per dollar.\n\n— With assistance from Masaki Kondo",
		want: "The yen weakened past 160 per dollar."},
	{name: "standards-transcript",
		in:   "The stumps were exposed as the ice melted.\n\nTranscript provided by NPR, Copyright NPR.",
		want: "The stumps were exposed as the ice melted."},
	{name: "promo-latest-news",
		in:   "The IMD has forecast above-normal rainfall this season.\n\nCatch all the Latest India News, Breaking News and Weather updates on Hindustan Times.",
		want: "The IMD has forecast above-normal rainfall this season."},
	{name: "promo-latest-news",
		in:   "Three men were held on suspicion of burglary.\n\nKeep up with all the latest news from the UK and around the world by following Sky News",
		want: "Three men were held on suspicion of burglary."},
	{name: "promo-latest-news",
		in:   "The scheme is expected to benefit 12 million women.\n\nStay updated with the latest news on our WhatsApp channel.",
		want: "The scheme is expected to benefit 12 million women."},
	{name: "promo-donate",
		in:   "The 31-year-old pleaded not guilty.\n\nIndependent journalism costs money. Support Times of Malta for the price of a coffee.\n\nSupport Us",
		want: "The 31-year-old pleaded not guilty."},
	{name: "live-page-asides",
		in:   "Polls have now closed in the last states.\n\nGood evening and welcome to our live coverage of election night.\n\nWe'll bring you the results, the reaction and the analysis as they come in.",
		want: "Polls have now closed in the last states."},
	{name: "story-will-update",
		in:   "He was pronounced dead at the scene.\n\nKXAN will update this story as more information becomes available.",
		want: "He was pronounced dead at the scene."},
	{name: "widget-page-prompts",
		in:   "Aid agencies say only a fraction of supplies has arrived.\n\nSave articles to read later and create your own reading list.\n\nThe United Nations has warned of famine.",
		want: "Aid agencies say only a fraction of supplies has arrived.\n\nThe United Nations has warned of famine."},
	{name: "widget-page-prompts",
		in:   "Drivers have been told to use a diversion.\n\nThe BBC is not responsible for the content of external sites.",
		want: "Drivers have been told to use a diversion."},
	{name: "widget-page-prompts",
		in:   "Charities said many had been moved before.\n\nThe content you requested does not exist or is not available anymore.",
		want: "Charities said many had been moved before."},
	{name: "widget-page-prompts",
		in:   "Dealers will replace the sensor for free.\n\nFollow reporter Nathan Bomey on X @NathanBomey and subscribe to our free Daily Money newsletter here.",
		want: "Dealers will replace the sensor for free."},
	{name: "widget-page-prompts",
		in:   "Labour said the government had lost its way.\n\nWas this helpful?\n\nThank you for your feedback.",
		want: "Labour said the government had lost its way."},
	{name: "promo-subscribers-foreign",
		in:   "La Cour des comptes a appelé le gouvernement à engager des économies.\n\nIl vous reste 62.5% de cet article à lire. La suite est réservée aux abonnés.",
		want: "La Cour des comptes a appelé le gouvernement à engager des économies."},
	{name: "promo-follow-coverage",
		in:   "Millions of voters are casting ballots on Sunday.\n\nFollow Al Jazeera's live coverage of the election here.",
		want: "Millions of voters are casting ballots on Sunday."},
	{name: "reading-time",
		in:   "Temps de Lecture 3 min.\n\nLa Cour des comptes a appelé le gouvernement à engager des économies.",
		want: "La Cour des comptes a appelé le gouvernement à engager des économies."},
	{name: "timestamp",
		in:   "Publié le 14 mars 2024 à 10h32, modifié le 14 mars 2024 à 12h05\n\nLa Cour des comptes a appelé le gouvernement à engager des économies.",
		want: "La Cour des comptes a appelé le gouvernement à engager des économies."},
	{name: "credits-correction",
		in:   "Hospitals have been told to prepare.\n\nThis article was amended on 16 July 2024. An earlier version said the alert covered Wales; it covers England only.",
		want: "Hospitals have been told to prepare."},
	{name: "credits-correction",
		in:   "Die Tarifverhandlungen waren gescheitert.\n\nDieser Artikel wurde am 10. Januar aktualisiert.",
		want: "Die Tarifverhandlungen waren gescheitert."},
	{name: "lead-dateline-agency",
		in:   "Damage to homes in Barnsdall, Okla., is seen on Tuesday, May 7, 2024.\n\nBARNSDALL, Okla. (AP) — A tornado tore through a small Oklahoma town overnight, authorities said Tuesday.",
		want: "A tornado tore through a small Oklahoma town overnight, authorities said Tuesday."},
	{name: "credits-contributed",
		in:   "The storm also knocked down power lines.\n\nAssociated Press reporter Sean Murphy in Oklahoma City contributed.",
		want: "The storm also knocked down power lines."},
	{name: "caption-credit-tail",
		in:   "The House passed a farm bill on Thursday.\n\nRep. Jane Doe speaks during a hearing on Capitol Hill. | Francis Chung/POLITICO\n\nThe vote was 230-196.",
		want: "The House passed a farm bill on Thursday.\n\nThe vote was 230-196."},
	{name: "caption-credit-tail",
		in:   "Roads were impassable on Tuesday.\n\nThe photo shows damage to homes in Barnsdall on Tuesday. (Cole County Sheriff's Office via AP)",
		want: "Roads were impassable on Tuesday."},
	{name: "live-page-asides",
		in:   "More than 1 million customers are without power in Florida.\n\nOur live coverage has ended. Follow the latest updates here.",
		want: "More than 1 million customers are without power in Florida."},
	{name: "live-page-asides",
		in:   "We're going to pause our live coverage now. Thanks for joining us.\n\nEngineers have restored power to 20,000 homes.",
		want: "Engineers have restored power to 20,000 homes."},
	{name: "live-page-asides",
		in:   "The Met Office has extended its amber wind warning until 6pm.\n\nThat's it from me today. My colleague will take over the blog shortly.",
		want: "The Met Office has extended its amber wind warning until 6pm."},
	{name: "widget-page-prompts",
		in:   "Log in, register or subscribe to save articles for later.\n\nMetro trains across Melbourne were suspended on Tuesday.",
		want: "Metro trains across Melbourne were suspended on Tuesday."},
	{name: "widget-page-prompts",
		in:   "The figure was below forecasts.\n\nJoin ST's WhatsApp Channel and get the latest news and must-reads.",
		want: "The figure was below forecasts."},
	{name: "credits-copy-notes",
		in:   "Most of the cases involved people who were not vaccinated.\n\nThe Associated Press Health and Science Department receives support from the Howard Hughes Medical Institute. The AP is solely responsible for all content.",
		want: "Most of the cases involved people who were not vaccinated."},
	{name: "credits-copy-notes",
		in:   "The cause of the fire is yet to be ascertained.\n\n(Except for the headline, this story has not been edited by NDTV staff and is published from a syndicated feed.)",
		want: "The cause of the fire is yet to be ascertained."},
	{name: "credits-copy-notes",
		in:   "Heatwaves now last two days longer than in the 1980s.\n\nThis article is republished from The Conversation under a Creative Commons license. Read the original article.\n\nJane Doe does not work for, consult, own shares in or receive funding from any company that would benefit from this article.",
		want: "Heatwaves now last two days longer than in the 1980s."},
	{name: "widget-helpline",
		in:   "The family said they were devastated.\n\nIn the UK, the charity Mind is available on 0300 123 3393. Other international helplines can be found at befrienders.org",
		want: "The family said they were devastated."},
	{name: "widget-helpline",
		in:   "The coroner recorded a verdict of suicide.\n\nIf you or someone you know is struggling, call or text 988 to reach the Suicide and Crisis Lifeline.",
		want: "The coroner recorded a verdict of suicide."},
	{name: "prefix-signpost-label",
		in:   "Home sales fell to their lowest level since 1995.\n\nWhy it matters: Housing affordability has become a major political issue.",
		want: "Home sales fell to their lowest level since 1995.\n\nHousing affordability has become a major political issue."},
	{name: "widget-go-deeper",
		in:   "Home sales fell to their lowest level since 1995.\n\nGo deeper: Mortgage rates hit 7%",
		want: "Home sales fell to their lowest level since 1995."},
	{name: "inline-link-note",
		in:   "The miner reported a record profit on Tuesday, opens new tab, driven by copper demand.",
		want: "The miner reported a record profit on Tuesday, driven by copper demand."},
	{name: "inline-link-note-end",
		in:   "It said in a statement, opens new tab that earnings rose 18%. The report (external link) gave no figure.",
		want: "It said in a statement that earnings rose 18%. The report gave no figure."},
	{name: "inline-newsletter-sentence",
		in:   "Rail fares will rise by 4.9% in March, the government said. Sign up for our free daily newsletter here.",
		want: "Rail fares will rise by 4.9% in March, the government said."},
	{name: "inline-newsletter-sentence",
		in:   "He pleaded guilty on Tuesday, prosecutors said. Get our free weekly newsletter",
		want: "He pleaded guilty on Tuesday, prosecutors said."},
}

// fourLines is a lead of four prose lines, after which the lead rules
// no longer apply.
const fourLines = "Prices rose in October.\n\nThe bank spoke.\n\nShares fell.\n\nBonds held.\n\n"

func TestBuiltinRules(t *testing.T) {
	all := builtinRules()
	for _, tt := range ruleRows {
		t.Run(tt.name, func(t *testing.T) {
			full, err := compileCleaner(all)
			if err != nil {
				t.Fatal(err)
			}
			if got := full.clean(tt.in, "", ""); got != tt.want {
				t.Fatalf("clean:\n got %q\nwant %q", got, tt.want)
			}
			without := slices.DeleteFunc(slices.Clone(all), func(r Rule) bool { return r.Name == tt.name })
			if len(without) != len(all)-1 {
				t.Fatalf("no built-in rule named %q", tt.name)
			}
			c, err := compileCleaner(without)
			if err != nil {
				t.Fatal(err)
			}
			if got := c.clean(tt.in, "", ""); got == tt.want {
				t.Errorf("rule %q changes nothing in this row: another rule already does its work", tt.name)
			}
		})
	}
}

func TestEveryBuiltinRuleHasARow(t *testing.T) {
	for _, r := range builtinRules() {
		if !slices.ContainsFunc(ruleRows, func(row struct{ name, in, want string }) bool { return row.name == r.Name }) {
			t.Errorf("built-in rule %q has no row in ruleRows", r.Name)
		}
	}
}

func TestCleanKeepsProse(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{name: "by as preposition", in: "By Tuesday, the army had withdrawn from three towns."},
		{name: "by the time", in: "By the time the police arrived, the gunman had fled."},
		{name: "by the time, a line alone", in: "By the time officers arrived"},
		{name: "related as adjective", in: "Related talks will continue next week, officials said."},
		{name: "related articles in prose", in: "Related articles in the journal drew criticism, and Related Party Transactions were listed."},
		{name: "join in a sentence", in: "Protesters urged residents to join the march on Saturday."},
		{name: "registered", in: "Registered voters turned out in record numbers on Sunday."},
		{name: "newsletter in a sentence", in: "Newsletters and podcasts brought in 12% of revenue, the company said."},
		{name: "breaking news in a sentence", in: "The station was the first to report the breaking news on Monday, its editor said."},
		{name: "share at the start", in: "Share prices fell 3% on Monday, and Close Brothers said Skip Ad was a brand."},
		{name: "poll in brackets", in: "Biden's approval rose to 42% in May (Reuters/Ipsos)."},
		{name: "source of figures", in: "Unemployment fell to 3.9% in May. (Source: Labor Department)"},
		{name: "photo by in a sentence", in: "The museum showed a photo by Ansel Adams. Photo by photo, the show grew."},
		{name: "updated in a sentence", in: "Updated figures show prices rose 3% in October."},
		{name: "posted in a sentence", in: "Posted guards at the gate turned the crowd away."},
		{name: "published at a time", in: "Published at 9 a.m. on Monday, the report drew wide criticism."},
		{name: "here in a sentence", in: "Click the link and go here, she said. Clicking here is not needed."},
		{name: "stay with in a sentence", in: "Stay with your family for now, the mayor told residents."},
		{name: "comma then a state word", in: "Meanwhile, Democrats - who hold the Senate - backed the bill."},
		{name: "this article in prose", in: "This article is about to change everything, he joked."},
		{name: "minus number", in: "-5 degrees was the low on Monday, forecasters said."},
		{name: "hyphen word", in: "Re-election is not certain, she said."},
		{name: "a time in a short sentence", in: "9 a.m. is when the polls open."},
		{name: "update with a number, a colon after", in: "Update 4 of the app: Users can now share their location."},
		{name: "updates in a headline sentence", in: "Updates to the plan | The council will vote on Monday."},
		{name: "a label with a number but no month before a colon", in: "Round 3, Week 2: The Jets won their third game in a row on Sunday."},
		{name: "an original post-war plan", in: "Original post-war plans: the city kept its old bridges, the mayor said."},
		{name: "update as a word", in: "The update: prices rose 3% in October, the bank said."},
		{name: "copyright as a word", in: "Copyright lawsuits against AI firms doubled in 2024, lawyers said."},
		{name: "live blog entry", in: "14:05 The prime minister has arrived at the summit."},
		{name: "live blog quote", in: "14:07 The prime minister told reporters: 'We will stay.'"},
		{name: "browser in a sentence", in: "Your browser does not matter much for this, experts said."},
		{name: "brackets in prose", in: "The report [released on Monday] cited video evidence."},
		{name: "sign in a sentence", in: "Sign language interpreters stood beside the mayor on Monday."},
		{name: "subscribers in a sentence", in: "Subscribers get a 10% discount until March, the company said."},
		{name: "caps word with dash", in: "The plan - which NATO backs - was approved."},
		{name: "party tag and dash", in: "Sen. Ted Cruz (R-Texas) - who spoke first - backed the bill."},
		{name: "phone number", in: "(610)-555-0199 is the number to call, police said."},
		{name: "ticker in brackets", in: "Acme (ACM) shares rose 3% on the news."},
		{name: "caps word glued to a dash", in: "NATO—the alliance—met on Monday."},
		{name: "photo in a sentence", in: "Photographers gathered outside the court as the verdict was read."},
		{name: "brackets in a quote", in: `"He [the minister] knew," she said.`},
		{name: "amp in a name", in: "AT&T and Procter & Gamble reported results."},
		{name: "less than", in: "Growth was < 2% in 2024, and x<y held."},
		{name: "decoded text that looks like a tag", in: "US & EU agree to cut tariffs on <steel> and aluminium."},
		{name: "angle brackets around a word mid-sentence", in: "The firm renamed its <Premium> tier to Plus, it said on Monday."},
		// Session 35: prose that looks like the furniture of outletRules.
		{name: "a title with photograph and a colon", in: "The gallery's new show, Photograph: The First Century, opens on Friday."},
		{name: "a reporter in the news", in: "Jane Doe is a reporter who was detained in Minsk on Monday, her paper said."},
		{name: "a reporter in a longer sentence", in: "Jane Doe is a reporter covering the trial, and she was detained on Monday."},
		{name: "covers as a verb", in: "Medicare covers treatment for Americans over 65."},
		{name: "a poll with a slash", in: "Reuters/Ipsos"},
		{name: "update note in prose", in: "(Updates to the plan were approved on Monday.) The council met again."},
		{name: "latest figures", in: "Read the latest figures, she said, and you will see the jobs are there."},
		{name: "support for a measure", in: "Support for the measure fell to 40% in May."},
		{name: "welcome in prose", in: "Welcome to our town, the mayor told the arriving families."},
		{name: "officials update a report", in: "Officials will update this report next year, the ministry said."},
		{name: "copyright in a sentence", in: "Copyright AI firms doubled their lobbying in 2024."},
		{name: "follow the money", in: "Follow the money, he said."},
		{name: "assistance in prose", in: "With assistance from the FBI, police arrested two men on Monday."},
		{name: "donors contributed", in: "Five donors contributed."},
		{name: "helplines in the news", in: "The charity said its helplines are available around the clock."},
		{name: "the news as a subject", in: "The news that the plant would close spread quickly on Monday."},
		{name: "live coverage in prose", in: "The channel's live coverage has ended a decade of rivalry, critics said."},
		{name: "solely responsible in prose", in: "The contractor is solely responsible for the delays, the audit found."},
		{name: "a new tab in prose", in: "The browser opens a new tab for each search, the company said."},
		{name: "a reporter's news with a colleague", in: "Jane Doe is a reporter for CBS News Chicago who was hurt in the crash on Monday."},
		{name: "that's it in a quote", in: "\"That's it from me,\" the coach said after the final whistle."},
		{name: "republished as news", in: "The novel was republished from a rare first edition in 2019."},
		{name: "newsletter readers in prose", in: "The paper grew fast. Subscribers to the newsletter rose 40%. Get the full report from the agency."},
		// Datelines and stamps: what looks like them and is prose.
		{name: "a note in capitals", in: "NOTE: The meeting has been moved to Thursday, the clerk said."},
		{name: "a question and its answer", in: "Q: What did the council decide on Tuesday? A: It voted to close the old ferry pier."},
		{name: "an acronym before a colon in a headline", in: "NATO: allies agree to lift defence spending to 3.5 percent of output"},
		{name: "an acronym before a colon in a quote", in: "\"US: we will not pay,\" the minister said on Tuesday."},
		{name: "a kicker with a week before a colon", in: "COVID, Week 2: Cases rose again in the county, officials said."},
		{name: "an agency's tag after its name", in: "Asian News International (ANI) Editor Smita Rao spoke on Monday."},
		{name: "an agency's tag with a name before it", in: "Mumbai Police (PTI) The statement was issued late on Monday."},
		{name: "published on a date in a sentence", in: "Published 12 March 2019, the study found that prices rose."},
		{name: "posted at a time in a sentence", in: "Posted at 14:05, the letter reached the mayor before noon."},
		{name: "long paragraph starting like a promo", in: "Subscribe" + strings.Repeat(" and more words", 50) + "."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.in {
				t.Errorf("Clean changed prose:\n got %q\nwant %q", got, tt.in)
			}
		})
	}
}

func TestClean(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "html paragraphs and scripts",
			in:   `<div><p>First &amp; foremost.</p><script>var x = 1;</script><figure><img src="a.jpg"><figcaption>A caption</figcaption></figure><p>Second<br>Third line<br>goes on.</p></div>`,
			want: "First & foremost.\n\nSecond\n\nThird line goes on."},
		{name: "glued reuters lead",
			in:   "FILE PHOTO: Smoke rises over Kyiv, Ukraine, Nov 25, 2025. REUTERS/Gleb Garanich Russia strikes Kyiv power plant KYIV, Nov 26 (Reuters) - Russia struck a power plant in Kyiv on Wednesday.\n\nTwo people were hurt.",
			want: "Russia struck a power plant in Kyiv on Wednesday.\n\nTwo people were hurt."},
		{name: "double escaped entities", in: "Caf&amp;eacute; prices rose&amp;nbsp;again.", want: "Café prices rose again."},
		{name: "hard wrapped text joined", in: "The council voted on\nthe budget on Monday.\n\nThe mayor spoke.", want: "The council voted on the budget on Monday.\n\nThe mayor spoke."},
		{name: "zero width and nbsp", in: "The\u00a0council\u200b voted.", want: "The council voted."},
		{name: "all boilerplate", in: "Advertisement\n\nShare this article\n\nRead more", want: ""},
		{name: "empty", in: "", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCleanCutsRepeatedTitle(t *testing.T) {
	c, err := newCleaner(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		title string
		in    string
		want  string
	}{
		{name: "credit title dateline",
			title: "Acme to cut 5,000 jobs as demand slumps",
			in:    "A worker at an Acme plant in Leipzig. REUTERS/Stringer Acme to cut 5,000 jobs as demand slumps FRANKFURT - Acme said on Wednesday it would cut 5,000 jobs.",
			want:  "Acme said on Wednesday it would cut 5,000 jobs."},
		{name: "title inside a sentence stays",
			title: "Acme to cut 5,000 jobs",
			in:    "Acme to cut 5,000 jobs as demand slumps, the company said.",
			want:  "Acme to cut 5,000 jobs as demand slumps, the company said."},
		{name: "title sentence the next one refers to stays",
			title: "Clinic opens in Ayr",
			in:    "A clinic opens in Ayr. It has 12 beds and a pharmacy.",
			want:  "A clinic opens in Ayr. It has 12 beds and a pharmacy."},
		{name: "title, a section's label, the title again",
			title: "Police: Family found shot to death in Gwinnett County home",
			in:    "Police: Family found shot to death in Gwinnett County home News Police: Family found shot to death in Gwinnett County home Gwinnett County Police are investigating the deaths of three people at a home near Norcross.",
			want:  "Gwinnett County Police are investigating the deaths of three people at a home near Norcross."},
		{name: "title, a section's label, a variant of the title",
			title: "Shooting in SW Houston injures 9 people; gunman shot, killed",
			in:    "Shooting in SW Houston injures 9 people; gunman shot, killed News Shooting in Houston injures 9 people; gunman shot, killed Police say several people were shot in a southwest Houston neighborhood Monday morning.",
			want:  "Police say several people were shot in a southwest Houston neighborhood Monday morning."},
		{name: "title, a section's label, a variant with a word changed",
			title: "Police: Family found shot to death in Gwinnett County home",
			in:    "Police: Family found shot to death in Gwinnett County home Local News Police: Family found shot to death in Gwinnett Co. home Gwinnett County Police are investigating the deaths of three people.",
			want:  "Gwinnett County Police are investigating the deaths of three people."},
		{name: "a sentence two words from the title after a label stays",
			title: "Shooting in SW Houston injures 9 people; gunman shot, killed",
			in:    "Shooting in SW Houston injures 9 people; gunman shot, killed News Shooting in Houston injures 9 people; the gunman was shot and killed Police say several people were shot.",
			want:  "News Shooting in Houston injures 9 people; the gunman was shot and killed Police say several people were shot."},
		{name: "a sentence opening like the title after a label stays",
			title: "Shooting in SW Houston injures 9 people; gunman shot, killed",
			in:    "Shooting in SW Houston injures 9 people; gunman shot, killed Officers say Shooting in Houston injures 9 people; gunman shot, killed was the headline they feared most.",
			want:  "Officers say Shooting in Houston injures 9 people; gunman shot, killed was the headline they feared most."},
		{name: "a short title's variant stays",
			title: "Storm hits Ohio town",
			in:    "Storm hits Ohio town News Storm hits Ohio towns Residents cleaned up on Sunday.",
			want:  "News Storm hits Ohio towns Residents cleaned up on Sunday."},
		{name: "the title again after a sentence stays",
			title: "Seven people injured in Oakland shooting",
			in:    "Seven people injured in Oakland shooting Police said on Sunday that the man who opened fire outside the club had fled. Seven people injured in Oakland shooting is the city's worst this year.",
			want:  "Police said on Sunday that the man who opened fire outside the club had fled. Seven people injured in Oakland shooting is the city's worst this year."},
		{name: "title alone on the first line",
			title: "Acme to cut 5,000 jobs",
			in:    "Acme to cut 5,000 jobs\n\nAcme said on Wednesday it would cut jobs.",
			want:  "Acme said on Wednesday it would cut jobs."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.clean(tt.in, "", tt.title); got != tt.want {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestExtraRules(t *testing.T) {
	c, err := newCleaner([]Rule{
		{Name: "ledger-promo", Pattern: `(?i)ledger plus members read free.*`, Sources: []string{"Daily Ledger"}},
		{Name: "ledger-tag", Pattern: `\(LEDGER\)\s*`, Kind: StripInline},
	})
	if err != nil {
		t.Fatal(err)
	}
	in := "Prices rose (LEDGER) in October.\n\nLedger Plus members read free this week"
	tests := []struct {
		name   string
		source string
		want   string
	}{
		{name: "listed source", source: "daily ledger", want: "Prices rose in October."},
		{name: "other source", source: "Other Times", want: "Prices rose in October.\n\nLedger Plus members read free this week"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.clean(in, tt.source, ""); got != tt.want {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestNewRejectsBadRules(t *testing.T) {
	tests := []struct {
		name    string
		rule    Rule
		wantErr string
	}{
		{name: "bad pattern", rule: Rule{Name: "broken", Pattern: `(unclosed`}, wantErr: `rule "broken": bad pattern`},
		{name: "no name", rule: Rule{Pattern: `x`}, wantErr: "name is empty"},
		{name: "empty pattern", rule: Rule{Name: "empty"}, wantErr: `rule "empty": pattern is empty`},
		{name: "unknown kind", rule: Rule{Name: "odd", Pattern: "x", Kind: "explode"}, wantErr: `rule "odd": unknown kind "explode"`},
		{name: "empty match inline", rule: Rule{Name: "greedy", Pattern: `x*`, Kind: StripInline}, wantErr: `rule "greedy": pattern matches the empty string`},
		{name: "duplicate name", rule: Rule{Name: "byline", Pattern: "x"}, wantErr: `rule "byline": name used twice`},
		{name: "perl lookahead", rule: Rule{Name: "lookahead", Pattern: `foo(?=bar)`}, wantErr: `rule "lookahead": bad pattern`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(Options{ExtraRules: []Rule{tt.rule}})
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("New error = %v, want it to contain %q", err, tt.wantErr)
			}
		})
	}
}

func TestContainsFoldAt(t *testing.T) {
	lines := []string{"", "Click HERE for photos", "Sign up for our newsletter", "© 2025 Daily Ledger", "(Photo: KHOU)", "there and where", "abc"}
	hints := []string{"click here", "here", "newsletter", "©", "(photo", "photo", "sign up", "x", "abcd", "c"}
	for _, line := range lines {
		for _, h := range hints {
			want := strings.Contains(strings.ToLower(line), h)
			if got := containsFoldAt(line, h, rarestByte(h)); got != want {
				t.Errorf("containsFoldAt(%q, %q) = %v, want %v", line, h, got, want)
			}
		}
	}
	if got := rarestByte("click here"); got != 4 { // k, the rarest letter
		t.Errorf("rarestByte(click here) = %d, want 4 (k)", got)
	}
}

// TestSummarizersShareTheBuiltInRules: a Summarizer without extra rules
// cleans with the built-in rules Clean compiled (one copy of some 7 MB of
// regexp programs for the process), one with extra rules with its own.
func TestSummarizersShareTheBuiltInRules(t *testing.T) {
	a, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := New(Options{Sentences: 2})
	if err != nil {
		t.Fatal(err)
	}
	if a.cleaner != defaultCleaner() || b.cleaner != defaultCleaner() {
		t.Error("a Summarizer without extra rules compiled the built-in rules again")
	}
	c, err := New(Options{ExtraRules: []Rule{{Name: "promo", Pattern: `Promo: .*`}}})
	if err != nil {
		t.Fatal(err)
	}
	if c.cleaner == defaultCleaner() {
		t.Fatal("a Summarizer with extra rules cleans with the built-in ones alone")
	}
	const text = "Promo: subscribe now.\n\nThe council voted on Thursday to build a flood barrier along the harbour."
	if got := c.cleaner.clean(text, "", ""); strings.Contains(got, "Promo") {
		t.Errorf("the extra rule did not apply: %q", got)
	}
	if got := a.cleaner.clean(text, "", ""); !strings.Contains(got, "Promo") {
		t.Errorf("the extra rule of another Summarizer applied: %q", got)
	}
}
