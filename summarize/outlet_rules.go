package summarize

// outletRules are the rules for the furniture of outlets the rest of the
// table was not written on (it was tuned on CNN, the Daily Mail, the BBC
// and US local pages): wire services, British, Indian, Australian and
// continental European papers, broadcasters' and live pages. Each kind
// was seen on pages written in those outlets' styles, where it reached
// a summary or sat in the cleaned text as a sentence that could.
func outletRules() []Rule {
	// An outlet named by a bio or a credit: a few capitalised words ending
	// on a word that names a paper, an agency or a broadcaster ("Fox News
	// Digital", "The Times", "Reuters").
	outlet := `(?:the |The )?(?:\p{Lu}[\p{L}.&'’-]* ){0,4}(?:` + creditOutlet + `|` + agency + `|News|Digital|Magazine|Media|CNN|BBC|NPR|CNBC)\b(?: \p{Lu}[\p{L}.&'’-]*){0,2}`
	// What a bio may add after the outlet: "… from Nairobi", "…, including
	// airlines, railroads and automakers", "… based in Brussels".
	bioTail := `(?: from \p{Lu}[\p{L} ]{1,30}|,? (?:including|based in) [^.!?]{1,100})?`
	return []Rule{
		// A caption ending on its credit: the Guardian's "Sewage flows into
		// a river in Oxfordshire. Photograph: Ben Birchall/PA", the New
		// York Times's "… New England.Credit...Sophie Park for The New
		// York Times", Al Jazeera's "… in the capital [File: Ahmed
		// Yusuf/AP Photo]", ABC Australia's "… the afternoon.(ABC News:
		// Nicole Hart)", AP's "… (Cole County Sheriff's Office via AP)",
		// Politico's "… on Capitol Hill. | Francis Chung/POLITICO". The
		// credit runs to the end of the line with no
		// sentence ending in it; "… Photograph: The First Century, opens
		// on Friday." is a title in prose, and stays. A gallery's "Photo:"
		// credit is inline-gallery's: it cuts the credit and keeps the
		// caption, which on a gallery page is the only text.
		{Name: "caption-credit-tail",
			Pattern: `.{0,400}?(?:(?:Photograph|Illustration|Composite)s?: ?\p{Lu}(?:[^.!?\n]|\.\S){0,80}|Credit\.{3} ?\p{Lu}(?:[^.!?\n]|\.\S){0,80}|` +
				`\[(?:File: ?)?\p{Lu}[^\[\]/]{1,60}/\p{Lu}[^\[\]]{0,40}\]|\([^()]{1,80} via (?:AP|Reuters|AFP|Getty Images|Bloomberg|dpa)\)\.?|` +
				`[.!?]["”’]? ?\| ?\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]*){1,3} ?/ ?\p{Lu}[\p{L}&. -]{1,40}|\((?:\p{Lu}[\p{L}]* ){0,3}(?:News|Pictures|Supplied)(?: \p{Lu}[\p{L}]*)?: \p{Lu}[^()]{1,50}\)\.?)`,
			Hints: []string{"photograph", "illustration", "composite", "credit...", "/", "news:", "pictures:", "supplied:", " via "}},
		// A photographer's credit alone on its line, with a caption's
		// toggle: NPR's "toggle caption Mark Ellison/NPR", "Mark
		// Ellison/NPR". A poll ("Reuters/Ipsos") names no person.
		{Name: "caption-credit-alone",
			Pattern: `(?i:(?:toggle|hide|show) caption )?\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]*){1,3} ?/ ?\p{Lu}[\p{L}&. -]{1,40}(?i: (?:toggle|hide|show) caption)?`,
			Hints:   []string{"/"}},
		// A writer's bio closing the page: "Michael Lee is a reporter for
		// Fox News Digital. Story tips can be sent to …", "Duncan covers
		// East Africa for Reuters from Nairobi.", "Daniel Reyes is a
		// reporter covering climate and weather. More about Daniel Reyes",
		// "Hannah Fry is a Los Angeles Times staff writer covering breaking
		// news.", "Jane Doe is a reporter for CBS News Chicago. She joined
		// the station in 2021.", "Niraj Chokshi covers transportation for
		// The Times, including airlines, railroads and automakers."
		// News about a reporter goes on past the outlet or the beat
		// ("… is a reporter who was detained on Monday.") and stays.
		{Name: "byline-bio",
			Pattern: `\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’.-]*){0,3} (?:is an? (?:[\p{L}.&'’-]+ ){0,5}(?:reporter|correspondent|writer|editor|journalist|columnist|producer)(?: (?:for|at|with) ` + outlet + bioTail +
				`| covering (?:[\p{L}'’-]+,? ){0,5}[\p{L}'’-]+)?|covers (?:[\p{L}'’-]+,? ){1,6}?for ` + outlet + bioTail + `)\.` +
				`(?: (?:He|She|They) (?:joined|has worked|previously|covers|can be reached|lives|is based|was (?:previously|formerly))\b[^.!?]{0,120}\.)*` +
				`(?: (?:More about|Story tips|Follow (?:him|her|them)|Contact (?:him|her|them))\b.{0,200})?`,
			Hints: []string{"reporter", "correspondent", "writer", "editor", "journalist", "columnist", "producer", "covers"}},
		// Where a paper printed the story: "A version of this article
		// appears in print on Dec. 19, 2023, Section A, Page 14 …".
		{Name: "credits-print-edition", Pattern: `(?i)an? version of this (?:article|story|report) (?:appears|appeared|will appear) in print\b.{0,400}`,
			Hints: []string{"in print"}},
		// A wire story's note of what its update changed: "(Updates with
		// settlement prices in second paragraph.)", "(Adds comment from
		// currency official in third paragraph)"; and who helped write it:
		// "— With assistance from Jack Wittels", "(With inputs from
		// agencies)", "(FRANCE 24 with AFP)". A sentence that goes on
		// ("With assistance from the FBI, police arrested two men.") stays.
		{Name: "credits-wire-notes",
			Pattern: `\((?:Updates|Adds|Recasts|Rewrites|Corrects|Changes|Moves|Refiles|Removes|Fixes|Clarifies|Releads) [^()]{1,160}\)\.?|` +
				`(?:[-—–]+ ?)?(?i:with (?:assistance|additional reporting) from) \p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*)*(?:(?:,| and) \p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*)*)*\.?|\((?i:with inputs from) [^()]{1,80}\)|\([\p{L}\d ]{1,30} with ` + agency + `\)`,
			Hints: []string{"(", "with assistance", "with inputs", "with additional"}},
		// A broadcaster's transcript notice without a year: "Transcript
		// provided by NPR, Copyright NPR."; "Copyright lawsuits doubled."
		// is prose.
		{Name: "standards-transcript",
			Pattern: `(?i:transcript provided by) .{1,120}|.{0,120}\bCopyright \p{Lu}{2,}[\p{L}&.]*(?: \p{Lu}[\p{L}&.]*)?\.?`,
			Hints:   []string{"transcript provided", "copyright"}},
		// An outlet's pointer to its own pages: "Catch all the Latest India
		// News, Breaking News and Weather updates on Hindustan Times.",
		// "Get the latest lifestyle updates on Times of India …", "Keep up
		// with all the latest news from the UK … by following Sky News".
		{Name: "promo-latest-news",
			Pattern: `(?i)(?:catch|get|read|find|keep up with|stay on top of|stay up to date with|stay updated with|stay informed with) (?:all )?(?:the )?latest (?:[\p{L}'’-]+,? ){0,8}?(?:news|updates|headlines|stories|videos)\b.{0,200}`,
			Hints:   []string{"latest"}},
		// A call for money: "Independent journalism costs money. Support
		// Times of Malta for the price of a coffee.", "Support us",
		// "Please consider supporting our journalism." "Support for the
		// measure fell" is prose.
		{Name: "promo-donate",
			Pattern: `(?i)(?:(?:independent|quality|local|good|trusted) journalism (?:costs|takes|needs|is expensive)\b.{0,300}|(?:please )?(?:support|consider supporting|help fund|donate to) (?:us|our (?:journalism|work|newsroom|reporting|mission)|independent journalism)\b.{0,200}|` +
				`support [^.!?\n]{1,40} for (?:the price of|as little as|just|only)\b.{0,200}|(?:donate|make a (?:donation|contribution)) (?:now|today)\b.{0,200})`,
			Hints: []string{"journalism", "support", "donat", "contribution"}},
		// A live page's greeting and promise: "Good evening and welcome to
		// our live coverage of election night.", "We'll bring you the
		// results, the reaction and the analysis as they come in."
		{Name: "live-page-asides",
			Pattern: `(?i)(?:(?:good (?:morning|afternoon|evening)|hello|hi)(?:,? and|,|!|\.)? )?welcome (?:back )?to (?:our|the|this) (?:[\p{L}'’]+ ){0,3}(?:live (?:coverage|blog|updates|page)|rolling coverage)\b.{0,200}|` +
				`(?:we['’]ll|we will) (?:bring you|keep you (?:updated|posted)|be bringing you)\b.{0,160}\bas (?:they|it|events?|things) (?:come in|happens?|unfolds?|develops?)\b.{0,40}|` +
				// and its farewell: "Our live coverage has ended. Follow the
				// latest updates here.", "We're going to pause our live
				// coverage now. Thanks for joining us.", "That's it from me today.
				// My colleague will take over the blog shortly."
				`(?:our|this|the) live (?:coverage|blog|updates?|page) (?:has|have|is) (?:now )?(?:ended|moved|finished|paused|closed)\b.{0,200}|` +
				`(?:we['’]re|we are) (?:going to )?(?:pause|pausing|end|ending|wrap(?:ping)? up|clos(?:e|ing)) (?:our|this|the) live (?:coverage|blog|page)\b.{0,200}|` +
				`that['’]s (?:it|all) (?:from (?:me|us)|for (?:now|today|tonight))\b.{0,200}|thanks? (?:you )?for (?:joining|following) (?:us|along)\b.{0,80}|` +
				`(?:my|our) colleagues? (?:will|is going to|are going to) (?:take over|pick up|be with you|continue)\b.{0,120}`,
			Hints: []string{"welcome", "bring you", "keep you", "bringing you", "live", "that's", "that’s", "for joining", "for following", "colleague"}},
		// A station's promise to update: "KXAN will update this story as
		// more information becomes available.", "We will update this
		// article." "Officials will update this report next year." is news.
		{Name: "story-will-update",
			Pattern: `(?:[Ww]e|[\p{Lu}\d][\p{Lu}\d&.-]{1,10}(?: \d{1,2})?|\p{Lu}[\p{L}]+ News) will (?:continue to )?(?:update|be updating) this (?:story|article|post|page)\b.{0,120}`,
			Hints:   []string{"update this", "updating this"}},
		// A page's prompts and disclaimers, kept as paragraphs by an
		// extractor: "Save articles to read later and create your own
		// reading list.", "Was this helpful?", "Thank you for your
		// feedback.", "Please use Chrome browser for a more accessible
		// video player", "Why you can trust Sky News", "The BBC is not
		// responsible for the content of external sites.", "The content
		// you requested does not exist or is not available anymore.",
		// "Like us on Facebook", "Follow Sky News on WhatsApp", "Log in,
		// register or subscribe to save articles for later.", "Join ST's
		// WhatsApp Channel and get the latest news and must-reads.".
		{Name: "widget-page-prompts",
			Pattern: `(?i:save (?:articles?|stories) to read later\b.{0,80}|was this (?:article )?helpful\??|thank you for your feedback[.!]?|please use [\p{L} ]{1,30} browser for .{0,80}|why you can trust [\p{L}\d ]{1,30}|` +
				`the [\p{L}. ]{1,30} is not responsible for the content of external (?:internet )?(?:sites|websites|links)\.?|(?:sorry, )?the (?:content|page|article|story|video) you (?:requested|are looking for|were looking for|tried to (?:access|view)) ` +
				`(?:does not|doesn['’]t|could not|cannot|can['’]t|is no longer|is not|no longer)\b.{0,120}|like us on ` + socialNetwork + `\b.{0,80}|` +
				`(?:log ?in|sign in|register)(?:,? (?:or )?(?:log ?in|sign in|register|subscribe))* to save (?:articles|stories)\b.{0,80}|` +
				`join (?:[\p{L}.&]+ ){0,2}[\p{L}.&]+['’]s (?:whatsapp|telegram) (?:channel|group)\b.{0,160})|` +
				// A named account, which promo-follow ("Follow us on X") leaves.
				`(?i:follow) (?:(?i:reporter|writer|columnist|correspondent|author) )?\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3} (?i:on ` + socialNetwork + `)\b.{0,200}`,
			Hints: []string{"read later", "helpful", "feedback", "browser", "you can trust", "external", "you requested", "looking for", "tried to", "like us", "follow", "to save", "whatsapp", "telegram"}},
		// Notes on how the copy was made or paid for: AP's "The Associated
		// Press Health and Science Department receives support from … The
		// AP is solely responsible for all content.", NDTV's "(Except for
		// the headline, this story has not been edited by NDTV staff and is
		// published from a syndicated feed.)", The Conversation's "This
		// article is republished from … under a Creative Commons license."
		// and its writers' disclosure ("… does not work for, consult, own
		// shares in or receive funding from …").
		{Name: "credits-copy-notes",
			Pattern: `.{0,300}\b(?:is|are) solely responsible for all content\.?|\(?(?i:except for the headline, this story has not been edited by)\b.{0,200}|` +
				`(?i:this (?:article|story|piece|post) (?:is|was|has been) republished (?:from|with permission)\b).{0,200}|.{0,80}\bdoes not work for, consult, own shares in\b.{0,300}`,
			Hints: []string{"solely responsible", "except for the headline", "republished", "own shares in"}},
		// A helpline box after a story of suicide or abuse: "In the UK, the
		// charity Mind is available on 0300 123 3393. Other international
		// helplines can be found at befrienders.org", "If you or someone you
		// know is struggling, call or text 988."
		{Name: "widget-helpline",
			Pattern: `.{0,300}\b(?i:(?:other )?(?:international )?helplines can be found at)\b.{0,120}|(?i:if you or someone you know (?:is|are|has|needs|may be)\b).{0,300}`,
			Hints:   []string{"helplines can be found", "someone you know"}},
		// The signposts of a page written in labelled paragraphs (Axios,
		// Semafor): "Why it matters: Housing affordability …", "By the
		// numbers: 4.09 million homes …". The label goes, its sentence
		// stays; "Go deeper: Mortgage rates hit 7%" is a link, and goes.
		{Name: "prefix-signpost-label", Kind: StripPrefix,
			Pattern: `(?:Why it matters|By the numbers|The big picture|Driving the news|Between the lines|Zoom in|Zoom out|What we're watching|What we’re watching|What to watch|` +
				`The bottom line|Yes, but|Flashback|Catch up quick|State of play|What they're saying|What they’re saying|Reality check|What's next|What’s next|The intrigue|Be smart|Know more|The news|` +
				`Go deeper|Go deeper \(\d+ min\. read\))\s*:\s*(?P<rest>[\p{Lu}"“‘\d])`,
			Hints: []string{": "}},
		{Name: "widget-go-deeper", Pattern: `(?:Go deeper|Go deeper \(\d+ min\. read\)|Dive deeper|Keep reading)\s*:.{0,200}`, Hints: []string{"deeper", "keep reading"}},
		// A link's note for screen readers left in the sentence when the
		// page is flattened: Reuters's "… reported a record profit on
		// Tuesday, opens new tab, driven by …", "(opens in new window)",
		// "(external link)". A browser that "opens a new tab" is prose.
		{Name: "inline-link-note", Kind: StripInline,
			Pattern: `,(?P<cut> opens (?:in )?new (?:tab|window),)`, Hints: []string{"new tab", "new window"}},
		// The same note before a word ("… in a statement, opens new tab
		// that …") or in brackets: the comma goes with it.
		{Name: "inline-link-note-end", Kind: StripInline,
			Pattern: `(?P<cut>, opens (?:in )?new (?:tab|window)(?: |$)|\s?\((?:opens (?:in )?(?:a )?new (?:tab|window)|external link|link is external)\))`,
			Hints:   []string{"new tab", "new window", "external link", "link is external"}},
		// A newsletter's call glued after a paragraph's last sentence: "…
		// the smallest increase in three years. Sign up for our free daily
		// newsletter here.", "… prosecutors said. Get our free weekly
		// newsletter". "Subscribers to the newsletter rose" is prose.
		{Name: "inline-newsletter-sentence", Kind: StripInline,
			Pattern: `[.!?]["”’]? (?P<cut>(?:Sign up|Subscribe|Get|Register) (?:(?:for|to) )?(?:our|the) (?:free )?(?:[\p{L}'’-]+ ){0,4}(?:newsletter|briefing|e-?mail alerts|news alerts)\b[^.!?\n]{0,80}[.!]?)`,
			Hints:   []string{"newsletter", "briefing", "alerts"}},
		// A pay wall's notice in French, Spanish or German: "Article
		// réservé aux abonnés", "Il vous reste 62.5% de cet article à
		// lire. La suite est réservée aux abonnés."
		{Name: "promo-subscribers-foreign",
			Pattern: `(?i)(?:(?:article|contenu) )?réservée? aux abonnés\.?|il vous reste [\d.,]+ ?% de cet article à lire\b.{0,200}|la suite est réservée aux abonnés\.?|` +
				`(?:este )?(?:contenido|artículo) (?:es )?(?:exclusivo|reservado) para suscriptores\b.{0,120}|(?:dieser )?(?:artikel|inhalt) ist (?:nur )?für abonnenten\b.{0,120}`,
			Hints: []string{"abonnés", "il vous reste", "suscriptores", "abonnenten"}},
	}
}
