package summarize

// linkTextRules are the rules for a link's text that a teaser leaves after
// its last sentence when the link ends in an ellipsis: WordPress's and many
// outlets' "Continue reading…", "Read more...". inline-read-more-end takes
// the link text bare or with an arrow; with the ellipsis it stayed in the
// summary. Only after a sentence's end: "readers should keep reading..."
// is the text's own.
func linkTextRules() []Rule {
	return []Rule{
		{Name: "inline-read-more-ellipsis", Kind: StripInline,
			Pattern: `[.!?]["”’]?\s+(?P<cut>(?i:continue reading|read more|keep reading|read the (?:full|whole) (?:story|article))\s*(?:…|\.\.\.)\s*(?:»|›|→)?)$`,
			Hints:   []string{"continue reading", "read more", "keep reading", "read the"}},
	}
}
