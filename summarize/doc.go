// Package summarize turns article text into a short summary for an alert:
// by default the best two or three sentences of the article itself
// (extractive), optionally a model's summary (see Backend and OpenAI).
// Apart from that optional backend the package does no I/O.
//
// It also owns the text helpers that other packages reuse, in text.go and
// sentence.go: Sentences and FirstSentence (one sentence splitter, one list
// of abbreviations), Clip for labels in messages, Truncate for summaries and
// LimitBytes for storage caps.
//
// # Cleaning rules and their order
//
// Before anything is summarised the text is cleaned, in this order:
//
//  1. Markup: text with tags of known HTML elements is rendered to plain
//     text ("<steel>" in decoded text is a word, not a tag). Block
//     elements become paragraph breaks; scripts, styles, figure captions,
//     navigation, asides, forms and embeds are dropped with their content.
//  2. Entities are decoded, twice for double-escaped text ("&amp;nbsp;").
//  3. The text is split into lines; white space in each is folded to single
//     spaces, zero-width characters go, and a line starting in lower case
//     is joined to the line before (hard-wrapped text).
//  4. Lead: on the first lines, until one survives the later steps, junk
//     glued before the news is cut. When the title is known and repeated
//     within the first 500 bytes, followed by a fresh start (a capital, a
//     dateline), everything through it goes. Otherwise the first CutLead
//     rule that matches within 500 bytes removes everything up to the end
//     of its match (a photo caption, its credit and the repeated headline
//     glued before "KYIV, Nov 26 (Reuters) -"). A later one of the first
//     four lines that opens with a dateline ("SAN DIEGO (CBS 8) - ",
//     "AUSTIN— ") drops the lines kept before it: they were a caption or a
//     teaser.
//  5. DropLine rules remove whole lines (of at most 600 bytes) that are
//     promotions, captions, credits, bylines, timestamps or widgets. They
//     run before the prefix rules, so that a caption starting "FILE - " is
//     not mistaken for a dateline, and again after them when a prefix was
//     removed ("LIVE: Follow us on X").
//  6. StripPrefix rules remove wire labels and datelines at the start of
//     each line, repeatedly until none applies.
//  7. StripInline rules remove template tokens ("[[nid:123]]", "{{...}}"),
//     shortcodes, leftover tags and entities and inline photo credits
//     anywhere; a line they change is checked against the DropLine rules
//     again.
//  8. Empty lines are dropped; paragraphs are joined with "\n\n".
//
// Within a kind, built-in rules apply in table order (see builtinRules),
// then per-source rules from Options.ExtraRules in the order given. All
// patterns are RE2 (package regexp), so cleaning is linear in the text.
//
// # Extractive summaries
//
// The cleaned text is split into sentences (Sentences). In English text a
// run-on sentence is split where a photo caption or a new sentence is
// glued in without a full stop (pages whose paragraphs were run together:
// "... last Saturday Skilful: The kite weighs ..."); the glued pieces and
// lines without a full stop (headings) are never offered. Nor is a
// sentence in capitals (a TV station's caption transcript, shouting, a
// headline above the text) when the text has prose in mixed case; a text
// all in capitals gets no summary, as recasing it would lose its names.
// An article with
// no more sentences than wanted is returned whole if it fits. Otherwise
// the first 40 sentences are scored by word frequency (the mean
// probability of a sentence's stemmed, stop-word filtered terms in the
// article, as in SumBasic), position (news comes first), centrality
// (TextRank over the cosine similarity of tf-idf vectors) and overlap
// with the title, with penalties for fragments, questions, quotes and
// lead-ins; the weights are a Scorer's (DefaultScorer unless
// Options.Scorer says otherwise; cmd/rouge -fit fits others on articles
// with reference summaries). The best are taken one at a time; after each, the
// probabilities of its terms drop to 0, so the next choice is scored by
// what it says that is new. Fragments, captions, sentences that only repeat the
// title, restatements of an earlier sentence (the first statement is
// offered instead), near-duplicates of a chosen sentence and sentences
// that no longer fit in MaxChars are skipped, and the chosen ones are joined in
// article order. A summary never opens on a sentence that depends on one
// it left out (English "He", "They", "But", "However" ...): the sentence
// before is added when both fit, else the dependent one is left out. The
// text's own first sentence is no exception: the text comes cleaned, and a
// photo caption or a notice dropped before it may be what "They" refers
// to, so another sentence opens the summary. Nor
// does it carry a speaker's words without the speaker: a sentence inside a
// quotation opened in an earlier one ("He said: 'I think it must be. ...
// I realised I was climbing for myself.'", British single quotes
// included) is taken only right after the sentence before it. In English
// the chosen sentences are shown compressed (compress.go): an attribution
// tail (", police said.") goes unless the sentence quotes, guesses
// ("could", "should"), denies or accuses, and an aside between spaced
// dashes goes unless it holds a figure, a negation or more of a list; the
// choice and the MaxChars budget are made on the sentences as written, so
// a summary only gets shorter. If no sentence fits, the best is cut at a word boundary and ends with "…".
// When the text is empty, all boilerplate, all in capitals or only
// repeats the title, the summary is "": an alert shows the title already.
package summarize
