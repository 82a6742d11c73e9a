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
//  3. Otherwise two articles whose title and lead (the first 50 words of the
//     summary, or of the text) share word pairs with a Jaccard similarity of
//     at least the threshold (alerts.dedup_threshold) are one story. A MinHash
//     signature, stored with each article, finds the candidates; the exact
//     similarity, computed from both texts, decides.
//  4. An article joins the story of its best match (a URL match beats any
//     text match; among text matches the most similar, then the oldest), and
//     a story is named by its first article.
//
// Articles are linked when they are handed over for alerting (app.go's
// alert sink, before matching), so a source's first-fetch backlog, never
// alerted, is never linked either and never a candidate.
//
// Everything here but the Linker is pure: no I/O, no clock.
package stories
