package summarize

import (
	"regexp"
	"strings"
)

// Sentence compression: parts of a chosen English sentence that an alert
// can do without and that human summaries rarely carry. Only two kinds
// are cut, the two that raised ROUGE on both halves of both real-news
// files without lowering ROUGE-2 or ROUGE-L (BENCHMARKS.md, "Session 32:
// compression"); ages, days, parentheticals, "according to", leading
// attributions and "who" clauses were measured and left in.
//
// The choice of sentences is made before compression, on the sentences
// as written: compression only changes what is shown.

var (
	// attributionTailRE matches a speaker ending a sentence: ", police
	// said.", ", the force added.", ", a spokesman told Reuters.", ",
	// said South Yorkshire Police." Group 1 or 2 is the speaker.
	attributionTailRE = regexp.MustCompile(`, ((?:the |a |an )?(?:[A-Z][\w'’.-]*|[a-z]+)(?: (?:[A-Z][\w'’.-]*|[a-z]+)){0,3}) (?:said|says|added|told [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?)(?: (?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?\.$|, (?:said|says|added) ((?:the |a )?[A-Z][\w'’.-]*(?: [\w'’.-]+){0,4})\.$`)
	// notSpeakerRE matches a "speaker" that is a time or a clause
	// (", said Wednesday.", ", and he said.").
	notSpeakerRE = regexp.MustCompile(`^(?:and|but|or|as|which|who|that|this|when|where|while|so|then|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|on|last|yesterday|today|earlier|later)\b`)
	// modalRE matches a modal verb: what it says is an opinion or a
	// guess, which stays its speaker's.
	modalRE = regexp.MustCompile(`\b(?:should|could|would|may|might|must|can|ought)\b`)
	// negationRE matches a denial, which is never cut.
	negationRE = regexp.MustCompile(`(?i)\b(?:not|no|never|nor|none|nobody|nothing|without|deny|denied|denies|false|hoax)\b|n['’]t\b`)
	// accusationRE matches an act someone is accused of: who did it is
	// the speaker's claim ("… shot his son, police said."), which an
	// alert must not make its own.
	accusationRE = regexp.MustCompile(`(?i)\b(?:kill|killed|killing|shot|shoot|shooting|stab|stabbed|murder|murdered|rape|raped|attack|attacked|assault|assaulted|rob|robbed|stole|stolen|abuse|abused|kidnap|kidnapped|beat|beaten|strangled|poisoned|molested|defrauded|threatened|allegedly|accused|suspected|suspect)\b`)
	// asideStaysRE matches the opening of a dash "aside" that is part of
	// what the sentence reports: more of a list ("— and an unborn
	// grandson —") or what it includes.
	asideStaysRE = regexp.MustCompile(`^(?:and|or|but|plus|including|nor|as well as|along with|together with|among them|even)\b`)
	// dashAsideRE matches an aside between two spaced dashes ("K2 - the
	// second highest mountain in the world - 20 years after").
	dashAsideRE = regexp.MustCompile(` (?:[–—]|--?) ([^–—]{1,100}?) (?:[–—]|--?) `)
	// figureRE matches a count in digits or in words ("— eight of them
	// fatally —", "— all of them children —"): the news may be in it. An
	// ordinal describes ("— the second highest mountain in the world —").
	figureRE = regexp.MustCompile(`(?i)\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|half|quarter|third|all|both|every|none|several|many|few)\b`)
)

// compress returns an English sentence less its attribution tail and its
// asides between dashes, when what is left reads as a sentence of at
// least minSentenceWords words; sent itself otherwise.
func compress(sent string, lang language) string {
	if lang != langEnglish {
		return sent
	}
	out := cutAttributionTail(sent)
	out = cutDashAsides(out)
	if countWords(out) < minSentenceWords {
		return sent
	}
	return out
}

// cutAttributionTail returns sent without a speaker at its end (", police
// said.") when what the speaker said can stand as the alert's own report:
// the speaker is no time or clause, the tail holds no negation, and the
// rest holds no quotation (its words would lose their speaker) and no
// modal verb (an opinion, "Blackburn should brace themselves …, manager
// Gary Bowyer has said.", is the speaker's, not the alert's), and no act
// someone is accused of (accusationRE). sent is returned unchanged
// otherwise.
func cutAttributionTail(sent string) string {
	if !mayEndOnSpeaker(sent) {
		return sent
	}
	m := attributionTailRE.FindStringSubmatchIndex(sent)
	if m == nil {
		return sent
	}
	speaker := ""
	if m[2] >= 0 {
		speaker = sent[m[2]:m[3]]
	} else {
		speaker = sent[m[4]:m[5]]
	}
	kept := sent[:m[0]]
	if notSpeakerRE.MatchString(speaker) || negationRE.MatchString(sent[m[0]:]) ||
		strings.ContainsAny(kept, "\"“”‘") || strings.Contains(kept, " '") ||
		modalRE.MatchString(kept) || accusationRE.MatchString(kept) || countWords(kept) < minSentenceWords {
		return sent
	}
	if strings.HasSuffix(kept, ".") { // "by 6 p.m., police said."
		return kept
	}
	return kept + "."
}

// mayEndOnSpeaker is attributionTailRE's cheap first test: a verb of
// saying in the sentence's last 80 bytes.
func mayEndOnSpeaker(sent string) bool {
	tail := sent[max(0, len(sent)-80):]
	return strings.HasSuffix(sent, ".") && (strings.Contains(tail, " said") || strings.Contains(tail, " says") ||
		strings.Contains(tail, " added") || strings.Contains(tail, " told "))
}

// cutDashAsides returns sent without its asides between two spaced dashes
// that hold no figure and no negation and do not carry on the sentence's
// list ("— and an unborn grandson —"): the sentence reads on without them
// ("Fighters from 100 nations – more than half the countries in the world
// – have joined …").
func cutDashAsides(sent string) string {
	if !strings.Contains(sent, " – ") && !strings.Contains(sent, " — ") && !strings.Contains(sent, " - ") && !strings.Contains(sent, " -- ") {
		return sent
	}
	return dashAsideRE.ReplaceAllStringFunc(sent, func(aside string) string {
		inner := strings.TrimLeft(aside, " –—-")
		if figureRE.MatchString(aside) || negationRE.MatchString(aside) || asideStaysRE.MatchString(inner) {
			return aside
		}
		return " "
	})
}
