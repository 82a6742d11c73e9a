// Package locale is Newshound's one message catalog: every text a chat
// reads (replies, buttons, help, errors, alert frames, digest headings,
// menus and date formats) in every language the bot speaks.
//
// Rules:
//   - A text's key is its English form, so the code reads as English and
//     an English chat reads exactly the key; every key is an entry in the
//     catalog (messages_*.go) with a translation for each language, using
//     the same format verbs (catalog_test.go proves both).
//   - Numbers are printed as fmt prints them, in every language: ids and
//     counts are never grouped, so a text stays a text to copy.
//   - A language is added by adding its column to every entry, its names
//     for dates (date.go) and its row in Languages; nothing else changes.
//   - Nothing here knows Telegram, the store or a chat: callers pass a
//     language code and get text.
package locale
