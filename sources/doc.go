// Package sources holds the use cases of the news sources that chats see and
// manage: the list with each source's health, adding a feed found at a
// user's URL, removing one, and OPML export and import. It knows no
// transport: callers format its results and decide who may call it.
//
// Rules:
//  1. Every URL that comes from a chat user, or from an OPML list one sent,
//     is fetched or checked through the FeedFinder, whose guard refuses
//     loopback, private, link-local and metadata addresses unless the
//     configuration allows them. A refused address fails with ErrBlocked.
//  2. Sources added here are news.OriginChat. A feed already known is left
//     as it is: Add reports it as not new, Import counts it as known.
//  3. Only chat-added (and retired) sources may be removed; a source of the
//     configuration file fails with ErrNotRemovable, to be removed there.
//  4. A source is fetched next at its own NextFetchAt (its interval, backoff
//     or the server's request, set at its last fetch), never later than now
//     plus its Interval: a time further ahead, from a clock stepped back, is
//     clamped when read. A source never fetched goes at the poller's next
//     run; retired sources are not fetched at all.
//
// Errors that callers branch on are the sentinels of errors.go, wrapped with
// %w together with the cause.
package sources
