// Package settings holds the use cases of a chat's own settings: pausing and
// resuming alerts, quiet hours and what they do, the time zone, the daily
// digest time, the language it is spoken to in, and deleting everything
// about a chat. It knows nothing of
// Telegram: the bot parses a command, calls a method here and words the result.
//
// Rules:
//  1. Every time of day and every zone is read by package localtime, with one
//     grammar for all commands; values are stored as localtime writes them
//     ("HH:MM", a zone name or "+05:30").
//  2. Quiet hours apply in the chat's zone. Inside them an alert follows the
//     chat's own mode (silent or hold) or, when it chose none, the configured
//     default (alerts.quiet_mode), else silent. Outside them, or without them,
//     no quiet mode applies (QuietAt).
//  3. Deleting a chat first removes its subscriptions through the
//     subscription service, so its index forgets them, then the chat and all
//     it owns in the store.
//  4. A chat's language is one of locale.Languages, read by locale.Match
//     from any form a user writes ("ru", "de-AT"); "" means none chosen. A
//     private chat that chose none follows its user's app language
//     (FollowLanguage) until SetLanguage; FollowApp undoes a choice.
package settings
