// Package stories decides which articles tell the same story, so that a chat
// hears of a story once, however many sources carry it.
//
// Rules, in the order they apply to a new article:
//  1. Only articles published within the window (alerts.dedup_window, 48 h by
//     default) are compared; a window of 0 turns story detection off.
//  2. Two articles whose canonical URLs agree are one story. Canonical means:
//     https, host without "www.", "m.", "mobile." or "amp.", path without an
//     amp variant ("/amp", "/amp/…", ".amp"), no fragment, no tracking
//     parameters (utm_*, fbclid, gclid and the like), the rest sorted.
//  3. Two articles whose headlines are identical once case and punctuation
//     are folded (headlines of at least four words) are one story. The
//     headline is the title without what outlets put around it (Headline):
//     flash labels ("UPDATE 2-", "BREAKING:", "LIVE:", "WATCH:", "(VIDEO)")
//     and the outlet's own name ("… | CNN", "… - BBC News", "… - WMC Action
//     News 5 - Memphis, Tennessee"), known by the article's host, its
//     source's name or a station's tag line; what rule 4 compares is the
//     headline too, so one outlet's name is no name its stories share.
//  4. Otherwise what is compared is the title and lead (the first 60 words of
//     the summary, or of the text) cleaned of page furniture (timestamp
//     lines, caption labels, video and gallery widgets, reader and sign-up
//     prompts), as Features: terms, some of them distinctive (names, places,
//     numbers). Two articles are one story when the TF-IDF cosine of their
//     terms is at least MinCosine (raised by CosinePerDay for each day
//     between their publication times) and the distinctive terms they share weigh at least MinShared in IDF, so that
//     two shootings of one day in two towns stay apart; or when the cosine
//     is at least MinCosineAnyName (raised with the time between them
//     likewise) or alerts.dedup_threshold and they share any distinctive
//     term. Either way they must share at least MinSharedTerms terms, and a
//     distinctive term that is no number (or MinSharedTermsNumbersOnly
//     terms): short items that agree on one word and a number ("emojitest
//     burst 2", "Storm number 2 hits the coast") reach a high cosine on
//     nothing. Never are two titles that number the same word differently
//     ("burst 1" and "burst 2", "Game 6" and "Game 7"), or carry two
//     different scores ("110-102" and "99-95": one team's two games), one
//     story by their words, nor two only weakly alike (below
//     MinCosineAnyName) whose titles name people or places (no numbers)
//     that neither article carries: "Harbor Gateway" and "Belle Glade",
//     alike on a street and small numbers; nor, while the frequencies have
//     counted fewer than YoungStream articles, two weakly alike whose shared
//     distinctive terms are numbers only: a new bot cannot yet tell a number
//     every report has ("five", "2 a.m.") from a rare one; and while they
//     have counted fewer than YoungCosineUntil articles the least cosine is
//     higher, by YoungCosine at none, falling in step: a word every report
//     of a kind has ("teen", a "County") is then as rare as a name; while
//     they have counted fewer than CrowdCosineUntil articles and the window
//     still holds them (a first fetch of many sources, all linked), the
//     least cosine is higher by up to CrowdCosine, as the larger of the
//     two: each report meets every other of its kind, and the best chance
//     likeness among many is high. Chinese, Japanese and Thai are read as pairs of
//     characters (see Features); German, which capitalises every noun,
//     tells names by where they stand (after a preposition with no
//     article, a capitalised adjective, in capitals), not by their capital;
//     Arabic, Persian and Urdu, which have no capitals, are read by their
//     Light10 stems, and a term of theirs is distinctive when it is rare
//     among the Arabic-script articles seen and no word of a kind of news
//     (see arabic.go). Document frequencies are learned from the stream of articles
//     the linker sees, and, when it starts, from the last SeedArticles
//     stored (a new bot's first fetch is backlog it never links: without
//     them it would know too few articles to tell a name from a word every
//     report has); an inverted index over distinctive terms finds the
//     candidates.
//  5. An article joins the story of its best match (a URL match beats an
//     identical title, which beats any text match; among text matches the
//     highest cosine, then the oldest), and a story is named by its first
//     article.
//
// Each article's Features are stored with it (articles.story_sig), so the
// window is rebuilt without reading texts; a signature of an older kind is
// recomputed from the article's text.
//
// Articles are linked when they are handed over for alerting (app.go's
// alert sink, before matching), so a source's first-fetch backlog, never
// alerted, is never linked either and never a candidate.
//
// Everything here but the Linker is pure: no I/O, no clock.
package stories
