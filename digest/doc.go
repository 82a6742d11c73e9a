// Package digest sends every chat its daily digest at the chat's own local
// time: who is due, what goes in a digest, ranking and grouping, and catch-up
// after downtime. It queues digests in the outbox and never talks to Telegram.
//
// Rules, in the order they apply:
//  1. A chat has a digest when it is active and its digest time is set
//     ("/digest off" clears it). Its zone is an IANA name or a fixed UTC offset.
//  2. Each local date has one due instant: time.Date(date, HH:MM) in the
//     chat's zone. On a spring-forward day a time that does not exist falls
//     just after the gap (02:30 becomes 03:30), never before; on a fall-back
//     day a time that occurs twice yields one instant. The digest is recorded under its local
//     date, unique per chat, so a date never gets two daily digests, whatever
//     the clock, the zone rules or the number of running processes.
//  3. A tick looks at the instants since the previous tick. The first tick
//     after a start looks back digest.catch_up: a digest missed while the bot
//     was down is sent once if it is at most that late, and skipped otherwise.
//     A digest due before the chat existed is not sent.
//  4. A digest covers the chat's alerts (held ones included) created since its
//     previous digest, of any kind; a chat's first digest covers 24 hours.
//     Messages and record are written in one transaction.
//  5. Content: one entry per story, ranked by how many sources carry it, then
//     by its newest article; the first digest.max_items are shown, grouped by
//     subscription in the order of /list, then, for each subscription with
//     stories left out, "and N more of QUERY: /search QUERY" (/latest shows
//     only the newest few). Messages are split between entries, each at most
//     4096 UTF-16 units of HTML.
//  6. An empty day is recorded but sends nothing unless digest.send_empty.
package digest
