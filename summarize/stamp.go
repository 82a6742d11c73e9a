package summarize

// stampRules are the rules for a publication stamp alone on its line, a
// date followed by a time, as article pages and content:encoded put it
// above the text: "May 10, 2013, 9:12 a.m.", "Nov. 30, 2026 at 10:15 AM
// EST", "30 November 2026 14:05 GMT", "Tue 1 Dec 2026 10.42 GMT". date-only takes a date alone and
// time-only a time before a date; this stamp, the date first, was the
// opening of the summary. A line that goes on into a sentence ("May 10,
// 2013, 9:12 a.m. was when the first call came in.") is prose and stays.
func stampRules() []Rule {
	const (
		weekday = `(?:(?:\p{Lu}\p{L}+day|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,? )?`
		date    = `(?:\p{Lu}\p{L}{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}\.? \p{Lu}\p{L}{2,8}\.? \d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})`
		clock   = `(?:\d{1,2}[:.]\d{2}(?:\s*[aApP]\.?[mM]\.?)?|\d{1,2}\s*[aApP]\.?[mM]\.?)(?: \p{Lu}{2,5})?\.?`
	)
	return []Rule{
		{Name: "date-time-stamp", Pattern: weekday + date + `(?:,| at| -| –| \|)? ` + clock,
			// Every stamp has a digit: without hints the rule may start
			// with any capital letter (see TestDropAnySkipsProse).
			Hints: []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}},
	}
}
