// Package feeds fetches news sources and turns their items into stored articles.
//
// Rules, in the order they apply to one source in one poll:
//  1. A source whose next_fetch_at lies ahead (backing off after failures) is skipped.
//  2. The fetch is a conditional GET (If-None-Match / If-Modified-Since) with a
//     timeout, a size cap after decompression and at most 5 redirects; a 304
//     means nothing new.
//  3. The body is parsed as RSS, Atom or JSON Feed (gofeed); anything else is
//     a failure of that source alone.
//  4. An item is new when the source has not had its guid (or, lacking one,
//     its link) before. New items are stored oldest first.
//  5. New items from a source's first successful fetch, or published before
//     max_age, are stored but not alertable.
//  6. New items get their summary (alertable teasers first get the article
//     page's text, when configured).
//  7. After all sources of a poll, every new article is linked to its story
//     (Stories), then the alertable ones are handed to the Sink.
//
// Failures back off from 1 minute doubling to 6 hours, or the server's
// Retry-After when longer, and never hold up other sources.
package feeds
