package stories

import (
	"regexp"
	"strings"
)

// furniture matches a paragraph, or the part of one, that a page wraps
// around every article rather than what the article says: timestamp lines,
// gallery and photo captions' labels, comment and notification prompts,
// advertising labels and share buttons.
var furniture = []*regexp.Regexp{
	// "Posted: Monday, May 27, 2014 4:43 PM EDT Updated: …", "(Published Tuesday, April 21, 2015)"
	regexp.MustCompile(`(?i)\(?\b(posted|updated|published|last updated|last modified)\b:?\s+(on\s+)?[^.]*?\b\d{1,2}:\d{2}\s*([ap]\.?m\.?)?(\s*[A-Z]{2,4}T\b)?\)?`),
	regexp.MustCompile(`(?i)\(?\b(posted|updated|published)\b:?\s+(on\s+)?((mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\)?`),
	// "Image 1 of 10", "Photo: Courtesy …", "Caption Close"
	regexp.MustCompile(`(?i)\bimage \d+ of \d*\b`),
	regexp.MustCompile(`(?i)^(photo|caption|video|file photo)\b[^.]*$`),
	// single-word labels
	regexp.MustCompile(`(?i)^\s*(advertisement|close|caption|share|tweet|email|print|comments?|story continues below|continue reading)\s*$`),
	// video and gallery widgets: "Hide Transcript Show Transcript", "Copy Link Copy", "Skip Ad Ad Loading...",
	// "View Full Caption Shutterstock"
	regexp.MustCompile(`(?i)\b((hide|show) transcript|copy link( copy)?|skip ad|view full caption|related content)\b|\bad loading\b\.*`),
}

// furnitureParagraph matches a whole paragraph that is page furniture:
// prompts to the reader rather than news.
var furnitureParagraph = regexp.MustCompile(`(?i)(you must enter the characters|get email notifications|your notification has been saved|problem saving your notification|email notifications are only sent|you'll get an email|sign up for|subscribe to|follow us on|share this|read more|click here|all rights reserved|copyright|this material may not be|javascript|your browser|media playback|verification email|confirmation email|just one more thing|already have an account|thank you for registering|please sign in|sign in using|terms of service|privacy policy|activate your (profile|account)|why are we asking this|watch this story)`)

// cleanLead returns text without its page furniture (see furniture): whole
// paragraphs that prompt the reader go, timestamp and caption labels are cut
// out of the ones that stay, and a paragraph that repeats an earlier one (a
// gallery caption shown twice) is kept once.
func cleanLead(text string) string {
	paras := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var keep []string
	seen := map[string]bool{}
	for _, p := range paras {
		p = strings.TrimSpace(p)
		if p == "" || furnitureParagraph.MatchString(p) {
			continue
		}
		for _, re := range furniture {
			p = strings.TrimSpace(re.ReplaceAllString(p, " "))
		}
		if p == "" || seen[p] {
			continue
		}
		seen[p] = true
		keep = append(keep, p)
	}
	return strings.Join(keep, "\n")
}
