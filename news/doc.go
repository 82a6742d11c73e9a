// Package news holds Newshound's domain types: the articles, sources, chats,
// subscriptions, outbox messages, stories and digests that every other part
// passes around, with the sentinel errors callers branch on.
//
// Rules: news imports no other package of this project and does no I/O. The
// store is one adapter that reads and writes these types; the parts that
// consume them declare, each for itself, the few methods they need.
package news
