// Package feeds fetches news sources and turns their items into stored articles.
//
// Scheduling (Poller.Run): each source is due at its own time, and a pool of
// Concurrency workers fetches due sources in due order. A fetch that runs
// past SlowAfter (5 s) gives its place to another source (slowLane, up to 4
// × Concurrency slow fetches, at least 16), so slow, hanging or trickling
// sources, however many up to that, delay no other.
// One host gets at most PerHost fetches at a time, HostGap apart; one that
// runs past SlowAfter stops counting against PerHost (up to 3 × PerHost
// such per host), so a slow feed does not hold the other feeds of its host
// either. Every
// source not backing off is fetched once at start, after a random delay of
// up to a tenth of its interval (at most 5 s). After a fetch, a source is
// due again after its interval: about half the time its feed takes between
// two items, a quarter longer after a 304, within MinInterval and
// MaxInterval, and never less than the Cache-Control max-age, Expires or
// RSS <ttl> the feed declares (up to MaxInterval or an hour, whichever is
// longer), made up to 10% shorter at random (jitter only ever brings a
// fetch earlier, so an item waits at most one interval for it). A
// stored next fetch further ahead than the source's interval (a clock
// stepped back) is clamped when read (DueAt). The queue itself runs on the
// monotonic clock.
//
// Rules, in the order they apply to one source in one fetch:
//  1. A source whose next fetch lies ahead is not fetched (PollOnce, a
//     forced poll, skips only those backing off after failures).
//  2. The fetch is a conditional GET (If-None-Match / If-Modified-Since) with a
//     timeout, a size cap after decompression and at most 5 redirects; a 304
//     means nothing new.
//  3. The body is parsed as RSS, Atom or JSON Feed (gofeed); anything else is
//     a failure of that source alone. The long CDATA sections of an RSS
//     item's content and description skip the XML parser (cutCDATA), with
//     the result of parsing the whole document. An item's HTML is read (cleaned, and
//     looked through for an image when the feed names none) only when the
//     store finds the item new, unless the item has no title or no guid or
//     link (its text is then part of what it is). An item whose HTML is
//     only a list of other reports' headlines (an aggregator's: Google
//     News) has no text, and an aggregator's title loses the outlet's
//     name it appends ("Storm Bert batters Wales - BBC News") when its
//     HTML links that headline with that name (linklist.go).
//  4. An item is new when the source never carried its guid (or, lacking one,
//     its link) before: the store keeps a record of the items each feed carries
//     for as long as it carries them, so an item whose article retention
//     pruned is still not new. An item the feed updates in place (its
//     title, or its text: revise.go) alerts nobody again, but its stored
//     title, text and summary follow it. New items are stored oldest first (those
//     of one time in the feed's order read from its end, unless its dated
//     items show it lists the oldest first), in one
//     transaction; a new item whose text the feed carries whole (no article
//     page to fetch) gets its summary first, in the fetch's worker, and is
//     stored with it, indexed for search, past the summary step: written
//     once. A fetch whose items cannot be stored counts as a failed
//     fetch (validators and the first-fetch flag untouched). An unchanged
//     feed writes nothing: the same item set as the last stored fetch is not
//     marked again, and a 304 (or a success that changes only times) is
//     recorded in the store's memory, written at most once per
//     store.QuietWrite.
//  5. New items from a source's first successful fetch, or published before
//     max_age, are stored but not alertable: decided once, when stored.
//  6. Then every stored article not finished yet, from this fetch or from one
//     that stopped midway (on start too), goes through the steps left to it
//     (in Run, by one finisher, right after each fetch that stored articles;
//     its article pages fetched in the background, at most Concurrency at a
//     time (a page past SlowAfter no longer counts, see slowText) and half
//     of them for one source, each article taken on once its text is
//     stored, so that pages that hang hold back no other article),
//     each recorded in the store once done: its summary (alertable teasers
//     first get the article page's text, when configured), its story
//     (Stories, which moves it on in the same write), and, for the
//     alertable ones, the Sink (handed the articles the story step read,
//     when they are all that wait). When the Store is a Finisher, the
//     Stories a LinkPlanner and the Sink an AlertPlanner (as wired in the
//     bot), the story, match and queue steps are decided first and stored
//     in one write with the move to done (finish.go): an article's row is
//     written twice in all, and a stop before that write leaves the whole
//     batch at the story step. When the Store is also a PlannedStore (the
//     bot's is), the articles whose text the feed carries whole skip all of
//     this: their stories and alerts are decided inside the fetch's own
//     write, and they are stored done, linked, their alerts queued and
//     their items marked seen in one commit, each row written once; a stop
//     before it leaves nothing written, the items new to the next fetch
//     again (a plan that fails but for a stop leaves them at the story
//     step, for the finish). An article is finished
//     only once the Sink returned, so a stop at any moment loses no alert, and
//     the store's one alert per (chat, story) makes the repeat of a step
//     harmless.
//
// Failures back off from 1 minute doubling to 6 hours, or the server's
// Retry-After when longer (at most a day), at least MaxInterval after a 429,
// and never hold up other sources. A request out of bounds is logged once
// per source.
package feeds
