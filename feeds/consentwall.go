package feeds

import (
	"regexp"
	"strings"
)

// A page fetched for an article's text may be no article at all but the
// consent wall a site shows a visitor without its cookie ("We and our 842
// partners store and/or access information on a device, such as cookies
// ..."), in the place of the article: readability takes its paragraphs for
// the article, and the alert summarised the wall. Such a page counts as
// one without an article (ErrPageNoArticle), and the item keeps the feed's
// text.
//
// A page reads as a consent wall when it is short (at most
// consentWallWords words: a wall is a few paragraphs, an article that
// discusses cookie consent is longer) and at least two in three of its
// paragraphs speak to the reader (addressTerms: "we", "our", "you") of
// cookies, consent, personal data or the site's partners (consentTerms),
// in the languages whose sites show such walls most. News of a cookie
// fine speaks of cookies too, but of a regulator and a company, not to
// the reader.

// consentWallWords is the most words a consent wall has.
const consentWallWords = 400

// consentTerms are the words of a consent wall's paragraphs.
var consentTerms = regexp.MustCompile(`(?i)\bcookies?\b|\bconsent|\bour (?:\d+ )?(?:partners|vendors)\b|personal data|personali[sz]ed (?:ads|advertising)|\bprivacy (?:policy|settings)\b|` +
	`\bEinwilligung|\bZustimm|\bDatenschutz|\bunsere (?:\d+ )?Partner\b|\bconsentement|donn[ée]es personnelles|nos partenaires|` +
	`\bconsentimiento|datos personales|nuestros socios|\bconsenso\b|dati personali|nostri partner`)

// addressTerms are the words by which a consent wall speaks to the
// reader, in the first person plural or the second person.
var addressTerms = regexp.MustCompile(`(?i)\b(?:we|our|ours|us|you|your)\b|\b(?:wir|unsere\w*|uns|ihr\w*|sie)\b|\b(?:nous|nos|notre|vous|vos|votre)\b|` +
	`\b(?:nosotros|nuestr\w+|usted|sus|tu|tus)\b|\b(?:noi|nostr\w+|tuoi|vostr\w+|tu)\b`)

// isConsentWall reports whether a page's text, paragraphs separated by
// blank lines, reads as a consent wall (see above).
func isConsentWall(text string) bool {
	if fieldCount(text, consentWallWords) > consentWallWords {
		return false
	}
	paras, walled := 0, 0
	for p := range strings.SplitSeq(text, "\n\n") {
		if fieldCount(p, 3) < 4 { // a heading or a button: "Accept all"
			continue
		}
		paras++
		if consentTerms.MatchString(p) && addressTerms.MatchString(p) {
			walled++
		}
	}
	return paras > 0 && 3*walled >= 2*paras
}
