package summarize

// Pattern fragments shared by several built-in rules.
const (
	// A personal name: one to four capitalised words ("Jane Doe",
	// "María José García", "Jean-Luc O'Neill").
	personName = `\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}`
	// A city in a dateline: capitalised words, possibly two cities joined
	// by a slash ("NEW YORK/BEIJING", "Kyiv", "SAN FRANCISCO").
	datelineCity = `\p{Lu}[\p{L}.'’-]*(?:[ /]\p{Lu}[\p{L}.'’-]*){0,3}`
	// An optional date after the city: "Nov 26", "Nov. 26.", "December
	// 2", "26 nov", and as German, French or Italian copy writes it: "3.
	// März", "30 novembre".
	datelineDate = `(?:` + datelineDay + `)?`
	datelineDay  = `,? (?:[A-Z][a-z]{2,8}\.? \d{1,2}\.?|\d{1,2}\.? \p{L}{3,9}\.?)`
	// A month's name, short or spelt out: "Dec", "Dec.", "December".
	monthName = `(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?`
	// A country in brackets after the city, as ANI writes it: "New Delhi
	// [India], December 2 (ANI):".
	datelineCountry = `(?: \[\p{Lu}[\p{L} ]{1,30}\])?`
	// A city in capitals as datelines write it, with an optional county,
	// state or country ("SAN DIEGO", "ST. LOUIS, MO", "HOMESTEAD, Fla.",
	// "GREENCASTLE, FRANKLIN COUNTY, Pa."); a name's particle keeps its
	// lower case ("McFARLAND, Calif.", "La PINE, Ore.", "DeKALB"); a comma
	// after a space is one ("ST CHARLES , Ill --").
	datelineCaps = `(?:Mc|Mac|De|Di|Du|La|Le|Van)? ?\p{Lu}{2,}[\p{Lu}.'’-]*(?:[ /]\p{Lu}{2,}[\p{Lu}.'’-]*){0,3}(?: ?, \p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?){0,2}`
	// The dash after a city in capitals: spaced ("PARIS - "), or glued to
	// the city and a capital ("AUSTIN— A", "CLEVELAND-- Two", "HOUSTON-
	// Two"), or ">>" or "//" as some groups write it ("SALINAS >> A",
	// "DUBAI // The"), or a hyphen
	// glued to both the state's abbreviation and the text ("JACKSON,
	// Tenn.-An update"), where a word in capitals and a hyphen ("US-Backed")
	// has no full stop.
	datelineDash = `(?:\s+[-—–]+\s+|(?:\s*(?:--|[—–]|>>|//)\s*|-\s+|\.-)(?P<rest>[\p{Lu}"“‘\d]))`
	// A broadcaster's tag that only datelines carry: a call sign or a
	// network with its channel ("(KGUN9-TV)", "(CBS 8)", "(WHAS11)",
	// "(41NBC/WMGT)", "(KMOV.com)"), a date ("(Feb. 4, 2014)"). Shorter and
	// capitalised tags ("(AP)", "(Market Wire)") are left to the agency
	// and dated-tag rules.
	stationTag = `\((?:[\d./ -]{0,6}\p{Lu}[\p{Lu}\d./&' -]{2,30}|[\p{L}\d-]+\.com|\p{Lu}\p{L}{2,8}\.? \d{1,2}, \d{4}|\d{1,2}/\d{1,2}/\d{2,4})\)`
	// A broadcaster's or site's tag in a dateline: "(CBS4)", "(KBAK/KBFX)",
	// "(WMC-TV)", "(KMOV.com)", "(KOIN 6)", "(Feb. 4, 2014)", "(10/31/16)".
	// It holds a letter (not a phone code) and no hyphen second, so that a
	// party tag ("(R-Texas)") is no dateline.
	outletTag = `\((?:[\d.,/ ]{0,12}\p{L}(?:[\p{L}\d.&'’/, ][\p{L}\d.&'’/, -]{0,38})?|\d{1,2}/\d{1,2}/\d{2,4})\)`
	// News agencies that tag datelines, also as Arabic and Russian copy
	// writes them ("واشنطن (رويترز) -", "МОСКВА (Рейтер) -"): a city in a
	// script without capitals is cut with the lead before the tag.
	agency = `(?:Reuters|AP|AFP|Bloomberg|dpa|DPA|EFE|UPI|Xinhua|PA|ANSA|Kyodo|Yonhap|Interfax|ANP|APA|KNA|Europa Press|IANS|PTI|ANI|UNI|APP|UNB|BSS|Bernama|Antara|ANTARA|Anadolu|IRNA|KUNA|WAM|QNA|MENA|` +
		`رويترز|أ ف ب|ا ف ب|فرانس برس|د ب أ|الأناضول|Рейтер|Рейтерс|ТАСС|РИА Новости|Интерфакс)`
	// A dateline with a date and any capitalised source tag, agency known or
	// not: "Nov 26 (Market Wire) -", "LONDON, Nov 26 (Daily Ledger) -".
	datelineDatedTag = `(?:` + datelineCity + `,? )?(?:[A-Z][a-z]{2,4}\.? \d{1,2}|\d{1,2} [A-Za-z]{3,5}\.?) \(\p{Lu}[\p{L}.&]*(?: \p{Lu}[\p{L}.&]*){0,2}\)\s*[-—–]+\s*`
	// An agency's dateline with a date but no dash, as PTI and IANS write
	// it: "New Delhi, Dec 1 (PTI) The government ...". Without the date a
	// bracket before a capital is prose ("the Press Trust of India (PTI)
	// Monday").
	agencyUndashed = datelineCity + datelineCountry + `(?:, \p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)?` + datelineDay + ` \(` + agency + `\) (?P<rest>[\p{Lu}"“‘])`
	// A Reuters photo credit: "REUTERS/Kai Pfaffenbach/File Photo".
	reutersCredit = `REUTERS/\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)?(?:/(?:File Photo|File|Pool|Illustration|Stringer))*`
	// Parenthesised agency photo credits: "(AP Photo/Evan Vucci, File)".
	agencyPhotoCredit = `\((?:AP|AFP|EPA|Reuters|Bloomberg|dpa) Photo[^)\n]{0,100}\)`
	// Photo agencies that end a credit line: "Jane Doe/Getty Images".
	photoAgency = `(?:(?:AFP )?via Getty Images|Getty Images|AFP|EPA-EFE|EPA|dpa|picture alliance|Reuters|AP|Bloomberg|Shutterstock)`
	// The states of the United States, spelt out in datelines.
	usState = `(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|` +
		`Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|` +
		`New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|` +
		`South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming)`
	// A time of day as update stamps write it: "4:45 p.m. ET", "5:29p.m.",
	// "11:05 P.M.", "1 pm".
	clockTime = `\d{1,2}(?:[:.]\d{2})?\s*[AaPp]\.?[Mm]\.?(?:\s*` + timeZone + `)?`
	// A time zone's abbreviation: "ET", "EST", "GMT", "IST", "AEDT", "UTC".
	timeZone = `(?:[A-Z]{1,3}T|UTC)\b`
	// A time of day on a 24-hour clock with its zone, as stamps outside
	// the United States write it: "14:05 GMT", "09:14 IST", "10.42 CET".
	clockZoned = `\d{1,2}[:.]\d{2}\s*` + timeZone
	// A date as update stamps write it before their time: "02 Dec 2026",
	// "Dec 02, 2026", "December 2, 2026", "02-12-2026", "8/3/16".
	stampDate = `(?:\d{1,2} \p{Lu}\p{L}{2,8}\.? \d{4}|\p{Lu}\p{L}{2,8}\.? \d{1,2},? \d{4}|\d{1,2}-\d{1,2}-\d{4}|` + slashDate + `)`
	// A date in figures: "8/3/16", "02/19/2017".
	slashDate = `\d{1,2}/\d{1,2}/\d{2,4}`
	// A photographer and outlet in a credit: "Mike Glenn/Chronicle", "Ed
	// Suba Jr./Akron Beacon Journal", "Maya Earls/The Sun via AP"; the
	// first part is a name of two words or more, so that a poll
	// ("Reuters/Ipsos") is no credit.
	creditName = `\p{Lu}\p{L}+(?: \p{Lu}[\p{L}.'’-]*)+ ?/ ?\p{Lu}[^()/]{1,50}`
	// The last word of a newspaper's or a photographer's name in a credit
	// after a comma: "(Terrence Antonio James, Chicago Tribune)".
	creditOutlet = `(?:Tribune|Times|Post|News|Journal|Herald|Chronicle|Gazette|Star|Sun|Press|Register|Inquirer|Enquirer|Observer|` +
		`Examiner|Bulletin|Courier|Dispatch|Telegraph|Guardian|Globe|Sentinel|Record|Review|Photographer|Staff)`
	// Social networks and messengers named by promotional lines.
	socialNetwork = `(?:telegram|whatsapp|twitter|x|facebook|instagram|tiktok|youtube|linkedin|threads|bluesky|mastodon|google news|signal|viber)`
	// The HTML elements that leave tags in feed text.
	htmlTagNames = `a|abbr|address|article|aside|audio|b|big|blockquote|body|br|button|caption|center|cite|code|dd|del|details|div|dl|dt|em|embed|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|label|li|link|main|mark|meta|nav|noscript|object|ol|p|param|picture|pre|q|s|script|section|small|source|span|strike|strong|style|sub|summary|sup|svg|table|tbody|td|template|tfoot|th|thead|time|tr|tt|u|ul|video|wbr`
	// Share widget labels.
	shareLabel = `(?:share|tweet|e-?mail|print|copy link|copy|facebook|twitter|x|whatsapp|linkedin|reddit|telegram|pinterest|flipboard|messenger)`
)

// builtinRules returns the boilerplate rules every article gets, in the
// order they apply within their kind. Each rule has a row in
// TestBuiltinRules; add one there when you add a rule here.
//
// It is a function rather than a package variable so that no caller can
// change the table under another.
func builtinRules() []Rule {
	return append(append(append(baseRules(), stampRules()...), linkTextRules()...), outletRules()...)
}

// baseRules are the built-in rules but those of their own files
// (stampRules, linkTextRules).
func baseRules() []Rule {
	return []Rule{
		// --- Lead: wire copy with caption, credit and headline glued on. ---
		// The city may carry its state ("BARNSDALL, Okla. (AP) — "): a
		// caption kept on the line before it ("Damage to homes in
		// Barnsdall, Okla., is seen on Tuesday, May 7, 2024.") goes with it.
		{Name: "lead-dateline-agency", Kind: CutLead,
			Pattern: `(?:(?:` + datelineCity + datelineCountry + `(?:, \p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)?` + datelineDate + ` ?)?(?:\(` + agency + `\)|/(?:ITAR-)?TASS/)\s*(?:[-—–:]+|\.-|\.)\s*|` +
				agencyUndashed + `)`, Hints: []string{"(", "/tass/"}},
		{Name: "lead-dateline-dated-tag", Kind: CutLead, Pattern: datelineDatedTag, Hints: []string{"("}},
		// A station's dateline ("TUCSON (KGUN9-TV) - ") after a byline, a
		// caption or a headline on the first line, or opening a later lead
		// line after a caption or a teaser.
		{Name: "lead-dateline-station", Kind: CutLead,
			Pattern: `(?:` + datelineCaps + ` )?` + stationTag + `\s*(?:--|[-—–|])\s*(?P<rest>[\p{Lu}"“‘\d])`, Hints: []string{"("}},
		// A later lead line opening with a dateline: the lines before it were
		// a caption or a teaser.
		{Name: "lead-dateline-city", Kind: CutLead, Pattern: `^` + datelineCaps + datelineDate + datelineDash, Hints: []string{"-", "—", "–", ">>", "//"}},
		{Name: "lead-photo-credit", Kind: CutLead,
			Pattern: reutersCredit + `|\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,2}\s?/\s?(?:(?:AFP )?via Getty Images|Getty Images)`, Hints: []string{"reuters/", "getty images"}},

		// --- Prefixes at the start of any line. ---
		{Name: "prefix-wire-label", Kind: StripPrefix,
			Pattern: `(?:UPDATE \d+|BREAKING(?: NEWS)?|EXCLUSIVE|ANALYSIS|WRAPUP \d+|FACTBOX|EXPLAINER|WATCH|LIVE|VIDEO|PHOTOS|CORRECTED|REFILE|RPT)\s*[-:|–—]\s*`},
		{Name: "prefix-dateline-agency", Kind: StripPrefix,
			Pattern: `(?:(?:` + datelineCity + datelineCountry + datelineDate + ` ?)?(?:\(` + agency + `\)|/(?:ITAR-)?TASS/)\s*(?:[-—–:]+|\.-|\.)\s*|` + agencyUndashed + `)`, Hints: []string{"(", "/tass/"}},
		{Name: "prefix-dateline-dated-tag", Kind: StripPrefix, Pattern: datelineDatedTag, Hints: []string{"("}},
		// "(CNN)Blues legend ...", "Washington (CNN) -- The ...": an outlet in
		// brackets glued to the first word or followed by a dash. A bracket
		// followed by a space and more of the sentence ("Acme (ACM) shares")
		// is prose and stays.
		{Name: "prefix-dateline-outlet", Kind: StripPrefix,
			Pattern: `(?:` + datelineCity + `(?:, ` + datelineCity + `)? )?\(\p{Lu}[\p{L}.&'’ ]{0,40}\)(?:\s*--\s*|\s+[-—–]\s+|(?P<rest>[\p{Lu}"“‘]))`, Hints: []string{"("}},
		// Local stations tag the dateline with their call sign, a date or a
		// site: "DENVER (CBS4) – ", "(KTVI)–", "SAVANNAH, GA (August 2,
		// 2015): ", "IDAHO FALLS (AP) | "; an all-capital tag needs no dash
		// ("(AP) Authorities say", "KOTV (CBS/AP) TULSA"), nor does a
		// capitalised one opening the line ("(Harris County, TX) Harris ...").
		{Name: "prefix-dateline-station", Kind: StripPrefix,
			Pattern: `(?:(?:` + datelineCity + `(?:, ` + datelineCity + `)? )?` + outletTag + `(?:\s*(?:--|[-—–|])\s*|:\s+)|` +
				`(?:` + datelineCaps + ` )?\([\d./ ]{0,4}\p{Lu}[\p{Lu}\d./&' -]{1,24}\) |\((?:\p{Lu}[\p{L}.'’&-]*,? ){0,3}\p{Lu}[\p{L}.'’&-]*\) )(?P<rest>[\p{Lu}"“‘\d])`,
			Hints: []string{"("}},
		// An update stamp opening the text: "Updated at 4:45 p.m. ET: ",
		// "UPDATE 8/3/16 5:30 PM: ", "9:15 p.m. update: ", "*UPDATE: ", and
		// with a 24-hour clock and its zone or a date as stamps outside the
		// United States write it: "Updated: 14:05 GMT", "Last Updated: 02 Dec
		// 2026, 09:14 IST", "First published on: 02-12-2026 at 09:14 IST",
		// "Published On 2 Dec 2026", "Updated - December 02, 2026 09:14 am
		// IST", "Published Dec 2, 2026 | 9:14 am IST", "Last Modified: Dec
		// 02, 2026, 09:14 AM IST". A stamp that ends the line goes whole:
		// "Updated at 9.45pm EST" left "EST" when the zone was given back to
		// the capital the kept text opens with.
		{Name: "prefix-update-time", Kind: StripPrefix,
			Pattern: `(?:\*?(?i:(?:last |first )?(?:updated?|posted|published|modified))(?i: at| on)?\s*[:–—-]?\s*(?:(?:` + stampDate + `,?\s*(?:[|@]\s*)?(?i:at\s+)?)?(?:` + clockTime + `|` + clockZoned + `)|` +
				stampDate + `(?:,?\s*(?:[|@]\s*)?(?i:at\s+)?\d{1,2}[:.]\d{2})?|\(` + slashDate + `\))\s*(?:[-—–:|]\s*)?|` +
				`\*?(?i:updated?)\s*:\s*|` + clockTime + `\s*(?i:update|updated)\s*:\s*)(?:(?P<rest>[\p{Lu}"“‘\d])|$)`},
		// An update label with a date or a time before a bar or a colon, or
		// in asterisks: "UPDATE, 5:30 p.m.: ", "UPDATE July 16, 3:03 p.m.: ",
		// "UPDATE 4/28: ", "UPDATE 11/30 5:04 p.m: ", "7:04 a.m. UPDATE | ",
		// "UPDATE, 8AM | ", "***UPDATE*** ".
		{Name: "prefix-update-label", Kind: StripPrefix,
			Pattern: `(?:\*{1,3}(?i:update[ds]?)\*{1,3}\s*|(?:` + clockTime + `\s+)?(?i:update[ds]?)(?:,?\s+(?:\p{Lu}\p{L}{2,8}\.? \d{1,2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?)(?:,?\s*` + clockTime + `)?|,?\s+` + clockTime + `)?\s*[:|]\s*)(?P<rest>[\p{Lu}"“‘\d])`,
			Hints:   []string{"update"}},
		// A city in capitalised words with its state: "Portsmouth, Va. - ",
		// "Lake Township, Ohio -- ", "Mobile, AL- ".
		{Name: "prefix-dateline-city-state", Kind: StripPrefix,
			Pattern: `\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,2}, (?:\p{Lu}\p{Ll}{0,4}\.|\p{Lu}{2,4}\.?|` + usState + `)\s*(?:--|[-—–])\s*(?P<rest>[\p{Lu}"“‘\d])`,
			Hints:   []string{"-", "—", "–"}},
		// BBC video pages: "18 March 2014 Last updated at 09:22 GMT".
		{Name: "prefix-timestamp", Kind: StripPrefix,
			Pattern: `(?:\p{Lu}\p{L}+,? )?\d{1,2} \p{Lu}\p{L}{2,8}\.? \d{4},? (?i:last updated|updated|published)(?: at| on)?(?:\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT|BST|UTC|CET|CEST|EST|EDT|ET|PT))?)?\s*`,
			Hints:   []string{"updated", "published"}},
		// Video player controls left at the top of a caption: "CLOSE Skip in
		// Skip x Embed x Share", "Skip Ad Ad Loading... x Embed x Share",
		// "[ ] Hide Caption [ ] Show Caption"; three of them at least.
		{Name: "prefix-player-controls", Kind: StripPrefix,
			Pattern: `(?:(?:CLOSE|Close|Skip in Skip|Skip Ad|Skip|Ad Loading\.\.\.|Loading\.\.\.|Ad|x Embed|x Share|Embed|Share|Replay|Hide Caption|Show Caption|\[ ?\])\s+){3,}`},
		// "Advertisement" glued before a paragraph: "Advertisement Orlando
		// police said ..."; "Advertisement revenue fell" is prose.
		{Name: "prefix-advertisement", Kind: StripPrefix, Pattern: `(?:Advertisement|ADVERTISEMENT)\s+(?P<rest>\p{Lu})`},
		// Flash notices glued before the text: "Sorry, your browser doesn't
		// support Flash , needs a Flash update , or has Flash disabled. You
		// need Flash to watch this video."; an ABC station's "EMBED </>More
		// News Videos" before a video's description, or "EMBED >More News
		// Videos" as its pages' text often keeps it.
		{Name: "prefix-player-notice", Kind: StripPrefix,
			Pattern: `(?i:sorry, )?(?i:your browser (?:does not|doesn['’]t) support) [^.!?]{1,120}[.!]\s*(?:You need (?:Flash|JavaScript) to (?:watch|view|play) this video\.\s*)?` +
				`(?:EMBED ?<?/?>\s*More (?:News )?Videos\s*)?|EMBED ?<?/?>\s*More (?:News )?Videos\s*`},
		// A bullet or a dash left where a dateline was cut upstream: "— The
		// child who was shot ...", "- Deputies were dispatched ...".
		{Name: "prefix-dash", Kind: StripPrefix, Pattern: `(?:[-—–•*]+|--)\s+(?P<rest>[\p{L}"“‘\d])`},
		{Name: "prefix-media-player", Kind: StripPrefix,
			Pattern: `(?i)media playback is (?:not supported|unsupported) on (?:this|your) device\.?\s*`, Hints: []string{"media playback"}},
		{Name: "prefix-dateline-city", Kind: StripPrefix,
			Pattern: datelineCaps + datelineDate + datelineDash, Hints: []string{"-", "—", "–", ">>", "//"}},
		// A city in capitals or capitalised words and a date before a colon,
		// as South Asian papers write datelines: "KATHMANDU, Dec 2: The
		// government ...", "NEW DELHI, December 2: ...", "Kathmandu, Dec 2:
		// ...", a month named ("COVID, Week 2: " is a kicker). Without the
		// date a label before a colon is a kicker, a notice ("CORRECTION:
		// ...") or a caption's ("Accused: ...") as often as a dateline and is
		// left to the summarizer (keepKickedLead).
		{Name: "prefix-dateline-city-colon", Kind: StripPrefix,
			Pattern: `(?:` + datelineCaps + `|` + datelineCity + `)` + `,? (?:` + monthName + ` \d{1,2}|\d{1,2} ` + monthName + `):\s+(?P<rest>[\p{Lu}"“‘\d])`, Hints: []string{": "}},

		// --- Whole lines: promotions. ---
		{Name: "promo-join", Pattern: `(?i)join (?:our|us|the)\b.{0,160}`},
		{Name: "promo-newsletter", Pattern: `(?i)(?:(?:e-?mail )?newsletters?:? )?(?:sign up|subscribe|register)\b.{0,160}`},
		// Breaking-news alerts and per-author e-mail notices.
		{Name: "promo-alerts", Pattern: `(?:\p{Lu}[\p{L}'’.-]* ){0,6}(?i:get breaking news|breaking news alerts|be the first to know when news breaks).{0,200}|(?i)` +
			`(?:close )?get (?:e-?mail )?notifications on .{1,80}|your notification has been saved\.?|there was a problem saving your notification\.?|` +
			`whenever .{1,80} posts new content, you['’]ll get an e-?mail.{0,80}|e-?mail notifications are only sent .{0,120}`,
			Hints: []string{"breaking news", "be the first", "notification", "posts new content"}},
		// Log-in, registration and pay walls.
		{Name: "promo-account", Pattern: `(?i)just one more thing\.*|we have sent (?:you )?an? (?:verification|confirmation) e-?mail.{0,200}|` +
			`please check your (?:e-?mail|spam).{0,200}|if you do not receive the verification.{0,200}|` +
			`by (?:submitting|registering|signing up|creating an account)\b.{0,80}\b(?:terms|privacy)\b.{0,200}|already have an account\??|` +
			`thank you for registering!?|welcome back\. please sign in\.?|sign in using .{1,80}|why are we asking this\??|` +
			`we look forward to seeing you .{0,200}|visit us and sign in.{0,200}|subscription required\.?|read the complete story\.*|` +
			`(?:the story you['’]re reading is premium content|subscribers get (?:total|full|unlimited) access|already a (?:print )?subscriber\?).{0,600}|` +
			`thank you for reading!?|need an account\? create one now\.?|(?:e-?|digital )?editions and exclusive premium content\b.{0,160}|digital pass for only\b.{0,600}|subscribe or log ?in\b.{0,400}|we hope you['’]ve enjoyed your (?:free )?preview\b.{0,120}|` +
			`you['’]ve (?:now )?read the maximum number of (?:free )?(?:stories|articles)\b.{0,200}|log ?in screen name or e-?mail password|to continue reading(?: this (?:story|article))?, you (?:will )?need to .{0,200}`},
		// A pay wall's notice on its own line: "This article is for
		// subscribers only. Subscribe now for unlimited access.", "To read
		// the full article, subscribe or log in."
		{Name: "promo-subscribers-only", Pattern: `(?i)(?:this (?:article|story|content|page) is (?:for|only (?:available|open) to|exclusive to|reserved for) (?:our )?(?:paying )?(?:subscribers|members)|` +
			`to (?:read|continue reading|keep reading|access|unlock) (?:the full|the whole|the rest of (?:this|the)|this) (?:article|story)\b[^.!?]{0,40}\b(?:subscri|log ?in|sign in|register|member)).{0,200}`,
			Hints: []string{"subscribers", "members", "to read", "continue reading", "keep reading", "to access", "to unlock"}},
		{Name: "promo-paywall", Pattern: `(?i).{0,300}?(?:(?:need|have) an online subscription\?|you need an online service to view this article).{0,400}`,
			Hints: []string{"online subscription", "online service"}},
		{Name: "promo-follow", Pattern: `(?i)follow (?:us|@\w+|our|the latest|live)\b.{0,160}`},
		// "Follow AP's coverage of the earthquake at https://apnews.com/...".
		{Name: "promo-follow-coverage", Pattern: `(?i)(?:follow|find more(?: of)?|read more of|see more of) (?:the )?(?:[\p{L}.&]+ ){0,2}[\p{L}.&]+['’]s (?:full |latest |live )?coverage\b.{0,200}`,
			Hints: []string{"coverage"}},
		{Name: "promo-social-cta", Pattern: `(?i)(?:get|find|see|read|watch) (?:us|more|our|the latest)(?: [\w-]+){0,3} on ` + socialNetwork + `\b.{0,120}`},
		{Name: "promo-read-more", Pattern: `(?i)(?:read more|read or share this story|read the full (?:story|article)|continue reading|more on this (?:story|topic)|see also|also read|read also|more:|read:).{0,160}`},
		{Name: "promo-click-here", Pattern: `(?i)(?:click|tap) here\b.{0,160}`},
		// "Never Miss a Beat Download the WESH 2 News app to stay on top of
		// the latest news in Central Florida and beyond. More" (Hearst's
		// stations).
		{Name: "promo-app", Pattern: `(?i)(?:never miss a beat:? )?(?:download|get|install) (?:our|the [\w ]{1,30}) app\b.{0,120}`},
		{Name: "promo-foreign", Pattern: `(?i)(?:suscr[ií]bete|s[ií]guenos|[uú]nete|lea tambi[eé]n|lee tambi[eé]n|leer m[aá]s|te puede interesar|m[aá]s informaci[oó]n|haz clic|pulsa aqu[ií]|descarga (?:nuestra|la) app|abonnieren sie|folgen sie uns|melden sie sich|hier klicken|lesen sie auch|lesen sie mehr|mehr zum thema|jetzt (?:abonnieren|anmelden|herunterladen|lesen)|weiterlesen|abonnez-vous|suivez-nous|(?:à )?lire aussi|lire la suite|voir aussi|` +
			`читайте (?:также|еще|ещё|нас|подробнее)|смотрите также|подписывайтесь|подпишитесь на|подробнее:|подробнее читайте|` +
			`leggi anche|leggi (?:tutto|di più)|potrebbe interessarti|iscriviti|seguici|` +
			`leia (?:também|mais)|veja (?:também|mais)|saiba mais|siga-nos|assine (?:a|nossa|o)).{0,160}`},
		// "Get the Morning Briefing in your inbox", "Want more? Have our
		// best stories delivered to your inbox every day."
		{Name: "promo-inbox", Pattern: `(?i)(?:want more\?\s*)?(?:get|have|receive) (?:the|our) [\p{L}'’ ]{1,40}(?:in|to|delivered to|straight to) your inbox\b.{0,80}`,
			Hints: []string{"your inbox"}},
		// A sports desk's standing pointer to its how-to pages: "Find out how
		// to get into cycling with our special guide."; a sentence that
		// reports on a guide ("The club's guide to ...") stays.
		{Name: "promo-guide", Pattern: `(?i)(?:if you(?:'|’)d like to )?find out (?:more )?(?:about )?how to (?:get into|take up|try) .{1,80}?(?:,? read|with|in) our (?:special |full |beginner(?:'|’)?s )?guides?\b.{0,80}`,
			Hints: []string{"our special guide", "our full guide", "our guide", "our beginner"}},
		// An outlet pointing to its own pages: "You can keep up to date
		// with all the scores, fixtures and results with BBC Sport." A line
		// asking to keep up with anything else ("Residents should keep up
		// to date with flood warnings.") is prose.
		// Stations' own lines: "Stay updated with our RSS feeds daily with
		// the latest news.", "Keep up with our Reporters and Anchors on
		// Facebook.", "Keep up with WDRB's Reporters and Anchors on
		// Facebook."
		{Name: "promo-keep-up", Pattern: `(?i)(?:you can (?:also )?)?(?:keep|stay) up to date with .{0,160}?\b(?:with|on|at|via|from|by following) (?:the )?(?:bbc|our|us)\b.{0,80}|` +
			`(?:stay|keep) (?:updated|informed|up to date) with (?:our|us)\b.{0,160}|keep up with (?:our|us|\p{Lu}[\p{L}\d&.-]*['’]s)\b.{0,120}\bon ` + socialNetwork + `[.!]?`,
			Hints: []string{"up to date", "updated with", "informed with", "keep up with"}},
		// A station's card in a box of its group's stations, the name glued
		// to its blurb: "CBS 2Welcome to CBS 2 on CBSChicago.com! CBS 2 has
		// joined forces with …", "WCCO-TVWCCO-TV is part of CBS Television
		// Stations, a division of CBS Corp. and one of the largest …"; a
		// page that has only the box has no article. Prose that says what a
		// station belongs to ("The station, part of Sinclair, …") stays.
		{Name: "promo-station-card", Pattern: `.{0,300}?(?:[\p{L}\d]Welcome to |\bWelcome to [^!?]{1,80}? on [\w-]+\.(?:com|net|org)!|\bis (?:a )?part of [^.,]{1,60}, a division of ).{0,600}`,
			Hints: []string{"welcome to", "a division of"}},
		{Name: "promo-wordpress-footer", Pattern: `The post .{1,300} appeared first on .{1,120}`},
		// A cookie notice an article page carries above its text: "We use
		// cookies to improve your experience.", "This site uses cookies. By
		// continuing to browse the site you are agreeing to our use of
		// cookies." Readability keeps it when it is a paragraph, and it
		// opened summaries of pages fetched for their full text. Prose about
		// cookies does not open with the site speaking of itself.
		{Name: "promo-cookies", Pattern: `(?i)(?:we(?: and our (?:\d+ )?partners)? use cookies|(?:this|our) (?:web ?)?site uses cookies|by (?:continuing to (?:use|browse)|using) (?:this|our|the) (?:web ?)?site\b[^.!?]{0,80}\bcookies)\b.{0,300}`,
			Hints: []string{"cookies"}},
		// "Got a news tip? Email us at …", "Have a story idea? Contact us …".
		{Name: "promo-tips", Pattern: `(?i)(?:got|have) (?:a|an) (?:news )?(?:tip|story idea|idea for a story)\b[^.!?]{0,40}\?.{0,200}`,
			Hints: []string{" tip", "story idea", "idea for a story"}},
		// "This article contains affiliate links. We may earn a commission …".
		{Name: "promo-affiliate", Pattern: `(?i)(?:this (?:article|post|story|page) (?:contains|may contain|includes) affiliate links?|we may (?:earn|receive) (?:a )?(?:small )?(?:commission|compensation))\b.{0,200}`,
			Hints: []string{"affiliate", "commission", "compensation"}},
		// A syndicated story's pointer home: "For the latest news, weather,
		// sports, and streaming video, head to WTAE."
		{Name: "promo-head-to", Pattern: `(?i)for the latest (?:news|headlines), weather,? .{0,80}\b(?:head|go) (?:to|over to)\b.{0,80}`,
			Hints: []string{"weather"}},

		// --- Whole lines: photo captions and credits. ---
		{Name: "caption-file-photo", Pattern: `(?:FILE PHOTO|FILE|PHOTO|IN PICTURES|PICTURED)\s*[:\-–—].*`},
		{Name: "caption-label", Pattern: `(?i)(?:photo(?:graph)?s?|image|picture|foto|bild|imagen|pictured|caption|credit|photo credit|image credit|bildquelle|fotos?|фото|источник фото)\s*:.*`},
		// BBC captions: "Image source, Getty Images", "Image caption, ...",
		// and the older "Image copyright Getty Images Image caption The
		// Fed building in Washington", "Media caption Watch: ...".
		{Name: "caption-image-source", Pattern: `(?i:(?:image|media) (?:source|caption),.*)|(?:Image|Media) (?:copyright|caption) \p{Lu}.*`},
		{Name: "caption-credit-end", Pattern: `.*(?:` + reutersCredit + `|` + agencyPhotoCredit + `|\(Photo(?:graph)? (?:by|courtesy of|credit:?) [^)\n]{0,100}\)|/ ?` + photoAgency + `)\.?`, Hints: []string{"/", "photo"}},
		// A caption with its credit after a bar: "Rescuers search the rubble
		// in Malatya. | Photo Credit: Reuters" (The Hindu, Indian Express).
		{Name: "caption-credit-pipe", Pattern: `.{0,300}\| ?(?i:photo(?:graph)?(?: credit)?|image(?: credit)?|picture|credit)s? ?: ?.{1,80}`,
			Hints: []string{"|"}},
		{Name: "caption-getty", Pattern: `.*Getty Images\.?`, Hints: []string{"getty images"}},
		{Name: "caption-photo-by", Pattern: `(?i)\(?(?:photo(?:graph)?s?|images?|fotos?|video) (?:by|courtesy of|credit)\b.{0,120}`},
		// A caption ends with its credit: "... on Wednesday. (Mike
		// Glenn/Chronicle)", "(Source: Raycom Images)", "(Photo: KHOU)", "...
		// in Larose. Photo via the Sheriff's Office.", or opens with it. A
		// credit may hold its outlet's own brackets ("(Photo: T. J. Healy
		// II, The (Wilmington, Del.) News Journal)"), and USA Today's pages
		// glue their "Story Highlights" box after it.
		{Name: "caption-credit-line", Pattern: `.{0,400}?\((?:(?:Photo|Image|Credit|Video)s?: [^()]{1,60}(?:\([^()]{1,30}\)[^()]{0,30})?|` +
			`Source: [^()]{0,40}(?:Images?|Photos?|Video|TV|News|\b[KW][A-Z]{2,3}\b)[^()]{0,30}|` + creditName + `)\)\.?(?: Story Highlights\b.{0,300})?|\(` + creditName + `\)\.? .{1,400}|` +
			// "( DAVID M WARREN / Staff Photographer )": spaces inside.
			`.{0,400}?\( ` + creditName + `\)\.?|` +
			// "... in east Houston. (Metro Video) An 11-year-old boy ...": a
			// video's caption, its credit, the caption again.
			`.{0,400}?[.!?] \(\p{Lu}\p{L}+ (?:Video|Photo)\)(?: .{1,400})?`,
			Hints: []string{"/", "(photo", "(image", "(video", "(credit", "(source", "video)", "photo)"}},
		// A caption ends with its photographer and newspaper after a comma:
		// "... at the scene of multiple shootings. (Terrence Antonio James,
		// Chicago Tribune)".
		{Name: "caption-credit-outlet", Pattern: `.{0,400}?[.!?]["”’]? \(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}.'’-]*){1,3}, (?:The )?(?:\p{Lu}[\p{L}'’-]+ ){0,3}` + creditOutlet + `\)\.?`,
			Hints: []string{"tribune)", "times)", "post)", "news)", "journal)", "herald)", "chronicle)", "gazette)", "star)", "sun)", "press)", "register)", "inquirer)", "enquirer)", "observer)", "examiner)", "bulletin)", "courier)", "dispatch)", "telegraph)", "guardian)", "globe)", "sentinel)", "record)", "review)", "photographer)", "staff)"}},
		{Name: "caption-credit-sentence", Pattern: `.{0,400}?[.!?]["”]? (?:Photo|Image|Video|Photograph)s? (?:via|by|courtesy(?: of)?|credit:?) \p{Lu}[^.!?()]{0,80}\.?|` +
			`(?:\p{Lu}[\p{L}'’.-]* ){0,3}(?i:photo|image|file photo)s? (?:via|courtesy(?: of)?) \p{L}[^.!?()]{0,60}`,
			Hints: []string{"photo", "image", "video"}},
		// NBC stations' video captions end "(Published Tuesday, April 21,
		// 2015)".
		{Name: "caption-video-published", Pattern: `.{0,400}\((?:Published|Updated|Posted) (?:\p{Lu}\p{L}+day, )?\p{Lu}\p{L}+\.? \d{1,2}, \d{4}\)`,
			Hints: []string{"(published", "(updated", "(posted"}},
		// A picture agency's caption: "SANTA MONICA, CA - JUNE 08: Students
		// leave ...".
		{Name: "caption-agency-dated", Pattern: `\p{Lu}[\p{Lu} .,'’-]{1,40} - (?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER) \d{1,2}: .*`},
		{Name: "caption-gallery-count", Pattern: `(?i)(?:(?:image|photo|slide|bild|foto|imagen)\s+)?\d{1,3}\s*(?:of|/|von|de)\s*\d{1,3}`},

		// --- Whole lines: bylines, datelines alone, timestamps, credits. ---
		{Name: "byline", Pattern: `(?i:by|von|por|par):?\s+` + personName + `(?:\s*(?:,|\band\b|&|\bund\b|\by\b|\bet\b)\s*` + personName + `)*(?:\s+in\s+\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)?)?(?:\s*[,|–—-]\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,4})?` +
			// The stamps a byline carries after a bar: "By Jane Doe | Published
			// February 10, 2013 | Updated on February 10, 2013 at 10:42 am".
			`(?:\s*\|\s*(?i:published|updated|posted|last updated)\b.{0,120}?(?:\d|\bago\b).{0,100})?`},
		{Name: "byline-role", Pattern: `(?i)(?:staff writer|staff reporter|senior correspondent|correspondent|associated press|reuters staff|news desk|newsroom|redaktion|redacción)`},
		{Name: "timestamp", Pattern: `(?i)(?:(?:last )?updated|last modified|published|posted|first published|aktualisiert|veröffentlicht|actualizado|publicado|publié le|modifié le|mis à jour)\b[^\n!?]{0,80}(?:\d{1,2}:\d{2}|\b\d{4}\b|\bago\b)[^\n!?]{0,30}`},
		// An update stamp alone on its line: "Update 1:30 p.m.", "UPDATE @ 9
		// a.m.", "UPDATE: 01-23-2017 11:30am", "8 a.m.".
		{Name: "update-stamp", Pattern: `(?i)(?:\*?update[ds]?\s*(?:@|at|:)?\s*(?:\d{1,2}[-/]\d{1,2}[-/]\d{2,4}\s*)?)?\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?(?:\s*[a-z]{1,2}t)?\.?|\*?update[ds]?\s*:?`},
		{Name: "time-only", Pattern: `(?i)\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|GMT|UTC|CET|CEST|EST|EDT|ET|PT|BST|MEZ|MESZ|Uhr|h)?(?:\s*[,|–—-]?\s*\p{L}{3,9}\.? \d{1,2}(?:, \d{4})?)?`},
		// A date alone on its line: "Nov 30, 2026", "Monday, 30 November
		// 2026", "30.11.2026". After an item's text that only repeats its
		// title, it was the whole summary.
		{Name: "date-only", Pattern: `(?:\p{Lu}\p{L}+day,? )?(?:\p{Lu}\p{L}{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}\.? \p{L}{3,9}\.? \d{4}|\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}-\d{2}-\d{2})\.?`,
			// Every date has a digit: without hints the rule may start
			// with any capital letter and ran on nearly every line.
			Hints: []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}},
		// A news agency alone on its line, the credit of the copy above
		// it: "Reuters", "(AFP)"; after a text that repeats the title, it was
		// the whole summary.
		{Name: "agency-credit", Pattern: `[(\[]?` + agency + `[)\]]?\.?`},
		{Name: "reading-time", Pattern: `(?i)(?:(?:reading time|lesezeit|tiempo de lectura|temps de lecture)\s*:?\s*)?\d{1,3}\s*(?:min(?:ute)?s?|minuten|minutos)\.?\s*(?:read|lesezeit|de lectura|lectura)?`},
		{Name: "listen", Pattern: `(?i)(?:listen to (?:this )?(?:article|story)|audio version|artikel anhören|escuchar (?:este )?art[ií]culo).{0,40}`},
		{Name: "reporting-credits", Pattern: `(?i)\(?(?:reporting|additional reporting|writing|editing|compiled|research|graphics|produced) by .*`},
		// "Associated Press writers Jane Doe in Ankara and John Roe in
		// Istanbul contributed to this report.", "CNN's Jane Doe contributed
		// reporting."
		{Name: "credits-contributed", Pattern: `.{1,200}\bcontributed (?:reporting )?(?:to this (?:report|story|article)|reporting)\.?|` +
			// "Associated Press reporter Sean Murphy in Oklahoma City
			// contributed." names a writer; "Five donors contributed." is prose.
			`.{0,120}\b(?:writers?|reporters?|correspondents?|journalists?|producers?)\b.{1,120}\bcontributed\.?|` +
			// USA Today's papers: "Contributing: Jane Doe, USA TODAY; The
			// Associated Press".
			`Contributing: \p{Lu}.{1,200}`,
			Hints: []string{"contributed", "contributing: "}},
		// Where the story first ran: "This story was originally published by
		// the Miami Herald.", "Read the original article on Business
		// Insider.", "This report was produced in partnership with
		// ProPublica."
		{Name: "credits-origin", Pattern: `(?i)(?:this (?:story|article|report|piece|post) (?:was |is )?(?:originally|first) (?:published|appeared|posted|ran)|originally published (?:as|in|on|by)|` +
			`read the original (?:article|story) (?:on|at)|this (?:story|article|report) (?:was )?(?:produced|published|reported) in (?:partnership|collaboration) with)\b.{0,200}`,
			Hints: []string{"original", "partnership", "collaboration"}},
		// A note on the copy's history, not news: "Editor's note: This story
		// has been updated …", "Correction: An earlier version of this story
		// misstated …".
		{Name: "credits-correction", Pattern: `(?i)(?:(?:editor['’]s note|correction|clarification)\s*:\s*)?(?:an? (?:earlier|previous) version of this (?:story|article|report|post)|this (?:story|article|report|post) (?:has been|was) (?:updated|corrected|changed|amended)|dieser (?:artikel|beitrag) wurde .{0,40}(?:aktualisiert|korrigiert|geändert))\b.{0,400}|` +
			`(?:editor['’]s note|correction|clarification)\s*:\s*this (?:story|article|report|post)\b.{0,400}`,
			Hints: []string{"version of this", "been updated", "been corrected", "been changed", "was updated", "was corrected", "was changed", "amended", "dieser", "this story", "this article", "this report", "this post"}},
		// A wire desk's initials closing the copy: AFP's "bur-jj/sbk",
		// "mm/jm".
		{Name: "desk-initials", Pattern: `(?:bur-)?[a-z]{2,4}(?:[-/][a-z]{2,4}){1,5}`},
		// Notices about the story itself: "This is a developing story. Check
		// back for updates.", "This story has been updated with additional
		// information."
		{Name: "story-notice", Pattern: `(?i)(?:this (?:is an? )?(?:developing|breaking)(?: news)? story|this (?:story|article|post|report) (?:has been|was|will be|is being) updated)\b[^.!?]{0,120}[.!]?(?:\s+(?:please )?(?:check back|stay with us|refresh)\b.{0,80})?|` +
			// "Refresh this page for updates.", "We're following this story on
			// Eyewitness News. Watch for updates on air, online and on our
			// mobile news app."
			`(?:please )?refresh (?:this|the) page for (?:updates|the latest)\b.{0,80}|(?:we['’]re|we are) following this story (?:on|at) [^.!?]{1,60}[.!]?(?:\s+watch for updates\b.{0,120})?|watch for updates (?:on air|online)\b.{0,120}`,
			Hints: []string{"developing", "breaking", "updated", "refresh", "following this story", "watch for updates"}},
		// A copyright notice anywhere in a short line ("82nd and Slide Road
		// /Copyright 2016 Nexstar Broadcasting, Inc. All rights reserved.",
		// "(TM and © Copyright 2014 CBS Radio Inc. ..."); "copyright" alone
		// is a word ("Copyright lawsuits doubled").
		{Name: "standards-footer", Pattern: `(?i)(?:our standards:.{0,120}|.{0,160}all rights reserved\..{0,200}|.{0,160}all rights reserved|` +
			`.{0,160}?(?:©|\(c\) ?\d{4}|copyright (?:©|\(c\) ?)?\d{4}).{0,240})`, Hints: []string{"our standards", "rights reserved", "©", "(c)", "copyright"}},
		// A television station's notice of its public file, which the FCC
		// requires on every US station's site: "Viewers with disabilities can
		// get assistance accessing this station's FCC Public Inspection File
		// …", "Questions or concerns relating to the accessibility of the
		// FCC's online public file system should be directed to the FCC …".
		{Name: "standards-public-file", Pattern: `(?i)(?:viewers with disabilities|anyone who requires assistance|questions or concerns relating to the accessibility)\b.{0,160}\b(?:fcc|public (?:inspection )?file)\b.{0,400}|` +
			// The box's own labels: "× Online Public Information File", "Public
			// File Liaison:", "Station Contact Info:".
			`(?:× ?)?online public (?:information|inspection) file|public file liaison:?|station contact info(?:rmation)?:?`,
			Hints: []string{"fcc", "public file", "public inspection file", "public information file", "station contact"}},
		// A telephone number alone on its line, left from a contact box
		// ("Public File Liaison:" / "606-436-5757"); it became a summary.
		{Name: "widget-phone-only", Pattern: `(?:(?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]?)?\d{3}[ .-]\d{4}\.?`,
			Hints: []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}},
		// A weather service's alerts a local station lists above its pages:
		// "Tornado Watch issued May 8 at 7:41PM CDT expiring May 9 at 3:00AM
		// CDT in effect for: McCurtain".
		{Name: "widget-weather-alert", Pattern: `(?:\p{Lu}[\p{L}-]* ){1,5}(?:Watch|Warning|Advisory|Statement|Emergency) issued \p{Lu}\p{L}+\.? \d{1,2} at \d{1,2}:\d{2} ?[AaPp]\.?[Mm]\.?(?: [A-Z]{2,4})?\b.{0,400}`,
			Hints: []string{" issued "}},

		// An outlet's embedded Twitter/X timeline, its heading left on a
		// line of its own: "Tweets from the WDRB Newsroom, Reporters and
		// Anchors.", "Tweets by @KOCOdesk". A sentence about tweets ("Tweets
		// from the newsroom staff were deleted on Monday.") goes on past the
		// list of who tweets, and stays.
		{Name: "widget-timeline", Pattern: `(?i)tweets (?:by|from) (?:@\w{1,30}|(?:the |our )?[\p{L}\d&'’ -]{1,40}? (?:newsroom|reporters|anchors|journalists|staff)(?:,? (?:and |& )?(?:reporters|anchors|journalists|staff|meteorologists|photographers))*)[.!:]?`,
			Hints: []string{"tweets"}},

		// --- Whole lines: share, comment and navigation widgets. ---
		{Name: "widget-share", Pattern: `(?i)(?:share this (?:article|story|page|post|with)|copy this link|シェアする|分享|share (?:on|via) ` + socialNetwork + `|` + shareLabel + `(?:\s*[|/·•,]?\s*` + shareLabel + `)*)[.!:]?`},
		{Name: "widget-comments", Pattern: `(?i)(?:no comments yet|\d+ comments?|comments?|leave a comment|show comments|view comments|be the first to comment|add a comment|join the discussion|comments are closed|kommentare|comentarios)[.!:]?`},
		{Name: "widget-related", Pattern: `(?i)(?:related(?: articles?| stories| content| coverage| news| links| topics| reading)?|more stories|recommended(?: for you| stories| reading)?|most (?:read|popular|viewed)|trending(?: now)?|you may also like|more from [\p{L} ]{1,40}|top stories|editor'?s picks?|関連記事|関連ニュース|相关新闻|相关阅读)[.!:]?`},
		// A related link on its own line, with its label: "RELATED ARTICLES:
		// Toledo police investigate two Wednesday" ("Related: ..." is a
		// media-label).
		{Name: "widget-related-link", Pattern: `(?i:related (?:articles?|stories|story|content|coverage|links|reading|news|videos?))\s*:\s*.{1,200}`,
			Hints: []string{"related"}},
		// A related-links box with its label in Title Case and no colon,
		// glued to a date, a headline and often the next paragraph
		// ("Related Articles January 9, 2017 Man dead after shootout ...
		// Sandoval allegedly fired ..."): where the headline ends is not
		// known, so the whole line goes. Prose writes "Related articles".
		{Name: "widget-related-glued", Pattern: `(?:Related (?:Articles|Stories|Story|Content|Coverage|Links|Posts|Reading)|RELATED (?:ARTICLES|STORIES|STORY|CONTENT|COVERAGE|LINKS|POSTS|READING)) [\p{Lu}\d].*`,
			Hints: []string{"related"}},
		{Name: "widget-advertisement", Pattern: `(?i)(?:advertisement|advertising|sponsored(?: content)?|ad|anzeige|werbung|publicidad|publicité|pubblicità|publicidade|реклама|story continues below(?: advertisement)?|article continues below(?: advertisement)?|scroll to continue(?: with content)?|skip advertisement|continue reading the main story)[.!:]?`},
		{Name: "widget-navigation", Pattern: `(?i)(?:back to top|top of page|skip to (?:main )?content|zurück nach oben|volver arriba|menu|home|search|log ?in|sign in|close|(?:hide|show) transcript(?: (?:hide|show) transcript)?)`},
		{Name: "section-label", Pattern: `(?i)(?:opinion|analysis|commentary|editorial|explainer|review|live|live updates|live blog|live coverage|breaking(?: news)?|exclusive|developing story|meinung|kommentar|analyse|opinión|análisis|en directo|en vivo)[.!:]?`},
		// A pointer to the page's player or gallery: "Watch the video
		// above.", "See our gallery below", or of what it shows: "Watch a
		// video slideshow of Sunday's crime scene in Southwest Philadelphia."
		{Name: "media-pointer", Pattern: `(?i)(?:watch|see|view|scroll (?:down|up) (?:to|for)(?: see)?) (?:the|our|this|a) (?:video|clip|footage|gallery|photos|pictures|slideshow)(?: report)? (?:above|below)[.!]?|` +
			`watch (?:the|our|this|a) (?:video |photo )?(?:slideshow|video|clip)(?: report)? of .{1,160}`,
			Hints: []string{"above", "below", "watch"}},
		{Name: "media-label", Pattern: `(?i)(?:watch|video|gallery|photos|in pictures|listen|podcast|related|ansehen|mira)\s*:.{0,160}`},
		// Players that need a plug-in or a script: "Please enable Javascript
		// to watch this video", "Sorry, your browser doesn't support Flash".
		{Name: "widget-player-notice", Pattern: `(?i)(?:sorry, )?your browser (?:(?:does not|doesn['’]t|cannot|can['’]t) (?:support|play|display)|is (?:not supported|out of date))\b[^.!?]{0,200}[.!]?` +
			`(?:\s*you need (?:flash|javascript) to (?:watch|view|play) this video\.?)?|` +
			`(?:please )?(?:enable|turn on|switch on) javascript\b[^.!?]{0,160}[.!]?(?: our live (?:coverage|page|blog) needs it\b[^.!?]{0,80}[.!]?)?|you need (?:flash|javascript)\b[^.!?]{0,160}[.!]?|(?:javascript|flash) (?:is )?(?:required|disabled)\b[^.!?]{0,160}[.!]?`,
			Hints: []string{"browser", "javascript", "flash"}},
		// A player's or a page's buttons and labels alone on their line, kept
		// by readability or a feed's HTML: "Now Playing", "This video can
		// not be played", "Click to expand", "Copy Link", "toggle caption",
		// "Explore more on these topics", "Reuse this content".
		{Name: "widget-page-labels", Pattern: `(?i)(?:now playing|up next|this video (?:can ?not|can['’]t|could not) be played\b.{0,80}|video (?:is )?unavailable|click to expand|copy link|watch live|show (?:more|less)|` +
			`enlarge this image|(?:toggle|hide|show) caption|open in app|save (?:this )?(?:article|story|articles) for later|explore more on these topics|reuse this content|story highlights)[.!:]?`},
		// A video playlist: video lengths and titles, "1:56 Protesters march
		// against the order Pause", "1:39 Who is BTK? 2:39 Search continues
		// for missing girl". One sentence after a time is a live blog's
		// entry, and stays.
		// A share bar and a video playlist in one line (McClatchy's pages):
		// "facebook twitter email Share More Videos 11:32 Police tackle man
		// for jaywalking Pause 2:29 Sacramento's most wanted: …"; a prefix
		// rule, as the list runs past the longest line a drop rule takes.
		{Name: "widget-playlist-bar", Kind: StripPrefix, Pattern: `(?:(?i:facebook|twitter|email|share)\s+){0,6}More Videos\s+\d{1,2}:\d{2}\s.*`, Hints: []string{"more videos"}},
		// A video's transcript as TV stations' players put it in the page:
		// the WebVTT file's text in one line after its "WEBVTT" header
		// ("WEBVTT WE ARE GOING LIVE TO THE PRESS CONFERENCE …"); the
		// player's toggle "Hide Transcript Show Transcript" is a label line.
		{Name: "widget-transcript", Kind: StripPrefix, Pattern: `WEBVTT\b.*`, Hints: []string{"webvtt"}},
		// A video's title put as a question ("2:07 Are the Dallas Cowboys
		// still America's Team?", "0:13 Judge: 'You’re still his wife with
		// these charges?'") is one too: a live blog's entries tell, they do
		// not ask.
		{Name: "widget-playlist", Pattern: `\d{1,2}:\d{2} [\p{Lu}"“‘'\d].{2,160}(?:[^.!?"”'’\s]|[^.!?]["”'’]|\?["”'’]?)|` +
			`(?:\d{1,2}:\d{2} [\p{Lu}"“‘'\d].{2,160}?[.!?]["”'’]? ){1,4}\d{1,2}:\d{2} [\p{Lu}"“‘'\d].{2,160}`},
		// Encyclopaedia page furniture: "From Wikipedia, the free
		// encyclopedia", "This article is about the 2014 killing spree. For
		// the 2001 assault, see ...".
		{Name: "widget-hatnote", Pattern: `From Wikipedia, the free encyclopedia|This article is about [^.\n]{1,160}\. For [^\n]{1,200}, see .{1,200}|For other uses, see .{1,160}`,
			Hints: []string{"wikipedia", "this article is about", "for other uses"}},
		{Name: "widget-external-links", Pattern: `(?i)(?:these are|this is an?) external links? and will open in a new (?:window|tab)\.?`, Hints: []string{"external link"}},
		{Name: "widget-breadcrumbs", Pattern: `(?:[\p{L}&' ]{1,30}\s*[>»›]\s*){2,}[\p{L}&' ]{1,30}`, Hints: []string{">", "»", "›"}},

		// --- Anywhere in a line: template tokens, leftover markup, credits. ---
		{Name: "template-double-bracket", Kind: StripInline, Pattern: `\[\[[^\[\]\n]*\]\]`},
		{Name: "template-braces", Kind: StripInline, Pattern: `\{\{[^{}\n]*\}\}|\{%[^%\n]*%\}`},
		{Name: "shortcode-caption", Kind: StripInline, Pattern: `\[caption[^\]\n]*\][^\[\n]*\[/caption\]`},
		{Name: "shortcode", Kind: StripInline, Pattern: `\[/?(?:embed|gallery|video|audio|playlist|tweet|youtube|instagram|facebook|related|ad|advert|newsletter|caption|pullquote|image|img|photo)\b[^\]\n]*\]`},
		// Tags of HTML elements only: "<steel>" in decoded text is a word.
		{Name: "leftover-tag", Kind: StripInline, Pattern: `</?(?i:` + htmlTagNames + `)(?:\s[^<>\n]*)?/?>`},
		{Name: "leftover-entity", Kind: StripInline, Pattern: `&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,6});`},
		{Name: "inline-photo-credit", Kind: StripInline, Pattern: agencyPhotoCredit + `|\(Photo(?:graph)? (?:by|courtesy of|credit:?) [^)\n]{0,100}\)`, Hints: []string{"photo"}},
		{Name: "inline-advertisement", Kind: StripInline, Pattern: `ADVERTISEMENT|SCROLL TO CONTINUE WITH CONTENT`, Hints: []string{"advertisement", "scroll to continue"}},
		// "Advertisement" glued between two sentences of a paragraph: "...
		// in north Stockton. Advertisement The 11-year-old boy ..."; a
		// sentence about one ("Advertisement revenue fell.") stays.
		{Name: "inline-advertisement-glued", Kind: StripInline, Pattern: `[.!?]["”’]? (?P<cut>Advertisement )\p{Lu}`, Hints: []string{"advertisement"}},
		// Daily Mail pages glue "Scroll down for video" between paragraphs.
		// A pointer to the page's player inside a paragraph: "… explains how
		// ISIS functions as a state. The video is at the top of this story.
		// It's an annual tradition …".
		{Name: "inline-media-pointer", Kind: StripInline, Pattern: `(?i)(?:^|\s)(?P<cut>(?:the|this|our) (?:video|clip|gallery|slideshow) (?:is|can be (?:seen|found|watched)) (?:at the top of|above|below|at the bottom of) (?:this|the) (?:story|page|article)\.\s?)`,
			Hints: []string{"of this story", "of the story", "of this page", "of the page", "of this article", "of the article", "story.", "page.", "article."}},
		{Name: "inline-scroll-down", Kind: StripInline, Pattern: `(?i)scroll down for (?:the )?(?:videos?|more(?: videos?| pictures| photos)?|pictures|photos|more)\b\.?`, Hints: []string{"scroll down"}},
		// Gallery counters glued to captions: "Image 1 of 10 Relatives say
		// ...", "Photo: / Image 1 of / 4 Caption Close" (a line of its own
		// or glued to its caption), and a credit
		// closing a caption line ("... 2015. Photo: Courtesy Family").
		{Name: "inline-gallery", Kind: StripInline,
			Pattern: `(?:\bPhoto: [^/\n]{0,40}/ )?\b(?:Image|Photo|Slide) \d{1,3} of /?\s*\d{1,3}(?: Caption Close)?(?: |$)|\sPhoto: \p{Lu}[\p{L}.'’ -]{1,40}$`,
			Hints:   []string{"image ", "photo", "slide "}},
		// Labels of a story's updates glued into it: "... on Sunday.
		// ORIGINAL STORY: The police ...", "Original Post: A boy ...", "UPDATE: ".
		{Name: "inline-update-label", Kind: StripInline, Pattern: `\*?\b(?:(?:ORIGINAL|PREVIOUS|EARLIER) (?:STORY|POST)|UPDATED?|(?:Original|Previous|Earlier) (?:[Ss]tory|[Pp]ost))\s*:\s*`,
			Hints: []string{"story:", "post:", "update"}},
		// Photo-store and caption buttons glued into the text.
		{Name: "inline-photo-buttons", Kind: StripInline, Pattern: `Buy Photo|View Full Caption|(?i:click to enlarge)`, Hints: []string{"buy photo", "full caption", "click to enlarge"}},
		// Bracketed notes for app or mobile readers: "[MOBILE USERS: Click
		// here for the photos]".
		{Name: "inline-bracket-promo", Kind: StripInline, Pattern: `\[(?i:mobile users|app users|click here|tap here|watch|video|photos?|gallery|related|read more)\b[^\[\]\n]{0,100}\]`, Hints: []string{"["}},
		// A sentence that asks the reader to click, sign up or come back:
		// "... a fight inside. You can also sign up for email alerts.",
		// "Sign the petition – click here.", "Check back for updates."
		{Name: "inline-promo-sentence", Kind: StripInline,
			Pattern: `[^.!?\n\[\]]+\b(?i:click|tap) here\b[^.!?\n\[\]]*[.!?]?|(?:\s|\b)(?:You can (?:also )?(?:sign up|subscribe|download|follow us)|Check back (?:later |soon )?for|` +
				`Stay (?:tuned|with [^!?\n]{1,40}?) for (?:more|updates|the latest))[^.!?\n]{0,120}[.!]?`,
			Hints: []string{"click here", "tap here", "you can", "check back", "stay t", "stay w"}},
		{Name: "inline-truncation", Kind: StripInline, Pattern: `\[(?:…|\.\.\.)\]`},
		// An agency's credit closing a line: "... the ministry said.
		// (Reuters)", "Ford recalls 240,000 SUVs over faulty seat belts
		// (Reuters)".
		// A newscast's own words in a station's caption transcript (all in
		// capitals): the anchor's sign-on ("GOOD EVENING, I'M DANNIKA
		// LEWIS."), a hand-off ("LOCAL10 NEWS CRIME SPECIALIST JOHN TURCHIN
		// IS LIVE WITH MORE ON WHAT HAPPENED IN COURT.", "CHANNEL 2 SAMANTHA
		// PTASHKIN JOINING US LIVE AT THE FAMILY'S HOME …", "WE'LL HAVE MORE
		// ON THIS COMING UP IN TEN MINUTES.") or a reporter's sign-off
		// ("PHILLIP MENA, KPRC CHANNEL 2 NEWS."). A sentence with a letter
		// in lower case is not the transcript's, and stays.
		{Name: "inline-newscast-handoff", Kind: StripInline,
			Pattern: `(?:^|\s)(?P<cut>(?:(?:[A-Z"“][^a-z.!?\n]{0,160}?)?\b(?:I['’]M|IS LIVE|ARE LIVE|JOINS US|JOINING US|WE['’]LL HAVE MORE|BACK TO YOU)\b[^a-z.!?\n]{0,200}|` +
				`[A-Z][A-Z .'’-]{2,40}, [A-Z0-9 ]{0,30}NEWS ?)[.!?]["”’]?)`,
			Hints: []string{"i'm", "i’m", "is live", "are live", "joins us", "joining us", "have more", "back to you", "news"}},
		// A link in brackets inside a sentence, as AP's member exchange
		// credits a paper: "The Daily Sentinel reports (http://bit.ly/1qs43G4
		// ) that the boy's arrest …". A reader of the alert cannot follow it.
		{Name: "inline-link-bracket", Kind: StripInline, Pattern: ` ?\((?:https?://|www\.)[^\s()]{1,200} ?\)`, Hints: []string{"(http", "(www."}},
		// A video's title and its copyright glued after a paragraph's last
		// sentence: "… hitting him in the chest. 3-year-old boy accidentally
		// shoots, kills himself © 2017 Cox Media Group." (Cox stations'
		// players).
		{Name: "inline-copyright-tail", Kind: StripInline, Pattern: `[.!?]["”’]? (?P<cut>[^.!?\n]{0,160}?(?:©|\(c\)) ?\d{4}\b[^\n]{0,120})$`, Hints: []string{"©", "(c)"}},
		{Name: "inline-agency-credit-end", Kind: StripInline, Pattern: `\s\(` + agency + `\)\.?$`, Hints: []string{"("}},
		// A related-links box glued after the paragraph's last sentence
		// takes the rest of the line: "... Toledo police said. RELATED
		// ARTICLES: Toledo police investigate two Wednesday shootings".
		{Name: "inline-related-tail", Kind: StripInline,
			Pattern: `[.!?]["”’]? (?P<cut>(?:RELATED|Related|MORE|SEE ALSO|See also|ALSO READ|Also read)(?: (?:ARTICLES?|STORIES|STORY|CONTENT|COVERAGE|LINKS|Articles?|Stories|Story|Content|Coverage|Links))?:.*)$`,
			Hints:   []string{"related", "more:", "see also", "also read"}},
		// The same box with its label in Title Case or capitals and no
		// colon, its headline running into the paragraph's next sentence:
		// "... the Sheriff's Department said. Related Content Neighbor
		// recounts chaotic shooting in North Highlands A 39-year-old woman
		// ...", often after a Hearst page's "Advertisement" (cut before it
		// by inline-advertisement-glued, which leaves two spaces). Where the
		// headline ends is not known: the rest of the line goes, as with the
		// colon.
		{Name: "inline-related-glued", Kind: StripInline,
			Pattern: `[.!?]["”’]? +(?P<cut>(?:Related (?:Articles|Stories|Story|Content|Coverage|Links|Posts)|RELATED (?:ARTICLES|STORIES|STORY|CONTENT|COVERAGE|LINKS|POSTS)) [\p{Lu}\d].*)$`,
			Hints:   []string{"related"}},
		// A signpost glued after the lead: "... struck Malatya on Monday.
		// Here's what we know so far.", or ending a line ("Here's what we
		// know:"); a sentence that goes on after its colon ("Here's what we
		// know for sure: a family of five ...") stays.
		{Name: "inline-heres-what", Kind: StripInline,
			Pattern: `(?:^|[.!?]["”’]? )(?P<cut>Here(?:'s|’s| is| are) (?:what|everything|all) (?:we know|you need to know|to know|it means|that means|we learned)[^.!?:\n]{0,60}(?:[.!]|:$))`,
			Hints:   []string{"here"}},
		// A pay wall's call glued after the teaser's last sentence: "...
		// split down the middle. Become a member to read more."
		{Name: "inline-paywall-sentence", Kind: StripInline,
			Pattern: `[.!?]["”’]? (?P<cut>(?:Become an? (?:member|subscriber)|Subscribe(?: now| today)?|Sign up|Sign in|Log in|Register)(?: (?:now|today|for free))? to (?:read|continue reading|keep reading|unlock|access|see) [^.!?\n]{0,80}[.!]?)`,
			Hints:   []string{" to read", " to continue", " to keep", " to unlock", " to access", " to see"}},
		// A "read more" link's text left after a teaser's last words: "...
		// split down the middle... Read More »"; "people should read more."
		// ends a sentence and stays.
		{Name: "inline-read-more-end", Kind: StripInline,
			Pattern: `(?i)\s(?:read more|read the (?:full|whole) (?:story|article)|continue reading|keep reading|weiterlesen|lire la suite|leer m[aá]s|seguir leyendo)\s*(?:»|›|→|>>?)?$`,
			Hints:   []string{"read", "weiterlesen", "lire la suite", "leer m", "seguir leyendo"}},
	}
}
