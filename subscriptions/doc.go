// Package subscriptions is the use case of keyword subscriptions: a chat subscribes to a query, lists and removes
// its subscriptions, and new articles turn into queued alerts. The query language and the matching itself live in
// package query; this package keeps the stored subscriptions and the in-memory query.Index in step.
//
// # Rules
//
//   - A subscription is stored only if its text parses (query.Parse); the text is stored as the user wrote it,
//     and the same query (equal query.Query.Key) subscribed twice in one chat, or one forum topic of a group, is
//     one subscription; in two topics it is two, each alerting in its topic.
//   - A chat holds at most Options.MaxPerChat subscriptions; the store enforces it in the insert.
//   - A new article causes at most one alert per chat (per forum topic in a group with topics), naming the
//     matching subscription with the lowest id, and only for unmuted subscriptions of active, unpaused chats.
//   - Every read and write goes through the Store interface declared here; the package does no other I/O.
package subscriptions
