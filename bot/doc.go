// Package bot is the only package that imports the Telegram library. It owns
// the update loop, the command router, HTML formatting, the outbox sender
// and the console transport.
//
// Rules:
//   - Every outgoing message is an outbox row first (store.Enqueue or
//     store.QueueAlerts); the Sender marks it sent only after the transport
//     accepted it. Replies go ahead of alerts within a chat.
//   - Telegram's flood limits are kept by construction, not by reacting to
//     429s (limits.go); each answer Telegram can give is handled as
//     answers.go says. An alert is rendered when it is sent (render.go).
//   - Every text a chat reads comes from the one catalog (package locale),
//     in the chat's language: the chat's choice (/language), else the
//     sender's Telegram language, which a private chat follows for its
//     alerts and digests too; alerts carry the chat's language with its
//     delivery settings (language.go). No reply is built from an English
//     literal (locale's tests walk this package to prove it).
//   - Every piece of outside text (titles, summaries, source names, user
//     input) is escaped with esc before it enters a message.
//   - The bot token never appears in an error or log line: the Telegram
//     transport redacts every error it returns.
//   - The core speaks Incoming and Outgoing; Telegram and the console are two
//     transports of the same router and sender.
//   - The library speaks Bot API 5.5: what Telegram added since (forum
//     topics, reply_parameters, link_preview_options, allow_paid_broadcast,
//     inline answers, command scopes, descriptions) goes as raw requests
//     (telegram_send.go, menus.go), and updates of both the long poll and the
//     webhook are read by one decoder of our own (update.go).
//   - A reply goes to the topic its command came from and, in groups, answers
//     that command (destination.go); an alert goes to its subscription's
//     topic; a topic gone or closed falls back to General once (topics.go).
package bot
