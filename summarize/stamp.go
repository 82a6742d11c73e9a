package summarize

// stampRules are the rules for a publication stamp alone on its line, a
// date followed by a time, as article pages and content:encoded put it
// above the text: "May 10, 2013, 9:12 a.m.", "Nov. 30, 2026 at 10:15 AM
// EST", "30 November 2026 14:05 GMT", "Tue 1 Dec 2026 10.42 GMT", "Nov 30,
// 2026 / 09:14 PM IST". date-only takes a date alone and
// time-only a time before a date; this stamp, the date first, was the
// opening of the summary. A line that goes on into a sentence ("May 10,
// 2013, 9:12 a.m. was when the first call came in.") is prose and stays.
func stampRules() []Rule {
	const (
		weekday = `(?:(?:\p{Lu}\p{L}+day|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,? )?`
		date    = `(?:\p{Lu}\p{L}{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}\.? \p{Lu}\p{L}{2,8}\.? \d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})`
		clock   = `(?:\d{1,2}[:.]\d{2}(?:\s*[aApP]\.?[mM]\.?)?|\d{1,2}\s*[aApP]\.?[mM]\.?)(?: \p{Lu}{2,5})?\.?`
	)
	// stamp is a date with an optional time: "Sunday, March 10, 2013
	// 10:02 AM EST", "Saturday, October 22, 2016 @ 2:13 PM", "Tuesday,
	// 11/18/2014".
	stamp := weekday + date + `(?:(?:,| at| -| –| \|| @| /)? ` + clock + `)?`
	return []Rule{
		// A page's "Posted: … Updated: …" line, often with the headline
		// glued before it as station sites (Worldnow) print it: "Gunfire
		// erupts at teen concert, 5 injured Posted: Sunday, March 10, 2013
		// 10:02 AM EST Updated: Monday, March 25, 2013 8:56 PM EST",
		// "Published: Thursday, 2/23/2017 - Updated: 2 weeks ago". The
		// headline is the alert's title already; a line that goes on after
		// the stamp is prose and stays.
		{Name: "posted-updated-stamp",
			Pattern: `(?:.{1,200}? )?(?i:posted|published):? ?` + stamp + `(?:\s*[-–|]?\s*(?i:updated|modified|last updated):? ?(?:` + stamp +
				`|\d{1,3} (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?) ago))?(?: ?\||\s*(?i:posted):\s*(?i:updated):)?`,
			Hints: []string{"posted", "published"}},
		{Name: "date-time-stamp", Pattern: weekday + date + `(?:,| at| -| –| \|| /)? ` + clock,
			// Every stamp has a digit: without hints the rule may start
			// with any capital letter (see TestDropAnySkipsProse).
			Hints: []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}},
	}
}
